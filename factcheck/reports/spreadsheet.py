"""Statements as CSV rows for spreadsheet users, written by PostgreSQL and streamed as it writes.

PostgreSQL builds every row (`COPY (SELECT ...) TO STDOUT WITH (FORMAT csv)`): its article, speaker,
reviewers' verdicts and evidence joined in, numbered within its article by a window, and quoted as
CSV. Python only passes the chunks on, turning the row ends into the CRLF spreadsheets expect, so a
million rows stream in flat memory at several hundred thousand rows a second. Cells that a
spreadsheet would run as a formula are neutralised (in SQL, the same rule as `neutralise`): article
text is untrusted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.db import connection

from factcheck.models import Verdicts
from factcheck.reports.selection import Selection, consistent_read, planner_settings

FLUSH_AT = 1 << 16
LABELS = dict(Verdicts.choices)

COLUMNS = [
    "article_id",
    "article_title",
    "outlet",
    "article_url",
    "published_on",
    "article_status",
    "statement_id",
    "number",
    "speaker",
    "speaker_kind",
    "speaker_affiliation",
    "quote",
    "form",
    "start",
    "end",
    "final_verdict",
    "final_note",
    "settled_by",
    "settled_at",
    "reviewer_count",
    "confirmed_count",
    "denied_count",
    "disputed_count",
    "agreement",
    "reviewers",
    "rationales",
    "evidence_urls",
]

_FORMULA_START = frozenset("=+-@\t\r")
# What Python's str.strip() removes, so evidence addresses are trimmed in SQL exactly as before.
# (tests check it against every code point).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def neutralise(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    if text[:1] in _FORMULA_START:
        return "'" + text
    return text


def _cell(expression: str) -> str:
    """SQL for a text cell as `neutralise` writes it; empty becomes NULL, which COPY leaves
    unquoted (it quotes an empty string), as Python's csv writer does. ascii() reads the first
    character's code point without copying the text."""
    starts = ", ".join(str(ord(c)) for c in sorted(_FORMULA_START))
    return (
        f"CASE WHEN ascii({expression}) IN ({starts}) THEN '''' || {expression} "
        f"ELSE NULLIF({expression}, '') END"
    )


def _label(expression: str) -> str:
    whens = " ".join(f"WHEN '{value}' THEN '{label}'" for value, label in LABELS.items())
    return f"(CASE {expression} {whens} END)"


def _full_name(user: str) -> str:
    """SQL for a person as the reports name them: first and last name, else the username."""
    return (
        f"COALESCE(NULLIF(concat_ws(' ', NULLIF({user}.first_name, ''), "
        f"NULLIF({user}.last_name, '')), ''), {user}.username)"
    )


# Run only for statements whose verdicts hold evidence (a scalar subquery in CASE runs on demand).
_EVIDENCE_SQL = """
  SELECT string_agg(url, E'\\n' ORDER BY first)
  FROM (
    SELECT url, min(n) AS first
    FROM (
      SELECT {url} AS url, row_number() OVER (ORDER BY vv.created_at, vv.id, el.n) AS n
      FROM factcheck_verdict vv
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(vv.evidence) = 'array' THEN vv.evidence ELSE '[]' END
      ) WITH ORDINALITY AS el(item, n)
      WHERE vv.statement_id = s.id AND jsonb_typeof(el.item) = 'object'
    ) AS found
    WHERE url <> ''
    GROUP BY url
  ) AS distinct_urls
"""


