"""The desk's data: articles, the parties quoted in them, their statements and the verdicts on them.

Invariants live in the database (check and unique constraints, and a trigger that keeps every
statement's quote equal to the article text it points at), so no code path can store bad data.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramSimilarity,
)
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Case, Count, Exists, F, Func, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Left, Lower, Now, Trim, TruncMonth
from django.utils import timezone

from factcheck import extraction
from factcheck.extraction.clean import decode
from factcheck.similarity import SIMILAR_STATEMENT_THRESHOLD, telling_words_query


class EditConflict(Exception):
    """Someone saved the record after this editor loaded it; `current` is what they saved."""

    def __init__(self, current, message: str = "") -> None:
        super().__init__(message or "This was changed by someone else after you opened it.")
        self.current = current
        self.message = message  # for the user, when the generic conflict message would mislead


class ArticleQuerySet(models.QuerySet):
    def submit(
        self, *, raw_text: str | bytes, created_by=None, propose: bool = True, **fields
    ) -> Article:
        """Store an article as submitted, clean it, and propose the statements found in it.

        Speakers are matched to parties already in the registry by name or alias, so "Cook" in a
        new article lands on the Tim Cook the desk already knows rather than a duplicate.
        `propose=False` stores the cleaned text only, for callers that bring their own statements.
        """
        found = extraction.extract(raw_text)
        if isinstance(raw_text, bytes):
            raw_text = decode(raw_text)  # as the extractor read it
        with transaction.atomic():
            article = self.create(
                raw_text=raw_text,
                text=found.text or raw_text.strip(),
                created_by=created_by,
                **fields,
            )
            if not propose:
                return article
            parties = Party.objects.resolve(found.parties)
            Statement.objects.bulk_create(
                Statement(
                    article=article,
                    speaker=parties.get(s.speaker),
                    start=s.start,
                    end=s.end,
                    quote=s.quote,
                    direct=s.direct,
                    origin=Statement.Origin.AUTOMATIC,
                    position=position,
                )
                for position, s in enumerate(found.statements)
            )
        return article


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self) -> ArticleQuerySet:
        # The stored search vector can be as large as the text, and a fetched page larger
        # still: only search reads the one, only the page's provenance the other.
        return super().get_queryset().defer("search", "fetched_html")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        DONE = "done", "Done"

    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    raw_text = models.TextField(help_text="The text exactly as the editor submitted it.")
    text = models.TextField(help_text="The cleaned text that statements point into.")
    # Database defaults too, so rows written by COPY (restore) without these columns are valid.
    fetched_url = models.URLField(
        max_length=2000,
        blank=True,
        default="",
        db_default="",
        help_text="The web address the page was fetched from.",
    )
    fetched_html = models.TextField(
        blank=True,
        default="",
        db_default="",
        help_text="The page as fetched, kept to show where the text came from.",
    )
    status = models.CharField(max_length=16, choices=Status, default=Status.DRAFT)
    blind_review = models.BooleanField(
        default=False, help_text="Reviewers see others' verdicts only after giving their own."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_created",
    )
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by the database on every write. The text is capped because a tsvector holds at most
    # 1 MB: an article of the maximum size must still save, and its first 200,000 characters
    # are plenty to find it by.
    search = models.GeneratedField(
        expression=SearchVector("title", config="english", weight="A")
        + SearchVector("outlet", "byline", config="english", weight="C")
        + SearchVector(Left("text", 200_000), config="english", weight="B"),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )

    objects = ArticleManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("export_article", "Can export articles and reports")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title__regex=r"^\s*$"), name="article_title_not_blank"
            ),
            models.CheckConstraint(
                condition=~Q(text__regex=r"^\s*$"), name="article_text_not_blank"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "in_review", "done"]), name="article_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="article_status_created"),
            GinIndex(fields=["search"], name="article_search_gin"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("article_detail", args=[self.pk])

    def refresh_status(self) -> None:
        """Draft until reviewed, in review while any statement lacks a final verdict, then done.

        Call it inside the transaction that changed the statements. It locks the article row, so
        two editors settling the last statements at once are worked out one after the other,
        the second seeing the first's committed change, and the status cannot be left behind.
        """
        self.status = (
            Article.objects.select_for_update(no_key=True)
            .filter(pk=self.pk)
            .values_list("status", flat=True)
            .get()
        )
        statements = Statement.objects.live().filter(article=self)
        if statements.exists() and not statements.filter(final_verdict="").exists():
            status = self.Status.DONE
        elif (
            self.status == self.Status.DONE
            or Verdict.objects.filter(statement__article=self).exists()
            or self.assignments.exists()
        ):
            status = self.Status.IN_REVIEW
        else:
            status = self.status
        if status != self.status:
            Article.objects.filter(pk=self.pk).update(status=status)
            self.status = status

    def add_statement(
        self, editor, *, start: int, end: int, speaker: Party | None, direct: bool = False
    ) -> tuple[Statement, bool]:
        """A statement over text[start:end]; sending the same one twice adds it once."""
        if not (0 <= start < end <= len(self.text)) or not self.text[start:end].strip():
            raise ValueError("Select some text of the article first.")
        # Trim white space the selection dragged along, so the highlight hugs the words.
        while self.text[start].isspace():
            start += 1
        while self.text[end - 1].isspace():
            end -= 1
        with transaction.atomic():
            Article.objects.select_for_update().filter(pk=self.pk).first()  # serialise adds
            live = Statement.objects.live().filter(article=self)
            existing = live.filter(start=start, end=end, speaker=speaker).first()
            if existing:
                return existing, False
            before = live.filter(start__lte=start).order_by("-position").first()
            statement = Statement.objects.create(
                article=self,
                speaker=speaker,
                start=start,
                end=end,
                quote=self.text[start:end],
                direct=direct,
                origin=Statement.Origin.MANUAL,
                position=before.position if before else 0,
                # The editor chose it, so it needs no acceptance.
                accepted_at=timezone.now(),
                accepted_by=editor,
            )
            Revision.objects.create(
                article=self,
                statement=statement,
                actor=editor,
                action=Revision.Action.STATEMENT_CREATED,
                after=statement.as_record(),
            )
            self.refresh_status()
        return statement, True

    def assign(self, editor, reviewer, *, due_on=None, statements=()) -> Assignment:
        """Give `reviewer` this article (or only `statements`); assigning again updates it."""
        with transaction.atomic():
            assignment = (
                Assignment.objects.select_for_update()
                .filter(article=self, reviewer=reviewer)
                .first()
            )
            before = assignment.as_record() if assignment else None
            if assignment is None:
                assignment = Assignment(article=self, reviewer=reviewer, assigned_by=editor)
            assignment.due_on = due_on
            chosen = sorted(s.pk for s in statements)
            after = {**assignment.as_record(ids=chosen)}
            if before == after:
                return assignment
            assignment.save()
            assignment.statements.set(chosen)
            Revision.objects.create(
                article=self,
                actor=editor,
                action=Revision.Action.ASSIGNMENT,
                before=before,
                after=after,
            )
            self.refresh_status()
        return assignment

    def unassign(self, editor, reviewer) -> None:
        with transaction.atomic():
            assignment = (
                Assignment.objects.select_for_update()
                .filter(article=self, reviewer=reviewer)
                .first()
            )
            if assignment is None:
                return
            before = assignment.as_record()
            assignment.delete()
            Revision.objects.create(
                article=self, actor=editor, action=Revision.Action.ASSIGNMENT, before=before
            )

    def set_blind_review(self, editor, blind: bool) -> None:
        if self.blind_review == blind:
            return
        with transaction.atomic():
            Article.objects.filter(pk=self.pk).update(blind_review=blind)
            Revision.objects.create(
                article=self,
                actor=editor,
                action=Revision.Action.ARTICLE_EDITED,
                before={"blind_review": self.blind_review},
                after={"blind_review": blind},
            )
            self.blind_review = blind

    DETAILS = ("title", "outlet", "url", "byline", "published_on", "blind_review")

    def update_details(self, editor, **changes) -> bool:
        """Change the title, outlet, address, byline, date or blind review; True if any changed.

        One Revision keeps the changed fields as they were and became.
        """
        unknown = set(changes) - set(self.DETAILS)
        if unknown:
            raise ValueError(f"Not an article detail: {', '.join(sorted(unknown))}.")
        changed = {k: v for k, v in changes.items() if getattr(self, k) != v}
        if not changed:
            return False

        def record(values: dict) -> dict:
            return {
                k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in values.items()
            }

        with transaction.atomic():
            before = record({k: getattr(self, k) for k in changed})
            for name, value in changed.items():
                setattr(self, name, value)
            self.save(update_fields=[*changed, "updated_at"])
            Revision.objects.create(
                article=self,
                actor=editor,
                action=Revision.Action.ARTICLE_EDITED,
                before=before,
                after=record(changed),
            )
        return True

    def accept_proposals(self, editor) -> int:
        """Accept every statement still proposed by the extraction; returns how many."""
        with transaction.atomic():
            proposals = list(
                Statement.objects.proposals()
                .filter(article=self)
                .select_for_update()
                .only("id", "article_id")
            )
            now = timezone.now()
            Statement.objects.filter(pk__in=[s.pk for s in proposals]).update(
                accepted_at=now, accepted_by=editor
            )
            Revision.objects.bulk_create(
                Revision(
                    article=self,
                    statement=s,
                    actor=editor,
                    action=Revision.Action.STATEMENT_ACCEPTED,
                    before={"accepted": False},
                    after={"accepted": True},
                    created_at=now,
                )
                for s in proposals
            )
        return len(proposals)


SPELLING_SIMILARITY = 0.6  # trigram similarity from which two names are worth a look


@dataclass(frozen=True)
class DuplicatePair:
    """Two parties that are probably one: merge `duplicate` into `keep`."""

    keep: Party
    duplicate: Party
    reason: str  # surname, title, alias or spelling

    REASONS = {
        "surname": "a bare surname of",
        "title": "the same name without a title as",
        "alias": "an alias of",
        "spelling": "spelt almost like",
    }

    @property
    def explanation(self) -> str:
        return f"“{self.duplicate.name}” is {self.REASONS[self.reason]} “{self.keep.name}”"


class PartyQuerySet(models.QuerySet):
    def resolve(self, found: Iterable[extraction.Party]) -> dict[str, Party]:
        """Registry parties for extracted ones, by name or alias; unknown ones are created.

        Returns {extracted name: Party}. Two queries to look up, one insert for the new ones.
        """
        found = list(found)
        keys = {p.name: [normalise_name(n) for n in (p.name, *p.aliases)] for p in found}
        wanted = sorted({k for ks in keys.values() for k in ks if k})
        known: dict[str, Party] = {}
        for party in self.filter(Q(name_key__in=wanted) | Q(alias_keys__overlap=wanted)):
            for key in (party.name_key, *party.alias_keys):
                known.setdefault(key, party)
        resolved: dict[str, Party] = {}
        new: list[Party] = []
        for p in found:
            match = next((known[k] for k in keys[p.name] if k in known), None)
            if match is None:
                match = Party(name=p.name, kind=p.kind)
                match.aliases = unique_names(p.aliases, exclude=p.name)
                match.alias_keys = [normalise_name(a) for a in match.aliases]
                new.append(match)
                for k in keys[p.name]:
                    known.setdefault(k, match)
            resolved[p.name] = match
        self.bulk_create(new)
        affiliated = []
        for p in found:
            party = resolved[p.name]
            if p.affiliation and party in new and p.affiliation in resolved:
                party.affiliation = resolved[p.affiliation]
                if party.affiliation.pk != party.pk:
                    affiliated.append(party)
        if affiliated:
            self.bulk_update(affiliated, ["affiliation"])
        return resolved

    def likely_duplicates(self, limit: int = 40) -> list[DuplicatePair]:
        """Pairs of parties that are probably one, for an editor to merge or dismiss.

        A bare surname and a person's full name ("Cook", "Tim Cook"), a name and the same name
        behind a title ("Mayor Daniel Ruiz"), a name that is another party's alias, and names
        spelt alike (trigram similarity, same kind, never anonymous sources, whose names are
        generic). Each rule is an equality join or a trigram-index probe, so the desk's whole
        registry is compared in one query. Pairs an editor marked distinct are left out.
        """
        sql = """
            WITH pairs AS (
                SELECT keep_id, dup_id, 'surname' AS reason, 0.9::float AS score FROM (
                    SELECT a.id AS keep_id, b.id AS dup_id, COUNT(*) OVER (PARTITION BY b.id) AS n
                    FROM factcheck_party a
                    JOIN factcheck_party b ON b.name_key = substring(a.name_key FROM '([^ ]+)$')
                    WHERE a.kind = 'person' AND b.kind = 'person' AND a.name_key LIKE '%% %%'
                ) surnames
                WHERE n = 1  -- "Cook" with two people called Cook on the desk is anyone's guess
              UNION ALL
                SELECT a.id, b.id, 'title', 0.95
                FROM factcheck_party a
                JOIN factcheck_party b ON b.name_key = substring(a.name_key FROM '^[^ ]+ (.+ .+)$')
                WHERE a.kind = b.kind AND a.kind <> 'anonymous'
              UNION ALL
                SELECT a.id, b.id, 'alias', 1.0
                FROM factcheck_party a
                JOIN factcheck_party b ON b.name_key = ANY(a.alias_keys) AND a.id <> b.id
              UNION ALL
                SELECT a.id, b.id, 'spelling', similarity(a.name_key, b.name_key)
                FROM factcheck_party a
                JOIN factcheck_party b ON a.name_key %% b.name_key AND a.id < b.id
                WHERE a.kind = b.kind AND a.kind <> 'anonymous'
                  AND similarity(a.name_key, b.name_key) >= %s
            ), ranked AS (
                SELECT DISTINCT ON (LEAST(keep_id, dup_id), GREATEST(keep_id, dup_id))
                       keep_id, dup_id, reason, score
                FROM pairs p
                WHERE NOT EXISTS (
                    SELECT 1 FROM factcheck_distinctparties d
                    WHERE d.first_id = LEAST(p.keep_id, p.dup_id)
                      AND d.second_id = GREATEST(p.keep_id, p.dup_id)
                )
                ORDER BY LEAST(keep_id, dup_id), GREATEST(keep_id, dup_id), score DESC
            )
            SELECT keep_id, dup_id, reason FROM ranked ORDER BY score DESC, keep_id LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [SPELLING_SIMILARITY, limit])
            rows = cursor.fetchall()
        ids = {i for keep, dup, _ in rows for i in (keep, dup)}
        parties = (
            self.filter(pk__in=ids)
            .annotate(spoken=Count("statements", filter=Q(statements__deleted_at=None)))
            .in_bulk()
        )
        pairs = []
        for keep_id, dup_id, reason in rows:
            keep, duplicate = parties[keep_id], parties[dup_id]
            if reason == "spelling" and duplicate.spoken > keep.spoken:
                keep, duplicate = duplicate, keep  # keep the name the desk has used most
            pairs.append(DuplicatePair(keep, duplicate, reason))
        return pairs

    def named(self, name: str) -> Party | None:
        """The party whose canonical name or one of whose aliases is `name`, ignoring case."""
        key = normalise_name(name)
        if not key:
            return None
        return self.filter(Q(name_key=key) | Q(alias_keys__contains=[key])).order_by("id").first()


