from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = "Write the database and media to one .tar.gz (DEST: a file name or a directory)."

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path)

    def handle(self, *args, destination: Path, **options):
        try:
            path = create_backup(destination)
        except BackupError as exc:
            raise CommandError(f"backup: {exc}") from exc
        except OSError as exc:  # an unwritable destination, a full disk
            raise CommandError(f"backup: cannot write {destination}: {exc.strerror or exc}") from exc
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
