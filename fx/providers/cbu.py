"""Central Bank of the Republic of Uzbekistan: UZS per ``Nominal`` units.

JSON array of objects whose values are strings (``id`` may be a number):
``{"Ccy": "USD", "Nominal": "1", "Rate": "12194.21", "Diff": "-16.5", "Date": "01.04.2026"}``.
``Date`` is the date of validity; ``Diff`` is an absolute change in UZS (ignored here).
The ``/xml/`` endpoint's ``<CBU_Curr><CcyNtry>`` list carries the same fields and is read too.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any
from xml.etree.ElementTree import Element

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


DECIMAL = "."
_DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


def _field(row: dict[str, Any], key: str, index: int) -> str:
    value = row.get(key)
    if value is None:
        raise PayloadError(f"{SOURCE}: row {index} has no {key!r}")
    # Numbers arrive as strings; a bare JSON number (int or Decimal, never float) is accepted too.
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise PayloadError(f"{SOURCE}: row {index} {key!r} has unexpected type {type(value).__name__}")
    if isinstance(value, Decimal) and key == "Nominal" and value == value.to_integral_value():
        return str(int(value))  # a JSON 1.0 nominal
    return str(value)


def _quote(code: str, raw_rate: str | None, raw_nominal: str | None, raw_date: str | None) -> Quote:
    value = base.parse_decimal(raw_rate, source=SOURCE, what=f"{code} rate", decimal=DECIMAL)
    nominal = base.parse_nominal(raw_nominal, source=SOURCE, what=f"{code} nominal")
    day = base.parse_date(raw_date, _DATE_FORMATS, source=SOURCE, what=f"{code} date")
    rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} rate")
    return Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day)


def parse(payload: bytes) -> list[Quote]:
    """The JSON array (any of the JSON endpoints) or the same list as XML (``/xml/``)."""
    if payload.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and not base.looks_like_html(payload):
        return _parse_xml(payload)
    data = base.parse_json(payload, source=SOURCE)
    if isinstance(data, dict) and "Ccy" in data:
        data = [data]  # one currency as a bare object
    if not isinstance(data, list):
        detail = ""
        if isinstance(data, dict):
            message = data.get("error") or data.get("message") or data.get("detail")
            detail = f" (server said {message!r})" if message else f" with keys {sorted(data)[:5]}"
        raise PayloadError(f"{SOURCE}: expected a JSON array, got {type(data).__name__}{detail}")

    def row_quote(numbered: tuple[int, Any]) -> Quote:
        index, row = numbered
        if not isinstance(row, dict):
            raise PayloadError(f"{SOURCE}: row {index} is not an object")
        code = base.check_code(_field(row, "Ccy", index), source=SOURCE)
        return _quote(
            code, _field(row, "Rate", index), _field(row, "Nominal", index), _field(row, "Date", index)
        )

    quotes, skipped = base.quotes_from_rows(enumerate(data), row_quote)
    # Dates are per row; a row older than the rest is a leftover, not today's rate.
    return base.finish(SOURCE, base.keep_newest(quotes), skipped=skipped)


def _parse_xml(payload: bytes) -> list[Quote]:
    """``<CBU_Curr><CcyNtry ID="840"><Ccy>USD</Ccy>...<Nominal>1</Nominal><Rate>...</Rate><date>...``"""
    root = base.parse_xml(payload, source=SOURCE)
    if root.tag != "CBU_Curr":
        raise PayloadError(f"{SOURCE}: unexpected XML root <{root.tag}>, expected <CBU_Curr>")

    def entry_quote(entry: Element) -> Quote:
        code = base.check_code(base.child_text(entry, "Ccy"), source=SOURCE)
        raw_date = base.child_text(entry, "date")
        if raw_date is None:
            raw_date = base.child_text(entry, "Date")
        return _quote(code, base.child_text(entry, "Rate"), base.child_text(entry, "Nominal"), raw_date)

    quotes, skipped = base.quotes_from_rows(root.findall("CcyNtry"), entry_quote)
    return base.finish(SOURCE, base.keep_newest(quotes), skipped=skipped)
