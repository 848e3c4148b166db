"""The no-JavaScript converter: amounts between USD and the five local currencies.

Every conversion goes through the US dollar at each currency's own central bank rate, the
same rates the ticker shows, so the page never contradicts itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from django.utils.translation import gettext as _

MAX_AMOUNT = Decimal("1e15")
_AMOUNT_CHARS = re.compile(r"[0-9.,\s\u00a0\u202f'+-]{1,40}")


class ConversionError(ValueError):
    """Input the converter cannot use; the message is shown to the reader."""


def parse_amount(text: str, locale: str) -> Decimal:
    """ "1 000,50" (ru), "1,000.50" (en), "1000.5", "12" -> Decimal; anything else is refused."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise ConversionError(_("Enter an amount to convert."))
    if not _AMOUNT_CHARS.fullmatch(cleaned):
        raise ConversionError(_("Enter the amount as a number, for example 100 or 2500.50."))
    compact = re.sub(r"[\s\u00a0\u202f']", "", cleaned)
    try:
        value = parse_decimal(compact, locale=locale, strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        try:  # a reader on the Russian page typing "2500.50" still means 2500.50
            value = Decimal(compact.replace(",", "."))
        except InvalidOperation:
            raise ConversionError(_("Enter the amount as a number, for example 100 or 2500.50.")) from None
    if not value.is_finite() or value <= 0:
        raise ConversionError(_("Enter an amount greater than zero."))
    if value > MAX_AMOUNT:
        raise ConversionError(_("That amount is too large to convert."))
    return value


def format_amount(value: Decimal, locale: str) -> str:
    """Money as readers write it: "25,465.87", "7"; below one unit, four significant digits."""
    from fx.formatting import format_rate

    if abs(value) < 1:
        return format_rate(value, locale)
    return format_decimal(value.quantize(Decimal("0.01")), format="#,##0.##", locale=locale)


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    source: str
    target: str
    result: Decimal
    rate: Decimal  # target units per one source unit


def convert(amount: Decimal, source: str, target: str, per_usd: dict[str, Decimal]) -> Conversion:
    """``per_usd`` maps a currency to its units per one USD (USD itself is 1)."""
    rates = {"USD": Decimal(1), **per_usd}
    if source not in rates or target not in rates:
        raise ConversionError(_("Choose currencies from the list."))
    with localcontext() as ctx:
        ctx.prec = 28
        rate = rates[target] / rates[source]
        return Conversion(amount=amount, source=source, target=target, result=amount * rate, rate=rate)
