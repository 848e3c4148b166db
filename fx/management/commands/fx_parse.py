"""manage.py fx_parse SOURCE FILE: what a saved payload parses to, one JSON object per line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fx.providers import PROVIDERS, aggregators, nbkr
from fx.providers.base import PayloadError, Quote

MAX_BYTES = 20_000_000
# Official sources, then the unofficial aggregate feeds (parse only: never stored or shown).
PARSERS = {**{name: module.parse for name, module in PROVIDERS.items()}, **aggregators.PARSERS}


def quote_json(quote: Quote) -> str:
    """{"source": "nbkr", "currency": "USD", "home": "KGS", "rate": "87.45", "date": "2026-05-23"}"""
    record = {
        "source": quote.source,
        "currency": quote.currency,
        "home": quote.home,
        "rate": f"{quote.rate.normalize():f}",
        "date": quote.date.isoformat(),
    }
    if quote.published and quote.published != quote.date:
        record["published"] = quote.published.isoformat()
    return json.dumps(record, ensure_ascii=False)


def is_nbkr_history(payload: bytes) -> bool:
    return b"<!--date-->" in payload and b"<!--value-->" in payload


class Command(BaseCommand):
    help = "Print what a saved bank payload parses to: one JSON object per rate (FILE '-' reads stdin)."
    requires_system_checks: list[str] = []  # pure parsing: no database, usable on any checkout

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help=f"One of: {', '.join(PARSERS)}.")
        parser.add_argument("file", help="The saved payload, or - for standard input.")
        parser.add_argument(
            "--currency", help="For NBKR's HTML history page, which carries no currency code (e.g. USD)."
        )
        parser.add_argument(
            "--nominal", type=int, help="For NBKR's history page (default: the currency's NBKR nominal)."
        )

    def handle(self, *args, **options) -> None:
        source = options["source"]
        if options["nominal"] is not None and options["nominal"] < 1:
            raise CommandError("--nominal must be a positive whole number")
        if source not in PARSERS:
            raise CommandError(f"unknown source {source!r}; use one of: {', '.join(PARSERS)}")
        payload = self.read(options["file"])
        try:
            quotes = self.parse(source, payload, options)
        except PayloadError as exc:
            raise CommandError(f"{options['file']}: cannot read this payload: {exc}") from exc
        for quote in quotes:
            self.stdout.write(quote_json(quote))
        for row in getattr(quotes, "skipped", []):  # stdout stays JSON lines; this is for the reader
            self.stderr.write(f"left out, no rate given: {row}")

    def parse(self, source: str, payload: bytes, options: dict) -> list[Quote]:
        if source == "nbkr" and is_nbkr_history(payload):
            if not options["currency"]:
                raise CommandError(
                    "this is NBKR's HTML history page, which names no currency: add --currency USD"
                )
            try:
                return nbkr.parse_history(payload, options["currency"], options["nominal"])
            except ValueError as exc:
                raise PayloadError(str(exc)) from exc
        return PARSERS[source](payload)

    def read(self, name: str) -> bytes:
        if name == "-":
            return sys.stdin.buffer.read(MAX_BYTES + 1)[:MAX_BYTES]
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"{name}: no such file")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{name}: larger than {MAX_BYTES} bytes, not a rate payload")
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{name}: cannot read: {exc.strerror}") from exc
