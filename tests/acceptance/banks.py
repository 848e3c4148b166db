"""The rates source for the acceptance newsroom: a loopback server in place of the central banks.

The CBU (Uzbekistan) answers with its recorded payload, re-dated to today and with a dollar rate
no recorded day has; every other bank answers 503, as a bank that is down does. So after the
scheduled fetch the ticker must show the new UZS rate as current and the other currencies as out
of date.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from fx.fetching import build_url
from fx.providers import PROVIDERS
from tests.fx.conftest import FakeBank
from tests.fx.helpers import recorded

CBU_RECORDED = "cbu/json-all-2026-03-13.json"


class RatesSource(FakeBank):
    def __init__(self, today: datetime.date) -> None:
        super().__init__()
        self.today = today
        rows = json.loads(recorded(CBU_RECORDED))
        usd = next(row for row in rows if row["Ccy"] == "USD")
        # 1.3 % above the recorded rate: a real move, inside the fetcher's 5 % jump guard.
        self.usd_rate = (Decimal(usd["Rate"]) * Decimal("1.013")).quantize(Decimal("0.01"))
        for row in rows:
            row["Date"] = f"{today:%d.%m.%Y}"
        usd["Rate"] = str(self.usd_rate)
        for source in PROVIDERS:
            path = self.path(source)
            if source == "cbu":
                self.add(path, json.dumps(rows).encode(), content_type="application/json")
            else:
                self.add(path, b"Service Unavailable", status=503, content_type="text/plain")

    @staticmethod
    def path(source: str) -> str:
        """The path + query the fetcher asks for today's rates (the bank's latest)."""
        return build_url(source, None, base_url="http://h").removeprefix("http://h")

    def base_urls(self) -> dict[str, str]:
        return {source: self.base_url for source in PROVIDERS}

    def asked(self, source: str) -> bool:
        return any(seen.path == self.path(source) for seen in self.requests)
