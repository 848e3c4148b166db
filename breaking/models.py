"""The breaking-news banner: a short line on every page of one language until it expires."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

TEXT_MAX = 140


class BreakingNewsQuerySet(models.QuerySet):
    def current(self) -> BreakingNewsQuerySet:
        """Not cleared and not yet expired: what readers see."""
        return self.filter(cleared_at__isnull=True, expires_at__gt=timezone.now())


class BreakingNews(models.Model):
    """One banner of one language. Rows stay after they are cleared or expire (the audit log
    points at them); at most one per language is uncleared (a database constraint)."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    text = models.CharField(_("text"), max_length=TEXT_MAX)
    link_url = models.URLField(_("link (address)"), max_length=500, blank=True)
    link_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("link (page)"),
    )  # fmt: skip
    expires_at = models.DateTimeField(_("expires at"))
    created_at = models.DateTimeField(_("set at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("set by"),
    )  # fmt: skip
    cleared_at = models.DateTimeField(_("cleared at"), null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("cleared by"),
    )  # fmt: skip

    objects = BreakingNewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("breaking-news banner")
        verbose_name_plural = _("breaking-news banners")
        ordering = ["-created_at", "-pk"]
        # Only the custom permission is used: the banner is set and cleared, never edited.
        default_permissions = ()
        permissions = [("manage_breakingnews", _("Can set and clear the breaking-news banner"))]
        constraints = [
            models.UniqueConstraint(
                fields=["locale"], condition=Q(cleared_at__isnull=True), name="breaking_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def language(self) -> str:
        return self.locale.language_code

    def link(self) -> str:
        """Where the banner leads: the page's address (followed if it moves) or the URL, or ''."""
        if self.link_page_id:
            page = self.link_page
            return (page.get_url() or "") if page is not None and page.live else ""
        return self.link_url

    def is_current(self) -> bool:
        return self.cleared_at is None and self.expires_at > timezone.now()
