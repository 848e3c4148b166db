"""Central Bank of Russia: RUB per ``Nominal`` units (used as a cross-check).

``XML_daily.asp`` is windows-1251 with decimal commas. ``Value``/``Nominal`` is the
primary figure; ``VunitRate`` (RUB per one unit, 2026+, may be "5,39256E-05") is
used to verify it. ``ValCurs@Date`` is the date the rates apply to: Saturday's set
also covers Sunday and Monday and holidays carry the last set, so a requested day
may legitimately return an earlier date. ``XML_dynamic.asp`` (one currency,
``<Record Date=...>``) is parsed too; its currency comes from the CBR id.
Bad parameters give HTTP 200 with ``<ValCurs>Error in parameters</ValCurs>``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from xml.etree.ElementTree import Element

from fx.providers import base
from fx.providers.base import PayloadError, Quote

SOURCE = "cbr"
HOME = "RUB"
NAME = "Central Bank of the Russian Federation"
TIMEZONE = "Europe/Moscow"
CONTENT = "xml"
DATED = True
MAX_CARRY_DAYS = 10  # 1-8 January plus a weekend is the longest gap without a new rate

DAILY_URL = "https://www.cbr.ru/scripts/XML_daily.asp"
DAY_URL = "https://www.cbr.ru/scripts/XML_daily.asp?date_req={day:%d/%m/%Y}"
DYNAMIC_URL = (
    "https://www.cbr.ru/scripts/XML_dynamic.asp?date_req1={start:%d/%m/%Y}"
    "&date_req2={end:%d/%m/%Y}&VAL_NM_RQ={cbr_id}"
)
# CBR's internal ids (XML_dynamic has no CharCode). Nominals change over time; never store them.
CBR_IDS = {
    "R01235": "USD",
    "R01239": "EUR",
    "R01375": "CNY",
    "R01335": "KZT",
    "R01370": "KGS",
    "R01670": "TJS",
    "R01710A": "TMT",
    "R01717": "UZS",
}
# VunitRate is Value/Nominal rounded to ~6 significant digits; allow that rounding only.
_VUNIT_TOLERANCE = Decimal("0.00001")
DECIMAL = ","


def url_for(day: datetime.date | None) -> str:
    """Without a day CBR returns the latest set, which may already be tomorrow's."""
    return DAILY_URL if day is None else DAY_URL.format(day=day)


def dynamic_url(currency: str, start: datetime.date, end: datetime.date) -> str:
    ids = {code: cbr_id for cbr_id, code in CBR_IDS.items()}
    if currency not in ids:
        raise ValueError(f"{SOURCE}: no known CBR id for {currency}")
    return DYNAMIC_URL.format(start=start, end=end, cbr_id=ids[currency])


def _rate(element: Element, code: str) -> Decimal:
    raw_value = base.child_text(element, "Value")
    raw_unit = base.child_text(element, "VunitRate")
    unit = None
    if raw_unit is not None:
        unit = base.parse_decimal(raw_unit, source=SOURCE, what=f"{code} VunitRate", decimal=DECIMAL)
    if raw_value is None:
        if unit is None:
            raise PayloadError(f"{SOURCE}: {code} has neither Value nor VunitRate")
        return base.per_unit(unit, 1, source=SOURCE, what=f"{code} VunitRate")
    value = base.parse_decimal(raw_value, source=SOURCE, what=f"{code} value", decimal=DECIMAL)
    nominal = base.parse_nominal(base.child_text(element, "Nominal"), source=SOURCE, what=f"{code} nominal")
    rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} value")
    # A Value/VunitRate disagreement means the nominal was misread somewhere (the classic x100 bug).
    if unit is not None and abs(unit - rate) > rate * _VUNIT_TOLERANCE:
        raise PayloadError(f"{SOURCE}: {code} Value/Nominal = {rate} but VunitRate = {unit}")
    return rate


def parse(payload: bytes) -> list[Quote]:
    root = base.parse_xml(payload, source=SOURCE)
    if root.tag != "ValCurs":
        raise PayloadError(f"{SOURCE}: unexpected XML root <{root.tag}>, expected <ValCurs>")
    message = " ".join((root.text or "").split())
    hint = f"server said {message!r}" if message else ""
    records = root.findall("Record")
    if records:
        return base.finish(SOURCE, [_record(rec, root.get("ID")) for rec in records], empty_hint=hint)
    if root.find("Valute") is None:
        # An empty daily or dynamic answer (e.g. "Error in parameters").
        return base.finish(SOURCE, [], empty_hint=hint)
    day = base.parse_date(root.get("Date"), ["%d.%m.%Y"], source=SOURCE)

    def quote(valute: Element) -> Quote:
        code = base.check_code(base.child_text(valute, "CharCode"), source=SOURCE)
        return Quote(source=SOURCE, currency=code, home=HOME, rate=_rate(valute, code), date=day)

    quotes, skipped = base.quotes_from_rows(root.findall("Valute"), quote)
    return base.finish(SOURCE, quotes, skipped=skipped, empty_hint=hint)


def _record(record: Element, series_id: str | None) -> Quote:
    cbr_id = record.get("Id") or series_id or ""
    code = CBR_IDS.get(cbr_id)
    if code is None:
        raise PayloadError(f"{SOURCE}: unknown CBR id {cbr_id!r} in XML_dynamic; add it to CBR_IDS")
    day = base.parse_date(record.get("Date"), ["%d.%m.%Y"], source=SOURCE)
    return Quote(source=SOURCE, currency=code, home=HOME, rate=_rate(record, code), date=day)