def normalise_name(name: str) -> str:
    """The form parties are unique by: case and runs of white space don't make a new party."""
    return " ".join(name.split()).lower()


class Party(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        GOVERNMENT = "government", "Government"
        MEDIA = "media", "Media"
        ANONYMOUS = "anonymous", "Anonymous source"

    name = models.CharField(max_length=300)
    name_key = models.GeneratedField(
        expression=Lower(
            Trim(Func(F("name"), Value(r"\s+"), Value(" "), Value("g"), function="regexp_replace"))
        ),
        output_field=models.CharField(max_length=300),
        db_persist=True,
    )
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.PERSON)
    affiliation = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    aliases = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    alias_keys = ArrayField(
        models.CharField(max_length=300), default=list, blank=True, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())

    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="party_unique_normalised_name"),
            models.CheckConstraint(condition=~Q(name__regex=r"^\s*$"), name="party_name_not_blank"),
            models.CheckConstraint(
                condition=Q(
                    kind__in=["person", "organization", "government", "media", "anonymous"]
                ),
                name="party_kind_valid",
            ),
            models.CheckConstraint(
                condition=~Q(affiliation=F("id")), name="party_not_affiliated_to_itself"
            ),
        ]
        indexes = [
            GinIndex(fields=["alias_keys"], name="party_alias_keys_gin"),
            GinIndex(OpClass("name_key", name="gin_trgm_ops"), name="party_name_trgm"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.aliases = unique_names(self.aliases, exclude=self.name)
        self.alias_keys = [normalise_name(a) for a in self.aliases]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("party_detail", args=[self.pk])

    def as_record(self) -> dict:
        return {
            "id": self.pk,
            "name": self.name,
            "kind": self.kind,
            "affiliation": self.affiliation_id,
            "aliases": list(self.aliases),
        }

    def verdict_counts(self) -> dict[str, int]:
        """Live statements by final verdict ("" = not settled yet), read from an index alone."""
        rows = (
            Statement.objects.live()
            .filter(speaker=self)
            .values_list("final_verdict")
            .annotate(n=Count("*"))
            .order_by()
        )
        counts = {"": 0, **dict.fromkeys(VERDICT_VALUES, 0)}
        counts.update(dict(rows))
        return counts

    def monthly_verdicts(self) -> list[tuple[datetime.date, dict[str, int]]]:
        """Settled statements per month they reached the desk, oldest first, by final verdict."""
        rows = (
            Statement.objects.live()
            .filter(speaker=self)
            .exclude(final_verdict="")
            .annotate(month=TruncMonth("created_at"))
            .values_list("month", "final_verdict")
            .annotate(n=Count("*"))
            .order_by("month")
        )
        months: dict[datetime.date, dict[str, int]] = {}
        for month, verdict, n in rows:
            months.setdefault(month.date(), dict.fromkeys(VERDICT_VALUES, 0))[verdict] = n
        return list(months.items())

    def update_profile(
        self, actor, *, kind: str, affiliation: Party | None, aliases: list[str]
    ) -> Revision | None:
        """An editor's change to the kind, affiliation or aliases, kept as a Revision.

        Raises ValueError with a message for the editor when the change would make the directory
        wrong: an alias that is another party's name (merge them instead), or an affiliation
        that loops back to this party.
        """
        aliases = unique_names(aliases, exclude=self.name)
        keys = [normalise_name(a) for a in aliases]
        clash = Party.objects.exclude(pk=self.pk).filter(name_key__in=keys).first()
        if clash:
            raise ValueError(
                f"“{clash.name}” is another party. If they are the same, merge them instead."
            )
        chain, step = {self.pk}, affiliation
        while step is not None:
            if step.pk in chain:
                raise ValueError(f"{affiliation} is, or belongs to, {self.name}.")
            chain.add(step.pk)
            step = step.affiliation
        with transaction.atomic():
            before = self.as_record()
            self.kind = kind
            self.affiliation = affiliation
            self.aliases = aliases
            self.save()
            after = self.as_record()
            if before == after:
                return None
            return Revision.objects.create(
                party=self,
                actor=actor,
                action=Revision.Action.PARTY_EDITED,
                before=before,
                after=after,
            )

    def merge_into(self, other: Party, actor) -> Revision:
        """Fold this duplicate into `other`: its statements and members move there and its names
        become aliases of `other`. One Revision keeps both parties as they were, so the merge
        can be audited (and undone by hand from the ids it lists)."""
        if other.pk == self.pk:
            raise ValueError("A party cannot be merged into itself.")
        with transaction.atomic():
            # Lock both in id order, so two editors merging the same pair cannot deadlock.
            locked = {
                p.pk: p
                for p in Party.objects.select_for_update()
                .filter(pk__in=[self.pk, other.pk])
                .order_by("pk")
            }
            if len(locked) != 2:
                raise Party.DoesNotExist("One of the parties has already been merged or deleted.")
            source, target = locked[self.pk], locked[other.pk]
            before = {"merged": source.as_record(), "into": target.as_record()}
            spoken = Statement.objects.filter(speaker=source)
            statement_ids = list(spoken.order_by("pk").values_list("pk", flat=True))
            # A moved statement counts as edited, so a reviewer's stale form cannot undo it.
            spoken.update(speaker=target, version=F("version") + 1, updated_at=Now())
            members = Party.objects.filter(affiliation=source).exclude(pk=target.pk)
            member_ids = list(members.order_by("pk").values_list("pk", flat=True))
            members.update(affiliation=target)
            if target.affiliation_id == source.pk:
                target.affiliation_id = source.affiliation_id
                if target.affiliation_id == target.pk:
                    target.affiliation_id = None
            target.aliases = [*target.aliases, source.name, *source.aliases]
            target.save()
            Revision.objects.filter(party=source).update(party=target)
            revision = Revision.objects.create(
                party=target,
                actor=actor,
                action=Revision.Action.PARTY_MERGED,
                before=before,
                after={
                    "into": target.as_record(),
                    "moved_statements": statement_ids,
                    "moved_members": member_ids,
                },
            )
            source.delete()
        self.pk = None
        return revision


def unique_names(names: Iterable[str], exclude: str = "") -> list[str]:
    """Aliases in first-seen order, without blanks, repeats, or the canonical name itself."""
    seen = {normalise_name(exclude)}
    out = []
    for name in names:
        name = " ".join(str(name).split())
        key = normalise_name(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


class DistinctParties(models.Model):
    """An editor's word that two parties suggested as duplicates are different people or bodies."""

    first = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "distinct parties"
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="distinct_parties_once"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="distinct_parties_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ≠ {self.second_id}"

    @classmethod
    def record(cls, one: Party, other: Party, editor) -> None:
        first, second = sorted([one.pk, other.pk])
        cls.objects.get_or_create(first_id=first, second_id=second, defaults={"decided_by": editor})


class Verdicts(models.TextChoices):
    """The three verdicts: values stored, labels shown, and the sign printed beside each label
    (so colour is never the only cue)."""

    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"
    DISPUTED = "disputed", "Disputed"

    @property
    def icon(self) -> str:
        return VERDICT_ICONS[self.value]


VERDICT_ICONS = {"confirmed": "✓", "denied": "✗", "disputed": "≠"}


VERDICT_VALUES = [value for value, _ in Verdicts.choices]


class StatementQuerySet(models.QuerySet):
    def live(self) -> StatementQuerySet:
        return self.filter(deleted_at__isnull=True)

    def pending_review(self) -> StatementQuerySet:
        return self.live().filter(final_verdict="")

    def proposals(self) -> StatementQuerySet:
        """Statements the extraction found that no editor has accepted yet."""
        return self.live().filter(origin=Statement.Origin.AUTOMATIC, accepted_at__isnull=True)

    def matching(self, words: str) -> StatementQuerySet:
        """Statements whose quote matches `words` in web-search syntax ("exact phrase", or, -not),
        ranked by how well; the stored `search` column and its GIN index do the work."""
        query = SearchQuery(words, search_type="websearch", config="english")
        return self.filter(search=query).annotate(rank=SearchRank(F("search"), query))

    def similar_to(
        self, quote: str, *, exclude_article: int | None = None, limit: int = 5
    ) -> StatementQuerySet:
        """Statements that say nearly the same thing as `quote`: "has this been checked before?"

        Trigram similarity (pg_trgm) ranks them; settled ones first among equally similar, so an
        earlier verdict is what the reviewer sees. Comparing against every quote is too slow at
        millions of statements (common words share trigrams with everything), so candidates must
        first share the quote's most telling words, through the full-text index.
        """
        quote = " ".join(quote.split())
        found = self.live().annotate(similarity=TrigramSimilarity("quote", quote))
        if candidates := telling_words_query(quote):
            found = found.filter(
                search=SearchQuery(candidates, search_type="raw", config="english")
            )
        found = found.filter(similarity__gte=SIMILAR_STATEMENT_THRESHOLD)
        if exclude_article is not None:
            found = found.exclude(article_id=exclude_article)
        return found.order_by("-similarity", F("final_at").desc(nulls_last=True), "-id")[:limit]


class Statement(models.Model):
    class Origin(models.TextChoices):
        AUTOMATIC = "automatic", "Found automatically"
        MANUAL = "manual", "Added by hand"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="statements"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    direct = models.BooleanField(default=False, help_text="A direct quote, not reported speech.")
    check_worthy = models.BooleanField(default=True)
    origin = models.CharField(max_length=16, choices=Origin, default=Origin.AUTOMATIC)
    position = models.PositiveIntegerField(default=0, help_text="Order in the article.")
    final_verdict = models.CharField(max_length=16, choices=Verdicts, blank=True, default="")
    final_note = models.TextField(blank=True)
    final_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="final_verdicts",
    )
    final_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit.")
    # The final verdict has its own version: settling a statement must not make an editor's
    # concurrent span edit a conflict, nor a span edit an editor's final verdict.
    final_version = models.PositiveIntegerField(
        default=1, db_default=1, help_text="Raised on every change of the final verdict or note."
    )
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True)
    # A statement found automatically is a proposal until an editor accepts it. Nullable, so
    # bulk loaders that don't name these columns (generate_data's COPY, old archives) still work.
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements_accepted",
    )
    search = models.GeneratedField(
        expression=SearchVector("quote", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "start", "id"]
        permissions = [("set_final_verdict", "Can set the final verdict on a statement")]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(end__gt=F("start")), name="statement_span_valid"
            ),
            models.CheckConstraint(
                condition=Q(final_verdict__in=["", *VERDICT_VALUES]),
                name="statement_final_verdict_valid",
            ),
            models.CheckConstraint(
                condition=Q(final_verdict="") | Q(final_at__isnull=False),
                name="statement_final_verdict_dated",
            ),
            models.CheckConstraint(
                condition=Q(origin__in=["automatic", "manual"]), name="statement_origin_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["article", "position"], name="statement_article_position"),
            models.Index(fields=["speaker", "final_verdict"], name="statement_speaker_verdict"),
            GinIndex(fields=["search"], name="statement_search_gin"),
            GinIndex(OpClass("quote", name="gin_trgm_ops"), name="statement_quote_trgm"),
            # A party's track record (counts and monthly trend) read from the index alone.
            models.Index(
                fields=["speaker", "final_verdict", "created_at"],
                condition=Q(deleted_at__isnull=True),
                name="statement_party_track",
            ),
            # A party's statements newest first, a page at a time.
            models.Index(
                fields=["speaker", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="statement_party_recent",
            ),
            # The desk's latest final verdicts, for the front page.
            models.Index(
                F("final_at").desc(),
                condition=Q(deleted_at__isnull=True) & ~Q(final_verdict=""),
                name="statement_recently_settled",
            ),
        ]

    def __str__(self) -> str:
        return self.quote[:80]

    @property
    def is_proposal(self) -> bool:
        """Found automatically and not yet accepted by an editor (hand-added ones never are)."""
        return self.origin == self.Origin.AUTOMATIC and self.accepted_at is None

    def accept(self, editor) -> bool:
        """An editor keeps this proposal; True if it was a proposal (accepting twice is a no-op)."""
        with transaction.atomic():
            now = timezone.now()
            changed = (
                Statement.objects.proposals()
                .filter(pk=self.pk)
                .update(accepted_at=now, accepted_by=editor)
            )
            if changed:
                Revision.objects.create(
                    article_id=self.article_id,
                    statement=self,
                    actor=editor,
                    action=Revision.Action.STATEMENT_ACCEPTED,
                    before={"accepted": False},
                    after={"accepted": True},
                    created_at=now,
                )
                self.accepted_at, self.accepted_by = now, editor
        return bool(changed)

    def shade_for(self, mine: str = "") -> str:
        """The verdict a highlight shows a reviewer whose own verdict is `mine` ("" for none yet):
        the final one, else theirs, else "none". Never a colleague's: under blind review that
        would give it away."""
        return self.final_verdict or mine or "none"

    def set_verdict(
        self,
        reviewer,
        value: str,
        rationale: str | None = None,
        evidence: list[dict] | None = None,
        version: int | None = None,
    ) -> Verdict:
        """Record `reviewer`'s verdict; saying the same thing twice changes nothing twice.

        `version` is the verdict's version the reviewer's form was drawn from (0 for none yet):
        a different stored one means another tab saved first, and raises EditConflict.
        """
        if value not in VERDICT_VALUES:
            raise ValueError(f"Unknown verdict {value!r}")
        try:
            return self._set_verdict(reviewer, value, rationale, evidence, version)
        except IntegrityError:
            # The same reviewer's first verdict arrived twice at once (a double click, two tabs)
            # and the other request inserted it first: now it is the saved verdict, so this one
            # is an update of it (or a conflict, if it says something else from version 0).
            return self._set_verdict(reviewer, value, rationale, evidence, version)

    def _set_verdict(self, reviewer, value, rationale, evidence, version) -> Verdict:
        # Its own transaction (a savepoint inside the caller's): a lost race rolls back only this.
        with transaction.atomic():
            # Lock every verdict on the statement in one query: the caller shows them all next.
            self.all_verdicts = list(
                Verdict.objects.select_for_update(of=("self",))
                .filter(statement=self)
                .select_related("reviewer")
            )
            verdict = next((v for v in self.all_verdicts if v.reviewer_id == reviewer.pk), None)
            before = verdict.as_record() if verdict else None
            self.verdict_created = before is None
            if verdict is None:
                verdict = Verdict(statement=self, reviewer=reviewer)
                self.all_verdicts.append(verdict)
            verdict.value = value
            if rationale is not None:
                verdict.rationale = rationale
            if evidence is not None:
                verdict.evidence = evidence
            after = verdict.as_record()
            if before == after:
                return verdict
            if version is not None and version != (verdict.version if before else 0):
                raise EditConflict(Verdict.objects.filter(pk=verdict.pk).first())
            if before:
                verdict.version += 1
            verdict.save()
            # The first verdict puts a draft article in review (skipped when known not draft).
            article = self.article if Statement.article.is_cached(self) else None
            if article is None or article.status == Article.Status.DRAFT:
                Article.objects.filter(pk=self.article_id, status=Article.Status.DRAFT).update(
                    status=Article.Status.IN_REVIEW
                )
            Revision.objects.create(
                article_id=self.article_id,
                statement=self,
                actor=reviewer,
                action=Revision.Action.VERDICT,
                before=before,
                after=after,
            )
        return verdict

    def set_final_verdict(
        self, editor, value: str, note: str = "", version: int | None = None
    ) -> None:
        """Settle the statement; `version` guards against overwriting a colleague's change."""
        if value not in ["", *VERDICT_VALUES]:
            raise ValueError(f"Unknown verdict {value!r}")
        with transaction.atomic():
            current = Statement.objects.select_for_update(no_key=True).get(pk=self.pk)
            self.final_verdict, self.final_note = current.final_verdict, current.final_note
            self.final_version = current.final_version
            before = {"final_verdict": self.final_verdict, "final_note": self.final_note}
            after = {"final_verdict": value, "final_note": note}
            if before == after:
                return
            if version is not None and version != current.final_version:
                raise EditConflict(current)
            self.final_verdict = value
            self.final_note = note
            self.final_by = editor if value else None
            self.final_at = timezone.now() if value else None
            self.final_version = current.final_version + 1
            self.save(
                update_fields=[
                    "final_verdict",
                    "final_note",
                    "final_by",
                    "final_at",
                    "final_version",
                    "updated_at",
                ]
            )
            Revision.objects.create(
                article_id=self.article_id,
                statement=self,
                actor=editor,
                action=Revision.Action.FINAL_VERDICT,
                before=before,
                after=after,
            )
            self.article.refresh_status()

    def as_record(self) -> dict:
        """What history keeps of a statement, enough to show it and to put it back."""
        speaker = self.speaker if self.speaker_id else None
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "speaker_id": self.speaker_id,
            "speaker": speaker.name if speaker else "",
            "direct": self.direct,
        }

    def edit(
        self,
        editor,
        *,
        version: int,
        start: int | None = None,
        end: int | None = None,
        speaker: Party | bool | None = False,
        direct: bool | None = None,
        action: str = "",
    ) -> bool:
        """Change span, speaker (False: leave it) or direct flag; True if anything changed."""
        with transaction.atomic():
            current = (
                Statement.objects.select_for_update(of=("self",))
                .select_related("article", "speaker")
                .get(pk=self.pk)
            )
            before = current.as_record()
            start = current.start if start is None else start
            end = current.end if end is None else end
            text = current.article.text
            if not (0 <= start < end <= len(text)) or not text[start:end].strip():
                raise ValueError("The statement must cover some text of the article.")
            current.start, current.end, current.quote = start, end, text[start:end]
            if speaker is not False:
                current.speaker = speaker
            if direct is not None:
                current.direct = direct
            after = current.as_record()
            if before == after:
                return False
            if version != current.version:
                raise EditConflict(Statement.objects.select_related("speaker").get(pk=self.pk))
            current.version += 1
            current.save(
                update_fields=[
                    "start", "end", "quote", "speaker", "direct", "version", "updated_at"
                ]
            )  # fmt: skip
            Revision.objects.create(
                article_id=current.article_id,
                statement=current,
                actor=editor,
                action=action or Revision.Action.STATEMENT_EDITED,
                before=before,
                after=after,
            )
        for name in ("start", "end", "quote", "speaker", "direct", "version"):
            setattr(self, name, getattr(current, name))
        return True

    def soft_delete(self, editor) -> None:
        """Take the statement off the desk, recoverably; deleting twice deletes once."""
        self._set_deleted(editor, deleted=True)

    def restore(self, editor) -> None:
        self._set_deleted(editor, deleted=False)
        self.deleted_at = None

    def _set_deleted(self, editor, *, deleted: bool) -> None:
        with transaction.atomic():
            changed = Statement.objects.filter(pk=self.pk, deleted_at__isnull=deleted).update(
                deleted_at=Now() if deleted else None, version=F("version") + 1
            )
            if changed:
                record = self.as_record()
                Revision.objects.create(
                    article_id=self.article_id,
                    statement=self,
                    actor=editor,
                    action=(
                        Revision.Action.STATEMENT_DELETED
                        if deleted
                        else Revision.Action.STATEMENT_RESTORED
                    ),
                    before=record if deleted else None,
                    after=None if deleted else record,
                )
                self.article.refresh_status()

    def add_comment(self, author, body: str) -> tuple[Comment, bool]:
        """Post to the statement's thread; the same words posted again in a row post once."""
        body = body.strip()
        if not body:
            raise ValueError("Write a comment first.")
        with transaction.atomic():
            Statement.objects.select_for_update().filter(pk=self.pk).first()
            last = Comment.objects.filter(statement=self).order_by("-created_at", "-id").first()
            if last and last.author_id == author.pk and last.body == body:
                return last, False
            return Comment.objects.create(statement=self, author=author, body=body), True