def _copy_sql(selected: str) -> str:
    users = get_user_model()._meta.db_table
    counts = ", ".join(
        f"count(*) FILTER (WHERE vv.value = '{value}') AS {value}" for value in LABELS
    )
    # A verdict's evidence as the old Python read it: string addresses of object items, trimmed.
    url = (
        "CASE jsonb_typeof(el.item -> 'url') WHEN 'string' THEN btrim(el.item ->> 'url', %s) "
        "WHEN 'number' THEN el.item ->> 'url' WHEN 'boolean' THEN "
        "CASE WHEN (el.item -> 'url')::boolean THEN 'True' END END"
    )
    return f"""
COPY (
SELECT
  s.article_id,
  {_cell("a.title")},
  {_cell("a.outlet")},
  {_cell("a.url")},
  to_char(a.published_on, 'YYYY-MM-DD'),
  {_cell("a.status")},
  s.id,
  row_number() OVER (PARTITION BY s.article_id ORDER BY s.position, s.start, s.id),
  {_cell("sp.name")},
  {_cell("sp.kind")},
  {_cell("af.name")},
  {_cell("s.quote")},
  CASE WHEN s.direct THEN 'direct quote' ELSE 'reported speech' END,
  s.start,
  s."end",
  {_label("s.final_verdict")},
  {_cell("s.final_note")},
  {_cell(f"CASE WHEN fb.username <> '' THEN {_full_name('fb')} END")},
  to_char(s.final_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
  COALESCE(v.reviewer_count, 0),
  {", ".join(f"COALESCE(v.{value}, 0)" for value in LABELS)},
  CASE WHEN s.final_verdict <> '' AND v.reviewer_count > 0
    THEN v.agreeing || ' of ' || v.reviewer_count || ' agree' END,
  {_cell("v.reviewers")},
  {_cell("v.rationales")},
  {_cell("e.urls")}
FROM factcheck_statement s
JOIN factcheck_article a ON a.id = s.article_id
LEFT JOIN factcheck_party sp ON sp.id = s.speaker_id
LEFT JOIN factcheck_party af ON af.id = sp.affiliation_id
LEFT JOIN {users} fb ON fb.id = s.final_by_id
LEFT JOIN LATERAL (
  SELECT
    count(*) AS reviewer_count,
    {counts},
    count(*) FILTER (WHERE vv.value = s.final_verdict) AS agreeing,
    string_agg({_full_name("u")} || ': ' || {_label("vv.value")}, '; '
      ORDER BY vv.created_at, vv.id) AS reviewers,
    string_agg({_full_name("u")} || ': ' || vv.rationale, E'\\n'
      ORDER BY vv.created_at, vv.id) FILTER (WHERE vv.rationale <> '') AS rationales,
    bool_or(vv.evidence <> '[]') AS has_evidence
  FROM factcheck_verdict vv JOIN {users} u ON u.id = vv.reviewer_id
  WHERE vv.statement_id = s.id
) v ON true
LEFT JOIN LATERAL (
  SELECT CASE WHEN v.has_evidence THEN ({_EVIDENCE_SQL.format(url=url)}) END AS urls
  OFFSET 0  -- a fence: the subquery runs once a row, not once per mention
) e ON true
WHERE s.id IN ({selected})
ORDER BY s.article_id, s.position, s.start, s.id
) TO STDOUT WITH (FORMAT csv)
"""


class _RowEnds:
    """COPY ends rows with LF; spreadsheets (and Python's csv) expect CRLF. A newline ends a row
    when an even number of quotes precede it: inside a quoted cell it is the cell's own."""

    def __init__(self) -> None:
        self.quoted = False

    def __call__(self, chunk: bytes) -> bytes:
        parts = chunk.split(b'"')
        outside = 1 if self.quoted else 0
        parts[outside::2] = [p.replace(b"\n", b"\r\n") for p in parts[outside::2]]
        self.quoted ^= len(parts) % 2 == 0
        return b'"'.join(parts)


def stream(selection: Selection) -> Iterator[str]:
    """CSV text in pieces of about FLUSH_AT characters; a UTF-8 BOM first so Excel reads accents."""
    header = io.StringIO()
    header.write("\ufeff")
    csv.writer(header).writerow(COLUMNS)
    yield header.getvalue()
    selected, params = selection.statements().order_by().values("pk").query.sql_with_params()
    crlf = _RowEnds()
    # JIT compiling this wide query costs seconds and saves nothing. COPY is planned for total
    # time, so it would sort every row before sending the first: without sorts it reads in
    # (article, position) index order and sorts each position's few rows, so the file starts at
    # once and no sort spills to disk at a million rows.
    with (
        consistent_read(),
        planner_settings(jit="off", enable_sort="off"),
        connection.connection.cursor() as cursor,
        cursor.copy(_copy_sql(selected), [_WHITESPACE, *params]) as copy,
    ):
        # PostgreSQL sends whole rows, so a piece never ends inside a UTF-8 character.
        pending: list[bytes] = []
        size = 0
        for piece in copy:
            pending.append(piece)
            size += len(piece)
            if size >= FLUSH_AT:
                yield crlf(b"".join(pending)).decode()
                pending.clear()
                size = 0
        yield crlf(b"".join(pending)).decode()
