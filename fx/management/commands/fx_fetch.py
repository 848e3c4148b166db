"""manage.py fx_fetch [--source nbk ...] [--date YYYY-MM-DD | --since YYYY-MM-DD] [--enqueue]"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from fx import conf
from fx.providers import PROVIDERS
from fx.sync import SourceOutcome, run_fetch

MAX_BACKFILL_DAYS = 366 * 3


def iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {text!r}") from None


class Command(BaseCommand):
    help = (
        "Fetch official exchange rates from the central banks and store them (idempotent). "
        "Without --date/--since: the latest set of every source. Schedule it every 30 minutes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source", action="append", choices=sorted(PROVIDERS), help="Only this source (repeatable)."
        )
        when = parser.add_mutually_exclusive_group()
        when.add_argument("--date", type=iso_date, help="Fetch the rates for this day.")
        when.add_argument("--since", type=iso_date, help="Backfill every day from this one to today.")
        parser.add_argument("--until", type=iso_date, help="With --since: the last day (default today).")
        parser.add_argument(
            "--refetch", action="store_true", help="With --since: fetch days already stored too."
        )
        parser.add_argument(
            "--accept-jumps",
            action="store_true",
            help="Store moves the CBR cross-check could not confirm (after you have checked them).",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the fetch for the task worker instead of running it.",
        )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        sources = options["source"] or conf.sources()
        if options["enqueue"]:
            return self.enqueue(sources, options)
        days = self.days(options)
        backfill = len(days) > 1 or days != [None]
        summary = run_fetch(
            sources,
            days,
            accept_jumps=options["accept_jumps"],
            skip_stored=bool(options["since"]) and not options["refetch"],
            progress=lambda outcome, done, total: self.report(outcome, done, total, backfill),
        )
        failed = summary.failed
        if self.verbosity >= 1:
            self.stdout.write(f"{summary.changed} rate(s) stored or corrected; {len(failed)} failure(s).")
        if failed:  # also with -v0, so cron mails a failure and nothing else
            self.stderr.write("Failed: " + ", ".join(sorted({o.source for o in failed})))

    def days(self, options: dict) -> list[datetime.date | None]:
        today = timezone.localdate()
        if options["date"]:
            return [options["date"]]
        if options["until"] and not options["since"]:
            raise CommandError("--until needs --since")
        if options["since"]:
            start, end = options["since"], options["until"] or today
            if start > end:
                raise CommandError(f"--since {start} is after {end}")
            count = (end - start).days + 1
            if count > MAX_BACKFILL_DAYS:
                raise CommandError(f"--since reaches back {count} days; the limit is {MAX_BACKFILL_DAYS}")
            return [start + datetime.timedelta(days=n) for n in range(count)]
        return [None]

    def report(self, outcome: SourceOutcome, done: int, total: int, backfill: bool) -> None:
        prefix = f"[{done}/{total}] " if backfill else ""
        line = prefix + outcome.line()
        if not outcome.ok:
            self.stderr.write(self.style.ERROR(line))
            for problem in outcome.result.rejected if outcome.result else []:
                self.stderr.write(self.style.ERROR("  " + problem))
        elif self.verbosity >= (2 if outcome.skipped else 1):
            self.stdout.write(line)

    def enqueue(self, sources: list[str], options: dict) -> None:
        if options["date"] or options["since"]:
            raise CommandError("--enqueue queues today's fetch; run backfills directly")
        from fx.tasks import fetch_rates

        result = fetch_rates.enqueue(sources=list(sources))
        self.stdout.write(f"Queued fx fetch task {result.id}.")
