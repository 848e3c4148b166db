"""Central Bank of the Republic of Uzbekistan: UZS per ``Nominal`` units.

JSON array of objects whose values are strings (``id`` may be a number):
``{"Ccy": "USD", "Nominal": "1", "Rate": "12194.21", "Diff": "-16.5", "Date": "01.04.2026"}``.
``Date`` is the date of validity; ``Diff`` is an absolute change in UZS (ignored here).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from fx.providers import base
from fx.providers.base import PayloadError, Quote

SOURCE = "cbu"
HOME = "UZS"
NAME = "Central Bank of the Republic of Uzbekistan"
TIMEZONE = "Asia/Tashkent"
CONTENT = "json"
DATED = True
MAX_CARRY_DAYS = 0

LATEST_URL = "https://cbu.uz/en/arkhiv-kursov-valyut/json/"
DAY_URL = "https://cbu.uz/en/arkhiv-kursov-valyut/json/all/{day:%Y-%m-%d}/"  # trailing slash matters


def url_for(day: datetime.date | None) -> str:
    return LATEST_URL if day is None else DAY_URL.format(day=day)


def _field(row: dict[str, Any], key: str, index: int) -> str:
    value = row.get(key)
    if value is None:
        raise PayloadError(f"{SOURCE}: row {index} has no {key!r}")
    # Numbers arrive as strings; a bare JSON number (int or Decimal, never float) is accepted too.
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise PayloadError(f"{SOURCE}: row {index} {key!r} has unexpected type {type(value).__name__}")
    return str(value)


def parse(payload: bytes) -> list[Quote]:
    data = base.parse_json(payload, source=SOURCE)
    if not isinstance(data, list):
        raise PayloadError(f"{SOURCE}: expected a JSON array, got {type(data).__name__}")
    quotes = []
    for index, row in enumerate(data):
        if not isinstance(row, dict):
            raise PayloadError(f"{SOURCE}: row {index} is not an object")
        code = base.check_code(_field(row, "Ccy", index), source=SOURCE)
        value = base.parse_decimal(_field(row, "Rate", index), source=SOURCE, what=f"{code} rate")
        nominal = base.parse_nominal(_field(row, "Nominal", index), source=SOURCE, what=f"{code} nominal")
        day = base.parse_date(_field(row, "Date", index), ["%d.%m.%Y"], source=SOURCE, what=f"{code} date")
        rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} rate")
        quotes.append(Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day))
    # Dates are per row; a row older than the rest is a leftover, not today's rate.
    return base.finish(SOURCE, base.keep_newest(quotes))
