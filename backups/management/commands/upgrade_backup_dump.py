import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from backups.archive import BackupError, first_line, upgrade_dump


class Command(BaseCommand):
    help = (
        "Internal, run by `restore` for a backup of an older steppe, with an empty scratch database as "
        "DATABASE_URL: load DUMP at the schema MANIFEST records, migrate it forward, write OUTPUT."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", type=Path)
        parser.add_argument("manifest", type=Path)
        parser.add_argument("output", type=Path)

    def handle(self, *args, dump: Path, manifest: Path, output: Path, **options):
        try:
            counts = upgrade_dump(dump, json.loads(manifest.read_text()), output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        except (DatabaseError, DeserializationError, ValueError, KeyError) as exc:
            raise CommandError(first_line(exc)) from exc
        self.stdout.write(json.dumps(counts))
