"""Shared types and parsing helpers for the central-bank rate providers.

Everything here is pure: bytes in, values out. No network, no Django, no floats.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET


@dataclass(frozen=True)
class Quote:
    """One official rate: ``rate`` units of ``home`` buy ONE unit of ``currency``."""

    source: str
    currency: str
    home: str
    rate: Decimal  # home units for ONE unit of currency, nominal divided out, exact Decimal
    date: datetime.date  # date the rate is valid for (effective date)
    published: datetime.date | None = None  # publication date, only where the feed gives a different one


class PayloadError(ValueError):
    """The payload is not a usable rate list (wrong format, truncated, hostile, empty...)."""


# Plain or scientific decimal, after the decimal comma has been turned into a dot.
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_CODE_RE = re.compile(r"[A-Z]{3}")
# Enough to divide any 4-decimal value by any realistic nominal without rounding.
_PRECISION = 40


def local_today(timezone: str) -> datetime.date:
    """Today's date at the bank (used only when a caller asks for "latest" without a date)."""
    return datetime.datetime.now(ZoneInfo(timezone)).date()


def parse_decimal(text: str | None, *, source: str, what: str) -> Decimal:
    """Parse a feed number: decimal comma or dot, optional exponent ("5,39256E-05")."""
    if text is None:
        raise PayloadError(f"{source}: missing {what}")
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not _NUMBER_RE.fullmatch(cleaned):
        raise PayloadError(f"{source}: {what} is not a number: {text.strip()!r}")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex already filters
        raise PayloadError(f"{source}: {what} is not a number: {text!r}") from exc


def parse_nominal(text: str | None, *, source: str, what: str) -> int:
    """Parse a nominal / quant / multiplier: a positive integer (1, 10, 100, ...)."""
    if text is None or not text.strip().isdigit():
        raise PayloadError(f"{source}: {what} is not a positive integer: {text!r}")
    nominal = int(text.strip())
    if nominal <= 0:
        raise PayloadError(f"{source}: {what} is not a positive integer: {text!r}")
    return nominal


def per_unit(value: Decimal, nominal: int, *, source: str, what: str) -> Decimal:
    """Divide the nominal out. Exact for powers of ten, which is what every bank uses."""
    if value <= 0:
        raise PayloadError(f"{source}: {what} must be positive, got {value}")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return value / Decimal(nominal)


def parse_date(text: str | None, formats: Iterable[str], *, source: str, what: str = "date") -> datetime.date:
    """Parse a date trying each strptime format in turn."""
    if text is None or not text.strip():
        raise PayloadError(f"{source}: missing {what}")
    cleaned = text.strip()
    for fmt in formats:
        try:
            return datetime.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise PayloadError(f"{source}: cannot read {what} {cleaned!r}")


def check_code(text: str | None, *, source: str) -> str:
    """Return a clean ISO 4217 alpha code or raise."""
    code = (text or "").strip().upper()
    if not _CODE_RE.fullmatch(code):
        raise PayloadError(f"{source}: invalid currency code {text!r}")
    return code


def looks_like_html(payload: bytes) -> bool:
    """True for an HTML page (error page, captcha, help page) instead of data."""
    head = payload[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return b"<!doctype html" in head or b"<html" in head or b"<body" in head


def _check_not_empty(payload: bytes, source: str, kind: str) -> None:
    if not payload or not payload.strip():
        raise PayloadError(f"{source}: empty payload (expected {kind})")
    if looks_like_html(payload):
        raise PayloadError(f"{source}: expected {kind}, got an HTML page")


def _root_tag(payload: bytes) -> str | None:
    """Name of the first element, found without parsing (used to spot truncation)."""
    match = re.search(rb"<([A-Za-z_][\w.-]*)[\s>/]", payload)
    return match.group(1).decode("ascii") if match else None


def parse_xml(payload: bytes, *, source: str) -> Element:
    """Parse untrusted XML safely: any DTD or entity declaration is refused.

    None of the banks sends a DTD, so refusing all of them removes XML bombs and
    external entities without any allow-list.
    """
    _check_not_empty(payload, source, "XML")
    try:
        return SafeET.fromstring(payload, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise PayloadError(
            f"{source}: refused XML with a DTD (possible XML bomb or external entity): {type(exc).__name__}"
        ) from exc
    except ParseError as exc:
        root = _root_tag(payload)
        if root and f"</{root}>".encode() not in payload[-512:]:
            raise PayloadError(f"{source}: truncated XML (no closing </{root}>): {exc}") from exc
        raise PayloadError(f"{source}: malformed XML: {exc}") from exc


def parse_json(payload: bytes, *, source: str) -> Any:
    """Parse JSON with messages that say what went wrong; JSON numbers become Decimal, never float."""
    _check_not_empty(payload, source, "JSON")
    try:
        return json.loads(payload, parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise PayloadError(f"{source}: JSON is not valid UTF-8: {exc}") from exc
    except json.JSONDecodeError as exc:
        tail = payload.rstrip()[-1:]
        if tail not in (b"]", b"}"):
            raise PayloadError(f"{source}: truncated JSON at line {exc.lineno} column {exc.colno}") from exc
        raise PayloadError(f"{source}: malformed JSON: {exc}") from exc


def child_text(element: Element, tag: str) -> str | None:
    """Text of a direct child, or None when the child is missing."""
    child = element.find(tag)
    return None if child is None else (child.text or "")


def keep_newest(quotes: list[Quote]) -> list[Quote]:
    """Drop rows whose date is older than the newest one (dead currencies left in a feed)."""
    if not quotes:
        return quotes
    newest = max(q.date for q in quotes)
    return [q for q in quotes if q.date == newest]


def finish(source: str, quotes: list[Quote], *, empty_hint: str = "") -> list[Quote]:
    """Common last step: refuse an empty list and contradictory duplicates."""
    if not quotes:
        hint = f" ({empty_hint})" if empty_hint else ""
        raise PayloadError(f"{source}: no rates in payload{hint}")
    seen: dict[tuple[str, datetime.date], Decimal] = {}
    for quote in quotes:
        key = (quote.currency, quote.date)
        if key in seen and seen[key] != quote.rate:
            raise PayloadError(
                f"{source}: {quote.currency} listed twice for {quote.date} ({seen[key]} and {quote.rate})"
            )
        seen[key] = quote.rate
    return quotes
