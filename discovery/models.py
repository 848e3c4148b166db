"""Stored "Suggested articles": one row per (article, rank), so serving is a single join."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredSuggestion(models.Model):
    """``article`` is the ``rank``-th suggestion shown under ``page`` (0 = first).

    Rows are replaced as a whole list by discovery.engine.store(). Readers never trust them blindly:
    the serving query joins them with ``ArticlePage.objects.published()``, so an article that was
    unpublished, expired or restricted after the list was computed is never shown.
    """

    page = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="stored_suggestions")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="suggested_in")
    rank = models.PositiveSmallIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("stored suggestion")
        constraints = [models.UniqueConstraint(fields=["page", "rank"], name="discovery_page_rank_unique")]
        indexes = [models.Index(fields=["article"], name="discovery_suggestion_article")]

    def __str__(self) -> str:
        return f"{self.page_id} -> {self.article_id} (#{self.rank})"
