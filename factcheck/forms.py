from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat

from factcheck import roles
from factcheck.extraction.clean import NotText, decode_text
from factcheck.ingest import IngestError, fetch_article
from factcheck.links import safe_href
from factcheck.models import SHORTCUTS, Article, Party, Verdicts

_ONLY_AN_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)


def _limit() -> int:
    return settings.ARTICLE_MAX_BYTES


def error_text(form: forms.Form, fallback: str = "") -> str:
    """A refused form's errors as one message. Forms naming `typed_fields` report only those (and
    errors of the whole form); a failure in a field the page fills itself, such as the selected
    offsets or a version, gets `fallback`, the step a person should take instead."""
    typed = getattr(form, "typed_fields", None)
    return (
        " ".join(
            str(error)
            for name, errors in form.errors.items()
            if typed is None or name in typed or name == forms.forms.NON_FIELD_ERRORS
            for error in errors
        )
        or fallback
    )


class ArticleForm(forms.ModelForm):
    """An article from its web address, pasted into the text box, or uploaded as a file.

    Given only a web address, the desk fetches the page; title, outlet, canonical address, byline
    and date come from it unless the editor typed them.
    """

    address = forms.URLField(
        label="Web address",
        required=False,
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(
            attrs={"placeholder": "https://…", "autofocus": True, "autocomplete": "off"}
        ),
        help_text="The desk fetches the page and keeps its article text, without the menus, "
        "promotions and footer.",
    )
    raw_text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": "Paste the article here…"}),
        help_text="Paste the article's text or its HTML.",
    )
    upload = forms.FileField(
        label="Upload a file",
        required=False,
        help_text="A .txt, .html or .md file.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.md,text/*"}),
    )

    class Meta:
        model = Article
        fields = ["title", "outlet", "url", "byline", "published_on", "blind_review"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"url": "Canonical address", "published_on": "Publication date"}
        error_messages = {"title": {"required": "Give the article a title."}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A fetched page brings its own headline; clean() asks for one when nothing gave it.
        self.fields["title"].required = False

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and upload.size > _limit():
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the desk accepts articles of up to "
                f"{filesizeformat(_limit())}."
            )
        return upload

    def clean(self) -> dict:
        data = super().clean()
        text = data.get("raw_text") or ""
        upload = data.get("upload")
        if upload and not text.strip():
            try:
                text = decode_text(upload.read())
            except NotText:
                self.add_error("upload", "That file is not text. Upload a .txt, .html or .md file.")
                return data
        # How the article is fetched, not a field of it: cleaned_data keeps only what submit takes.
        address, field = data.pop("address", None), "address"
        if not address and _ONLY_AN_ADDRESS.fullmatch(text.strip()) and not upload:
            address, text, field = text.strip(), "", "raw_text"  # a link pasted as the text
        if address:
            if text.strip():
                self.add_error(
                    "address",
                    "Give the web address or the article's text, not both: clear one of them.",
                )
                return data
            text = self._fetch(address, data, field)
            if text is None:
                return data
        if len(text.encode("utf-8")) > _limit():
            self.add_error(
                "raw_text",
                f"The article is longer than the desk accepts ({filesizeformat(_limit())}). "
                "Split it into parts.",
            )
        elif not text.strip() and not {"raw_text", "upload", "address"} & self.errors.keys():
            self.add_error(
                "raw_text",
                "The article is empty. Give its web address, paste its text or upload a file.",
            )
        if not data.get("title") and "title" not in self.errors:
            self.add_error("title", "Give the article a title.")
        data["raw_text"] = text
        return data

    def _fetch(self, address: str, data: dict, field: str) -> str | None:
        """The fetched article's text, its metadata filling the fields left empty; None when
        the fetch failed (the error goes on `field`, where the address was given)."""
        try:
            fetched = fetch_article(address)
        except IngestError as error:
            self.add_error(field, str(error))
            return None
        typed = {
            name: data.get(name) for name in ("title", "outlet", "url", "byline", "published_on")
        }
        data.update(fetched.article_fields(**typed))
        return data.pop("raw_text")

    def article_fields(self) -> dict:
        """Keyword arguments for Article.objects.submit, once the form is valid."""
        names = [*self._meta.fields, "raw_text", "fetched_url", "fetched_html"]
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


# The review desk's forms.


MAX_EVIDENCE = 20  # links per verdict; more is a paste gone wrong, not evidence


