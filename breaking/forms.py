"""The admin form of one language's banner: text, a page or an address, the expiry."""

from __future__ import annotations

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from breaking.actions import LONGEST, problems
from breaking.models import TEXT_MAX

# Most breaking news is news for an afternoon: the form starts there, the editor changes it.
DEFAULT_LIFETIME = timedelta(hours=3)
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def default_expiry(now: datetime | None = None) -> str:
    moment = timezone.localtime(now or timezone.now()) + DEFAULT_LIFETIME
    return moment.strftime(DATETIME_LOCAL)


class BannerForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text"),
        max_length=TEXT_MAX,
        help_text=gettext_lazy("One line, at most %(max)d characters.") % {"max": TEXT_MAX},
    )
    link_page = forms.ModelChoiceField(
        label=gettext_lazy("Link to a page"),
        queryset=Page.objects.filter(depth__gt=1),
        required=False,
        widget=AdminPageChooser(),
    )
    link_url = forms.CharField(
        label=gettext_lazy("… or to an address"),
        max_length=500,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=gettext_lazy("Leave both empty for a banner without a link."),
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Comes down at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        help_text=gettext_lazy("At most %(days)d days from now, in the site's time zone.")
        % {"days": LONGEST.days},
    )

    def __init__(self, *args, prefix: str = "", **kwargs) -> None:
        kwargs.setdefault("initial", {"expires_at": default_expiry()})
        super().__init__(*args, prefix=prefix, **kwargs)

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:  # a field that did not parse has its own message already
            return cleaned
        found = problems(
            cleaned.get("text", ""),
            (cleaned.get("link_url") or "").strip(),
            cleaned.get("link_page"),
            cleaned.get("expires_at"),
            timezone.now(),
        )
        for field, message in found.items():
            self.add_error(field, message)
        return cleaned