def sees_every_verdict(user) -> bool:
    """Editors settle statements, so blind review never hides a verdict from them."""
    return user.has_perm("factcheck.set_final_verdict")


def verdicts_open_to(user, article: Article, statement: Statement, *, judged: bool) -> bool:
    """Whether `user` may read colleagues' verdicts on `statement` (`judged`: has given one).

    The one rule of blind review, for verdicts already loaded; `VerdictQuerySet.visible_to` is
    the same rule in SQL. Open when the article is not under blind review, once the user has
    given their own verdict, once an editor has settled the statement (nothing is left to
    anchor), and always for editors. A user who may not view verdicts sees only their own.
    """
    if not user.has_perm("factcheck.view_verdict"):
        return False
    return (
        not article.blind_review
        or judged
        or bool(statement.final_verdict)
        or sees_every_verdict(user)
    )


def _open_to(user, statement: str) -> Q:
    """`verdicts_open_to` for the statement at the lookup path `statement`, as a filter."""
    return (
        Q(**{f"{statement}__article__blind_review": False})
        | ~Q(**{f"{statement}__final_verdict": ""})
        | Q(Exists(Verdict.objects.filter(statement=OuterRef(statement), reviewer=user.pk)))
    )


class BlindReviewQuerySet(models.QuerySet):
    """Rows that carry a judgment of a statement (verdicts, comments), read under blind review:
    each author's own, and colleagues' where `verdicts_open_to` opens the statement."""

    author_field = "reviewer"

    def visible_to(self, user) -> models.QuerySet:
        """What `user` may read. Every surface that shows verdict content (the review page,
        history, search, agreement, exports, live updates, comments) reads through this or
        `verdicts_open_to`."""
        if not user.is_authenticated:
            return self.none()
        own = Q(**{self.author_field: user.pk})
        if not user.has_perm("factcheck.view_verdict"):
            return self.filter(own)
        if sees_every_verdict(user):
            return self
        return self.filter(own | _open_to(user, "statement"))

    def hidden_from(self, user) -> models.QuerySet:
        """The complement of `visible_to`: what blind review keeps from `user`."""
        return self.exclude(pk__in=self.visible_to(user).values("pk"))


