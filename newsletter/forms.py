from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsletter.content import edition_choices
from newsletter.subscriptions import normalise_email


class SubscribeForm(forms.Form):
    """The footer's one field, or the subscription page's full form (language and editions)."""

    email = forms.CharField(
        label=_("Email address"), max_length=320, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    editions = forms.MultipleChoiceField(
        label=_("Editions"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked for the general edition."),
    )  # fmt: skip

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_language = language
        self.fields["language"].choices = list(settings.LANGUAGES)
        self.fields["language"].initial = language
        # Editions are offered in the page's language; a language chosen in the form that has
        # other topic sections is checked against its own list in clean().
        self.fields["editions"].choices = edition_choices(language)
        self.fields["editions"].initial = ["all"]

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except ValidationError:
            raise ValidationError(_("Please enter an email address such as name@example.org.")) from None

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.page_language

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("language") or self.page_language
        chosen = cleaned.get("editions") or ["all"]
        known = {key for key, _label in edition_choices(language)}
        if not set(chosen) <= known:
            self.add_error("editions", _("One of the chosen editions does not exist in that language."))
        cleaned["editions"] = chosen
        return cleaned
