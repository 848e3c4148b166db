"""National Bank of Kazakhstan: KZT per ``quant`` units.

Main format is ``get_rates.cfm?fdate=DD.MM.YYYY`` (``<rates><date>`` + ``<item>``s).
The older RSS feed ``rates_all.xml`` (``<rss><channel><item>`` with a per-item
``pubDate`` in DD.MM.YY) is accepted too; it keeps dead currencies with their
last old date, so only the newest date is kept.
"""

from __future__ import annotations

import datetime
from xml.etree.ElementTree import Element

from fx.providers import base
from fx.providers.base import PayloadError, Quote

SOURCE = "nbk"
HOME = "KZT"
NAME = "National Bank of Kazakhstan"
TIMEZONE = "Asia/Almaty"
CONTENT = "xml"
DATED = True  # url_for() puts the date in the request, so the payload date must match it
MAX_CARRY_DAYS = 0

RATES_URL = "https://nationalbank.kz/rss/get_rates.cfm?fdate={day:%d.%m.%Y}"
RSS_URL = "https://nationalbank.kz/rss/rates_all.xml"
DECIMAL = "."


def url_for(day: datetime.date | None) -> str:
    """get_rates.cfm for ``day``; without a day, for today in Kazakhstan."""
    return RATES_URL.format(day=day or base.local_today(TIMEZONE))


def parse(payload: bytes) -> list[Quote]:
    root = base.parse_xml(payload, source=SOURCE)
    if root.tag == "rates":
        return _parse_rates(root)
    if root.tag == "rss":
        return _parse_rss(root)
    raise PayloadError(f"{SOURCE}: unexpected XML root <{root.tag}>, expected <rates> or <rss>")


def _quote(item: Element, day: datetime.date) -> Quote:
    # item/title is the ISO code; the feed's own <title> sits on the root, not in items.
    code = base.check_code(base.child_text(item, "title"), source=SOURCE)
    value = base.parse_decimal(
        base.child_text(item, "description"), source=SOURCE, what=f"{code} rate", decimal=DECIMAL
    )
    quant = base.parse_nominal(base.child_text(item, "quant"), source=SOURCE, what=f"{code} quant")
    rate = base.per_unit(value, quant, source=SOURCE, what=f"{code} rate")
    return Quote(source=SOURCE, currency=code, home=HOME, rate=rate, date=day)


def _parse_rates(root: Element) -> list[Quote]:
    day = base.parse_date(base.child_text(root, "date"), ["%d.%m.%Y"], source=SOURCE)
    quotes, skipped = base.quotes_from_rows(root.findall("item"), lambda item: _quote(item, day))
    return base.finish(SOURCE, quotes, skipped=skipped)


def _parse_rss(root: Element) -> list[Quote]:

    def dated_quote(item: Element) -> Quote:
        day = base.parse_date(
            base.child_text(item, "pubDate"), ["%d.%m.%y", "%d.%m.%Y"], source=SOURCE, what="pubDate"
        )
        return _quote(item, day)

    quotes, skipped = base.quotes_from_rows(root.findall("./channel/item"), dated_quote)
    return base.finish(SOURCE, base.keep_newest(quotes), skipped=skipped)
