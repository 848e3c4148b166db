"""Page views per article and hour: aggregate counts only (no visitor, no cookie, no IP)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyViews(models.Model):
    page = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="hourly_views")
    hour = models.DateTimeField(help_text="Start of the hour (UTC) the views were counted in.")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hourly views")
        verbose_name_plural = _("hourly views")
        constraints = [models.UniqueConstraint(fields=["page", "hour"], name="readership_page_hour_unique")]
        indexes = [models.Index(fields=["hour"], name="readership_hour")]

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.hour:%Y-%m-%d %H}:00: {self.views}"


class FlushedBatch(models.Model):
    """A buffer of views already added to HourlyViews, recorded in the same transaction.

    The buffer (a Redis hash or a spool file) is deleted after the commit; a flush killed in
    between leaves it behind, and the next flush finds its name here and drops it instead of
    counting it twice.
    """

    name = models.CharField(max_length=200, unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.name
