"""Backups: one .tar.gz with the database (backups.portable: JSON Lines, content types and
permissions by natural key), every media file read through the default storage (backups.media) and
a manifest: steppe's version, the migrations the database had applied, row counts, checksums.

    manage.py backup /srv/backups/            # writes steppe-backup-<UTC time>.tar.gz there
    manage.py restore /srv/backups/steppe-backup-20261127T040000Z.tar.gz --yes

A backup restores onto any install of the same steppe, on SQLite or PostgreSQL, freshly migrated or
never migrated (restore migrates it first), with media on disk or in a bucket; one from an older
steppe is brought forward through its migrations in a scratch SQLite database first; one from a
newer steppe is refused. Nothing is replaced before the whole archive has been checked, and the
database is replaced in one transaction (docs/restore.md).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from backups import media as media_files
from backups.portable import (
    BY_NATURAL_KEY,
    from_format1,
    is_excluded,
    load_dump,
    natural_key_references,
    read_dump,
    write_dump,
)
from backups.schema import code_migrations, compare, recorded_migrations, steppe_version

FORMAT = 2
READABLE_FORMATS = (1, 2)
DUMP = "database.jsonl"
FORMAT1_DUMP = "database.json"  # Django's dumpdata, content types by id (steppe before format 2)
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup that cannot be made or restored; the message is one line for the operator."""


class RestoreCancelled(Exception):
    pass


def first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


@contextlib.contextmanager
def read_snapshot(using: str) -> Iterator[None]:
    """One consistent view of the database for the whole dump, without blocking writers."""
    connection = connections[using]
    if connection.in_atomic_block:  # already inside a transaction (a test): its view is the snapshot
        yield
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        # steppe opens SQLite transactions IMMEDIATE (a write lock); a deferred one is a plain
        # reader, which in WAL mode sees one snapshot while editors and the worker keep writing.
        mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"
        try:
            with transaction.atomic(using=using):
                yield
        finally:
            connection.transaction_mode = mode
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def create_backup(destination: Path, using: str = DEFAULT_DB_ALIAS) -> Path:
    destination = Path(destination)
    if destination.is_dir() or not destination.name.endswith((".tar.gz", ".tgz")):
        destination.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = destination / f"steppe-backup-{stamp}.tar.gz"
    destination.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    # The dump is written with this code's models: a table they have and the database lacks
    # (a migration not applied yet) would fail halfway with a database error.
    pending = pending_migrations(using)
    if pending:
        shown = ", ".join(pending[:3]) + (" …" if len(pending) > 3 else "")
        raise BackupError(
            f"the database lacks migrations of this steppe ({shown}): run `manage.py migrate` first"
        )
    with tempfile.TemporaryDirectory(prefix="steppe-backup-", dir=destination.parent) as scratch:
        dump = Path(scratch) / DUMP
        with read_snapshot(using):
            migrations = recorded_migrations(connection)
            with open(dump, "w", encoding="utf-8") as stream:
                counts = write_dump(stream, using)
        with open(dump, "rb") as handle:
            dump_sha256, dump_size = media_files.sha256_stream(handle)
        partial = destination.with_name(destination.name + ".partial")
        media: dict[str, dict] = {}
        now = int(datetime.datetime.now().timestamp())
        # Read after the database: a file uploaded meanwhile is an unused extra, never a gap.
        try:
            names = list(media_files.walk(default_storage))
        except Exception as exc:  # each storage backend raises its own errors (botocore's for S3)
            raise BackupError(f"the media storage cannot be listed: {first_line(exc)}") from exc
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(dump, arcname=DUMP)
                for name in names:
                    if not media_files.is_safe_name(name):
                        continue  # a name no restore would write back
                    try:
                        spool, digest, size = media_files.read_file(default_storage, name)
                    except Exception as exc:  # as above
                        raise BackupError(f"media file {name} cannot be read: {first_line(exc)}") from exc
                    with spool:
                        info = tarfile.TarInfo(f"media/{name}")
                        info.size, info.mtime = size, now
                        archive.addfile(info, spool)
                    media[name] = {"size": size, "sha256": digest}
                manifest = {
                    "format": FORMAT,
                    "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
                    "steppe_version": steppe_version(),
                    "database_engine": connection.vendor,
                    "storage": type(storages["default"]).__name__,
                    "migrations": migrations,
                    "database": {"name": DUMP, "sha256": dump_sha256, "size": dump_size},
                    "counts": dict(sorted(counts.items())),
                    "media": media,
                }
                data = json.dumps(manifest, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), now
                archive.addfile(info, io.BytesIO(data))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        os.replace(partial, destination)  # never a half-written archive under the real name
    return destination


