"""Forms of the takedown admin, and the check that keeps a taken-down address from reuse."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from takedown.actions import REASON_MAX, blocking_takedown
from takedown.models import Takedown


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (internal)"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "The legal reason, e.g. the court order or the complaint. Seen only by editors in the "
            "admin: never on the site, in feeds or in the page history."
        ),
    )


def reuse_message(takedown: Takedown) -> str:
    return _(
        "The address %(url)s belongs to an article taken down for legal reasons on %(date)s. "
        "Choose another slug (an admin can reverse the takedown under Settings → Takedowns)."
    ) % {"url": takedown.url, "date": date_format(localtime(takedown.taken_down_at), "DATETIME_FORMAT")}


def takedown_in_the_way(parent: Page | None, slug: str, page: Page | None = None) -> Takedown | None:
    """The takedown whose tree path a page with this slug under this parent would take."""
    if parent is None or not slug:
        return None
    return blocking_takedown(f"{parent.url_path}{slug}/", page.pk if page and page.pk else None)


class TakedownPathCheck:
    """Mixed into every page type's admin form (takedown.apps): create, edit, rename."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        parent = getattr(self, "parent_page", None)
        takedown = takedown_in_the_way(parent, slug, self.instance)
        if takedown is not None:
            self.add_error("slug", reuse_message(takedown))
        return cleaned_data
