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
