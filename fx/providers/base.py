"""Shared types and parsing helpers for the central-bank rate providers.

Everything here is pure: bytes in, values out. No network, no Django, no floats.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, DecimalException, InvalidOperation, localcontext
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


class NotQuoted(PayloadError):
    """One row has no rate (empty, a dash, "н/д", zero): the bank did not quote that currency.

    The row is left out and named in ``Quotes.skipped``; the other rows still count. Anything
    else wrong in a row (garbage, a negative rate) still refuses the whole payload, since it
    means the format changed and no number from it can be trusted.
    """


class Quotes(list):
    """A parser's quotes; ``skipped`` says which rows were left out as not quoted, and why."""

    def __init__(self, quotes: Iterable[Quote] = (), skipped: Iterable[str] = ()) -> None:
        super().__init__(quotes)
        self.skipped = list(skipped)


# Plain or scientific decimal, after the decimal comma has been turned into a dot.
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
# Spaces inside a number are only ever thousands grouping ("12 194,21"); "87 45" is garbage.
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_CODE_RE = re.compile(r"[A-Z]{3}")
_NOMINAL_RE = re.compile(r"[0-9]+")  # ASCII digits only: str.isdigit() also accepts "²" and "١٠"
# Enough to divide any 4-decimal value by any realistic nominal without rounding.
_PRECISION = 40
# Any real rate or nominal-divided rate lies far inside 1e-20..1e20; "1E-999999999" is garbage.
_MAX_MAGNITUDE = 20
_UTF8_BOM = b"\xef\xbb\xbf"
# What banks print in a rate's place when they give none that day.
_NO_RATE = {"", "-", "\u2013", "\u2014", "н/д", "n/a", "na"}
_XML_DECLARATION_RE = re.compile(rb"\A<\?xml[^>]*\?>")
_DECLARED_ENCODING_RE = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def local_today(timezone: str) -> datetime.date:
    """Today's date at the bank (used only when a caller asks for "latest" without a date)."""
    return datetime.datetime.now(ZoneInfo(timezone)).date()


def parse_decimal(text: str | None, *, source: str, what: str, decimal: str | None = None) -> Decimal:
    """Parse a feed number: decimal comma or dot, optional exponent ("5,39256E-05").

    ``decimal`` is the feed's documented separator ("," or "."). The other one is still read
    as a decimal separator (a bank switching notation is not an error) unless it could be a
    thousands separator: "1,234" in a dot-decimal feed is 1.234 or 1234, so it is refused.
    """
    if text is None or text.strip().lower() in _NO_RATE:
        raise NotQuoted(
            f"{source}: {what} is not given ({text!r})" if text else f"{source}: {what} is not given"
        )
    shown = text.strip()
    cleaned = shown
    if any(ch.isspace() for ch in cleaned):
        if not _GROUPED_RE.fullmatch(cleaned):
            raise PayloadError(f"{source}: {what} is not a number: {shown!r}")
        cleaned = "".join(ch for ch in cleaned if not ch.isspace())
    if "," in cleaned and "." in cleaned:
        raise PayloadError(f"{source}: {what} mixes a decimal comma and a dot: {shown!r}")
    foreign = {",": ".", ".": ","}.get(decimal or "")
    if foreign and re.fullmatch(rf"[+-]?[1-9]\d{{0,2}}{re.escape(foreign)}\d{{3}}", cleaned):
        raise PayloadError(
            f"{source}: {what} {shown!r} is ambiguous: the feed uses a decimal {decimal!r}, "
            f"so {foreign!r} may be a thousands separator"
        )
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER_RE.fullmatch(cleaned):
        raise PayloadError(f"{source}: {what} is not a number: {shown!r}")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex already filters
        raise PayloadError(f"{source}: {what} is not a number: {shown!r}") from exc
    if value and abs(value.adjusted()) > _MAX_MAGNITUDE:
        raise PayloadError(f"{source}: {what} is out of any plausible range: {shown!r}")
    return value


def parse_nominal(text: str | None, *, source: str, what: str) -> int:
    """Parse a nominal / quant / multiplier: a positive integer (1, 10, 100, ...)."""
    if text is None or not _NOMINAL_RE.fullmatch(text.strip()):
        raise PayloadError(f"{source}: {what} is not a positive integer: {text!r}")
    nominal = int(text.strip())
    if nominal <= 0:
        raise PayloadError(f"{source}: {what} is not a positive integer: {text!r}")
    return nominal


def per_unit(value: Decimal, nominal: int, *, source: str, what: str) -> Decimal:
    """Divide the nominal out. Exact for powers of ten, which is what every bank uses."""
    if value.is_zero():
        raise NotQuoted(f"{source}: {what} is {value} (not quoted)")
    if not value.is_finite() or value <= 0:
        raise PayloadError(f"{source}: {what} must be positive, got {value}")
    try:
        with localcontext() as ctx:
            ctx.prec = _PRECISION
            rate = value / Decimal(nominal)
    except DecimalException as exc:  # overflow/underflow of an absurd exponent
        raise PayloadError(f"{source}: {what} is out of range: {value}") from exc
    if rate <= 0:
        raise PayloadError(f"{source}: {what} divided by {nominal} is not a positive rate: {value}")
    return rate


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


