"""Read side for the rates page and the API: latest sets and histories, cached per content version.

Every store that changes rates bumps the content version (news.cache), so these cached
values and the cached pages built from them are replaced at once.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Max

from fx.models import Rate
from fx.providers import HOME_SOURCES, PROVIDERS
from news.cache import cached_fragment

HISTORY_DAYS = 90
TICKER_CURRENCIES = [c for c in HOME_SOURCES if c != "RUB"]


# A currency still counts as current this long after the source's newest rate (NBKR's weekly list
# is dated days before its daily one); older rows are currencies the bank stopped quoting.
CURRENT_DAYS = 10
# How far back the previous published rate of a current currency is looked for.
LOOKBACK_DAYS = 45


def _latest_set(source: str) -> dict[str, Any]:
    newest = Rate.objects.filter(source=source).aggregate(newest=Max("date"))["newest"]
    if newest is None:
        return {"source": source, "date": None, "rows": []}
    window = Rate.objects.filter(
        source=source, date__gte=newest - datetime.timedelta(days=LOOKBACK_DAYS)
    ).order_by("currency", "-date")
    by_currency: dict[str, list[Rate]] = {}
    for row in window:
        by_currency.setdefault(row.currency, []).append(row)
    rows = []
    for currency, history in sorted(by_currency.items()):
        latest = history[0]
        if (newest - latest.date).days > CURRENT_DAYS:
            continue
        previous = history[1] if len(history) > 1 else None
        rows.append(
            {
                "currency": currency,
                "home": latest.home,
                "rate": str(latest.rate),
                "date": latest.date.isoformat(),
                "previous": str(previous.rate) if previous else None,
                "previous_date": previous.date.isoformat() if previous else None,
            }
        )
    return {"source": source, "date": newest.isoformat(), "rows": rows}


def latest_sets() -> list[dict[str, Any]]:
    """Each source's newest published set with the previous rate of every currency."""
    return cached_fragment("fx-latest-sets", lambda: [_latest_set(source) for source in PROVIDERS])


def usd_history(
    currency: str, start: datetime.date, end: datetime.date, source: str | None = None
) -> list[tuple[datetime.date, Decimal]]:
    """(date, home units per one ``currency``) from ``source`` (default: the home bank's USD rate).

    ``usd_history("KZT", ...)`` gives NBK's KZT per USD; ``usd_history("EUR", ..., source="nbk")``
    NBK's KZT per EUR.
    """
    if source is None:
        source, code = HOME_SOURCES[currency], "USD"
    else:
        code = currency

    def build() -> list[tuple[str, str]]:
        rows = Rate.objects.filter(source=source, currency=code, date__gte=start, date__lte=end)
        return [(d.isoformat(), str(r)) for d, r in rows.order_by("date").values_list("date", "rate")]

    raw = cached_fragment("fx-history", build, source, code, start.isoformat(), end.isoformat())
    return [(datetime.date.fromisoformat(d), Decimal(r)) for d, r in raw]


def newest_date(currency: str) -> datetime.date | None:
    """The newest date the home bank of ``currency`` published a USD rate for."""

    def build() -> str | None:
        day = (
            Rate.objects.filter(source=HOME_SOURCES[currency], currency="USD")
            .aggregate(newest=Max("date"))
            .get("newest")
        )
        return day.isoformat() if day else None

    value = cached_fragment("fx-newest", build, currency)
    return datetime.date.fromisoformat(value) if value else None
