"""Fill the database with synthetic articles, parties, statements and verdicts, fast.

Rows go in through COPY. The generator builds every statement from the text it writes, so each
quote is exactly its article's text between its offsets; the trigger that checks this is
switched off for the COPY (inside the same transaction) and a sample is verified afterwards.
"""

from __future__ import annotations

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from factcheck import roles
from factcheck.management import require_debug
from factcheck.models import Party, Statement

WORDS = (
    "budget council minister company report water tax school police hospital contract election "
    "funding officials inquiry prices energy housing court ruling workers union strike climate "
    "emissions border trade tariffs exports factory jobs wages inflation rates bank loans debt "
    "deficit pension health vaccine virus outbreak safety audit records documents emails "
    "servers chips security breach data privacy spending agency board mayor governor senator "
    "spokesman statement interview evidence claims story reporters sources investigation fraud "
    "bribes lobbying donors campaign voters ballot turnout polls survey figures percent million "
    "billion growth decline crisis recovery plan program policy law bill vote reform transit "
    "railway bridge road traffic airport flights port shipping fuel oil gas power grid outage "
    "storm flood drought fire wildfire heat schools teachers students exams fees rent landlords "
    "tenants eviction homeless shelter crime arrests prison sentence judge jury trial appeal "
    "lawsuit settlement damages fine penalty regulator license permit inspection tests results "
    "standard limit risk danger warning letter notice deadline delay cost overrun never always "
    "already nobody everyone completely entirely false true wrong accurate misleading "
).split()
FIRST = (
    "Ana Ben Carla David Elena Farid Grace Hiro Ines Jonas Kemi Luis Maya Nils Omar Priya "
).split()
LAST = (
    "Achebe Brandt Costa Dubois Evans Fischer Garcia Haddad Ito Jensen Kowal Lopez Moreau "
).split()
ORGS = (
    "Utilities Holdings Group Partners Labs Systems Media Council Ministry Agency Board "
).split()
VERBS = ["said", "told reporters", "wrote", "claimed", "insisted", "added", "denied", "warned"]
KINDS = ["person", "person", "person", "organization", "government", "media", "anonymous"]
VALUES = ["confirmed", "denied", "disputed"]


