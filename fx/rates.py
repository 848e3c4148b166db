"""Pure arithmetic on official quotes: USD rates, % change, jump checks, cross rates, TMT peg.

Conventions: "local per USD" = home-currency units for one US dollar (what banks
publish, e.g. 87.45 KGS); "USD per local" = its reciprocal (what the ticker shows).
All maths is Decimal with a fixed local precision, so the caller's context never matters.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal, localcontext
from enum import StrEnum

from fx.providers.base import Quote

_PRECISION = 28
HUNDRED = Decimal(100)

TMT_PEG = Decimal("3.5")  # TMT per USD, fixed by the Central Bank of Turkmenistan
TMT_PEG_SINCE = datetime.date(2015, 1, 1)

# Official sources for the same day agree to about this much (README cross checks).
DEFAULT_CROSS_TOLERANCE_PCT = Decimal("0.5")


def rate_of(quotes: Iterable[Quote], currency: str, home: str) -> Decimal | None:
    """Home units per one ``currency`` unit from the newest matching quote, or None."""
    matching = [q for q in quotes if q.currency == currency and q.home == home]
    if not matching:
        return None
    return max(matching, key=lambda q: q.date).rate


def usd_rate(quotes: Iterable[Quote], home: str) -> Decimal | None:
    """The home bank's own USD rate: ``home`` units per 1 USD (e.g. 87.45 for KGS)."""
    return rate_of(quotes, "USD", home)


def local_per_usd(quotes: Iterable[Quote], home: str) -> Decimal | None:
    """Alias of :func:`usd_rate`, named for symmetry with :func:`usd_per_local`."""
    return usd_rate(quotes, home)


def usd_per_local(local_per_usd_rate: Decimal) -> Decimal:
    """Value of one local unit in USD: the reciprocal (1/87.45 = 0.011435...)."""
    if local_per_usd_rate <= 0:
        raise ValueError(f"a rate must be positive, got {local_per_usd_rate}")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return Decimal(1) / local_per_usd_rate


def percent_change(today: Decimal, previous: Decimal) -> Decimal:
    """(today - previous) / previous * 100, unrounded. Round only for display."""
    if previous == 0:
        raise ValueError("percent change from a zero previous value is undefined")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return (today - previous) / previous * HUNDRED


def is_suspicious_jump(prev: Decimal, new: Decimal, bound_pct: Decimal | int) -> bool:
    """True when the move from ``prev`` to ``new`` exceeds ``bound_pct`` percent either way.

    Non-positive values are always suspicious: no official rate is ever zero or negative.
    """
    if prev <= 0 or new <= 0:
        return True
    return abs(percent_change(new, prev)) > Decimal(bound_pct)


def cross_per_usd(quotes: Iterable[Quote], currency: str, home: str) -> Decimal | None:
    """``currency`` units per USD derived through a third bank's home currency.

    With CBR quotes (home RUB): KGS/USD = (RUB per USD) / (RUB per KGS).
    """
    quotes = list(quotes)
    if currency == "USD":
        return Decimal(1)
    if currency == home:
        return usd_rate(quotes, home)
    per_usd = usd_rate(quotes, home)
    per_unit = rate_of(quotes, currency, home)
    if per_usd is None or per_unit is None or per_unit <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return per_usd / per_unit


def cbr_cross_per_usd(cbr_quotes: Iterable[Quote], currency: str) -> Decimal | None:
    """``currency`` units per USD from CBR's RUB rates (the independent cross-check)."""
    return cross_per_usd(cbr_quotes, currency, "RUB")


def deviation_pct(value: Decimal, reference: Decimal) -> Decimal:
    """Absolute percentage distance of ``value`` from ``reference``."""
    return abs(percent_change(value, reference))


def agrees(value: Decimal, reference: Decimal, tolerance_pct: Decimal = DEFAULT_CROSS_TOLERANCE_PCT) -> bool:
    """True when two rates for the same thing are within ``tolerance_pct`` percent."""
    return value > 0 and reference > 0 and deviation_pct(value, reference) <= tolerance_pct


class JumpVerdict(StrEnum):
    OK = "ok"  # within the bound, nothing to check
    CONFIRMED = "confirmed"  # big move, but the cross rate agrees with the new value
    REJECTED = "rejected"  # big move and the cross rate disagrees: keep the previous value
    UNVERIFIED = "unverified"  # big move and no cross rate to judge it


def assess_jump(
    previous: Decimal | None,
    new: Decimal,
    *,
    cross: Decimal | None = None,
    bound_pct: Decimal | int = 2,
    tolerance_pct: Decimal = DEFAULT_CROSS_TOLERANCE_PCT,
) -> JumpVerdict:
    """Decide whether a new "local per USD" value can be shown.

    ``cross`` is the same quantity from another source (e.g. :func:`cbr_cross_per_usd`).
    A rejected value is one like CBU's 01.04.2026 TMT (3.02/USD against a 3.5 peg).
    """
    if new <= 0:
        return JumpVerdict.REJECTED
    if previous is not None and not is_suspicious_jump(previous, new, bound_pct):
        return JumpVerdict.OK
    if cross is None or cross <= 0:
        return JumpVerdict.UNVERIFIED
    return JumpVerdict.CONFIRMED if agrees(new, cross, tolerance_pct) else JumpVerdict.REJECTED


def check_tmt_peg(quotes: Iterable[Quote]) -> str | None:
    """Problem message when CBT's USD rate is not the 3.5 TMT peg, else None.

    Only quotes from CBT (source "cbt", home TMT) are considered.
    """
    usd = [q for q in quotes if q.source == "cbt" and q.home == "TMT" and q.currency == "USD"]
    if not usd:
        return "cbt: no USD rate in the CBT quotes, cannot confirm the 3.5 TMT/USD peg"
    latest = max(usd, key=lambda q: q.date)
    if latest.date < TMT_PEG_SINCE:
        return None  # before the 2015 devaluation the peg was 2.85; nothing to check
    if latest.rate != TMT_PEG:
        return (
            f"cbt: USD is {latest.rate} TMT on {latest.date.isoformat()}, not the {TMT_PEG} peg; "
            "the fixed TMT/USD rate needs review"
        )
    return None
