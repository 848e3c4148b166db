"""National Bank of the Kyrgyz Republic: KGS per ``Nominal`` units.

``daily.xml`` (USD, EUR, CNY, KZT, RUB) and ``weekly.xml`` (~40 others) share one
format: windows-1251 declaration, decimal comma, ``CurrencyRates@Date`` = the
date the rates are effective (usually the day after publication, can be a weekend).
Neither file takes a date parameter: they always hold the latest set.
"""

from __future__ import annotations

import datetime
import re

from fx.providers import base
from fx.providers.base import PayloadError, Quote

SOURCE = "nbkr"
HOME = "KGS"
NAME = "National Bank of the Kyrgyz Republic"
TIMEZONE = "Asia/Bishkek"
CONTENT = "xml"
DATED = False  # no date parameter: the payload date is whatever is current
MAX_CARRY_DAYS = 0

DAILY_URL = "https://www.nbkr.kg/XML/daily.xml"
WEEKLY_URL = "https://www.nbkr.kg/XML/weekly.xml"
HISTORY_URL = (
    "https://www.nbkr.kg/index1.jsp?item=1562&lang=ENG&valuta_id={valuta_id}"
    "&beg_day={start:%d}&beg_month={start:%m}&beg_year={start:%Y}"
    "&end_day={end:%d}&end_month={end:%m}&end_year={end:%Y}"
)
# NBKR's internal ids for the history page (not ISO numeric codes).
VALUTA_IDS = {
    "USD": 15,
    "EUR": 20,
    "CNY": 24,
    "JPY": 36,
    "KZT": 40,
    "RUB": 44,
    "TJS": 45,
    "UZS": 46,
    "TMT": 108,
}

_HISTORY_ROW_RE = re.compile(
    r"<!--date-->\s*([0-9.]+)\s*<!--date-->.*?<!--value-->\s*([^<]*?)\s*<!--value-->", re.DOTALL
)


def url_for(day: datetime.date | None, *, weekly: bool = False) -> str:
    """The date is ignored: NBKR serves only the current set."""
    return WEEKLY_URL if weekly else DAILY_URL


def history_url(currency: str, start: datetime.date, end: datetime.date) -> str:
    """History page (HTML) of one currency; NBKR allows about a year per request."""
    try:
        valuta_id = VALUTA_IDS[currency]
    except KeyError:
        raise ValueError(f"{SOURCE}: no known history id for {currency}") from None
    return HISTORY_URL.format(valuta_id=valuta_id, start=start, end=end)


def parse(payload: bytes) -> list[Quote]:
    """Parse daily.xml or weekly.xml."""
    root = base.parse_xml(payload, source=SOURCE)
    if root.tag != "CurrencyRates":
        raise PayloadError(f"{SOURCE}: unexpected XML root <{root.tag}>, expected <CurrencyRates>")
    day = base.parse_date(root.get("Date"), ["%d.%m.%Y"], source=SOURCE)
    quotes = []
    for item in root.findall("Currency"):
        code = base.check_code(item.get("ISOCode"), source=SOURCE)
        value = base.parse_decimal(base.child_text(item, "Value"), source=SOURCE, what=f"{code} value")
        nominal = base.parse_nominal(base.child_text(item, "Nominal"), source=SOURCE, what=f"{code} nominal")
        rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} value")
        quotes.append(Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day))
    return base.finish(SOURCE, quotes)


def parse_history(payload: bytes, currency: str, nominal: int = 1) -> list[Quote]:
    """Parse the index1.jsp history page of one currency (rows newest first).

    The page carries no nominal and no currency code, so both come from the caller.
    """
    code = base.check_code(currency, source=SOURCE)
    text = payload.decode("utf-8", errors="replace")
    quotes = []
    for raw_day, raw_value in _HISTORY_ROW_RE.findall(text):
        day = base.parse_date(raw_day, ["%d.%m.%Y"], source=SOURCE)
        value = base.parse_decimal(raw_value, source=SOURCE, what=f"{code} value on {raw_day}")
        rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} value on {raw_day}")
        quotes.append(Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day))
    return base.finish(SOURCE, quotes, empty_hint="no <!--date--> rows in the history page")
