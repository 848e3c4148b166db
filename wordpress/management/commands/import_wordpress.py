"""``manage.py import_wordpress export.xml``: move a WordPress newsroom into steppe.

See README "Moving from WordPress"; the work is done by :mod:`wordpress.importer`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import ImportOptions, WordPressImporter
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0-1.2, Tools > Export in WordPress): posts, pages, authors, "
        "categories, tags and images, with redirects from the old URLs. Safe to run again: it updates "
        "what changed and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WXR file exported by WordPress")
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="a local copy of wp-content/uploads; images are read from here, never downloaded",
        )
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, write nothing")
        parser.add_argument(
            "--include-private", action="store_true", help="import private posts and pages (as drafts)"
        )
        parser.add_argument(
            "--include-trash", action="store_true", help="import trashed posts and pages (as drafts)"
        )
        parser.add_argument(
            "--timezone",
            metavar="ZONE",
            help="the old site's time zone (e.g. Asia/Almaty), for dates the export gives only in local time",
        )
        parser.add_argument(
            "--section-default",
            metavar="SLUG",
            default="news",
            help="section for posts without a category (created if missing; default: news)",
        )
        parser.add_argument(
            "--language",
            metavar="CODE",
            help=f"language of the imported pages (default: {settings.LANGUAGE_CODE})",
        )
        parser.add_argument(
            "--limit", type=int, metavar="N", help="stop after N posts/pages/attachments (try a sample first)"
        )
        parser.add_argument(
            "--huge-tree",
            action="store_true",
            help="accept single values over 10 MB (inline base64 images); only for a trusted file",
        )

    def handle(self, *args, **options):
        path = Path(options["export"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        uploads = Path(options["uploads"]) if options["uploads"] else None
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"--uploads {uploads}: not a folder")
        local_tz = None
        if options["timezone"]:
            try:
                local_tz = ZoneInfo(options["timezone"])
            except (ZoneInfoNotFoundError, ValueError):
                raise CommandError(f"--timezone {options['timezone']}: unknown time zone") from None
        language = options["language"]
        if language and language not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            raise CommandError(f"--language {language}: this site's languages are {codes}")
        if options["limit"] is not None and options["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        verbosity = options["verbosity"]
        importer = WordPressImporter(
            path,
            ImportOptions(
                uploads=uploads,
                dry_run=options["dry_run"],
                include_private=options["include_private"],
                include_trash=options["include_trash"],
                local_tz=local_tz,
                section_default=options["section_default"],
                language=language,
                limit=options["limit"],
                huge_tree=options["huge_tree"],
                progress=verbosity > 0,
                progress_stream=self.stderr._out,
            ),
        )
        started = time.monotonic()
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        if verbosity < 2:
            wagtail_log.setLevel(logging.WARNING)  # one INFO line per page saved would bury the progress bar
        try:
            report = importer.run()
        except WXRError as exc:
            done = importer.processed
            if importer.scan is None:
                raise CommandError(f"{exc}\nNothing was imported.") from None
            raise CommandError(
                f"{exc}\n{done} item(s) before the error were imported, each completely; "
                "fix the file and run the command again to import the rest."
            ) from None
        except KeyboardInterrupt:
            self.stdout.write(importer.report.format(all_examples=verbosity > 1))
            raise CommandError(
                f"Interrupted after {importer.processed} item(s); the item in progress was undone. "
                "Run the same command again to resume."
            ) from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        finally:
            wagtail_log.setLevel(level)
        elapsed = time.monotonic() - started
        self.summary(importer, report, elapsed, verbosity)
        failed = report.total("failed")
        if failed:
            raise CommandError(
                f"{failed} item(s) failed (see the reasons above); everything else was imported."
            )

    def summary(self, importer: WordPressImporter, report, elapsed: float, verbosity: int) -> None:
        site = importer.scan.site
        rate = importer.processed / elapsed if elapsed > 0 else 0.0
        heading = "Dry run of" if importer.options.dry_run else "Imported"
        self.stdout.write(
            f"{heading} {importer.path.name}: {site.title or '(untitled site)'} "
            f"({site.base_blog_url or site.base_site_url or site.link or 'no URL'}, WXR {site.wxr_version}) "
            f"into {importer.home.get_url() or '/'}: {importer.processed} items in {elapsed:.1f} s "
            f"({rate:.1f}/s)"
        )
        if site.language and not site.language.lower().startswith(importer.language):
            self.stdout.write(
                f"  note: the export's language is {site.language}; --language chooses the steppe language"
            )
        self.stdout.write(report.format(all_examples=verbosity > 1))
        if importer.stopped_early:
            self.stdout.write(
                f"Stopped after --limit {importer.options.limit} items; "
                "run again without --limit to import the rest."
            )
        if importer.options.dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
        elif not report.total("failed"):
            self.stdout.write(self.style.SUCCESS("Done."))
