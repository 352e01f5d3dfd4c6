from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from factcheck.models import Article, Verdicts


def _limit() -> int:
    return settings.ARTICLE_MAX_BYTES


class ArticleForm(forms.ModelForm):
    """An article pasted into the text box or uploaded as a file (.txt, .html, .md)."""

    raw_text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "placeholder": "Paste the article here…"}),
        help_text="Paste the text or the HTML of the article.",
    )
    upload = forms.FileField(
        label="…or upload a file",
        required=False,
        help_text="A .txt, .html or .md file.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.md,text/*"}),
    )

    class Meta:
        model = Article
        fields = ["title", "outlet", "url", "byline", "published_on", "blind_review"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"url": "URL", "published_on": "Publication date"}
        error_messages = {"title": {"required": "Give the article a title."}}

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Give the article a title.")
        return title

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
            raw = upload.read()
            if b"\x00" in raw[:8192]:
                self.add_error("upload", "That file is not text. Upload a .txt, .html or .md file.")
                return data
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
        if len(text.encode("utf-8")) > _limit():
            self.add_error(
                "raw_text",
                f"The article is longer than the desk accepts ({filesizeformat(_limit())}). "
                "Split it into parts.",
            )
        elif not text.strip() and "raw_text" not in self.errors and "upload" not in self.errors:
            self.add_error("raw_text", "The article is empty. Paste its text or upload a file.")
        data["raw_text"] = text
        return data


class VerdictForm(forms.Form):
    value = forms.ChoiceField(choices=Verdicts.choices)
