"""Store parsed quotes idempotently, guarded by the jump check, and keep each source's health.

A quote is written only when it is new or corrects the row of the same day. A move from the
previous stored rate beyond STEPPE_FX_MAX_JUMP_PCT needs the CBR cross rate to agree; otherwise
that quote is not stored and the refusal is recorded on the source's status (CBU once published
3.02 TMT/USD against the 3.5 peg for a day).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from fx import conf
from fx.models import RATE_DECIMAL_PLACES, Rate, SourceStatus
from fx.providers import cbr, get_provider
from fx.providers.base import PayloadError, Quote
from fx.rates import JumpVerdict, agrees, assess_jump, check_tmt_peg, percent_change

log = logging.getLogger("fx")

_QUANTUM = Decimal(1).scaleb(-RATE_DECIMAL_PLACES)
MAX_ERROR_LENGTH = 2000


def quantize(rate: Decimal) -> Decimal:
    """The value exactly as the database keeps it (so "unchanged" compares like with like)."""
    with localcontext() as ctx:
        ctx.prec = 40
        return rate.quantize(_QUANTUM, rounding=ROUND_HALF_EVEN)


@dataclass
class StoreResult:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dates: set[datetime.date] = field(default_factory=set)

    @property
    def changed(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        parts = [f"{self.created} new", f"{self.updated} corrected", f"{self.unchanged} unchanged"]
        if self.rejected:
            parts.append(f"{len(self.rejected)} refused")
        return ", ".join(parts)


# --------------------------------------------------------------------------- cross-check


def cbr_quotes_for(day: datetime.date) -> list[Quote]:
    """CBR's stored set in force on ``day`` (its rates carry over weekends and holidays)."""
    earliest = day - datetime.timedelta(days=cbr.MAX_CARRY_DAYS)
    newest = (
        Rate.objects.filter(source="cbr", date__lte=day, date__gte=earliest)
        .aggregate(newest=Max("date"))
        .get("newest")
    )
    if newest is None:
        return []
    rows = Rate.objects.filter(source="cbr", date=newest)
    return [Quote(source="cbr", currency=r.currency, home=r.home, rate=r.rate, date=r.date) for r in rows]


def cbr_cross_rate(cbr_set: Iterable[Quote], currency: str, home: str) -> Decimal | None:
    """``home`` units per one ``currency`` through the rouble: (RUB per currency) / (RUB per home)."""
    rub = {q.currency: q.rate for q in cbr_set if q.home == "RUB"}
    rub["RUB"] = Decimal(1)
    per_currency, per_home = rub.get(currency), rub.get(home)
    if not per_currency or not per_home or per_currency <= 0 or per_home <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        return per_currency / per_home


def judge(
    previous: Decimal | None,
    new: Decimal,
    cross: Decimal | None,
    *,
    bound_pct: Decimal,
    tolerance_pct: Decimal,
) -> JumpVerdict:
    """Verdict on one new rate.

    With no previous rate there is no jump to judge; the cross rate (if any) must still be
    within the jump bound, which catches a wrong first value without failing on day-apart dates.
    """
    if previous is None:
        if new <= 0:
            return JumpVerdict.REJECTED
        if cross is None or agrees(new, cross, bound_pct):
            return JumpVerdict.OK
        return JumpVerdict.REJECTED
    return assess_jump(previous, new, cross=cross, bound_pct=bound_pct, tolerance_pct=tolerance_pct)


# --------------------------------------------------------------------------- storing


def _previous_rates(
    source: str, codes: Sequence[str], day: datetime.date
) -> dict[str, tuple[datetime.date, Decimal]]:
    """The newest stored rate before ``day`` for each currency (the previous published rate)."""
    latest = (
        Rate.objects.filter(source=source, currency__in=codes, date__lt=day)
        .values("currency")
        .annotate(last=Max("date"))
    )
    wanted = {(row["currency"], row["last"]) for row in latest}
    if not wanted:
        return {}
    rows = Rate.objects.filter(
        source=source, currency__in=[c for c, _ in wanted], date__in={d for _, d in wanted}
    )
    return {r.currency: (r.date, r.rate) for r in rows if (r.currency, r.date) in wanted}


def _describe_refusal(quote: Quote, verdict: JumpVerdict, previous, cross: Decimal | None) -> str:
    prev_text = "no previous rate"
    if previous is not None:
        prev_day, prev_rate = previous
        move = percent_change(quote.rate, prev_rate)
        prev_text = f"{move:+.2f}% from {prev_rate.normalize():f} on {prev_day.isoformat()}"
    check = "no CBR cross rate to confirm it" if cross is None else f"CBR cross rate is {cross:.8g}"
    return (
        f"{quote.source}: refused {quote.currency} = {quote.rate.normalize():f} {quote.home} "
        f"on {quote.date.isoformat()} ({prev_text}; {check}; verdict {verdict.value})"
    )


