"""Helpers for the fx app tests (Django side)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from fx.providers import get_provider
from fx.providers.base import Quote

RECORDED = Path(__file__).resolve().parents[2] / "fx" / "recorded"
PAYLOADS = Path(__file__).resolve().parent / "payloads"


def quote(source: str, currency: str, rate: str, day: datetime.date) -> Quote:
    return Quote(
        source=source, currency=currency, home=get_provider(source).HOME, rate=Decimal(rate), date=day
    )


def recorded(relative: str) -> bytes:
    return (RECORDED / relative).read_bytes()


def parse_recorded(source: str, relative: str) -> list[Quote]:
    return get_provider(source).parse(recorded(f"{source}/{relative}"))
