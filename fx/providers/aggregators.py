"""Unofficial aggregate JSON feeds (open.er-api.com, fawazahmed0 currency-api): parse only.

They are market mid rates, not central-bank fixings, so steppe never stores or shows them;
`manage.py fx_parse` reads them so engineers can compare. Quotes read "1 BASE = rate CODE":
``currency`` is the feed's base and ``home`` each listed code (units of it per one base unit).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Any

from fx.providers import base
from fx.providers.base import PayloadError, Quote

OPEN_ER_API = "open-er-api"
FAWAZAHMED0 = "fawazahmed0"
_CODE = re.compile(r"[A-Za-z]{3}")  # the fawazahmed0 feed also lists tokens like "1inch"


def _number(value: Any, source: str, code: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise PayloadError(f"{source}: {code} is not a number: {value!r}")
    return Decimal(value)


def _quotes(source: str, base_code: str, rates: Any, day: datetime.date) -> list[Quote]:
    if not isinstance(rates, dict):
        raise PayloadError(f"{source}: expected an object of rates")
    base_code = base.check_code(base_code, source=source)
    quotes = []
    for code, value in rates.items():
        if not _CODE.fullmatch(code) or code.upper() == base_code:
            continue
        rate = base.per_unit(_number(value, source, code), 1, source=source, what=f"{code} rate")
        quotes.append(Quote(source=source, currency=base_code, home=code.upper(), rate=rate, date=day))
    if not quotes:  # (base.finish keys duplicates on currency, which is the base for every quote here)
        raise PayloadError(f"{source}: no rates in payload")
    return quotes


def parse_open_er_api(payload: bytes) -> list[Quote]:
    """``{"result": "success", "base_code": "USD", "time_last_update_utc": ..., "rates": {...}}``"""
    data = base.parse_json(payload, source=OPEN_ER_API)
    if not isinstance(data, dict) or data.get("result") != "success":
        kind = data.get("error-type") if isinstance(data, dict) else type(data).__name__
        raise PayloadError(f"{OPEN_ER_API}: not a successful answer ({kind})")
    try:
        day = parsedate_to_datetime(str(data.get("time_last_update_utc"))).date()
    except (TypeError, ValueError) as exc:
        raise PayloadError(f"{OPEN_ER_API}: cannot read time_last_update_utc") from exc
    return _quotes(OPEN_ER_API, str(data.get("base_code", "")), data.get("rates"), day)


def parse_fawazahmed0(payload: bytes) -> list[Quote]:
    """``{"date": "2025-09-04", "eur": {"kgs": 102.1, ...}}`` (lower-case codes)."""
    data = base.parse_json(payload, source=FAWAZAHMED0)
    if not isinstance(data, dict) or "date" not in data:
        raise PayloadError(f"{FAWAZAHMED0}: expected an object with a date")
    day = base.parse_date(str(data["date"]), ["%Y-%m-%d", "%Y.%m.%d"], source=FAWAZAHMED0)
    bases = [key for key in data if key != "date"]
    if len(bases) != 1:
        raise PayloadError(f"{FAWAZAHMED0}: expected exactly one base currency, found {bases}")
    return _quotes(FAWAZAHMED0, bases[0], data[bases[0]], day)


PARSERS = {OPEN_ER_API: parse_open_er_api, FAWAZAHMED0: parse_fawazahmed0}
