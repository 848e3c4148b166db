"""The export directory: only changed files are written, removed ones deleted, never half a copy.

`.steppe-mirror.json` in the directory lists every file the last export wrote with the SHA-256 of
its bytes. A new export stages each new or changed file in `.steppe-mirror-staging/` (on the same
file system) and, once every page has rendered, moves them into place with os.replace(), deepest
pages first, so an article is in place before the listing that links to it; then it deletes what
the export no longer has and writes the new manifest. A run stopped while rendering leaves the
previous copy untouched; one stopped while moving leaves whole files only (each replace is atomic),
and the manifest written before the moves lists old and new files, so the next run still deletes
whatever is gone. A lock file keeps two exports from writing the same directory at once.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".steppe-mirror.json"
STAGING = ".steppe-mirror-staging"
LOCK = ".steppe-mirror.lock"
# What the export keeps for itself in the directory (never served, never deleted as stale).
OWN_FILES = (MANIFEST, STAGING, LOCK)


class StoreError(Exception):
    """The directory cannot be used for an export (not a directory, not writable...)."""


class StoreBusy(StoreError):
    """Another export holds the directory's lock."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


@dataclass
class Counts:
    written: int = 0
    unchanged: int = 0
    deleted: int = 0


@dataclass
class MirrorStore:
    root: Path
    previous: dict[str, str] = field(default_factory=dict)  # file -> digest, from the manifest
    files: dict[str, str] = field(default_factory=dict)  # what this export has
    staged: list[str] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    warnings: list[str] = field(default_factory=list)
    _lock: object = None

    def open(self) -> MirrorStore:
        """Take the directory's lock, read the manifest and clear what a stopped run staged."""
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"{self.root} exists and is not a directory")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            lock = open(self.root / LOCK, "a")  # noqa: SIM115 - held until close()
        except OSError as error:
            raise StoreError(f"cannot write to {self.root}: {error.strerror or error}") from error
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise StoreBusy(f"another export is writing {self.root} (lock {self.root / LOCK})") from None
        self._lock = lock
        try:
            manifest = json.loads((self.root / MANIFEST).read_text())
            self.previous = dict(manifest.get("files", {}))
        except FileNotFoundError:
            self.previous = {}
        except (ValueError, AttributeError) as error:
            # An unreadable manifest only costs a full write: every file is compared with the disk.
            self.previous = {}
            self.warnings.append(f"ignored the unreadable {self.root / MANIFEST}: {error}")
        shutil.rmtree(self.root / STAGING, ignore_errors=True)
        return self

    def close(self) -> None:
        shutil.rmtree(self.root / STAGING, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> MirrorStore:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def put(self, name: str, data: bytes) -> bool:
        """Record a file of the export; stage it if it differs from the copy on disk. True if staged."""
        if name in self.files:
            return False
        new = digest(data)
        self.files[name] = new
        target = self.root / name
        if self.previous.get(name) == new and _size(target) == len(data):
            self.counts.unchanged += 1
            return False
        if _size(target) == len(data) and file_digest(target) == new:
            self.counts.unchanged += 1  # on disk already (a run stopped after moving it)
            return False
        staged = self.root / STAGING / name
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(data)
        self.staged.append(name)
        return True

    def keep(self, name: str) -> None:
        """A file this export could not make (the page failed): the previous copy stays."""
        if name in self.previous and name not in self.files:
            self.files[name] = self.previous[name]
            self.counts.unchanged += 1

    def has(self, name: str) -> bool:
        return name in self.files

    def commit(self, order: Callable[[str], object] | None = None) -> Counts:
        """Move the staged files into place (sorted by `order`), delete what is gone, write the manifest."""
        self._write_manifest({**self.previous, **self.files})
        for name in sorted(self.staged, key=order) if order is not None else self.staged:
            target = self.root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_dir():  # a file where an older export had a folder
                shutil.rmtree(target)
            os.replace(self.root / STAGING / name, target)
            self.counts.written += 1
        for name in sorted(set(self.previous) - set(self.files)):
            path = self.root / name
            if not _inside(path, self.root):  # a manifest edited by hand must not delete elsewhere
                continue
            try:
                path.unlink()
                self.counts.deleted += 1
            except FileNotFoundError:
                continue
            _remove_empty_parents(path.parent, self.root)
        self._write_manifest(self.files)
        return self.counts

    def _write_manifest(self, files: dict[str, str]) -> None:
        draft = self.root / f"{MANIFEST}.{os.getpid()}"
        draft.write_text(json.dumps({"version": 1, "files": dict(sorted(files.items()))}, indent=0))
        os.replace(draft, self.root / MANIFEST)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _inside(path: Path, root: Path) -> bool:
    resolved = path.resolve()
    return resolved != root.resolve() and root.resolve() in resolved.parents


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
