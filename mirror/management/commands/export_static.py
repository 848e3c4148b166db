"""manage.py export_static DIR: the public site as static files (docs/mirrors.md)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mirror.export import ExportError, export_site
from mirror.paths import ALL_VARIANTS

PROGRESS_EVERY = 2.0  # seconds between progress lines


class Command(BaseCommand):
    help = (
        "Write the public site as static files into DIR (every language, page, feed, sitemap and the "
        "static and media files they use); only what changed since the last export is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="where the copy goes (created if missing)")
        parser.add_argument(
            "--base-url",
            default="",
            help="the mirror's public URL, e.g. https://mirror.example.net/news: feeds, sitemaps and "
            "robots.txt name the copy's files there (default: they name the canonical site)",
        )
        parser.add_argument("--no-lite", action="store_true", help="leave out the text-only (?lite=1) copies")
        parser.add_argument(
            "--no-cyrillic", action="store_true", help="leave out the Cyrillic (?script=cyrl) Uzbek copies"
        )

    def handle(self, *args, **options) -> None:
        variants = set(ALL_VARIANTS)
        if options["no_lite"]:
            variants.discard("lite")
        if options["no_cyrillic"]:
            variants.discard("cyrillic")
        verbosity = options["verbosity"]
        last = [0.0]

        def progress(done: int, known: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY or done == known:
                last[0] = now
                self.stderr.write(f"  {done}/{known} pages and files")

        try:
            report = export_site(
                options["directory"],
                options["base_url"],
                frozenset(variants),
                progress if verbosity >= 1 else None,
            )
        except (ExportError, ValueError) as error:
            raise CommandError(str(error)) from error
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        for url, referrer in report.missing[:20]:
            self.stderr.write(f"missing: {url} (linked from {referrer})")
        if len(report.missing) > 20:
            self.stderr.write(f"missing: … and {len(report.missing) - 20} more")
        for url, status in report.failed:
            self.stderr.write(f"failed: {url} answered {status}; the previous copy is kept")
        if verbosity >= 1:
            self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} pages failed (see above); the rest of the copy is up to date"
            )