def _check_batch(source: str, quotes: Sequence[Quote]) -> None:
    provider = get_provider(source)
    for quote in quotes:
        if quote.source != source or quote.home != provider.HOME:
            raise PayloadError(f"{source}: quote {quote} does not belong to {source} ({provider.HOME})")


def store_quotes(
    source: str,
    quotes: Sequence[Quote],
    *,
    cross_set: Sequence[Quote] | None = None,
    accept_jumps: bool = False,
) -> StoreResult:
    """Write ``quotes`` of one source; idempotent. Suspicious jumps are refused, not written.

    ``cross_set`` is a CBR rate set to check against; by default the stored CBR set in force
    on each quote's date is used. ``accept_jumps`` stores refused values anyway (after review).
    """
    _check_batch(source, quotes)
    result = StoreResult(source=source)
    bound, tolerance = conf.max_jump_pct(), conf.cross_tolerance_pct()
    by_day: dict[datetime.date, list[Quote]] = {}
    for quote in quotes:
        by_day.setdefault(quote.date, []).append(quote)
    with transaction.atomic():
        # Oldest first, so a batch of several days judges each day against the one before.
        for day in sorted(by_day):
            _store_day(source, day, by_day[day], cross_set, accept_jumps, bound, tolerance, result)
    if source == "cbt":
        problem = check_tmt_peg(quotes)
        if problem:
            result.warnings.append(problem)
    for message in result.rejected + result.warnings:
        log.warning(message)
    return result


def _store_day(source, day, quotes, cross_set, accept_jumps, bound, tolerance, result: StoreResult) -> None:
    codes = [q.currency for q in quotes]
    existing = {r.currency: r for r in Rate.objects.filter(source=source, date=day, currency__in=codes)}
    previous = _previous_rates(source, codes, day)
    cbr_set = list(cross_set) if cross_set is not None else (cbr_quotes_for(day) if source != "cbr" else [])
    now = timezone.now()
    new_rows, changed_rows = [], []
    for quote in quotes:
        value = quantize(quote.rate)
        row = existing.get(quote.currency)
        if row is not None and row.rate == value:
            result.unchanged += 1
            continue
        prev = previous.get(quote.currency)
        cross = cbr_cross_rate(cbr_set, quote.currency, quote.home) if cbr_set else None
        verdict = judge(
            prev[1] if prev else None, quote.rate, cross, bound_pct=bound, tolerance_pct=tolerance
        )
        if verdict in (JumpVerdict.REJECTED, JumpVerdict.UNVERIFIED):
            message = _describe_refusal(quote, verdict, prev, cross)
            if not accept_jumps:
                result.rejected.append(message)
                continue
            result.warnings.append(message.replace("refused", "accepted on request"))
        if row is None:
            new_rows.append(
                Rate(
                    source=source,
                    currency=quote.currency,
                    home=quote.home,
                    rate=value,
                    date=day,
                    published=quote.published,
                    fetched_at=now,
                )  # fmt: skip
            )
        else:
            log.info("%s: %s on %s corrected from %s to %s", source, quote.currency, day, row.rate, value)
            row.rate, row.published, row.fetched_at = value, quote.published, now
            changed_rows.append(row)
    Rate.objects.bulk_create(new_rows)
    Rate.objects.bulk_update(changed_rows, ["rate", "published", "fetched_at"])
    result.created += len(new_rows)
    result.updated += len(changed_rows)
    if new_rows or changed_rows or result.unchanged:
        result.dates.add(day)


# --------------------------------------------------------------------------- source health


def _status(source: str) -> SourceStatus:
    return SourceStatus.objects.get_or_create(source=source)[0]


def record_success(source: str, result: StoreResult) -> SourceStatus:
    """A usable payload arrived. Refused quotes and peg alerts are recorded as errors too."""
    status = _status(source)
    now = timezone.now()
    status.last_attempt_at = status.last_success_at = now
    status.last_payload_date = max(result.dates) if result.dates else status.last_payload_date
    status.last_stored = result.changed
    status.consecutive_failures = 0
    problems = result.rejected + [w for w in result.warnings if "accepted on request" not in w]
    if problems:
        status.last_error = "\n".join(problems)[:MAX_ERROR_LENGTH]
        status.last_error_at = now
    status.save()
    return status


def record_error(source: str, message: str) -> SourceStatus:
    """A fetch or parse failed: nothing was written; keep the message for the admin panel."""
    log.error("%s", message)
    status = _status(source)
    now = timezone.now()
    status.last_attempt_at = status.last_error_at = now
    status.last_error = message[:MAX_ERROR_LENGTH]
    status.consecutive_failures += 1
    status.save()
    return status