class VerdictQuerySet(BlindReviewQuerySet):
    author_field = "reviewer"


class Verdict(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="verdicts")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verdicts"
    )
    value = models.CharField(max_length=16, choices=Verdicts)
    rationale = models.TextField(blank=True)
    evidence = models.JSONField(
        default=list, blank=True, help_text='Links as [{"url": ..., "title": ...}].'
    )
    # db_default too, so bulk loaders (generate_data's COPY) that don't name the column work.
    version = models.PositiveIntegerField(
        default=1, db_default=1, help_text="Raised on every change."
    )
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True)

    objects = VerdictQuerySet.as_manager()

    class Meta:
        ordering = ["statement", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "reviewer"], name="verdict_one_per_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(value__in=VERDICT_VALUES), name="verdict_value_valid"
            ),
        ]
        indexes = [models.Index(fields=["reviewer", "-updated_at"], name="verdict_reviewer_recent")]

    def __str__(self) -> str:
        return f"{self.get_value_display()} by {self.reviewer}"

    def as_record(self) -> dict:
        return {"value": self.value, "rationale": self.rationale, "evidence": self.evidence}


class AssignmentQuerySet(models.QuerySet):
    def queue_for(self, user) -> AssignmentQuerySet:
        """`user`'s assignments, soonest due first, each with `total` and `done` statements."""
        return (
            self.filter(reviewer=user)
            .select_related("article", "assigned_by")
            .with_progress()
            .order_by(F("due_on").asc(nulls_last=True), "created_at", "id")
        )

    def with_progress(self) -> AssignmentQuerySet:
        """Each assignment with `total` statements to review and `done`, those with a verdict.

        An assignment of chosen statements counts those; one of the whole article counts all its
        statements. `done` is how many of them the reviewer has given a verdict on. Correlated
        subqueries, so PostgreSQL counts only for the rows a LIMIT keeps.
        """
        live = Q(statement__deleted_at__isnull=True)
        chosen = Assignment.statements.through.objects.filter(live, assignment=OuterRef("pk"))
        chosen_total = _count(chosen, "assignment")
        chosen_done = _count(
            Verdict.objects.filter(
                statement__deleted_at__isnull=True,
                reviewer=OuterRef("reviewer"),
                statement__assignments=OuterRef("pk"),
            ),
            "reviewer",
        )
        article_total = _count(
            Statement.objects.live().filter(article=OuterRef("article")), "article"
        )
        article_done = _count(
            Verdict.objects.filter(
                live, statement__article=OuterRef("article"), reviewer=OuterRef("reviewer")
            ),
            "reviewer",
        )
        return self.annotate(chosen_total=chosen_total).annotate(
            total=Case(When(chosen_total__gt=0, then=F("chosen_total")), default=article_total),
            done=Case(When(chosen_total__gt=0, then=chosen_done), default=article_done),
        )


