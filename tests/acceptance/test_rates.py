"""The rates as the scheduler fetches them: a bank's new day changes the ticker on every page."""

from __future__ import annotations

import re
from decimal import Decimal

import lxml.html
import requests

from tests.acceptance.product import wait_until

WITHIN = 180  # the scheduler fires the fetch at start; the worker runs it after the demo's backlog


def locale_number(text: str) -> Decimal:
    """0.00008057 (en) or 0,00008057 (ru): the ticker formats numbers for the reader's locale."""
    digits = re.sub(r"[\s\u00a0\u202f]", "", text)
    if "," in digits and "." not in digits:
        digits = digits.replace(",", ".")
    return Decimal(digits.replace(",", ""))


def ticker(newsroom, path: str = "/en/") -> dict[str, dict]:
    doc = lxml.html.fromstring(requests.get(newsroom.url(path), timeout=30).text)
    items = {}
    for item in doc.xpath("//li[contains(@class, 'fx-item')]"):
        title = item.get("title")
        match = re.match(r"1 ([A-Z]{3}) = ([\d.,\s\u00a0\u202f]+) USD", title)
        if match:
            items[match[1]] = {
                "usd": locale_number(match[2]),
                "stale": "fx-is-stale" in item.get("class"),
                "fixed": "fixed rate since" in title,
                "date": item.xpath(".//time/@datetime")[0] if item.xpath(".//time/@datetime") else "",
            }
    return items


def test_a_fetched_rate_changes_the_ticker_and_banks_that_fail_show_out_of_date(newsroom, rates_source):
    wait_until(
        lambda: rates_source.asked("cbu"), WITHIN, "the scheduled fetch asking the CBU for today's rates"
    )
    expected = Decimal(1) / rates_source.usd_rate

    def uzs_updated():
        item = ticker(newsroom).get("UZS")
        return item if item and abs(item["usd"] - expected) / expected < Decimal("0.001") else None

    uzs = wait_until(uzs_updated, WITHIN, f"the ticker showing 1 UZS = {expected:.8f} USD")
    assert not uzs["stale"] and uzs["date"] == rates_source.today.isoformat()
    # The same on a Russian page (formatted for Russian readers).
    assert abs(ticker(newsroom, "/ru/")["UZS"]["usd"] - expected) / expected < Decimal("0.001")
    # The banks that answered 503 keep their last rates, shown as out of date (a fixed rate, as
    # Turkmenistan's manat has, is never out of date).
    items = ticker(newsroom)
    assert {"KZT", "KGS", "TJS", "TMT"} <= set(items)
    stale = {code: items[code]["stale"] for code in ("KZT", "KGS", "TJS", "TMT") if not items[code]["fixed"]}
    assert stale == {"KZT": True, "KGS": True, "TJS": True}
