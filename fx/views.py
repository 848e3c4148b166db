"""The exchange-rates page (/en/fx/): the five against USD, each bank's other rates, converter, charts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from fx import queries
from fx.chart import line_chart
from fx.converter import ConversionError, convert, format_amount, parse_amount
from fx.formatting import change_direction, format_change_percent, format_rate
from fx.models import Direction
from fx.providers import PROVIDERS
from fx.rates import percent_change, usd_per_local
from fx.templatetags.fx_tags import fx_date, reader_locale
from fx.ticker import make_item, snapshot, source_name

CONVERTER_CURRENCIES = ["USD", *queries.TICKER_CURRENCIES]


def _five(data: dict[str, Any] | None, locale: str, today: datetime.date) -> list[dict[str, Any]]:
    """The five local currencies in both directions, in the ticker's order."""
    if not data:
        return []
    rows = []
    for currency in queries.TICKER_CURRENCIES:
        entry = data["entries"].get(currency)
        if not entry or not entry.get("local_per_usd"):
            continue
        stale_days = data["stale_after_days"]
        rows.append(
            {
                "local": make_item(entry, Direction.LOCAL_PER_USD, locale, today, stale_days),
                "usd": make_item(entry, Direction.USD_IN_LOCAL, locale, today, stale_days),
                "per_usd": Decimal(entry["local_per_usd"]),
            }
        )
    return rows


def _published_digits(rate: Decimal) -> int:
    """Show a bank's figure as published (113.2201, not 113.22), and never fewer than 4 digits."""
    return min(max(4, len(rate.normalize().as_tuple().digits)), 12)


def _bank_tables(locale: str) -> list[dict[str, Any]]:
    tables = []
    for latest in queries.latest_sets():
        if not latest["rows"]:
            continue
        rows = []
        for row in latest["rows"]:
            rate = Decimal(row["rate"])
            prev = Decimal(row["previous"]) if row["previous"] else None
            change = percent_change(rate, prev) if prev else None
            rows.append(
                {
                    "currency": row["currency"],
                    "home": row["home"],
                    "rate": format_rate(rate, locale, min_significant=_published_digits(rate)),
                    "change": format_change_percent(change, locale),
                    "direction": change_direction(change),
                    "date": datetime.date.fromisoformat(row["date"]),
                }
            )
        provider = PROVIDERS[latest["source"]]
        tables.append(
            {
                "source": latest["source"],
                "name": source_name(latest["source"]),
                "home": provider.HOME,
                "date": datetime.date.fromisoformat(latest["date"]),
                "rows": rows,
            }
        )
    return tables


def _charts(five: list[dict[str, Any]], locale: str, today: datetime.date) -> list[dict[str, Any]]:
    charts = []
    for row in five:
        item = row["local"]
        end = queries.newest_date(item.currency) or today
        start = end - datetime.timedelta(days=queries.HISTORY_DAYS)
        history = queries.usd_history(item.currency, start, end)
        points = [(day, usd_per_local(rate)) for day, rate in history]
        description = _("No stored history yet.")
        if points:
            description = _(
                "%(pair)s from %(first)s on %(start)s to %(last)s on %(end)s, %(count)s rates."
            ) % {
                "pair": item.label,
                "first": format_rate(points[0][1], locale),
                "start": fx_date(points[0][0]),
                "last": format_rate(points[-1][1], locale),
                "end": fx_date(points[-1][0]),
                "count": len(points),
            }
        svg = line_chart(
            points,
            chart_id=f"chart-{item.currency}",
            title=_("%(pair)s, last %(days)s days") % {"pair": item.label, "days": queries.HISTORY_DAYS},
            description=description,
            fmt_value=lambda value: format_rate(value, locale),
            fmt_date=lambda day: fx_date(day, "medium"),
        )
        charts.append({"item": item, "svg": svg, "description": description, "count": len(points)})
    return charts


def _converter(request: HttpRequest, five: list[dict[str, Any]], locale: str) -> dict[str, Any]:
    params = request.GET
    state: dict[str, Any] = {
        "amount": params.get("amount", "")[:40],
        "source": params.get("from", "USD"),
        "target": params.get("to", "KZT"),
        "currencies": CONVERTER_CURRENCIES,
        "error": None,
        "result": None,
    }
    if "amount" not in params:
        return state
    try:
        amount = parse_amount(state["amount"], locale)
        per_usd = {row["local"].currency: row["per_usd"] for row in five}
        result = convert(amount, state["source"], state["target"], per_usd)
    except ConversionError as exc:
        state["error"] = str(exc)
        return state
    state["result"] = {
        "amount": format_amount(result.amount, locale),
        "value": format_amount(result.result, locale),
        "rate": format_rate(result.rate, locale),
        "source": result.source,
        "target": result.target,
    }
    return state


def rates_page(request: HttpRequest) -> HttpResponse:
    locale = reader_locale()
    today = timezone.localdate()
    five = _five(snapshot(), locale, today)
    context = {
        "five": five,
        "tables": _bank_tables(locale),
        "charts": _charts(five, locale, today),
        "converter": _converter(request, five, locale),
        "history_days": queries.HISTORY_DAYS,
    }
    return render(request, "fx/rates_page.html", context)