class EvidenceField(forms.CharField):
    """Evidence links, one a line: a web address, then its title (`https://… Board report`)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value) -> list[dict]:
        links = []
        validate = forms.URLField().clean
        for number, line in enumerate(str(value or "").splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            url, _, title = line.partition(" ")
            if not safe_href(url):
                raise forms.ValidationError(
                    f"Line {number} of the evidence does not start with a web address (https://…)."
                )
            try:
                url = validate(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"Line {number} of the evidence is not a valid web address."
                ) from None
            links.append({"url": url, "title": " ".join(title.split())})
        if len(links) > MAX_EVIDENCE:
            raise forms.ValidationError(
                f"Give up to {MAX_EVIDENCE} evidence links ({len(links)} given): keep the ones "
                "that settle the claim."
            )
        return links

    def prepare_value(self, value) -> str:
        if isinstance(value, list):
            return "\n".join(f"{e['url']} {e.get('title', '')}".strip() for e in value)
        return value


class VerdictDetailForm(forms.Form):
    """A verdict button, with the rationale and evidence typed beside it."""

    value = forms.ChoiceField(choices=Verdicts.choices, required=False)
    current = forms.ChoiceField(choices=Verdicts.choices, required=False)
    rationale = forms.CharField(
        required=False, strip=True, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = EvidenceField(required=False, label="Evidence links")
    version = forms.IntegerField(required=False, min_value=0)
    # Whether the form carried the rationale fields; a bare button click leaves them alone.
    detailed = forms.BooleanField(required=False)

    def clean(self) -> dict:
        data = super().clean()
        data["value"] = data.get("value") or data.get("current") or ""
        if not data["value"] and not self.errors:
            raise forms.ValidationError("Choose Confirmed, Denied or Disputed first.")
        return data


class FinalVerdictForm(forms.Form):
    final_verdict = forms.ChoiceField(
        choices=[("", "Not settled"), *Verdicts.choices], required=False, label="Final verdict"
    )
    final_note = forms.CharField(
        required=False,
        max_length=5000,
        label="Note",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": "The note is too long: up to %(limit_value)d characters "
            "(it has %(show_value)d)."
        },
    )
    version = forms.IntegerField(min_value=0)
    typed_fields = ("final_note",)


class StatementEditForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    speaker = forms.IntegerField(required=False)
    new_speaker = forms.CharField(
        required=False,
        max_length=300,
        error_messages={
            "max_length": "The speaker's name is too long: up to %(limit_value)d characters "
            "(it has %(show_value)d)."
        },
    )
    direct = forms.BooleanField(required=False, label="Direct quote")
    version = forms.IntegerField(min_value=0, required=False)
    typed_fields = ("new_speaker",)

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end <= start:
            raise forms.ValidationError("The statement must end after it starts.")
        return data


class CommentForm(forms.Form):
    body = forms.CharField(
        max_length=5000, label="Comment", widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write a comment first.")
        return body


class AssignmentForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(queryset=None, label="Reviewers")
    due_on = forms.DateField(
        required=False, label="Due", widget=forms.DateInput(attrs={"type": "date"})
    )
    statements = forms.CharField(
        required=False,
        label="Only statements",
        help_text="Numbers such as 1-5, 8 — leave empty for the whole article.",
    )

    def __init__(self, *args, reviewers, numbered: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewers
        self.fields["reviewers"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.numbered = numbered

    def clean_statements(self) -> list:
        text = self.cleaned_data["statements"].replace(" ", "")
        chosen = []
        for part in filter(None, text.split(",")):
            low, _, high = part.partition("-")
            if not low.isdigit() or (high and not high.isdigit()):
                raise forms.ValidationError(f"“{part}” is not a statement number or range.")
            for number in range(int(low), int(high or low) + 1):
                if number not in self.numbered:
                    raise forms.ValidationError(f"There is no statement {number}.")
                chosen.append(self.numbered[number])
        return chosen


class ArticleDetailsForm(forms.ModelForm):
    """An article's details without its text: what an editor corrects after submitting it."""

    class Meta:
        model = Article
        fields = ArticleForm.Meta.fields
        error_messages = ArticleForm.Meta.error_messages

    clean_title = ArticleForm.clean_title


# Search and the party directory -------------------------------------------------------


UNSETTLED = "unsettled"  # the search filter for statements with no final verdict yet


def named_party(typed: str) -> Party | None:
    """The party a person typed by name or alias; None for nothing typed; a clear error for a
    name no party has."""
    name = " ".join(typed.split())
    if not name:
        return None
    party = Party.objects.named(name)
    if party is None:
        raise forms.ValidationError(f"No party is called “{name}”. Check the spelling.")
    return party


