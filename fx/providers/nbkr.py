"""National Bank of the Kyrgyz Republic: KGS per ``Nominal`` units.

``daily.xml`` (USD, EUR, CNY, KZT, RUB) and ``weekly.xml`` (~40 others) share one
format: windows-1251 declaration, decimal comma, ``CurrencyRates@Date`` = the
date the rates are effective (usually the day after publication, can be a weekend).
Neither file takes a date parameter: they always hold the latest set.
"""

from __future__ import annotations

import datetime
import re
from xml.etree.ElementTree import Element

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

# Nominals of those currencies in daily.xml / weekly.xml (2026); the history page has none.
HISTORY_NOMINALS = {
    "USD": 1,
    "EUR": 1,
    "CNY": 1,
    "JPY": 10,
    "KZT": 1,
    "RUB": 1,
    "TJS": 1,
    "UZS": 1,
    "TMT": 1,
}
DECIMAL = ","

_HISTORY_DATE_RE = re.compile(r"<!--date-->\s*([^<]*?)\s*<!--date-->")
_HISTORY_VALUE_RE = re.compile(r"<!--value-->\s*([^<]*?)\s*<!--value-->")


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

    def quote(item: Element) -> Quote:
        code = base.check_code(item.get("ISOCode"), source=SOURCE)
        value = base.parse_decimal(
            base.child_text(item, "Value"), source=SOURCE, what=f"{code} value", decimal=DECIMAL
        )
        nominal = base.parse_nominal(base.child_text(item, "Nominal"), source=SOURCE, what=f"{code} nominal")
        rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} value")
        return Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day)

    quotes, skipped = base.quotes_from_rows(root.findall("Currency"), quote)
    return base.finish(SOURCE, quotes, skipped=skipped)


def parse_history(payload: bytes, currency: str, nominal: int | None = None) -> list[Quote]:
    """Parse the index1.jsp history page of one currency (rows newest first).

    The page carries no nominal and no currency code, so both come from the caller;
    without ``nominal`` the currency's nominal in NBKR's XML feeds is used (JPY: 10).
    """
    code = base.check_code(currency, source=SOURCE)
    if nominal is None:
        if code not in HISTORY_NOMINALS:
            raise PayloadError(f"{SOURCE}: the history page has no nominal and none is known for {code}")
        nominal = HISTORY_NOMINALS[code]
    text = payload.decode("utf-8", errors="replace")
    dates = list(_HISTORY_DATE_RE.finditer(text))
    if len(_HISTORY_VALUE_RE.findall(text)) != len(dates):
        # A row without its value must not borrow the next row's (rows are read pairwise).
        raise PayloadError(f"{SOURCE}: history page has unpaired <!--date--> / <!--value--> marks")
    quotes = []
    for index, date_mark in enumerate(dates):
        raw_day = date_mark.group(1)
        row_end = dates[index + 1].start() if index + 1 < len(dates) else len(text)
        values = _HISTORY_VALUE_RE.findall(text, date_mark.end(), row_end)
        if len(values) != 1:
            raise PayloadError(f"{SOURCE}: history row {raw_day!r} has {len(values)} values, expected 1")
        day = base.parse_date(raw_day, ["%d.%m.%Y"], source=SOURCE)
        what = f"{code} value on {raw_day}"
        value = base.parse_decimal(values[0], source=SOURCE, what=what, decimal=DECIMAL)
        rate = base.per_unit(value, nominal, source=SOURCE, what=what)
        quotes.append(Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day))
    return base.finish(SOURCE, quotes, empty_hint="no <!--date--> rows in the history page")
