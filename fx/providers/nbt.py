"""National Bank of Tajikistan: TJS per ``Nominal`` units.

``export_xml.php?date=YYYY-MM-DD&export=xmlout`` mimics CBR's layout but uses an
ISO date (``ValCurs@Date="2026-05-18"``) and a decimal dot. ``Valute@ID`` is
unreliable in history, so ``CharCode`` is trusted. Out-of-range dates silently
return today's snapshot, which is why callers must compare dates (fetching does).
The one-currency series (``export_xml_dynamic.php``, ``<Record Date=...>``) is
accepted as well.
"""

from __future__ import annotations

import datetime
from xml.etree.ElementTree import Element

from fx.providers import base
from fx.providers.base import PayloadError, Quote

SOURCE = "nbt"
HOME = "TJS"
NAME = "National Bank of Tajikistan"
TIMEZONE = "Asia/Dushanbe"
CONTENT = "xml"
DATED = True
MAX_CARRY_DAYS = 0  # NBT carries weekend rates forward under the requested date

DAY_URL = "https://www.nbt.tj/en/kurs/export_xml.php?date={day:%Y-%m-%d}&export=xmlout"
_DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DECIMAL = "."


def url_for(day: datetime.date | None) -> str:
    """Without ``export=xmlout`` NBT answers with an HTML help page, so it is always set."""
    return DAY_URL.format(day=day or base.local_today(TIMEZONE))


def _quote(element: Element, day: datetime.date) -> Quote:
    code = base.check_code(base.child_text(element, "CharCode"), source=SOURCE)
    value = base.parse_decimal(
        base.child_text(element, "Value"), source=SOURCE, what=f"{code} value", decimal=DECIMAL
    )
    nominal = base.parse_nominal(base.child_text(element, "Nominal"), source=SOURCE, what=f"{code} nominal")
    rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} value")
    return Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day)


def parse(payload: bytes) -> list[Quote]:
    # /ru/ and /tj/ pages are windows-1251; read them even if they claim UTF-8 (only ASCII is used).
    root = base.parse_xml(payload, source=SOURCE, fallback_encoding="windows-1251")
    if root.tag != "ValCurs":
        raise PayloadError(f"{SOURCE}: unexpected XML root <{root.tag}>, expected <ValCurs>")
    records = root.findall("Record")
    if records and root.find("Valute") is not None:
        raise PayloadError(f"{SOURCE}: payload mixes <Record> (series) and <Valute> (daily) rows")
    if records:
        quotes, skipped = base.quotes_from_rows(
            records, lambda rec: _quote(rec, base.parse_date(rec.get("Date"), _DATE_FORMATS, source=SOURCE))
        )
        return base.finish(SOURCE, quotes, skipped=skipped)
    day = base.parse_date(root.get("Date"), _DATE_FORMATS, source=SOURCE)
    quotes, skipped = base.quotes_from_rows(root.findall("Valute"), lambda valute: _quote(valute, day))
    return base.finish(SOURCE, quotes, skipped=skipped)
