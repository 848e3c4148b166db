"""The ticker: five local currencies against the US dollar, from each one's own central bank.

Rendering a page never touches a bank and at most reads one row: the ticker's data is a
snapshot rebuilt whenever rates or the editors' settings change (``rebuild_snapshot``), kept in
the cache and in the database (TickerSnapshot), and the rendered strip is cached per language.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fx.formatting import change_direction, format_change_percent, format_rate
from fx.models import Direction, Rate, TickerSettings, TickerSnapshot
from fx.providers import HOME_SOURCES, PROVIDERS
from fx.rates import TMT_PEG, TMT_PEG_SINCE, percent_change, usd_per_local

SNAPSHOT_KEY = "fx:ticker:snapshot"
MISSING = "missing"  # cached marker: no snapshot row exists yet (no query on every page)
MISSING_SECONDS = 60
PEGGED = {"TMT": (TMT_PEG, TMT_PEG_SINCE)}
# The banks' names for readers, translated (fx.providers keeps the English NAME, Django-free).
SOURCE_NAMES = {
    "nbk": _("National Bank of Kazakhstan"),
    "nbkr": _("National Bank of the Kyrgyz Republic"),
    "cbu": _("Central Bank of the Republic of Uzbekistan"),
    "nbt": _("National Bank of Tajikistan"),
    "cbt": _("Central Bank of Turkmenistan"),
    "cbr": _("Central Bank of the Russian Federation"),
}


def source_name(source: str) -> str:
    return str(SOURCE_NAMES.get(source, PROVIDERS[source].NAME if source in PROVIDERS else source))


# --------------------------------------------------------------------------- building (write side)


def _usd_rows(currency: str) -> list[Rate]:
    """The home bank's two newest USD rates for ``currency``: the latest and the previous published."""
    source = HOME_SOURCES[currency]
    return list(Rate.objects.filter(source=source, currency="USD", home=currency).order_by("-date")[:2])


def _entry(currency: str) -> dict[str, Any]:
    source = HOME_SOURCES[currency]
    rows = _usd_rows(currency)
    entry: dict[str, Any] = {"currency": currency, "source": source, "fixed": False, "since": None}
    latest = rows[0] if rows else None
    previous = rows[1] if len(rows) > 1 else None
    entry["date"] = latest.date.isoformat() if latest else None
    entry["local_per_usd"] = str(latest.rate) if latest else None
    entry["previous_date"] = previous.date.isoformat() if previous else None
    entry["previous_local_per_usd"] = str(previous.rate) if previous else None
    if currency in PEGGED:
        peg, since = PEGGED[currency]
        # An administered rate: shown even when the bank is unreachable, never "stale" while it holds.
        if latest is None or latest.rate == peg:
            entry.update(fixed=True, since=since.isoformat())
            entry["local_per_usd"] = str(peg)
    return entry


def build_snapshot() -> dict[str, Any]:
    """Everything the ticker needs, as JSON-friendly data, for every currency editors may pick."""
    ticker_settings = TickerSettings.load()
    return {
        "currencies": ticker_settings.currencies(),
        "direction": ticker_settings.direction,
        "stale_after_days": ticker_settings.stale_after_days,
        "entries": {currency: _entry(currency) for currency in HOME_SOURCES if currency != "RUB"},
        "built_at": timezone.now().isoformat(),
    }


def rebuild_snapshot() -> dict[str, Any]:
    """Recompute, persist and cache the snapshot; then readers see it on their next page."""
    data = build_snapshot()
    TickerSnapshot.objects.update_or_create(key="ticker", defaults={"data": data, "built_at": timezone.now()})
    cache.set(SNAPSHOT_KEY, data, None)
    return data


# --------------------------------------------------------------------------- reading (page side)


def snapshot() -> dict[str, Any] | None:
    """The cached snapshot: no query when cached, one when the cache lost it."""
    data = cache.get(SNAPSHOT_KEY)
    if data == MISSING:
        return None
    if data is None:
        data = TickerSnapshot.objects.filter(key="ticker").values_list("data", flat=True).first()
        if data is None:
            cache.set(SNAPSHOT_KEY, MISSING, MISSING_SECONDS)
            return None
        cache.set(SNAPSHOT_KEY, data, None)
    return data


@dataclass(frozen=True)
class TickerItem:
    currency: str
    source: str
    source_name: str
    label: str  # "KZT/USD" or "USD/KZT" as printed
    value: str  # formatted for the reader's locale
    sentence: str  # "1 KZT = 0.002077 USD"
    change: str  # "+0.25%", "0.00%", or an em dash without a previous rate
    direction: str  # "up" / "down" / "flat"
    date: datetime.date | None
    previous_date: datetime.date | None
    fixed: bool
    since: datetime.date | None
    stale: bool


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _values(entry: dict[str, Any], direction: str) -> tuple[Decimal, Decimal | None]:
    """The shown value and its previous value in the chosen direction."""
    local = Decimal(entry["local_per_usd"])
    prev = Decimal(entry["previous_local_per_usd"]) if entry.get("previous_local_per_usd") else None
    if entry["fixed"]:
        prev = prev if prev == local else local  # a peg that holds has not moved
    if direction == Direction.USD_IN_LOCAL:
        return local, prev
    return usd_per_local(local), (usd_per_local(prev) if prev else None)


def make_item(
    entry: dict[str, Any], direction: str, locale: str, today: datetime.date, stale_days: int
) -> TickerItem:
    currency = entry["currency"]
    value, previous = _values(entry, direction)
    change = percent_change(value, previous) if previous else None
    day = _date(entry["date"])
    formatted = format_rate(value, locale)
    if direction == Direction.USD_IN_LOCAL:
        label, sentence = f"USD/{currency}", f"1 USD = {formatted} {currency}"
    else:
        label, sentence = f"{currency}/USD", f"1 {currency} = {formatted} USD"
    stale = not entry["fixed"] and (day is None or (today - day).days > stale_days)
    return TickerItem(
        currency=currency,
        source=entry["source"],
        source_name=source_name(entry["source"]),
        label=label,
        value=formatted,
        sentence=sentence,
        change=format_change_percent(change, locale),
        direction=change_direction(change),
        date=day,
        previous_date=_date(entry.get("previous_date")),
        fixed=entry["fixed"],
        since=_date(entry.get("since")),
        stale=stale,
    )


def ticker_items(locale: str, today: datetime.date | None = None) -> list[TickerItem]:
    """The items to show, in the editors' order and direction; [] before any rate is stored."""
    data = snapshot()
    if not data:
        return []
    today = today or timezone.localdate()
    items = []
    for currency in data["currencies"]:
        entry = data["entries"].get(currency)
        if entry and entry.get("local_per_usd"):
            items.append(make_item(entry, data["direction"], locale, today, data["stale_after_days"]))
    return items
