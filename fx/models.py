"""Stored official rates, per-source health, the ticker's editor settings and its ready-made snapshot."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from fx.providers import PROVIDERS

SOURCE_CHOICES = [(name, module.NAME) for name, module in PROVIDERS.items()]
# The ticker's currencies: each one's value comes from its own central bank (fx.providers.HOME_SOURCES).
TICKER_CURRENCIES = ["KGS", "KZT", "TJS", "UZS", "TMT"]
RATE_DECIMAL_PLACES = 14


class Rate(models.Model):
    """``rate`` units of ``home`` buy ONE unit of ``currency``, as published by ``source`` for ``date``."""

    source = models.CharField(max_length=8, choices=SOURCE_CHOICES)
    currency = models.CharField(max_length=3)
    home = models.CharField(max_length=3)
    # 14 integer + 14 fraction digits: 12 251.87 UZS per USD and 0.0000744004 RUB per IRR alike.
    rate = models.DecimalField(max_digits=28, decimal_places=RATE_DECIMAL_PLACES)
    date = models.DateField(help_text="The date the rate is valid for (effective date).")
    published = models.DateField(
        null=True, blank=True, help_text="Publication date, where the bank gives one."
    )
    fetched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "currency", "date"], name="fx_rate_one_per_day"),
        ]
        indexes = [models.Index(fields=["currency", "date"], name="fx_rate_currency_date")]
        ordering = ["source", "currency", "-date"]

    def __str__(self) -> str:
        return f"{self.source} {self.date}: 1 {self.currency} = {self.rate.normalize():f} {self.home}"


class SourceStatus(models.Model):
    """The health of one source, shown on the admin dashboard."""

    source = models.CharField(max_length=8, choices=SOURCE_CHOICES, unique=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_payload_date = models.DateField(null=True, blank=True)
    last_stored = models.PositiveIntegerField(
        default=0, help_text="Rows created or corrected by the last success."
    )
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["source"]
        verbose_name_plural = "source statuses"

    def __str__(self) -> str:
        return f"{self.source}: {'failing' if self.failing else 'ok'}"

    @property
    def name(self) -> str:
        return PROVIDERS[self.source].NAME if self.source in PROVIDERS else self.source

    @property
    def failing(self) -> bool:
        """The newest event is an error (a later success clears the alarm, not the message)."""
        if self.last_error_at is None:
            return False
        return self.last_success_at is None or self.last_error_at >= self.last_success_at


class Direction(models.TextChoices):
    LOCAL_PER_USD = "local_usd", _("Value of one local unit in US dollars (KZT/USD = 0.002077)")
    USD_IN_LOCAL = "usd_local", _("Price of one US dollar in local currency (1 USD = 481.35 KZT)")


@register_setting(icon="doc-full")
class TickerSettings(BaseGenericSetting):
    """What the exchange-rate ticker at the top of every page shows."""

    show_kgs = models.BooleanField("KGS (Kyrgyz som)", default=True)
    show_kzt = models.BooleanField("KZT (Kazakh tenge)", default=True)
    show_tjs = models.BooleanField("TJS (Tajik somoni)", default=True)
    show_uzs = models.BooleanField("UZS (Uzbek som)", default=True)
    show_tmt = models.BooleanField("TMT (Turkmen manat)", default=True)
    direction = models.CharField(max_length=16, choices=Direction.choices, default=Direction.LOCAL_PER_USD)
    stale_after_days = models.PositiveSmallIntegerField(
        default=4,
        help_text="Mark a rate as out of date when it is this many days older than today "
        "(weekends and holidays have no new rates).",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel(f"show_{code.lower()}") for code in TICKER_CURRENCIES], heading="Currencies"
        ),
        FieldPanel("direction"),
        FieldPanel("stale_after_days"),
    ]

    class Meta:
        verbose_name = "exchange-rate ticker"

    def currencies(self) -> list[str]:
        return [code for code in TICKER_CURRENCIES if getattr(self, f"show_{code.lower()}")]


class TickerSnapshot(models.Model):
    """The ticker's data, rebuilt whenever rates or settings change, so a page reads it in one query."""

    key = models.CharField(max_length=16, primary_key=True, default="ticker")
    data = models.JSONField(default=dict)
    built_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"ticker snapshot of {self.built_at:%Y-%m-%d %H:%M}"