def _strip_leading_space(payload: bytes) -> bytes:
    """Drop blank lines a PHP backend may print before ``<?xml``: expat refuses a late declaration."""
    bom = _UTF8_BOM if payload.startswith(_UTF8_BOM) else b""
    rest = payload[len(bom) :].lstrip(b" \t\r\n")
    return bom + rest if rest.startswith(b"<") else payload


def _declared_encoding(payload: bytes) -> str | None:
    match = _DECLARED_ENCODING_RE.match(payload.removeprefix(_UTF8_BOM))
    return match.group(1).decode("ascii").lower() if match else None


def _recode(payload: bytes, encoding: str) -> bytes | None:
    """Bytes in ``encoding`` that claim (or default to) UTF-8, rewritten as real UTF-8; None if not."""
    if payload.startswith(_UTF8_BOM) or _declared_encoding(payload) not in (None, "utf-8", "utf8"):
        return None
    try:
        payload.decode("utf-8")
        return None  # valid UTF-8: the parse error is something else
    except UnicodeDecodeError:
        pass
    try:
        text = payload.decode(encoding)
    except UnicodeDecodeError:
        return None
    return _XML_DECLARATION_RE.sub(b"", text.encode("utf-8"), count=1)


def _fromstring(payload: bytes, source: str) -> Element:
    try:
        return SafeET.fromstring(payload, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise PayloadError(
            f"{source}: refused XML with a DTD (possible XML bomb or external entity): {type(exc).__name__}"
        ) from exc


def parse_xml(payload: bytes, *, source: str, fallback_encoding: str | None = None) -> Element:
    """Parse untrusted XML safely: any DTD or entity declaration is refused.

    None of the banks sends a DTD, so refusing all of them removes XML bombs and
    external entities without any allow-list. ``fallback_encoding`` is tried when the
    bytes are not the UTF-8 they claim to be (NBT's /ru/ and /tj/ pages are windows-1251).
    """
    _check_not_empty(payload, source, "XML")
    payload = _strip_leading_space(payload)
    try:
        return _fromstring(payload, source)
    except ParseError as exc:
        recoded = _recode(payload, fallback_encoding) if fallback_encoding else None
        if recoded is not None:
            try:
                return _fromstring(recoded, source)
            except ParseError:
                pass
        root = _root_tag(payload)
        if root and f"</{root}>".encode() not in payload[-512:]:
            raise PayloadError(f"{source}: truncated XML (no closing </{root}>): {exc}") from exc
        raise PayloadError(f"{source}: malformed XML: {exc}") from exc


def parse_json(payload: bytes, *, source: str) -> Any:
    """Parse JSON with messages that say what went wrong; JSON numbers become Decimal, never float."""
    _check_not_empty(payload, source, "JSON")
    try:
        text = payload.decode(json.detect_encoding(payload))
    except UnicodeDecodeError as exc:
        raise PayloadError(f"{source}: JSON is not valid UTF-8: {exc}") from exc
    body = text.strip()
    if body.startswith("<"):
        raise PayloadError(f"{source}: expected JSON, got markup starting {body[:40]!r}")
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        closer = {"[": "]", "{": "}"}.get(body[:1])
        if closer and not body.endswith(closer) and exc.msg != "Extra data":
            raise PayloadError(f"{source}: truncated JSON at line {exc.lineno} column {exc.colno}") from exc
        raise PayloadError(f"{source}: malformed JSON ({exc}), body starts {body[:40]!r}") from exc


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


def quotes_from_rows(rows: Iterable[Any], make: Callable[[Any], Quote]) -> tuple[list[Quote], list[str]]:
    """``make(row)`` for every row; rows the bank did not quote are left out and listed."""
    quotes: list[Quote] = []
    skipped: list[str] = []
    for row in rows:
        try:
            quotes.append(make(row))
        except NotQuoted as exc:
            skipped.append(str(exc))
    return quotes, skipped


def finish(source: str, quotes: list[Quote], *, skipped: Iterable[str] = (), empty_hint: str = "") -> Quotes:
    """Common last step: drop a row for the home currency itself, refuse an empty list and
    contradictory duplicates."""
    skipped = list(skipped)
    kept = []
    for quote in quotes:
        if quote.currency != quote.home:
            kept.append(quote)
        elif quote.rate != 1:  # "1 KGS = 87.45 KGS" means the code or the row is wrong
            raise PayloadError(f"{source}: lists its own currency {quote.home} at {quote.rate}, not 1")
    if not kept:
        hints = [empty_hint] if empty_hint else []
        if skipped:
            hints.append("; ".join(skipped[:3]) + (f"; {len(skipped) - 3} more" if len(skipped) > 3 else ""))
        hint = f" ({'; '.join(hints)})" if hints else ""
        raise PayloadError(f"{source}: no rates in payload{hint}")
    seen: dict[tuple[str, datetime.date], Decimal] = {}
    for quote in kept:
        key = (quote.currency, quote.date)
        if key in seen and seen[key] != quote.rate:
            raise PayloadError(
                f"{source}: {quote.currency} listed twice for {quote.date} ({seen[key]} and {quote.rate})"
            )
        seen[key] = quote.rate
    return Quotes(kept, skipped)
