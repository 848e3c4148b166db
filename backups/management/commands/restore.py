import tarfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Replace the database and media with the contents of a backup made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)
        parser.add_argument("--yes", action="store_true", help="Replace the current data without asking.")
        parser.add_argument("--no-reindex", action="store_true", help="Skip rebuilding the search index.")

    def handle(self, *args, source: Path, yes: bool, no_reindex: bool, **options):
        if not source.is_file():
            raise CommandError(f"{source} is not a file")
        try:
            manifest = read_manifest(source)
        except (BackupError, tarfile.TarError, OSError, ValueError, KeyError) as exc:
            raise CommandError(f"not a steppe backup: {exc}") from exc
        rows = sum(manifest["counts"].values())
        summary = f"backup of {manifest['created_at']}: {rows} rows, {len(manifest['media'])} media files"
        if not yes:
            answer = input(f"{summary}\nThis REPLACES the current database and media. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("restore cancelled")
        try:
            restore_backup(source, reindex=not no_reindex)
        except BackupError as exc:
            raise CommandError(f"restore failed, nothing was replaced: {exc}") from exc
        self.stdout.write(f"restored {summary}")
