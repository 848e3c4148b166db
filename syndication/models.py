from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="rss")
class SyndicationSettings(BaseSiteSetting):
    feed_items = models.PositiveSmallIntegerField(
        _("items per feed"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("How many of the newest articles each RSS/Atom feed carries."),
    )
    publisher_logo = models.ForeignKey(
        "news.NewsImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("publisher logo"),
        help_text=_("Shown by search engines; the built-in logo is used when empty."),
    )
    panels = [FieldPanel("feed_items"), FieldPanel("publisher_logo")]

    class Meta:
        verbose_name = _("feeds and search engines")