def _count(queryset: models.QuerySet, group: str) -> Coalesce:
    """A correlated COUNT(*) subquery, 0 when nothing matches."""
    counted = queryset.order_by().values(group).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class Assignment(models.Model):
    """An editor asks a reviewer to check an article, or only some of its statements."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    statements = models.ManyToManyField(Statement, blank=True, related_name="assignments")
    due_on = models.DateField(null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments_given",
    )
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "reviewer"], name="assignment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.reviewer}"

    def as_record(self, ids: list[int] | None = None) -> dict:
        if ids is None:
            ids = sorted(self.statements.values_list("pk", flat=True)) if self.pk else []
        return {
            "reviewer_id": self.reviewer_id,
            "reviewer": self.reviewer.get_full_name() or self.reviewer.get_username(),
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "statements": ids,
        }

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_on and self.due_on < timezone.localdate())


class CommentQuerySet(BlindReviewQuerySet):
    # A comment ("the figure is wrong, see p. 3") carries a verdict as surely as the verdict does.
    author_field = "author"


class Comment(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(body__regex=r"^\s*$"), name="comment_not_blank"),
        ]

    def __str__(self) -> str:
        return self.body[:80]


class RevisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> RevisionQuerySet:
        """History as `user` may read it: a colleague's verdict change is verdict content, so it
        follows the rule of `VerdictQuerySet.visible_to`; every other change is shown."""
        if user.is_authenticated and sees_every_verdict(user):
            return self
        hidden = Q(action=Revision.Action.VERDICT) & ~Q(actor=user.pk)
        if user.is_authenticated and user.has_perm("factcheck.view_verdict"):
            hidden &= Q(statement__isnull=False) & ~_open_to(user, "statement")
        return self.exclude(hidden)


class Revision(models.Model):
    """One change to the desk's records: who, when, what it was before and after."""

    class Action(models.TextChoices):
        VERDICT = "verdict", "Verdict"
        FINAL_VERDICT = "final_verdict", "Final verdict"
        STATEMENT_CREATED = "statement_created", "Statement added"
        STATEMENT_EDITED = "statement_edited", "Statement edited"
        STATEMENT_DELETED = "statement_deleted", "Statement deleted"
        STATEMENT_RESTORED = "statement_restored", "Statement restored"
        STATEMENT_ACCEPTED = "statement_accepted", "Statement accepted"
        PARTY_MERGED = "party_merged", "Parties merged"
        PARTY_EDITED = "party_edited", "Party edited"
        ASSIGNMENT = "assignment", "Assignment"
        ARTICLE_EDITED = "article_edited", "Article edited"

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="revisions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions",
    )
    action = models.CharField(max_length=32, choices=Action)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["statement", "-created_at"], name="revision_statement_recent"),
            models.Index(fields=["article", "-created_at"], name="revision_article_recent"),
            models.Index(fields=["article", "id"], name="revision_article_since"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.created_at:%Y-%m-%d %H:%M}"

    RESTORABLE = {"statement_edited", "final_verdict", "statement_deleted"}

    @property
    def restorable(self) -> bool:
        return self.action in self.RESTORABLE and self.statement_id is not None

    def restore(self, editor) -> None:
        """Put the statement back as it was before this change (itself recorded as a change)."""
        if not self.restorable:
            raise ValueError("This change cannot be undone from history.")
        statement = Statement.objects.select_related("article").get(pk=self.statement_id)
        before = self.before or {}
        if self.action == self.Action.STATEMENT_DELETED:
            statement.restore(editor)
        elif self.action == self.Action.FINAL_VERDICT:
            statement.set_final_verdict(
                editor, before.get("final_verdict", ""), before.get("final_note", "")
            )
        else:
            speaker = Party.objects.filter(pk=before.get("speaker_id")).first()
            statement.edit(
                editor,
                version=statement.version,
                start=before["start"],
                end=before["end"],
                speaker=speaker,
                direct=before["direct"],
            )


