"""A backup restores onto a new install: SQLite and PostgreSQL both ways, into a freshly migrated
database or one never migrated, with media on disk or in an S3 bucket; everything readers and
editors see is the same afterwards (tests.backups.probe's snapshot), and the new site takes new
rows. Every step is a `manage.py` process with the install's own environment, as an operator runs it.

The content is the demo newsroom (`load_demo`, what people back up first) with what an editor adds
(tests.backups.probe demo). The chain: demo on SQLite → backup → a freshly migrated PostgreSQL
database with media in a bucket → backup of that (media read back from the bucket) → a
never-migrated SQLite file with media on disk, and a freshly migrated PostgreSQL database.

These tests choose their databases themselves (SQLite files, databases of their own on the
PostgreSQL server at 127.0.0.1, which CI always has): the suite's DATABASE_URL does not change
what they do, so they run once, in the SQLite pass (marked backend_independent).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile

import pytest
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import CreateModel

from backups.schema import steppe_version
from tests.backups.sites import (
    Install,
    database_url,
    differences,
    file_hashes,
    portable_view,
    postgres_databases,
    postgres_reachable,
    postgres_server_url,
    rewrite_archive,
    sqlite_install,
    write_tar,
)
from tests.conftest import require_or_skip
from tests.deploy.helpers import sql
from tests.deploy.s3 import s3_server

pytestmark = pytest.mark.backend_independent


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("new-install")


@pytest.fixture(scope="module")
def migrated_sqlite(root):
    """A freshly migrated SQLite database to copy: what `migrate` leaves on a new install."""
    site = sqlite_install(root / "template")
    site.manage("migrate", "--noinput", "-v0")
    template = root / "migrated.sqlite3"
    shutil.copyfile(site.var_dir / "db.sqlite3", template)
    return template


@pytest.fixture(scope="module")
def demo(root, migrated_sqlite):
    """The demo newsroom on SQLite with media on disk, its snapshot and its backup."""
    site = sqlite_install(root / "demo", template=migrated_sqlite)
    site.probe("demo")
    snapshot = site.snapshot()
    archive = root / "demo.tar.gz"
    site.manage("backup", str(archive))
    return {"site": site, "snapshot": snapshot, "archive": archive, "view": portable_view(site.database_url)}


@pytest.fixture(scope="module")
def postgres():
    url = postgres_server_url()
    require_or_skip(postgres_reachable(url), f"PostgreSQL at {url}")
    with postgres_databases(url) as create:
        yield url, create


@pytest.fixture(scope="module")
def bucket():
    with s3_server("restored-media") as server:
        yield server


@pytest.fixture(scope="module")
def on_postgres(root, demo, postgres, bucket):
    """The SQLite backup restored into a freshly migrated PostgreSQL database, media in a bucket;
    backed up again; then new rows written."""
    server, create = postgres
    name = create("fresh")
    site = Install(root=root / "postgres", database_url=database_url(server, name), extra=bucket.env())
    site.manage("migrate", "--noinput", "-v0")
    # A copy of the freshly migrated database for the PostgreSQL → PostgreSQL restore below.
    template = create("migrated_template", template=name)
    site.manage("restore", str(demo["archive"]), "--yes")
    restored = site.snapshot()
    archive = root / "postgres.tar.gz"
    site.manage("backup", str(archive))
    written = site.probe("write")
    return {"site": site, "restored": restored, "written": written, "archive": archive, "template": template}


@pytest.fixture(scope="module")
def sqlite_restored(root, demo, migrated_sqlite):
    """The SQLite backup restored into a freshly migrated SQLite database: a site to fail over."""
    site = sqlite_install(root / "sqlite-fresh", template=migrated_sqlite)
    site.manage("restore", str(demo["archive"]), "--yes")
    return site


def unchanged(site: Install) -> tuple:
    """What a failed restore must leave as it was, read without starting steppe."""
    return portable_view(site.database_url), file_hashes(site.var_dir / "media")


def test_sqlite_backup_restores_into_a_freshly_migrated_postgres_database_with_media_on_s3(
    demo, on_postgres, bucket
):
    # migrate made its own content types, permissions, groups, site, root page and workflow:
    # none of them clash, and every reference to them is the backup's.
    assert not differences(demo["snapshot"], on_postgres["restored"])
    assert on_postgres["restored"]["login"] is True and on_postgres["restored"]["search"] is True
    keys = {item["Key"] for item in bucket.client().list_objects_v2(Bucket=bucket.bucket)["Contents"]}
    assert {f"media/{name}" for name in demo["snapshot"]["media"]} <= keys
    assert not (on_postgres["site"].var_dir / "media").exists()  # written to the bucket, not to disk


def test_new_rows_after_a_restore_on_postgres_get_free_ids(demo, on_postgres):
    written = on_postgres["written"]
    assert written["live"] is True and written["status"] == 200  # published and served
    article, revision, image, user, group = written["ids"]
    assert article > max(page[0] for page in demo["snapshot"]["pages"])
    assert revision > max(row[0] for row in demo["snapshot"]["revisions"])
    assert image > max(row[0] for row in demo["view"]["images"])


def test_postgres_backup_restores_into_a_never_migrated_sqlite_database(root, demo, on_postgres):
    site = sqlite_install(root / "sqlite-new")
    assert not (site.var_dir / "db.sqlite3").exists()
    output = site.manage("restore", str(on_postgres["archive"]), "--yes")
    assert "migrating the database" in output
    assert not differences(demo["snapshot"], site.snapshot())  # media from the bucket, now on disk
    assert file_hashes(site.var_dir / "media") == demo["snapshot"]["media"]


def test_postgres_backup_restores_into_a_freshly_migrated_postgres_database(
    root, demo, postgres, on_postgres
):
    server, create = postgres
    site = Install(
        root=root / "postgres-2",
        database_url=database_url(server, create("restored", on_postgres["template"])),
    )
    output = site.manage("restore", str(on_postgres["archive"]), "--yes")
    assert "migrating the database" not in output
    assert portable_view(site.database_url) == demo["view"]
    assert file_hashes(site.var_dir / "media") == demo["snapshot"]["media"]


def test_sqlite_backup_restores_into_a_freshly_migrated_sqlite_database(demo, sqlite_restored):
    assert portable_view(sqlite_restored.database_url) == demo["view"]
    assert file_hashes(sqlite_restored.var_dir / "media") == demo["snapshot"]["media"]


def test_restore_without_a_terminal_refuses_in_one_line(demo, sqlite_restored):
    before = unchanged(sqlite_restored)
    result = sqlite_restored.run("manage.py", "restore", str(demo["archive"]), stdin=subprocess.DEVNULL)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "EOFError" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no terminal" in lines[0] and "--yes" in lines[0]
    assert unchanged(sqlite_restored) == before


def test_a_backup_from_a_newer_steppe_is_refused_naming_both_versions(root, demo, sqlite_restored):
    def from_the_future(manifest, rows):
        manifest["steppe_version"] = "9.9.0 (future)"
        manifest["migrations"]["news"].append("0999_from_a_newer_steppe")

    archive = rewrite_archive(demo["archive"], root / "newer.tar.gz", from_the_future)
    before = unchanged(sqlite_restored)
    result = sqlite_restored.run("manage.py", "restore", str(archive), "--yes")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "9.9.0 (future)" in lines[0] and "news.0999_from_a_newer_steppe" in lines[0]
    assert f"this steppe ({steppe_version()})" in lines[0]
    assert unchanged(sqlite_restored) == before


def test_a_restore_that_fails_leaves_the_database_and_media_untouched(root, demo, sqlite_restored):
    """The archive passes every check, but one row names a page that does not exist: found when
    the rows are loaded, after the new media files were written; both are undone."""

    def broken(manifest, rows):
        rows.append(
            {
                "model": "news.articleauthor",
                "pk": 999999,
                "fields": {"page": 999999, "author": 1, "sort_order": 0},
            }
        )
        manifest["counts"]["news.articleauthor"] += 1

    archive = rewrite_archive(
        demo["archive"],
        root / "broken.tar.gz",
        broken,
        extra_media={"original_images/only-in-the-backup.jpg": b"x"},
    )
    before = unchanged(sqlite_restored)
    result = sqlite_restored.run("manage.py", "restore", str(archive), "--yes")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nothing was replaced" in lines[0], result.stderr
    assert unchanged(sqlite_restored) == before


def test_a_format_1_backup_restores_onto_a_new_install(root, demo, migrated_sqlite):
    """Archives made before format 2: Django's dumpdata, content types and permissions by id."""
    dump = root / "format1.json"
    demo["site"].manage(
        "dumpdata", "--exclude", "sessions", "--exclude", "axes", "--exclude", "wagtailsearch.indexentry", "-o", str(dump)
    )  # fmt: skip
    with tarfile.open(demo["archive"]) as archive:
        media = {
            m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.name.startswith("media/")
        }
    manifest = {
        "format": 1,
        "created_at": "2026-11-27T04:00:00+00:00",
        "database_engine": "sqlite",
        "database_sha256": hashlib.sha256(dump.read_bytes()).hexdigest(),
        "counts": {},
        "media": {
            name.removeprefix("media/"): {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in media.items()
        },
    }
    archive = root / "format1.tar.gz"
    write_tar(
        archive, {"manifest.json": json.dumps(manifest).encode(), "database.json": dump.read_bytes(), **media}
    )
    site = sqlite_install(root / "from-format-1", template=migrated_sqlite)
    site.manage("restore", str(archive), "--yes")
    assert portable_view(site.database_url) == demo["view"]
    assert file_hashes(site.var_dir / "media") == demo["snapshot"]["media"]


def droppable_migration() -> tuple[str, list[str]]:
    """One of steppe's newest migrations that only creates models: taking it and their rows out of
    a backup gives a backup as the steppe before that migration made it."""
    from django.apps import apps
    from django.conf import settings

    loader = MigrationLoader(None, ignore_no_migrations=True)
    # steppe's own apps: under the project, not in the virtualenv (which `make` puts there too).
    local = {
        config.label
        for config in apps.get_app_configs()
        if config.path.startswith(str(settings.BASE_DIR)) and "site-packages" not in config.path
    }
    for app, name in sorted(loader.graph.leaf_nodes(), key=lambda key: (key[0] != "news", key)):
        migration = loader.graph.nodes[(app, name)]
        if (
            app in local
            and migration.operations
            and all(isinstance(op, CreateModel) for op in migration.operations)
        ):
            return f"{app}.{name}", [f"{app}.{op.name_lower}" for op in migration.operations]
    pytest.fail("no migration of steppe's apps only creates models: pick another way to make an older backup")


def test_a_backup_from_an_older_steppe_is_migrated_forward(root, demo, migrated_sqlite):
    migration, models = droppable_migration()
    app, name = migration.split(".", 1)

    def before_that_migration(manifest, rows):
        manifest["steppe_version"] = "0.0.9 (older)"
        manifest["migrations"][app].remove(name)
        rows[:] = [row for row in rows if row["model"] not in models]
        for label in models:
            manifest["counts"].pop(label)

    archive = rewrite_archive(demo["archive"], root / "older.tar.gz", before_that_migration)
    site = sqlite_install(root / "from-older", template=migrated_sqlite)
    output = site.manage("restore", str(archive), "--yes")
    assert "older steppe (0.0.9 (older))" in output
    assert portable_view(site.database_url) == demo["view"]
    for label in models:  # the migration's tables are there, empty, as migrate leaves them
        table = label.replace(".", "_")
        assert sql(site.database_url, f"SELECT count(*) FROM {table}") == [(0,)]
