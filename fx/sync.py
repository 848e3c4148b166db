"""Fetch and store, one source at a time: a failing source is recorded and never stops the others."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpx

from fx import conf
from fx.fetching import USER_AGENT, FetchError, fetch_payload, fetch_quotes, with_base_url
from fx.providers import get_provider, nbkr
from fx.providers.base import PayloadError, Quote, local_today
from fx.storage import StoreResult, record_error, record_success, store_quotes

log = logging.getLogger("fx")

# Days a bank publishes no file at all (CBT answers 404 on Sundays): not worth an alarm.
NO_FILE_WEEKDAYS = {"cbt": {6}}
# A payload for "today" may legitimately be for tomorrow (NBKR and CBR publish the next day's set).
MAX_DAYS_AHEAD = 3


@dataclass
class SourceOutcome:
    source: str
    day: datetime.date | None
    ok: bool
    message: str
    result: StoreResult | None = None
    skipped: bool = False

    def line(self) -> str:
        when = self.day.isoformat() if self.day else "latest"
        return f"{when} {self.source}: {self.message}"


@dataclass
class RunSummary:
    outcomes: list[SourceOutcome] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(o.result.changed for o in self.outcomes if o.result)

    @property
    def failed(self) -> list[SourceOutcome]:
        return [o for o in self.outcomes if not o.ok]


def publish_changes() -> None:
    """New rates or settings: rebuild the ticker snapshot and expire cached pages and fragments."""
    from fx.ticker import rebuild_snapshot
    from news.cache import bump_content_version

    rebuild_snapshot()
    bump_content_version()


def _client() -> httpx.Client:
    # One client per source and run: connections and cookies are reused (NBKR drops bursts of TLS
    # sessions; CBU and CBR set session cookies).
    return httpx.Client(follow_redirects=True, timeout=conf.timeout(), headers={"User-Agent": USER_AGENT})


def _nbkr_weekly(client: httpx.Client) -> list[Quote]:
    """NBKR's weekly.xml (TJS, UZS, TMT and ~40 more) beside daily.xml."""
    override = conf.base_urls().get("nbkr")
    url = nbkr.url_for(None, weekly=True)
    return nbkr.parse(
        fetch_payload(
            "nbkr",
            None,
            client=client,
            url=with_base_url(url, override) if override else url,
            timeout=conf.timeout(),
        )  # fmt: skip
    )


def _check_not_far_ahead(source: str, quotes: list[Quote]) -> None:
    provider = get_provider(source)
    newest = max(q.date for q in quotes)
    if (newest - local_today(provider.TIMEZONE)).days > MAX_DAYS_AHEAD:
        raise PayloadError(f"{source}: payload is dated {newest.isoformat()}, too far in the future")


def fetch_source(
    source: str, day: datetime.date | None, *, client: httpx.Client, accept_jumps: bool = False
) -> SourceOutcome:
    """Fetch ``source`` for ``day`` (None: the latest set), store it, record the outcome."""
    if day is not None and day.weekday() in NO_FILE_WEEKDAYS.get(source, set()):
        return SourceOutcome(source, day, True, "no file on this weekday, skipped", skipped=True)
    try:
        quotes = fetch_quotes(source, day, client=client, base_urls=conf.base_urls(), timeout=conf.timeout())
        if day is None:
            _check_not_far_ahead(source, quotes)
        not_quoted = list(getattr(quotes, "skipped", []))
        extra_error = None
        if source == "nbkr":
            try:
                weekly = _nbkr_weekly(client)
                not_quoted += getattr(weekly, "skipped", [])
                quotes = quotes + weekly
            except (FetchError, PayloadError) as exc:
                extra_error = f"weekly.xml: {exc}"
        for row in not_quoted:  # the bank gave no rate for it that day: logged, not an error
            log.warning("%s; that row was left out", row)
        result = store_quotes(source, quotes, accept_jumps=accept_jumps)
    except (FetchError, PayloadError) as exc:
        record_error(source, str(exc))
        return SourceOutcome(source, day, False, str(exc))
    except Exception as exc:  # a bug must not stop the other sources; the traceback goes to the log
        log.exception("fx: unexpected failure fetching %s", source)
        message = f"{source}: unexpected {type(exc).__name__}: {exc}"
        record_error(source, message)
        return SourceOutcome(source, day, False, message)
    if extra_error:
        result.warnings.append(f"nbkr: {extra_error}")
    record_success(source, result)
    problems = len(result.rejected) + (1 if extra_error else 0)
    message = result.summary() + (f"; {problems} problem(s), see the admin panel" if problems else "")
    return SourceOutcome(source, day, not result.rejected, message, result=result)


def run_fetch(
    sources: Iterable[str] | None = None,
    days: Iterable[datetime.date | None] = (None,),
    *,
    accept_jumps: bool = False,
    skip_stored: bool = False,
    progress: Callable[[SourceOutcome, int, int], None] | None = None,
) -> RunSummary:
    """Fetch every source for every day (CBR first each day, for the cross-check), then publish once."""
    from fx.models import Rate

    names = [get_provider(s).SOURCE for s in (sources or conf.sources())]
    names.sort(key=lambda name: name != "cbr")
    days = list(days)
    summary = RunSummary()
    clients = {name: _client() for name in names}
    total, done = len(days) * len(names), 0
    try:
        for day in days:
            for name in names:
                done += 1
                if day is not None and not get_provider(name).DATED:
                    outcome = SourceOutcome(
                        name, day, True, "serves only its current set, skipped", skipped=True
                    )
                elif day is not None and skip_stored and Rate.objects.filter(source=name, date=day).exists():
                    outcome = SourceOutcome(name, day, True, "already stored, skipped", skipped=True)
                else:
                    outcome = fetch_source(name, day, client=clients[name], accept_jumps=accept_jumps)
                summary.outcomes.append(outcome)
                if progress:
                    progress(outcome, done, total)
    finally:
        for client in clients.values():
            client.close()
    if summary.changed:
        publish_changes()
    return summary


__all__ = ["RunSummary", "SourceOutcome", "fetch_source", "publish_changes", "run_fetch"]