class VerdictTally(models.Model):
    """Verdicts given per day, reviewer and value, kept by a database trigger (0005_search).

    The dashboard's week, throughput and agreement charts read a few hundred of these rows
    instead of millions of verdicts. `second_opinions` counts verdicts given when another reviewer
    had already judged the statement, and `agreed` those of them that matched every earlier one;
    a verdict changed later moves between values but keeps its first agreement.
    """

    day = models.DateField(help_text="The UTC date the verdict was first given.")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    value = models.CharField(max_length=16, choices=Verdicts)
    given = models.IntegerField(default=0)
    second_opinions = models.IntegerField(default=0)
    agreed = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "reviewer", "value"], name="verdict_tally_once_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.given} {self.value} by {self.reviewer_id}"


class JobQuerySet(models.QuerySet):
    def unfinished(self) -> JobQuerySet:
        return self.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING])

    def stale(self, older_than: datetime.timedelta | None = None) -> JobQuerySet:
        """Unfinished jobs nobody is working on: their task left the queue without finishing
        them (a worker stopped mid-way), or its worker has not reported for a while (died)."""
        if older_than is None:
            older_than = datetime.timedelta(seconds=settings.JOB_STALE_SECONDS)
        from django_tasks_db.models import DBTaskResult

        task = DBTaskResult.objects.filter(id=OuterRef("task_id"))
        return (
            self.unfinished()
            .exclude(models.Exists(task.filter(status="READY")))
            .filter(
                ~models.Exists(task.filter(status="RUNNING"))
                | Q(heartbeat_at__lt=timezone.now() - older_than)
            )
        )


