"""Central Bank of Turkmenistan: TMT per ``multiplier`` units.

``https://cbt.tm/kurs/{YYYY}/{DD}{MM}{YYYY}.xml``; Sundays are 404. The date is
DD.MM.YYYY from 2024 and YYYY-MM-DD in 2020-2023 files. Only ``rate_tmt`` is used:
``rate_usd`` changes direction between currencies (units per USD for most, USD per
unit for EUR/GBP/AUD). There is no TMT row (it is the base); USD is pegged at 3.5.
"""

from __future__ import annotations

import datetime
from xml.etree.ElementTree import Element

from fx.providers import base
from fx.providers.base import PayloadError, Quote

SOURCE = "cbt"
HOME = "TMT"
NAME = "Central Bank of Turkmenistan"
TIMEZONE = "Asia/Ashgabat"
CONTENT = "xml"
DATED = True
MAX_CARRY_DAYS = 0

DAY_URL = "https://cbt.tm/kurs/{day:%Y}/{day:%d%m%Y}.xml"
DECIMAL = "."


def url_for(day: datetime.date | None) -> str:
    return DAY_URL.format(day=day or base.local_today(TIMEZONE))


def parse(payload: bytes) -> list[Quote]:
    root = base.parse_xml(payload, source=SOURCE)
    if root.tag != "cbt_currency_rate":
        raise PayloadError(f"{SOURCE}: unexpected XML root <{root.tag}>, expected <cbt_currency_rate>")
    day = base.parse_date(base.child_text(root, "date"), ["%d.%m.%Y", "%Y-%m-%d"], source=SOURCE)

    def quote(item: Element) -> Quote:
        code = base.check_code(item.get("code"), source=SOURCE)
        value = base.parse_decimal(
            base.child_text(item, "rate_tmt"), source=SOURCE, what=f"{code} rate_tmt", decimal=DECIMAL
        )
        nominal = base.parse_nominal(
            base.child_text(item, "multiplier"), source=SOURCE, what=f"{code} multiplier"
        )
        rate = base.per_unit(value, nominal, source=SOURCE, what=f"{code} rate_tmt")
        return Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day)

    quotes, skipped = base.quotes_from_rows(root.findall("rate"), quote)
    return base.finish(SOURCE, quotes, skipped=skipped)
