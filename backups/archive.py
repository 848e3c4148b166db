"""Backups: one .tar.gz holding the database (Django's dumpdata JSON, so a backup taken on SQLite
restores on PostgreSQL and back), every media file and a manifest with counts and checksums.

    manage.py backup /srv/backups/            # writes steppe-backup-<UTC time>.tar.gz there
    manage.py restore /srv/backups/steppe-backup-20261127T040000Z.tar.gz --yes

Restore replaces the whole database and media directory, in that order, only after the archive
has been checked against its manifest; the database part runs in one transaction.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction

FORMAT = 1
# Logs, sessions and search indexes are not content: left out, indexes rebuilt on restore.
EXCLUDED = [
    "sessions",
    "axes",
    "modelsearch.indexentry",
    "wagtailsearch.indexentry",
    "django_tasks_db",
]


class BackupError(Exception):
    pass


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def excluded_labels() -> list[str]:
    """The EXCLUDED entries that exist in this installation (dumpdata rejects unknown ones)."""
    labels = []
    for label in EXCLUDED:
        try:
            apps.get_model(label) if "." in label else apps.get_app_config(label)
        except LookupError:
            continue
        labels.append(label)
    return labels


def model_counts() -> dict[str, int]:
    skip = set(excluded_labels())
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.proxy or not model._meta.managed:
            continue
        if label in skip or model._meta.app_label in skip:
            continue
        counts[label] = model._default_manager.using(DEFAULT_DB_ALIAS).count()
    return counts


def create_backup(destination: Path) -> Path:
    destination = Path(destination)
    if destination.is_dir() or not destination.name.endswith((".tar.gz", ".tgz")):
        destination.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = destination / f"steppe-backup-{stamp}.tar.gz"
    destination.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="steppe-backup-") as scratch:
        dump = Path(scratch) / "database.json"
        with transaction.atomic():  # one consistent snapshot (a repeatable view on PostgreSQL)
            if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
                with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = model_counts()
            call_command(
                "dumpdata",
                exclude=excluded_labels(),
                output=str(dump),
                verbosity=0,
                indent=None,
            )
        media = {}
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    relative = path.relative_to(media_root).as_posix()
                    media[relative] = {"size": path.stat().st_size, "sha256": sha256_file(path)}
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database_engine": connections[DEFAULT_DB_ALIAS].vendor,
            "database_sha256": sha256_file(dump),
            "counts": counts,
            "media": media,
        }
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname="database.json")
            for relative in media:
                archive.add(media_root / relative, arcname=f"media/{relative}")
        os.replace(partial, destination)  # never a half-written archive under the real name
    return destination


def read_manifest(source: Path) -> dict:
    with tarfile.open(source, "r:gz") as archive:
        member = archive.extractfile("manifest.json")
        if member is None:
            raise BackupError("the archive has no manifest.json")
        manifest = json.load(member)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def restore_backup(source: Path, reindex: bool = True) -> dict:
    source = Path(source)
    manifest = read_manifest(source)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="steppe-restore-", dir=media_root.parent) as scratch:
        scratch = Path(scratch)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(scratch, filter="data")  # refuses absolute paths, .., links out
        dump = scratch / "database.json"
        if sha256_file(dump) != manifest["database_sha256"]:
            raise BackupError("database.json does not match the manifest checksum")
        for relative, expected in manifest["media"].items():
            path = scratch / "media" / relative
            if not path.is_file() or sha256_file(path) != expected["sha256"]:
                raise BackupError(f"media file {relative} is missing or damaged")
        with transaction.atomic():
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)
            restored = model_counts()
            if restored != manifest["counts"]:
                differing = sorted(k for k in manifest["counts"] if restored.get(k) != manifest["counts"][k])
                raise BackupError(f"row counts differ after loading: {differing[:5]}")
        new_media = scratch / "media"
        new_media.mkdir(exist_ok=True)
        old_media = scratch / "media-before-restore"
        if media_root.exists():
            os.replace(media_root, old_media)
        os.replace(new_media, media_root)
        shutil.rmtree(old_media, ignore_errors=True)
    from news.cache import bump_content_version

    bump_content_version()  # nothing cached before the restore can be served after it
    if reindex:
        call_command("update_index", verbosity=0)
    return manifest