class Job(models.Model):
    """Long work done by a background worker for one person: a batch import or an export.

    The worker runs it as a django.tasks task (`factcheck.jobs.run_job`); the job page polls this
    row. `task_id` names the task currently entitled to work on it, so a task superseded by a
    resume stops at its next item.
    """

    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        EXPORT = "export", "Export"

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting for a worker"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=16, choices=Kind)
    title = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=16, choices=State, default=State.QUEUED)
    params = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    current = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    task_id = models.UUIDField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # An export's file, in the default storage (a folder shared by every server).
    result_name = models.CharField(max_length=300, blank=True)
    result_size = models.BigIntegerField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["heartbeat_at"],
                condition=Q(state__in=["queued", "running"]),
                name="job_unfinished_idx",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("job_detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}

    @property
    def handled(self) -> int:
        return self.done + self.failed

    @property
    def percent(self) -> int:
        return round(100 * self.handled / self.total) if self.total else (100 * self.finished)


class JobItem(models.Model):
    """One unit of a job (an article of a batch), done in the same transaction that records it,
    so a resumed job skips what is done and never imports an article twice."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    source = models.CharField(max_length=300, help_text="The file or row, for messages.")
    payload = models.JSONField(default=dict)
    state = models.CharField(max_length=16, choices=State, default=State.PENDING)
    error = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="job_item_once"),
        ]

    def __str__(self) -> str:
        return self.source


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, user, name: str = "") -> tuple[ApiToken, str]:
        """A new token for `user`: the stored row and the secret, which is never stored."""
        secret = ApiToken.SCHEME + secrets.token_urlsafe(32)
        token = self.create(
            user=user,
            name=" ".join(name.split())[:100],
            prefix=secret[: ApiToken.PREFIX_LENGTH],
            key_hash=ApiToken.hash(secret),
        )
        return token, secret

    def authenticate(self, secret: str) -> ApiToken | None:
        """The live token whose secret this is, with its active user; None for any other string."""
        if not secret.startswith(ApiToken.SCHEME) or len(secret) > 100:
            return None
        return (
            self.select_related("user")
            .filter(key_hash=ApiToken.hash(secret), user__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    """A user's key to the JSON API. Only a hash of the secret is kept, as for a password; the
    first characters identify the token in lists, like a card's last digits."""

    SCHEME = "fct_"
    PREFIX_LENGTH = 12

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True, help_text="What the token is for.")
    prefix = models.CharField(max_length=PREFIX_LENGTH)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    last_used_at = models.DateTimeField(null=True, blank=True)
    # The rate limit's fixed window, kept on the row so every app server counts the same budget.
    window_start = models.BigIntegerField(default=0, db_default=0)
    window_requests = models.PositiveIntegerField(default=0, db_default=0)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        # Also the rate limiter's key: one budget per token, whatever its user's other tokens do.
        return f"api-token-{self.pk}"

    @staticmethod
    def hash(secret: str) -> str:
        # A random 256-bit secret needs no slow hash: nobody can guess their way to it.
        return hashlib.sha256(secret.encode()).hexdigest()

    def count_request(self, seconds: int) -> int:
        """Note the token's use and count one request in the current window of `seconds`;
        return how many requests the window has seen.

        One UPDATE, atomic under the row lock, so requests answered by several app servers at
        once are all counted, none twice (a per-process cache would give each server its own
        budget)."""
        window = int(time.time() // seconds) * seconds
        table = connection.ops.quote_name(ApiToken._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET last_used_at = %s, window_requests = CASE WHEN"
                " window_start = %s THEN window_requests + 1 ELSE 1 END, window_start = %s"
                " WHERE id = %s RETURNING window_requests",
                [timezone.now(), window, window, self.pk],
            )
            row = cursor.fetchone()
        return row[0] if row else 0


# What each single-key shortcut of the review desk does, and its key until a person changes it.
SHORTCUTS = {
    "next": ("j", "Next statement"),
    "previous": ("k", "Previous statement"),
    "unreviewed": ("n", "Next statement you have not reviewed"),
    "confirmed": ("1", "Confirmed"),
    "denied": ("2", "Denied"),
    "disputed": ("3", "Disputed"),
    "rationale": ("r", "Write the rationale"),
    "comments": ("c", "Comments"),
    "final": ("f", "Final verdict"),
    "edit": ("e", "Edit the statement"),
    "accept": ("y", "Accept the proposed statement"),
    "add": ("a", "Add the selected text as a statement"),
    "help": ("?", "The list of keys"),
}


class Preferences(models.Model):
    """A person's settings for the desk: single-key shortcuts on or off, and which key does
    what (WCAG 2.1.4: a key that clashes with a person's own tools can be moved). Kept on the
    server, so they follow the person from browser to browser."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="preferences",
    )
    shortcuts = models.BooleanField(default=True, help_text="Single-key shortcuts on the desk.")
    keys = models.JSONField(default=dict, blank=True, help_text="Changed keys, by action.")

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return f"Preferences of user {self.user_id}"

    @classmethod
    def of(cls, user) -> Preferences:
        """The user's preferences, the defaults (unsaved) for someone who never changed any."""
        return cls.objects.filter(user=user.pk).first() or cls(user_id=user.pk)

    @property
    def keymap(self) -> dict[str, str]:
        """Every action's key: the person's where they chose one, else the default."""
        chosen = self.keys if isinstance(self.keys, dict) else {}
        return {action: chosen.get(action) or key for action, (key, _) in SHORTCUTS.items()}
