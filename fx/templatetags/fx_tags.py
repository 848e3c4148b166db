"""{% fx_ticker %}: the exchange-rate strip at the top of every page (see fx.ticker)."""

from __future__ import annotations

import datetime

from babel.dates import format_date
from django import template
from django.utils.translation import get_language, to_locale

from fx.ticker import ticker_items

register = template.Library()

SHORT_NAMES = {"nbk": "NBK", "nbkr": "NBKR", "cbu": "CBU", "nbt": "NBT", "cbt": "CBT", "cbr": "CBR"}


def reader_locale() -> str:
    return to_locale(get_language() or "en")


@register.inclusion_tag("fx/ticker.html")
def fx_ticker() -> dict:
    """Renders from the cached snapshot: no bank, no query when cached, one read otherwise."""
    locale = reader_locale()
    return {"items": ticker_items(locale), "locale": locale}


@register.filter
def fx_date(value: datetime.date | None, fmt: str = "long") -> str:
    """ "13 March 2026" / "13 марта 2026 г." ("short_dm": "13 Mar")."""
    if not value:
        return ""
    if fmt == "short_dm":
        return format_date(value, format="d MMM", locale=reader_locale())
    return format_date(value, format=fmt, locale=reader_locale())


@register.filter
def fx_short_name(source: str) -> str:
    return SHORT_NAMES.get(source, source.upper())
