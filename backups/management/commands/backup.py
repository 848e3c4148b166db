from pathlib import Path

from django.core.management.base import BaseCommand

from backups.archive import create_backup


class Command(BaseCommand):
    help = "Write the database and media to one .tar.gz (DEST: a file name or a directory)."

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path)

    def handle(self, *args, destination: Path, **options):
        path = create_backup(destination)
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
