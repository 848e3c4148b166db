"""manage.py fx_load_recorded: the demo's rates from fx/recorded, through the real parsers and storage."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fx.models import TickerSnapshot
from fx.providers import PROVIDERS
from fx.providers.base import PayloadError, Quote
from fx.storage import store_quotes
from fx.sync import publish_changes

RECORDED = Path(__file__).resolve().parents[2] / "recorded"


def recorded_sets(folder: Path = RECORDED) -> list[tuple[str, Path, list[Quote]]]:
    """(source, file, quotes) for every recorded payload: CBR first, then oldest day first."""
    sets = []
    for source, provider in PROVIDERS.items():
        for path in sorted((folder / source).glob("*")):
            if path.suffix in {".xml", ".json"}:
                try:
                    sets.append((source, path, provider.parse(path.read_bytes())))
                except PayloadError as exc:
                    raise CommandError(f"{path}: {exc}") from exc
    sets.sort(key=lambda item: (item[0] != "cbr", min(q.date for q in item[2]), item[0]))
    return sets


class Command(BaseCommand):
    help = "Load the recorded demo exchange rates (idempotent; real dates, no network)."

    def handle(self, *args, **options) -> None:
        changed = 0
        for source, path, quotes in recorded_sets():
            result = store_quotes(source, quotes)
            changed += result.changed
            if result.rejected:
                raise CommandError(f"{path.name}: refused by the jump check: {'; '.join(result.rejected)}")
            if options["verbosity"] >= 2:
                self.stdout.write(f"{source} {path.name}: {result.summary()}")
        if changed or not TickerSnapshot.objects.exists():
            publish_changes()
        if changed and options["verbosity"] >= 1:
            self.stdout.write(f"Loaded {changed} recorded exchange rates (March 2026, from fx/recorded).")
        elif options["verbosity"] >= 2:
            self.stdout.write("Recorded exchange rates already loaded; nothing to do.")