class PartyAndDatesForm(forms.Form):
    """What search and exports filter on alike: a speaker named by name or alias, and a range of
    publication dates (subclasses declare the fields, with their own labels and widgets)."""

    def clean_party(self) -> Party | None:
        return named_party(self.cleaned_data["party"])

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("published_from"), data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", "The end date is before the start date.")
        return data


class SearchForm(PartyAndDatesForm):
    q = forms.CharField(required=False, max_length=300, strip=True, label="Search")
    verdict = forms.ChoiceField(
        required=False,
        label="Final verdict",
        choices=[("", "Any verdict"), *Verdicts.choices, (UNSETTLED, "Not settled yet")],
    )
    party = forms.CharField(required=False, max_length=300, label="Party")
    reviewer = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Any reviewer",
        label="Reviewer",
    )
    status = forms.ChoiceField(
        required=False,
        label="Article status",
        choices=[("", "Any status"), *Article.Status.choices],
    )
    published_from = forms.DateField(
        required=False, label="Published from", widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(
        required=False, label="to", widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "Newest first"), ("best", "Best match")],
        label="Order",
    )
    after = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            get_user_model()
            .objects.filter(groups__name__in=[roles.REVIEWER, roles.EDITOR], is_active=True)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["reviewer"].label_from_instance = lambda u: u.get_full_name() or u.username

    def clean(self) -> dict:
        data = super().clean()
        after = data.get("after") or ""
        data["cursor"] = None
        if after:
            try:
                if data.get("sort") == "best" and data.get("q"):
                    rank, pk = after.split("_")
                    data["cursor"] = (float(rank), int(pk))
                else:
                    data["cursor"] = (None, int(after))
            except ValueError:
                self.add_error(None, "That page link is broken. Start again from the first page.")
        return data


class DirectoryForm(forms.Form):
    q = forms.CharField(required=False, max_length=300, label="Find a party")
    kind = forms.ChoiceField(required=False, choices=[("", "All kinds"), *Party.Kind.choices])
    after = forms.CharField(required=False, max_length=400)


class PartyForm(forms.Form):
    kind = forms.ChoiceField(choices=Party.Kind.choices)
    affiliation = forms.CharField(
        required=False,
        max_length=300,
        label="Affiliation",
        help_text="The organisation this party speaks for, by name or alias. Leave empty for none.",
    )
    aliases = forms.CharField(
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One name a line: how articles refer to this party.",
    )

    def clean_affiliation(self) -> Party | None:
        return named_party(self.cleaned_data["affiliation"])

    def clean_aliases(self) -> list[str]:
        return [line for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class DistinctForm(forms.Form):
    keep = forms.IntegerField(min_value=1)
    duplicate = forms.IntegerField(min_value=1)


class ShortcutsForm(forms.Form):
    """Single-key shortcuts on or off, and one key for each action: a single visible character
    (a letter, digit or sign), no two actions on the same key."""

    shortcuts = forms.BooleanField(required=False, label="Single-key shortcuts")

    def __init__(self, *args, keymap: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for action, (_, label) in SHORTCUTS.items():
            self.fields[f"key_{action}"] = forms.CharField(
                label=label,
                initial=keymap[action],
                max_length=1,
                strip=False,  # a space is refused below, not quietly emptied
                error_messages={
                    "required": f"Give a key for “{label}”.",
                    "max_length": f"“{label}”: one key, a single character.",
                },
                widget=forms.TextInput(attrs={"size": 2, "autocomplete": "off"}),
            )

    def key_fields(self) -> list:
        return [self[f"key_{action}"] for action in SHORTCUTS]

    def clean(self) -> dict:
        data = super().clean()
        by_key: dict[str, list[str]] = {}
        for action, (_, label) in SHORTCUTS.items():
            key = data.get(f"key_{action}")
            if key is None:
                continue
            if not key.isprintable() or key.isspace():
                self.add_error(f"key_{action}", f"“{label}”: a letter, digit or sign, not a space.")
                continue
            by_key.setdefault(key, []).append(label)
        for key, labels in by_key.items():
            if len(labels) > 1:
                raise forms.ValidationError(
                    f"“{key}” is given to more than one action: {', '.join(labels)}."
                )
        return data

    def keys(self) -> dict[str, str]:
        """The keys that differ from the defaults: what is stored."""
        return {
            action: self.cleaned_data[f"key_{action}"]
            for action, (default, _) in SHORTCUTS.items()
            if self.cleaned_data[f"key_{action}"] != default
        }
