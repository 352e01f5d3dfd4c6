"""The forms of the exports pages: which statements to export, and a batch of articles to import."""

from __future__ import annotations

from django import forms

from factcheck.forms import PartyAndDatesForm
from factcheck.models import Article, Verdicts
from factcheck.reports.selection import UNSETTLED, Selection


class ExportFilterForm(PartyAndDatesForm):
    published_from = forms.DateField(
        label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(
        label="Published to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(
        label="Article status",
        required=False,
        choices=[("", "Any status"), *Article.Status.choices],
    )
    party = forms.CharField(
        label="Party",
        required=False,
        max_length=300,
        widget=forms.TextInput(
            attrs={"list": "party-names", "placeholder": "Anyone", "autocomplete": "off"}
        ),
        help_text="A speaker's name or alias.",
    )
    verdict = forms.ChoiceField(
        label="Final verdict",
        required=False,
        choices=[
            ("", "Any verdict"),
            *Verdicts.choices,
            (UNSETTLED, "Not yet settled"),
        ],
    )

    def selection(self) -> Selection:
        data = self.cleaned_data
        party = data.get("party")
        return Selection(
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
            status=data.get("status") or "",
            party=party.pk if party else None,
            verdict=data.get("verdict") or "",
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class BatchImportForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        widget=MultipleFileInput(
            attrs={"accept": ".zip,.csv,.txt,.html,.htm,.md,.urls", "multiple": True}
        ),
        help_text="A zip of .txt, .html or .md files, several such files, a CSV with the "
        "columns title, outlet, url, date, text, or a list of web addresses.",
    )
