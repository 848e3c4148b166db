"""Recompute every stored suggestion list: safe to re-run, and an interrupted run resumes."""

from __future__ import annotations

import time
from datetime import datetime

from django.core.management.base import BaseCommand

from discovery import engine


class Command(BaseCommand):
    help = (
        "Rebuild the suggestion index from the published articles, write its snapshot and recompute "
        "every stored list, with progress. An interrupted run resumes where it stopped (lists computed "
        "since it started are kept); --restart recomputes everything."
    )

    def add_arguments(self, parser):
        parser.add_argument("--restart", action="store_true", help="Ignore an unfinished run's progress.")
        parser.add_argument("--batch", type=int, default=500, help="Lists written per transaction.")
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Compute only the lists of published articles that have none stored (`make run` at each "
            "start: a restart or a restored backup keeps the lists it has, as readers saw them).",
        )

    def marker(self):
        path = engine.snapshot_path()
        return path.with_name(path.name + ".rebuild") if path else None

    def say(self, message: str) -> None:
        if self.verbosity > 0:
            self.stdout.write(message)
            self.stdout.flush()

    def progress(self, label: str, started: float):
        def report(done: int, total: int) -> None:
            if self.verbosity < 1:
                return
            rate = done / max(time.perf_counter() - started, 1e-6)
            self.stdout.write(f"{label}: {done}/{total} ({rate:.0f}/s)")
            self.stdout.flush()

        return report

    def handle(self, *args, restart=False, batch=500, missing=False, **options):
        from django.utils import timezone

        from discovery.models import StoredSuggestion

        self.verbosity = options.get("verbosity", 1)
        marker = self.marker()
        run_started = timezone.now()
        if marker is not None and marker.exists() and not restart:
            run_started = datetime.fromisoformat(marker.read_text().strip())
            self.say(f"Resuming the run started at {run_started.isoformat()}.")
        elif marker is not None:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(run_started.isoformat())

        t0 = time.perf_counter()
        live = engine.LiveIndex()
        live.build(progress=self.progress("index", t0))
        live.save()
        engine.set_live_index(live)
        self.say(f"Indexed {len(live.index)} articles in {time.perf_counter() - t0:.1f}s.")

        done_already = set(
            StoredSuggestion.objects.filter(computed_at__gte=run_started).values_list("page_id", flat=True)
        )
        if missing:
            done_already |= set(StoredSuggestion.objects.values_list("page_id", flat=True).distinct())
        todo = sorted(pk for pk in live.stamps if pk not in done_already)
        if done_already:
            self.say(f"Skipping {len(live.stamps) - len(todo)} lists already computed by this run.")
        t1 = time.perf_counter()
        report = self.progress("lists", t1)
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            engine.store(engine.compute(live, chunk))
            report(start + len(chunk), len(todo))
        # An early batch read who suggests its articles before later batches stored their lists:
        # give those lists their reciprocal place now, as a refresh after publishing would.
        settled = engine.settle(live, todo, batch)
        if settled:
            self.say(f"Gave {settled} lists their reciprocal suggestion.")
        # Lists of articles no longer published (the serving query ignores them anyway).
        stale = sorted(
            set(StoredSuggestion.objects.values_list("page_id", flat=True).distinct()) - set(live.stamps)
        )
        removed = 0
        for start in range(0, len(stale), 1000):
            removed += StoredSuggestion.objects.filter(page_id__in=stale[start : start + 1000]).delete()[0]
        if marker is not None and marker.exists():
            marker.unlink()
        self.say(
            f"Stored suggestions for {len(todo)} articles in {time.perf_counter() - t1:.1f}s"
            f" ({removed} rows of unpublished articles removed)."
        )
