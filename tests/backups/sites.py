"""Whole steppe installs for the backup tests: a var directory, a database (an SQLite file or a
database of its own on a PostgreSQL server) and optionally a bucket, used through `manage.py`
and tests.backups.probe in processes of their own, as an operator would."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.deploy.helpers import BASE_DIR, PYTHON, postgres_url, process_env, sql

# In the SQLite pass the suite's own DATABASE_URL is not PostgreSQL; the cross-engine tests still
# reach the machine's server (CI always has it) unless told otherwise.
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def postgres_server_url() -> str:
    return postgres_url() or os.environ.get("STEPPE_TEST_POSTGRES_URL", DEFAULT_POSTGRES)


def postgres_reachable(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(admin_url(url), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def database_url(server_url: str, name: str) -> str:
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


@contextlib.contextmanager
def postgres_databases(server_url: str) -> Iterator[callable]:
    """`create(hint, template=None)` makes a new database (a copy of `template`, a database name,
    when given); every one made is dropped at the end."""
    import psycopg

    made: list[str] = []

    def create(hint: str, template: str | None = None) -> str:
        name = f"steppe_{hint}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(admin_url(server_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        made.append(name)
        return name

    try:
        yield create
    finally:
        with psycopg.connect(admin_url(server_url), autocommit=True) as conn:
            for name in made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Install:
    """One steppe install: its environment names its database, var directory and storage."""

    root: Path
    database_url: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def var_dir(self) -> Path:
        return self.root / "var"

    @property
    def env(self) -> dict[str, str]:
        env = process_env(self.root, self.database_url, STEPPE_PAGE_CACHE="0", **self.extra)
        env.pop("REDIS_URL", None)  # the file cache of its own var directory
        return env

    def run(self, *args: str, stdin=None, timeout: float = 240) -> subprocess.CompletedProcess:
        return subprocess.run(
            [PYTHON, *args],
            cwd=BASE_DIR,
            env=self.env,
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def manage(self, *args: str, stdin=None) -> str:
        result = self.run("manage.py", *args, stdin=stdin)
        assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def probe(self, command: str) -> dict | None:
        result = self.run("-m", "tests.backups.probe", command)
        assert result.returncode == 0, f"probe {command} failed:\n{result.stdout}\n{result.stderr}"
        return json.loads(result.stdout) if result.stdout.strip() else None

    def snapshot(self) -> dict:
        return self.probe("snapshot")


def sqlite_install(root: Path, template: Path | None = None, **extra: str) -> Install:
    """An install on an SQLite file in its var directory: a copy of `template` (a migrated
    database) when given, otherwise a database that does not exist yet (never migrated)."""
    site = Install(root=root, database_url=f"sqlite:///{root / 'var' / 'db.sqlite3'}", extra=extra)
    site.var_dir.mkdir(parents=True, exist_ok=True)
    if template is not None:
        shutil.copyfile(template, site.var_dir / "db.sqlite3")
    return site


def differences(before: dict, after: dict) -> list[str]:
    """What differs between two snapshots, the first differing entry of each part: a readable
    assertion message instead of two screens of JSON."""
    found = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            names = sorted(set(a) ^ set(b))[:3] or [k for k in sorted(a) if a[k] != b[k]][:3]
            found.append(f"{key}: {[(n, a.get(n), b.get(n)) for n in names]}")
        elif isinstance(a, list) and isinstance(b, list):
            pair = next(((x, y) for x, y in zip(a, b, strict=False) if x != y), None)
            found.append(f"{key}: {len(a)} vs {len(b)} entries, first difference {pair}")
        else:
            found.append(f"{key}: {a!r} vs {b!r}")
    return found


# The same questions in SQL both engines answer, read straight from a database (no Django start-up):
# every reference to a content type or permission followed to its natural key.
PORTABLE_VIEW = {
    "pages": "SELECT p.id, p.url_path, p.title, CASE WHEN p.live THEN 1 ELSE 0 END, ct.app_label, ct.model "
    "FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id ORDER BY p.id",
    "revisions": "SELECT r.id, r.object_id, ct.app_label, ct.model, b.model FROM wagtailcore_revision r "
    "JOIN django_content_type ct ON ct.id = r.content_type_id "
    "JOIN django_content_type b ON b.id = r.base_content_type_id ORDER BY r.id",
    "group_permissions": "SELECT g.name, pe.codename, ct.app_label, ct.model FROM auth_group_permissions gp "
    "JOIN auth_group g ON g.id = gp.group_id JOIN auth_permission pe ON pe.id = gp.permission_id "
    "JOIN django_content_type ct ON ct.id = pe.content_type_id ORDER BY 1, 2, 3, 4",
    "page_permissions": "SELECT g.name, p.url_path, pe.codename FROM wagtailcore_grouppagepermission gp "
    "JOIN auth_group g ON g.id = gp.group_id JOIN wagtailcore_page p ON p.id = gp.page_id "
    "JOIN auth_permission pe ON pe.id = gp.permission_id ORDER BY 1, 2, 3",
    "collection_permissions": "SELECT g.name, c.name, pe.codename FROM wagtailcore_groupcollectionpermission gp "
    "JOIN auth_group g ON g.id = gp.group_id JOIN wagtailcore_collection c ON c.id = gp.collection_id "
    "JOIN auth_permission pe ON pe.id = gp.permission_id ORDER BY 1, 2, 3",
    "tagged_items": "SELECT t.name, ct.app_label, ct.model, ti.object_id FROM taggit_taggeditem ti "
    "JOIN taggit_tag t ON t.id = ti.tag_id JOIN django_content_type ct ON ct.id = ti.content_type_id "
    "ORDER BY 1, 2, 3, 4",
    "model_log": "SELECT l.action, ct.app_label, ct.model, l.object_id FROM wagtailcore_modellogentry l "
    "JOIN django_content_type ct ON ct.id = l.content_type_id ORDER BY l.id",
    "page_log": "SELECT l.page_id, l.action, ct.model FROM wagtailcore_pagelogentry l "
    "JOIN django_content_type ct ON ct.id = l.content_type_id ORDER BY l.id",
    "article_tags": "SELECT a.content_object_id, t.name FROM news_articletag a JOIN taggit_tag t ON t.id = a.tag_id "
    "ORDER BY 1, 2",
    "images": "SELECT id, title, file FROM news_newsimage ORDER BY id",
    "users": "SELECT username, password FROM auth_user ORDER BY username",
}


def portable_view(database_url: str) -> dict[str, list[tuple]]:
    return {name: [tuple(row) for row in sql(database_url, query)] for name, query in PORTABLE_VIEW.items()}


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def rewrite_archive(source: Path, target: Path, edit, extra_media: dict[str, bytes] | None = None) -> Path:
    """A copy of a format-2 backup with its manifest and rows changed by `edit(manifest, rows)`
    (in place), more media files added, and checksums and sizes made to match again: an archive
    that passes every check, for the tests of what a restore does with its content."""
    with tarfile.open(source) as archive:
        files = {m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}
    manifest = json.loads(files.pop("manifest.json"))
    rows = [json.loads(line) for line in files.pop("database.jsonl").decode().splitlines() if line.strip()]
    edit(manifest, rows)
    dump = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    manifest["database"] = {
        "name": "database.jsonl",
        "sha256": hashlib.sha256(dump).hexdigest(),
        "size": len(dump),
    }
    for name, data in (extra_media or {}).items():
        files[f"media/{name}"] = data
        manifest["media"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    files["database.jsonl"] = dump
    files["manifest.json"] = json.dumps(manifest).encode()
    write_tar(target, files)
    return target


def write_tar(target: Path, files: dict[str, bytes]) -> None:
    with tarfile.open(target, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
