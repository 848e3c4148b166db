"""Locale-aware display of rates and % changes (Babel/CLDR symbols and grouping).

Rates span eight orders of magnitude (UZS/USD ~0.0000820, UZS per USD ~12 194), so
they are shown with a minimum number of significant digits, never fixed decimals and
never scientific notation. Changes are shown with a sign and exactly two decimals.
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberPattern, get_minus_sign_symbol, get_plus_sign_symbol

FALLBACK_LOCALE = "en"
# Babel's default patterns show up to 3 fraction digits; keep that as the ceiling for big values.
_DEFAULT_MAX_FRACTION = 3
_CENT = Decimal("0.01")
NO_VALUE = "\u2014"  # em dash for a missing change

Direction = Literal["up", "down", "flat"]


@lru_cache(maxsize=64)
def _locale(name: str) -> Locale:
    """Parse "ru", "ru-RU", "uz_Latn"...; unknown names fall back to English rather than crash a page."""
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(FALLBACK_LOCALE)


def _pattern(pattern: NumberPattern, min_frac: int, max_frac: int) -> NumberPattern:
    # Keep the locale's grouping, prefixes and suffixes; only the fraction digits change.
    custom = copy.copy(pattern)
    custom.frac_prec = (min_frac, max_frac)
    return custom


def _fraction_digits(value: Decimal, min_significant: int) -> int:
    """Fraction digits needed to show ``min_significant`` significant digits of ``value``."""
    if value == 0:
        return max(min_significant - 1, 0)
    return max(min_significant - 1 - value.adjusted(), 0)


def format_rate(value: Decimal, locale: str, min_significant: int = 4) -> str:
    """Format a rate with at least ``min_significant`` significant digits.

    en: 0.0000820106 -> "0.00008201", 0.011435 -> "0.01144", 87.45 -> "87.45",
    12830.5 -> "12,830.5"; ru uses "," and a no-break space for grouping.
    """
    loc = _locale(locale)
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"cannot format a non-finite rate: {value}")
    with localcontext() as ctx:
        ctx.prec = 60  # enough for any rate; normalize() below must not round
        digits = _fraction_digits(abs(value), min_significant)
        # Round once ourselves (half-up, as readers expect) so Babel only prints.
        max_frac = max(digits, _DEFAULT_MAX_FRACTION)
        rounded = value.quantize(Decimal(1).scaleb(-max_frac), rounding=ROUND_HALF_UP)
        if rounded == 0:
            rounded = abs(rounded)  # never print "-0.000"
        # Rounding can add a digit (0.0099996 -> 0.01000); recompute the minimum on the result.
        digits = _fraction_digits(abs(rounded), min_significant) if rounded else digits
        pattern = _pattern(loc.decimal_formats[None], min(digits, max_frac), max_frac)
        return pattern.apply(rounded, loc)


def round_percent(pct: Decimal) -> Decimal:
    """Round a % change to two decimals (half-up); a rounded zero is always +0.00."""
    rounded = Decimal(pct).quantize(_CENT, rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded


def change_direction(pct: Decimal | None) -> Direction:
    """ "up", "down" or "flat", judged on the same rounded value that is displayed."""
    if pct is None:
        return "flat"
    rounded = round_percent(pct)
    if rounded > 0:
        return "up"
    if rounded < 0:
        return "down"
    return "flat"


def format_change_percent(pct: Decimal | None, locale: str) -> str:
    """Signed change with exactly two decimals: "+0.25%", "-1.10%", "0.00%" (ru: "+0,25 %").

    ``pct`` is already in percent (0.25 means 0.25 %). None gives an em dash.
    """
    if pct is None:
        return NO_VALUE
    loc = _locale(locale)
    rounded = round_percent(pct)
    pattern = _pattern(loc.percent_formats[None], 2, 2)
    # Babel multiplies by 100 for a percent pattern; dividing a 2-decimal value by 100 is exact.
    body = pattern.apply(abs(rounded) / 100, loc)
    if rounded > 0:
        return get_plus_sign_symbol(loc) + body
    if rounded < 0:
        return get_minus_sign_symbol(loc) + body
    return body
