import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, RestoreCancelled, restore_backup


def has_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


class Command(BaseCommand):
    help = (
        "Replace the database and media with the contents of a backup made by `backup` "
        "(onto this install or a new one: SQLite or PostgreSQL, migrated or not; docs/restore.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)
        parser.add_argument("--yes", action="store_true", help="Replace the current data without asking.")
        parser.add_argument("--no-reindex", action="store_true", help="Skip rebuilding the search index.")

    def handle(self, *args, source: Path, yes: bool, no_reindex: bool, **options):
        if not source.is_file():
            raise CommandError(f"restore: {source} is not a file")
        # cron, a script or ssh without a tty: nobody can answer, so say what to do instead of waiting.
        if not yes and not has_terminal():
            raise CommandError(
                f"restore: no terminal to confirm on; re-run with --yes to replace this site's "
                f"database and media with {source}"
            )
        say = self.stdout.write if options["verbosity"] >= 1 else None
        try:
            manifest = restore_backup(
                source,
                reindex=not no_reindex,
                confirm=None if yes else self.confirm,
                say=say,
            )
        except RestoreCancelled:
            raise CommandError("restore: cancelled, nothing was changed") from None
        except BackupError as exc:
            raise CommandError(f"restore: {exc}") from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"restored the backup of {manifest['created_at']}: {rows} rows, {len(manifest['media'])} media files"
        )

    def confirm(self, summary: str) -> bool:
        self.stdout.write(summary)
        try:
            answer = input("This REPLACES the current database and media. Type 'yes': ")
        except EOFError:
            return False
        return answer.strip().lower() == "yes"
