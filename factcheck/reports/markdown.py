"""The report as Markdown for pasting into a CMS: headline, summary, then each statement.

Article text and reviewers' notes are untrusted, so Markdown's syntax characters in them are
escaped and only http(s) links become links: a pasted report can't smuggle in markup or scripts.
"""

from __future__ import annotations

import re

from factcheck.links import safe_href
from factcheck.reports.article import ArticleReport

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, HTML or list numbering."""
    text = _SPECIAL.sub(r"\\\1", text or "")
    text = _LINE_START.sub(r"\1\2\\\3", text)
    return re.sub(r"^(\s*)([-=])", r"\1\\\2", text, flags=re.MULTILINE)


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _link(title: str, url: str) -> str:
    href = safe_href(url)
    label = escape(_one_line(title) or url)
    if not href:
        return label
    return f"[{label}](<{href.replace('<', '%3C').replace('>', '%3E')}>)"


def render(report: ArticleReport) -> str:
    article = report.article
    out = [f"# {escape(_one_line(article.title))}", ""]
    meta = [escape(article.outlet or "Unknown outlet")]
    if article.published_on:
        meta.append(article.published_on.strftime("%-d %B %Y"))
    if article.byline:
        meta.append(f"by {escape(_one_line(article.byline))}")
    out.append(" · ".join(meta))
    if article.url:
        out += ["", _link(article.url, article.url)]
    out += ["", "## Summary", ""]
    out.append(
        " · ".join(f"**{label}:** {count}" for _, label, count in report.summary)
        + f" — {len(report.statements)} statements checked"
    )
    out += ["", "## Statements", ""]
    if not report.statements:
        out += ["No statements have been recorded for this article.", ""]
    for s in report.statements:
        who = escape(s.speaker) + (f", {escape(s.affiliation)}" if s.affiliation else "")
        out += [f"### {s.number}. {who}", ""]
        out += [f"> {escape(line)}" if line.strip() else ">" for line in s.quote.splitlines()]
        out += [""]
        verdict = f"**Verdict: {s.verdict_label}**"
        if s.rationale:
            verdict += f" — {escape(_one_line(s.rationale))}"
        out += [verdict, ""]
        if s.evidence:
            out += ["Evidence:", ""]
            out += [f"- {_link(e.title, e.url)}" for e in s.evidence]
            out += [""]
        reviewers = "; ".join(
            f"{escape(name)} ({v.get_value_display().lower()})"
            for name, v in zip(s.reviewers, s.verdicts, strict=True)
        )
        out += [f"*{s.agreement}*" + (f" · Reviewers: {reviewers}" if reviewers else ""), ""]
    org = report.organization or "Fact-check desk"
    out += ["---", "", f"Checked by {escape(org)}."]
    return "\n".join(out) + "\n"
