"""JSON API: /api/fx/latest, /api/fx/history, /api/fx/openapi.json. Bad parameters get 400 + a message."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from fx import queries
from fx.formatting import round_percent
from fx.models import Direction
from fx.providers import PROVIDERS
from fx.rates import percent_change, usd_per_local
from fx.ticker import make_item, snapshot

MAX_RANGE_DAYS = 366 * 5
_CODE = re.compile(r"[A-Za-z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ALLOWED_HISTORY_PARAMS = {"currency", "from", "to", "source"}


class BadRequest(ValueError):
    pass


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _number(value: Decimal) -> str:
    """Decimal as a plain decimal string (JSON numbers would lose precision)."""
    return f"{value.normalize():f}"


def _five() -> list[dict[str, Any]]:
    data = snapshot()
    if not data:
        return []
    today = timezone.localdate()
    result = []
    for currency in queries.TICKER_CURRENCIES:
        entry = data["entries"].get(currency)
        if not entry or not entry.get("local_per_usd"):
            continue
        item = make_item(entry, Direction.LOCAL_PER_USD, "en", today, data["stale_after_days"])
        per_usd = Decimal(entry["local_per_usd"])
        prev = entry.get("previous_local_per_usd")
        result.append(
            {
                "currency": currency,
                "units_per_usd": _number(per_usd),
                "usd_per_unit": _number(usd_per_local(per_usd)),
                "date": entry["date"],
                "previous_date": entry.get("previous_date"),
                "previous_units_per_usd": _number(Decimal(prev)) if prev else None,
                "change_percent": _change(per_usd, Decimal(prev)) if prev else None,
                "source": entry["source"],
                "source_name": item.source_name,
                "fixed": item.fixed,
                "stale": item.stale,
            }
        )
    return result


def _change(per_usd: Decimal, previous_per_usd: Decimal) -> str:
    """% change of the USD value of one local unit, two decimals, never "-0.00"."""
    pct = percent_change(usd_per_local(per_usd), usd_per_local(previous_per_usd))
    return f"{round_percent(pct):f}"


@require_GET
def latest(request: HttpRequest) -> JsonResponse:
    banks = {}
    for latest_set in queries.latest_sets():
        if not latest_set["rows"]:
            continue
        source = latest_set["source"]
        banks[source] = {
            "name": PROVIDERS[source].NAME,
            "home": PROVIDERS[source].HOME,
            "date": latest_set["date"],
            "rates": [
                {"currency": row["currency"], "rate": _number(Decimal(row["rate"])), "date": row["date"]}
                for row in latest_set["rows"]
            ],
        }
    return JsonResponse({"base": "USD", "rates": _five(), "banks": banks})


EARLIEST_DATE = datetime.date(1990, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def _date_param(request: HttpRequest, name: str) -> datetime.date | None:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return None
    if not _DATE.fullmatch(raw):
        raise BadRequest(f"'{name}' must be a date as YYYY-MM-DD")
    try:
        value = datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"'{name}' is not a valid date: {raw}") from None
    # The region's currencies date from the 1990s; far dates would also overflow the range maths.
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise BadRequest(f"'{name}' must be between {EARLIEST_DATE} and {LATEST_DATE}")
    return value


def _history_params(request: HttpRequest) -> tuple[str, str | None, datetime.date, datetime.date]:
    unknown = sorted(set(request.GET) - ALLOWED_HISTORY_PARAMS)
    if unknown:
        raise BadRequest(f"unknown parameter '{unknown[0][:40]}'; use currency, from, to and source")
    raw = request.GET.get("currency", "")
    if not raw:
        raise BadRequest("'currency' is required, e.g. currency=KZT")
    if not _CODE.fullmatch(raw):
        raise BadRequest("'currency' must be a three-letter ISO 4217 code, e.g. KZT")
    currency = raw.upper()
    source = request.GET.get("source") or None
    if source is None and currency not in queries.TICKER_CURRENCIES:
        known = ", ".join(queries.TICKER_CURRENCIES)
        raise BadRequest(f"'currency' must be one of {known} (or give 'source' for another bank's rates)")
    if source is not None and source not in PROVIDERS:
        raise BadRequest(f"'source' must be one of {', '.join(PROVIDERS)}")
    end = _date_param(request, "to")
    if end is None:  # default: the 90 days up to the newest stored rate
        end = (queries.newest_date(currency) if source is None else None) or timezone.localdate()
    start = _date_param(request, "from") or end - datetime.timedelta(days=queries.HISTORY_DAYS)
    if start > end:
        raise BadRequest("'from' must not be after 'to'")
    if (end - start).days > MAX_RANGE_DAYS:
        raise BadRequest(f"the range may span at most {MAX_RANGE_DAYS} days")
    return currency, source, start, end


@require_GET
def history(request: HttpRequest) -> JsonResponse:
    try:
        currency, source, start, end = _history_params(request)
    except BadRequest as exc:
        return _error(str(exc))
    series = queries.usd_history(currency, start, end, source=source)
    if source is None:
        home_source = queries.HOME_SOURCES[currency]
        points = [
            {"date": d.isoformat(), "units_per_usd": _number(r), "usd_per_unit": _number(usd_per_local(r))}
            for d, r in series
        ]
        meta = {"source": home_source, "source_name": PROVIDERS[home_source].NAME, "base": "USD"}
    else:
        points = [{"date": d.isoformat(), "rate": _number(r)} for d, r in series]
        meta = {"source": source, "source_name": PROVIDERS[source].NAME, "home": PROVIDERS[source].HOME}
    return JsonResponse(
        {"currency": currency, "from": start.isoformat(), "to": end.isoformat(), **meta, "rates": points}
    )


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    from fx.openapi import SPEC

    return JsonResponse(SPEC)