@dataclass
class CheckedArchive:
    """An archive whose every file matched its manifest, unpacked into a scratch directory."""

    manifest: dict
    scratch: Path

    @property
    def format(self) -> int:
        return self.manifest["format"]

    @property
    def dump(self) -> Path:
        return self.scratch / (DUMP if self.format >= 2 else FORMAT1_DUMP)

    def media_path(self, name: str) -> Path:
        return self.scratch / "media" / name

    def summary(self) -> str:
        rows = sum(self.manifest.get("counts", {}).values())
        made_by = self.manifest.get("steppe_version", "a steppe before format 2")
        engine = self.manifest.get("database_engine", "?")
        return (
            f"backup of {self.manifest.get('created_at', '?')} by steppe {made_by} ({engine}): "
            f"{rows} rows, {len(self.manifest['media'])} media files"
        )


def check_archive(source: Path, scratch: Path) -> CheckedArchive:
    """Unpack the archive into `scratch` in one streaming pass, then check it against its manifest."""
    found: dict[str, tuple[str, int]] = {}
    manifest = None
    try:
        with tarfile.open(source, "r|gz") as archive:
            for member in archive:
                if not member.isfile():
                    continue
                handle = archive.extractfile(member)
                if member.name == MANIFEST:
                    manifest = json.loads(handle.read(64 << 20))
                    continue
                if member.name in (DUMP, FORMAT1_DUMP):
                    target = scratch / member.name
                elif member.name.startswith("media/") and media_files.is_safe_name(member.name):
                    target = scratch / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                else:
                    continue  # not ours; never written anywhere
                with open(target, "wb") as out:
                    found[member.name] = media_files.sha256_stream(handle, copy_to=out)
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as exc:
        raise BackupError(f"{source} is not a steppe backup ({first_line(exc)})") from exc
    if not isinstance(manifest, dict):
        raise BackupError(f"{source} is not a steppe backup (no {MANIFEST})")
    if manifest.get("format") not in READABLE_FORMATS:
        raise BackupError(
            f"{source} is a backup of format {manifest.get('format')!r}; this steppe "
            f"({steppe_version()}) reads formats {', '.join(map(str, READABLE_FORMATS))}"
        )
    checked = CheckedArchive(manifest=manifest, scratch=scratch)
    expected = manifest["database"]["sha256"] if checked.format >= 2 else manifest.get("database_sha256")
    if found.get(checked.dump.name, ("",))[0] != expected:
        raise BackupError(f"{checked.dump.name} is missing or does not match the manifest checksum")
    for name, entry in manifest.get("media", {}).items():
        if not media_files.is_safe_name(name):
            raise BackupError(f"the manifest names a media file outside the media folder: {name!r}")
        if found.get(f"media/{name}") != (entry["sha256"], entry["size"]):
            raise BackupError(f"media file {name} is missing or damaged")
    return checked


