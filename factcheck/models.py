"""The desk's data: articles, the parties quoted in them, their statements and the verdicts on them.

Invariants live in the database (check and unique constraints, and a trigger that keeps every
statement's quote equal to the article text it points at), so no code path can store bad data.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models, transaction
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Lower, Now, Trim
from django.utils import timezone

from factcheck import extraction


class ArticleQuerySet(models.QuerySet):
    def submit(self, *, raw_text: str | bytes, created_by=None, **fields) -> Article:
        """Store an article as submitted, clean it, and propose the statements found in it.

        Speakers are matched to parties already in the registry by name or alias, so "Cook" in a
        new article lands on the Tim Cook the desk already knows rather than a duplicate.
        """
        found = extraction.extract(raw_text)
        if isinstance(raw_text, bytes):
            raw_text = raw_text.decode("utf-8", errors="replace")
        article = self.create(
            raw_text=raw_text,
            text=found.text or raw_text.strip(),
            created_by=created_by,
            **fields,
        )
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

    objects = ArticleQuerySet.as_manager()

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
        indexes = [models.Index(fields=["status", "-created_at"], name="article_status_created")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("article_detail", args=[self.pk])

    def refresh_status(self) -> None:
        """Draft until reviewed, in review while any statement lacks a final verdict, then done."""
        statements = Statement.objects.live().filter(article=self)
        if statements.exists() and not statements.filter(final_verdict="").exists():
            status = self.Status.DONE
        elif self.status == self.Status.DONE or (
            Verdict.objects.filter(statement__article=self).exists()
        ):
            status = self.Status.IN_REVIEW
        else:
            status = self.status
        if status != self.status:
            Article.objects.filter(pk=self.pk).update(status=status)
            self.status = status


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
        indexes = [GinIndex(fields=["alias_keys"], name="party_alias_keys_gin")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.aliases = unique_names(self.aliases, exclude=self.name)
        self.alias_keys = [normalise_name(a) for a in self.aliases]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("party_detail", args=[self.pk])


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


class Verdicts(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"
    DISPUTED = "disputed", "Disputed"


VERDICT_VALUES = [value for value, _ in Verdicts.choices]


class StatementQuerySet(models.QuerySet):
    def live(self) -> StatementQuerySet:
        return self.filter(deleted_at__isnull=True)

    def pending_review(self) -> StatementQuerySet:
        return self.live().filter(final_verdict="")


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
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True)

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
        ]

    def __str__(self) -> str:
        return self.quote[:80]

    @property
    def shade(self) -> str:
        """The verdict a highlight shows: the final one, else the viewer's own, else none."""
        mine = getattr(self, "my_verdict", None)
        return self.final_verdict or (mine.value if mine else "none")

    def set_verdict(
        self,
        reviewer,
        value: str,
        rationale: str | None = None,
        evidence: list[dict] | None = None,
    ) -> Verdict:
        """Record `reviewer`'s verdict; saying the same thing twice changes nothing twice."""
        if value not in VERDICT_VALUES:
            raise ValueError(f"Unknown verdict {value!r}")
        with transaction.atomic():
            verdict = (
                Verdict.objects.select_for_update()
                .filter(statement=self, reviewer=reviewer)
                .first()
            )
            before = verdict.as_record() if verdict else None
            if verdict is None:
                verdict = Verdict(statement=self, reviewer=reviewer)
            verdict.value = value
            if rationale is not None:
                verdict.rationale = rationale
            if evidence is not None:
                verdict.evidence = evidence
            after = verdict.as_record()
            if before == after:
                return verdict
            verdict.save()
            # The first verdict puts a draft article in review; one UPDATE, no read first.
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

    def set_final_verdict(self, editor, value: str, note: str = "") -> None:
        if value not in ["", *VERDICT_VALUES]:
            raise ValueError(f"Unknown verdict {value!r}")
        with transaction.atomic():
            before = {"final_verdict": self.final_verdict, "final_note": self.final_note}
            after = {"final_verdict": value, "final_note": note}
            if before == after:
                return
            self.final_verdict = value
            self.final_note = note
            self.final_by = editor if value else None
            self.final_at = timezone.now() if value else None
            self.version = F("version") + 1
            self.save(
                update_fields=[
                    "final_verdict",
                    "final_note",
                    "final_by",
                    "final_at",
                    "version",
                    "updated_at",
                ]
            )
            self.refresh_from_db(fields=["version"])
            Revision.objects.create(
                article_id=self.article_id,
                statement=self,
                actor=editor,
                action=Revision.Action.FINAL_VERDICT,
                before=before,
                after=after,
            )
            self.article.refresh_status()


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
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True)

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

    class Meta:
        ordering = ["due_on", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "reviewer"], name="assignment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.reviewer}"


class Comment(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_default=Now())

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(body__regex=r"^\s*$"), name="comment_not_blank"),
        ]

    def __str__(self) -> str:
        return self.body[:80]


class Revision(models.Model):
    """One change to the desk's records: who, when, what it was before and after."""

    class Action(models.TextChoices):
        VERDICT = "verdict", "Verdict"
        FINAL_VERDICT = "final_verdict", "Final verdict"
        STATEMENT_CREATED = "statement_created", "Statement added"
        STATEMENT_EDITED = "statement_edited", "Statement edited"
        STATEMENT_DELETED = "statement_deleted", "Statement deleted"
        STATEMENT_RESTORED = "statement_restored", "Statement restored"
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

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["statement", "-created_at"], name="revision_statement_recent"),
            models.Index(fields=["article", "-created_at"], name="revision_article_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.created_at:%Y-%m-%d %H:%M}"