class Command(BaseCommand):
    help = "Bulk-create synthetic articles, parties, statements and verdicts for scale tests."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=10)
        parser.add_argument("--statements", type=int, default=500, help="in total")
        parser.add_argument("--parties", type=int, default=0, help="default: scales with data")
        parser.add_argument("--reviewers", type=int, default=5)
        parser.add_argument("--seed", type=int, default=1)

    def handle(
        self,
        *args,
        articles: int,
        statements: int,
        parties: int,
        reviewers: int,
        seed: int,
        **options,
    ) -> None:
        require_debug(
            "generate_data",
            "it writes fake articles and reviewer accounts and locks tables while it copies, "
            "which would stall reviewers' saves on a live desk.",
        )
        if articles < 1 or statements < 0 or reviewers < 1:
            raise CommandError("--articles and --reviewers must be at least 1, --statements 0+.")
        parties = parties or max(20, min(20_000, statements // 250))
        # What this run created, by id, for callers (benchmarks) that delete it afterwards.
        self.created: dict[str, list[int]] = {"articles": [], "parties": [], "users": []}
        started = time.perf_counter()
        rng = random.Random(seed)
        with transaction.atomic():
            users = self.reviewers(reviewers)
            party_ids = self.parties(rng, parties)
            counts = self.articles(rng, articles, statements, party_ids, users)
        took = time.perf_counter() - started
        if options.get("verbosity", 1) == 0:
            return
        self.stdout.write(
            f"Created {articles:,} articles, {counts['statements']:,} statements, "
            f"{counts['verdicts']:,} verdicts, {parties:,} parties in {took:.1f} s."
        )

    def reviewers(self, count: int) -> list[int]:
        User = get_user_model()
        group = Group.objects.get(name=roles.REVIEWER)
        ids = []
        for n in range(1, count + 1):
            user, created = User.objects.get_or_create(
                username=f"gen-reviewer-{n}", defaults={"first_name": f"Reviewer {n}"}
            )
            if created:
                user.set_unusable_password()
                user.save()
                user.groups.add(group)
                self.created["users"].append(user.pk)
            ids.append(user.pk)
        return ids

    def parties(self, rng: random.Random, count: int) -> list[int]:
        base = (Party.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        rows = []
        for n in range(count):
            kind = KINDS[n % len(KINDS)]
            if kind == "person":
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {base + n}"
            else:
                name = f"{rng.choice(LAST)} {rng.choice(ORGS)} {base + n}"
            rows.append(Party(name=name, kind=kind, aliases=[], alias_keys=[]))
        created = Party.objects.bulk_create(rows, batch_size=5000)
        self.created["parties"] = [p.pk for p in created]
        return self.created["parties"]

    def articles(self, rng, count, total_statements, party_ids, user_ids) -> dict:
        now = timezone.now()
        table_ids = self.reserve_ids(
            {
                "factcheck_article": count,
                "factcheck_statement": total_statements,
                "factcheck_verdict": total_statements * 2,
            }
        )
        article_id = table_ids["factcheck_article"]
        statement_id = table_ids["factcheck_statement"]
        verdict_id = table_ids["factcheck_verdict"]
        per_article, extra = divmod(total_statements, count)
        n_parties = len(party_ids)
        counts: dict[str, int] = {"statements": 0, "verdicts": 0}
        batch = {"article": [], "statement": [], "verdict": []}
        with connection.connection.cursor() as cur:
            # Check foreign keys row by row: ALTER TABLE refuses while deferred checks are pending.
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cur.execute(
                "ALTER TABLE factcheck_statement DISABLE TRIGGER statement_quote_matches_text"
            )
            for a in range(count):
                created = now - datetime.timedelta(minutes=rng.randrange(365 * 24 * 60))
                n = per_article + (1 if a < extra else 0)
                text, spans = self.article_text(rng, n)
                finals = 0
                for position, (start, end) in enumerate(spans):
                    speaker = party_ids[int(n_parties * rng.random() ** 2)]
                    final = VALUES[rng.randrange(3)] if rng.random() < 0.4 else ""
                    finals += bool(final)
                    final_at = created + datetime.timedelta(hours=rng.randrange(1, 96))
                    direct = rng.random() < 0.6
                    reviewed = rng.random() < 0.6
                    batch["statement"].append(
                        (
                            statement_id,
                            article_id,
                            speaker,
                            start,
                            end,
                            text[start:end],
                            direct,
                            True,
                            "automatic",
                            position,
                            final,
                            "",
                            user_ids[0] if final else None,
                            final_at if final else None,
                            1,
                            None,
                            created,
                            created,
                            # Reviewed or settled work was accepted; the rest stays proposed.
                            created if final or reviewed else None,
                        )
                    )
                    if reviewed:
                        k = rng.randint(1, min(2, len(user_ids)))
                        for reviewer in rng.sample(user_ids, k):
                            at = created + datetime.timedelta(hours=rng.randrange(1, 72))
                            batch["verdict"].append(
                                (
                                    verdict_id,
                                    statement_id,
                                    reviewer,
                                    VALUES[rng.randrange(3)],
                                    "",
                                    "[]",
                                    at,
                                    at,
                                )
                            )
                            verdict_id += 1
                    statement_id += 1
                status = "done" if n and finals == n else ("in_review" if n else "draft")
                title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}".title()
                batch["article"].append(
                    (
                        article_id,
                        f"{title} ({article_id})",
                        rng.choice(LAST) + " Times",
                        "",
                        "",
                        created.date(),
                        text,
                        text,
                        status,
                        False,
                        created,
                        created,
                    )
                )
                self.created["articles"].append(article_id)
                article_id += 1
                if len(batch["statement"]) >= 50_000 or len(batch["article"]) >= 5_000:
                    self.flush(cur, batch, counts)
            self.flush(cur, batch, counts)
            cur.execute(
                "ALTER TABLE factcheck_statement ENABLE TRIGGER statement_quote_matches_text"
            )
            for table in table_ids:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
        self.verify_sample()
        return counts

    COPY = {
        "article": "COPY factcheck_article (id, title, outlet, url, byline, published_on, "
        "raw_text, text, status, blind_review, created_at, updated_at) FROM STDIN",
        "statement": 'COPY factcheck_statement (id, article_id, speaker_id, start, "end", quote, '
        "direct, check_worthy, origin, position, final_verdict, final_note, final_by_id, "
        "final_at, version, deleted_at, created_at, updated_at, accepted_at) FROM STDIN",
        "verdict": "COPY factcheck_verdict (id, statement_id, reviewer_id, value, rationale, "
        "evidence, created_at, updated_at) FROM STDIN",
    }

    def flush(self, cur, batch: dict[str, list], counts: dict[str, int]) -> None:
        """One COPY per table, parents first; a connection runs one COPY at a time."""
        for table in ("article", "statement", "verdict"):
            with cur.copy(self.COPY[table]) as copy:
                for row in batch[table]:
                    copy.write_row(row)
            counts[f"{table}s"] = counts.get(f"{table}s", 0) + len(batch[table])
            batch[table].clear()

    @staticmethod
    def article_text(rng: random.Random, statements: int) -> tuple[str, list[tuple[int, int]]]:
        """Paragraphs of narrative with one quoted claim each; returns the text and the spans."""
        parts: list[str] = []
        length = 0
        spans = []
        for _ in range(statements):
            lead = " ".join(rng.choices(WORDS, k=rng.randint(6, 14))).capitalize() + ". "
            quote = " ".join(rng.choices(WORDS, k=rng.randint(8, 22))).capitalize()
            tail = f'," {rng.choice(LAST)} {rng.choice(VERBS)}.'
            start = length + len(lead) + 1
            spans.append((start, start + len(quote)))
            paragraph = f'{lead}"{quote}{tail}'
            parts.append(paragraph)
            length += len(paragraph) + 2
        if not parts:
            parts.append(" ".join(rng.choices(WORDS, k=40)).capitalize() + ".")
        return "\n\n".join(parts), spans

    @staticmethod
    def reserve_ids(sizes: dict[str, int]) -> dict[str, int]:
        """First free id per table, with the tables locked so nobody else takes the range."""
        first = {}
        with connection.cursor() as cur:
            for table, size in sizes.items():
                cur.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
                cur.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
                first[table] = cur.fetchone()[0]
                # Move the sequence past the range too, in case the COPY is interrupted.
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)",
                    [first[table] + size],
                )
        return first

    @staticmethod
    def verify_sample() -> None:
        bad = Statement.objects.order_by("-id")[:200].values_list(
            "id", "quote", "start", "end", "article__text"
        )
        for sid, quote, start, end, text in bad:
            if text[start:end] != quote:
                raise CommandError(f"generated statement {sid} does not match its text")
