"""Media files in a backup, read and written through Django's default storage: a folder on disk
(FileSystemStorage) or an S3-compatible bucket (django-storages), whichever the install uses.

What a restore does to the storage is planned first (`plan_media`, a pure function): files the
backup has and the storage lacks are added before the database is replaced (the old site does not
use those names, so it is not disturbed); files stored under a backup's name with other content
are replaced, and files the backup does not have are deleted, only after the database has been
replaced. A restore that fails before that point removes what it added.
"""

from __future__ import annotations

import hashlib
import posixpath
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from django.core.files import File
from django.core.files.storage import Storage

CHUNK = 1 << 20


def walk(storage: Storage, top: str = "") -> Iterator[str]:
    """Every file name in the storage, sorted, depth first."""
    try:
        directories, files = storage.listdir(top)
    except FileNotFoundError:  # a media folder not made yet: no files
        return
    for name in sorted(files):
        yield posixpath.join(top, name) if top else name
    for directory in sorted(directories):
        yield from walk(storage, posixpath.join(top, directory) if top else directory)


def is_safe_name(name: str) -> bool:
    """A relative path inside the storage: no absolute paths, no `..`, no empty parts."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def sha256_stream(handle: IO[bytes], copy_to: IO[bytes] | None = None) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for block in iter(lambda: handle.read(CHUNK), b""):
        digest.update(block)
        size += len(block)
        if copy_to is not None:
            copy_to.write(block)
    return digest.hexdigest(), size


def read_file(storage: Storage, name: str) -> tuple[IO[bytes], str, int]:
    """A stored file copied to a local spool (an S3 body cannot be re-read), its hash and size."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 * CHUNK)  # noqa: SIM115  the caller closes it
    with storage.open(name, "rb") as handle:
        digest, size = sha256_stream(handle, copy_to=spool)
    spool.seek(0)
    return spool, digest, size


def stored_digest(storage: Storage, name: str, expected_size: int) -> str | None:
    """The stored file's hash; None when its size alone already says it differs."""
    try:
        if storage.size(name) != expected_size:
            return None
        with storage.open(name, "rb") as handle:
            return sha256_stream(handle)[0]
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class MediaPlan:
    add: list[str] = field(default_factory=list)  # in the backup, not in the storage
    replace: list[str] = field(default_factory=list)  # in both, other content
    delete: list[str] = field(default_factory=list)  # in the storage only
    keep: list[str] = field(default_factory=list)  # in both, same content


def plan_media(wanted: Mapping[str, str], present: Mapping[str, str | None]) -> MediaPlan:
    """`wanted`: the backup's files and their SHA-256; `present`: the storage's files and theirs
    (None: not computed or differing)."""
    plan = MediaPlan()
    for name in sorted(wanted):
        if name not in present:
            plan.add.append(name)
        elif present[name] == wanted[name]:
            plan.keep.append(name)
        else:
            plan.replace.append(name)
    plan.delete.extend(sorted(set(present) - set(wanted)))
    return plan


def write_file(storage: Storage, name: str, content: IO[bytes], replace: bool = True) -> None:
    """Store `content` under exactly `name` (Storage.save would pick another name if it is taken);
    `replace=False` for a name known to be free (one request fewer a file on S3)."""
    if replace and storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, File(content, name=posixpath.basename(name)))
    if saved != name:
        storage.delete(saved)
        raise OSError(f"the storage kept {name} under another name ({saved})")
