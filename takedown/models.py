"""Articles taken down for legal reasons, and the notice readers get at their address instead."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, Site, TranslatableMixin


class TakedownQuerySet(models.QuerySet):
    def active(self) -> TakedownQuerySet:
        return self.filter(reversed_at__isnull=True)


class Takedown(models.Model):
    """One takedown of one article. The row outlives the page: the address stays gone."""

    # SET_NULL: deleting the page must not free its address (url, site and language are kept).
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="takedowns",
        verbose_name=_("page"),
    )  # fmt: skip
    # The revision that was live, so a reversal restores the article as readers last saw it.
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("title"), max_length=255)
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The path readers used, e.g. /en/politics/some-story/ (answers 410), and Wagtail's tree path
    # of the page, e.g. /home/politics/some-story/ (no other page may take it).
    url = models.CharField(_("address"), max_length=1024, db_index=True)
    url_path = models.TextField(_("tree path"), db_index=True)
    language = models.CharField(_("language"), max_length=16)
    reason = models.TextField(
        _("reason"), max_length=4000,
        help_text=_("Internal: seen only by editors in the admin, never by readers."),
    )  # fmt: skip
    taken_down_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("taken down by"),
    )  # fmt: skip
    taken_down_at = models.DateTimeField(_("taken down at"), auto_now_add=True)
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reversed by"),
    )  # fmt: skip
    reversed_at = models.DateTimeField(_("reversed at"), null=True, blank=True)

    objects = TakedownQuerySet.as_manager()

    class Meta:
        verbose_name = _("takedown")
        verbose_name_plural = _("takedowns")
        ordering = ["-taken_down_at", "-pk"]
        permissions = [("reverse_takedown", _("Can reverse a takedown"))]

    def __str__(self) -> str:
        return f"{self.title} ({self.url})"

    @property
    def active(self) -> bool:
        return self.reversed_at is None


class TakedownNotice(TranslatableMixin, models.Model):
    """What readers read at a taken-down address, one per language (a translatable snippet)."""

    text = models.TextField(
        _("notice"), max_length=1000,
        help_text=_("Shown at the address of every article taken down in this language."),
    )  # fmt: skip

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("takedown notice")
        verbose_name_plural = _("takedown notices")

    def __str__(self) -> str:
        return self.text[:60]