def bring_forward(checked: CheckedArchive, scratch: Path) -> tuple[Path, dict]:
    """A backup of an older steppe, brought to this steppe's schema: returns a dump this code loads
    as it is, and its row counts.

    The work (upgrade_dump) runs in a process of its own whose default database is a scratch SQLite
    file: data migrations, Wagtail's among them, write to the default database whichever database
    `migrate` was asked to migrate, so the scratch database cannot be a second connection here.
    """
    staging = scratch / "staging"
    staging.mkdir()
    manifest = scratch / "older-manifest.json"
    manifest.write_text(json.dumps(checked.manifest))
    upgraded = scratch / "database-upgraded.jsonl"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "REDIS_"))}
    env.update(DATABASE_URL=f"sqlite:///{staging / 'db.sqlite3'}", STEPPE_VAR_DIR=str(staging))
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "upgrade_backup_dump"]
        + [str(checked.dump), str(manifest), str(upgraded)],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["no message"])[-1].removeprefix("CommandError: ")
        raise BackupError(f"the backup could not be migrated forward: {reason}")
    return upgraded, json.loads(result.stdout.strip().splitlines()[-1])


def upgrade_dump(dump: Path, manifest: Mapping, output: Path, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Load an older backup's rows into an empty database at the backup's own schema (with the
    historical models of its migrations), migrate it forward as `migrate` would have migrated that
    site, and dump it again to `output`. Returns the new dump's row counts."""
    connection = connections[using]
    if recorded_migrations(connection):
        raise BackupError("upgrade_dump needs an empty, never migrated database")
    code = code_migrations()
    comparison = compare(manifest["migrations"], code)
    targets = comparison.targets(code)
    if not targets:
        raise BackupError("the backup records no migrations of this steppe's apps")
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    registry = executor.loader.project_state(targets, at_end=True).apps
    with transaction.atomic(using=using), open(dump, encoding="utf-8") as stream:
        load_dump(read_dump(stream), using=using, registry=registry)
        check_counts(manifest["counts"], using, registry)
    call_command("migrate", database=using, interactive=False, verbosity=0)
    with open(output, "w", encoding="utf-8") as stream:
        return dict(write_dump(stream, using))


def check_counts(expected: Mapping[str, int], using: str, registry: Apps = global_apps) -> None:
    differing = []
    for label, count in sorted(expected.items()):
        if is_excluded(label):
            continue
        try:
            model = registry.get_model(label)
        except LookupError as exc:
            raise BackupError(f"the backup has rows of {label}, which this steppe does not have") from exc
        have = model._base_manager.using(using).count()
        # Content types and permissions: the backup's, plus any this install made for itself.
        if have < count if label in BY_NATURAL_KEY else have != count:
            differing.append(f"{label} {have}/{count}")
    if differing:
        raise BackupError(f"row counts differ after loading: {', '.join(differing[:5])}")


def pending_migrations(using: str) -> list[str]:
    """This code's migrations the database has not applied, `app.name` each."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def restore_backup(
    source: Path,
    reindex: bool = True,
    confirm: Callable[[str], bool] | None = None,
    say: Callable[[str], None] | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> dict:
    """Replace the database and media with a backup's. `confirm` is asked with the backup's summary
    once the archive has been checked (False: nothing is changed); `say` hears each step."""
    say = say or (lambda message: None)
    source = Path(source)
    scratch_root = Path(settings.VAR_DIR)
    scratch_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="steppe-restore-", dir=scratch_root) as scratch:
        checked = check_archive(source, Path(scratch))
        manifest = checked.manifest
        comparison = None
        if checked.format >= 2:
            comparison = compare(manifest["migrations"], code_migrations())
            if comparison.unknown:
                shown = ", ".join(comparison.unknown[:3]) + (" …" if len(comparison.unknown) > 3 else "")
                raise BackupError(
                    f"the backup is from steppe {manifest['steppe_version']}, newer than this steppe "
                    f"({steppe_version()}): it has migrations this code does not know ({shown}); "
                    f"restore it with steppe {manifest['steppe_version']} or later"
                )
        if confirm is not None and not confirm(checked.summary()):
            raise RestoreCancelled
        if pending_migrations(using):
            say("migrating the database to this steppe's schema")
            try:
                call_command("migrate", database=using, interactive=False, verbosity=0)
            except Exception as exc:  # a migration's own error, whatever its type
                raise BackupError(f"migrating the database failed: {first_line(exc)}") from exc

        if comparison is None:
            say("reading a format 1 backup (content types by id)")
            try:
                with open(checked.dump, encoding="utf-8") as stream:
                    rows = list(from_format1(json.load(stream), natural_key_references()))
            except (ValueError, KeyError, TypeError) as exc:
                raise BackupError(f"the format 1 database dump cannot be read: {first_line(exc)}") from exc
            expected = dict(Counter(row["model"] for row in rows))

            def dump_rows() -> Iterator[dict]:
                return iter(rows)
        else:
            dump, expected = checked.dump, manifest["counts"]
            if not comparison.same:
                say(
                    f"the backup is from an older steppe ({manifest['steppe_version']}): applying "
                    f"{len(comparison.missing)} migrations to it in a scratch database"
                )
                dump, expected = bring_forward(checked, Path(scratch))

            def dump_rows() -> Iterator[dict]:
                with open(dump, encoding="utf-8") as stream:
                    yield from read_dump(stream)

        replace_site(checked, dump_rows, expected, using, say, format1=comparison is None)

    from news.cache import bump_content_version

    bump_content_version()  # nothing cached before the restore can be served after it
    if reindex:
        say("rebuilding the search index")
        try:
            call_command("update_index", verbosity=0)
        except Exception as exc:  # the site is restored; only the index is missing
            raise BackupError(
                f"the backup was restored, but rebuilding the search index failed ({first_line(exc)}): "
                "run `manage.py update_index`"
            ) from exc
    return manifest


def replace_site(
    checked: CheckedArchive,
    dump_rows: Callable[[], Iterator[dict]],
    expected: Mapping[str, int],
    using: str,
    say: Callable[[str], None],
    format1: bool = False,
) -> None:
    storage = default_storage
    wanted = {name: entry["sha256"] for name, entry in checked.manifest["media"].items()}
    sizes = {name: entry["size"] for name, entry in checked.manifest["media"].items()}
    try:
        present = {
            name: media_files.stored_digest(storage, name, sizes[name]) if name in wanted else None
            for name in media_files.walk(storage)
        }
    except Exception as exc:  # each storage backend raises its own errors (botocore's for S3)
        raise BackupError(f"the media storage cannot be read: {first_line(exc)}") from exc
    plan = media_files.plan_media(wanted, present)

    added: list[str] = []
    try:
        say(f"media: adding {len(plan.add)} files, {len(plan.keep)} already there")
        for name in plan.add:
            with open(checked.media_path(name), "rb") as handle:
                media_files.write_file(storage, name, handle, replace=False)
            added.append(name)
        say(f"database: loading {sum(expected.values())} rows")
        with transaction.atomic(using=using):
            load_dump(dump_rows(), using=using)
            check_counts(expected, using)
    except BaseException as exc:
        for name in added:  # leave the storage as it was: the old site never used these names
            with contextlib.suppress(Exception):
                storage.delete(name)
        if not isinstance(exc, Exception):  # Ctrl-C: the transaction was rolled back, say no more
            raise
        if isinstance(exc, BackupError):
            raise BackupError(f"{exc}; nothing was replaced") from exc
        hint = " (a format 1 backup loads only into the steppe version that made it)" if format1 else ""
        raise BackupError(
            f"the backup could not be loaded{hint}, nothing was replaced: {first_line(exc)}"
        ) from exc

    try:
        say(f"media: replacing {len(plan.replace)} files, deleting {len(plan.delete)} not in the backup")
        for name in plan.replace:
            with open(checked.media_path(name), "rb") as handle:
                media_files.write_file(storage, name, handle)
        for name in plan.delete:
            storage.delete(name)
    except Exception as exc:
        raise BackupError(
            f"the database was restored but the media storage failed ({first_line(exc)}); "
            "run the same restore again to finish"
        ) from exc
