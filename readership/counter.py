"""View counting without a database write on the request path.

A view is one increment in the cache: with Redis, ``HINCRBY`` on one hash whose fields are
``"<page id>:<hour>"`` (atomic, one round trip). :func:`flush` renames the hash away atomically and
adds its counts to :class:`~readership.models.HourlyViews` in two queries, so no count is lost or
counted twice however many web processes increment meanwhile. A renamed hash left behind by a
failed flush is picked up by the next one.

Without Redis (one machine: the demo, a small install) each view is one line appended to a spool
file in ``STEPPE_VAR_DIR/views/`` (``O_APPEND`` writes of a short line do not interleave between
processes); :func:`flush` renames the file away atomically and reads it, so no lock or shared list
can lose counts under concurrency.
"""

from __future__ import annotations

import fcntl
import os
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import timezone

PENDING = "views:pending"
FLUSH_LOCK = "views:flush-lock"
SPOOL = "pending.log"
# A flush that finds spool files renamed less than this long ago waits: a writer that opened the
# file just before the rename may still be appending its line.
SPOOL_SETTLE_SECONDS = 0.05


def _redis():
    """The raw redis client behind Django's RedisCache, or None for other cache backends."""
    from django.core.cache.backends.redis import RedisCache

    backend = caches["default"]  # the backend itself: `cache` is a proxy, never a RedisCache
    if isinstance(backend, RedisCache):
        return backend._cache.get_client(write=True)
    return None


def _spool_dir() -> Path:
    path = Path(settings.VAR_DIR) / "views"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _key(name: str) -> str:
    return cache.make_and_validate_key(name)


def record_view(page_id: int, now: float | None = None) -> None:
    hour = int((now if now is not None else time.time()) // 3600)
    field = f"{page_id}:{hour}"
    client = _redis()
    if client is not None:
        client.hincrby(_key(PENDING), field, 1)
        return
    fd = os.open(_spool_dir() / SPOOL, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, f"{field}\n".encode())
    finally:
        os.close(fd)


def _take_pending() -> tuple[Counter[tuple[int, int]], object]:
    counts: Counter[tuple[int, int]] = Counter()

    def add(field: bytes | str, n: bytes | str | int) -> None:
        field = field.decode() if isinstance(field, bytes) else field
        page, _, hour = field.partition(":")
        if page.isdigit() and hour.isdigit():
            counts[(int(page), int(hour))] += int(n)

    client = _redis()
    if client is not None:
        pending = _key(PENDING)
        taken = f"{pending}:flushing:{uuid.uuid4().hex}"
        try:
            client.rename(pending, taken)
        except Exception:  # noqa: BLE001 - redis raises ResponseError when nothing is pending
            pass
        keys = [
            k.decode() if isinstance(k, bytes) else k for k in client.scan_iter(match=f"{pending}:flushing:*")
        ]
        keys = _drop_flushed(keys, lambda done: client.delete(*done))
        for key in keys:
            for field, n in client.hgetall(key).items():
                add(field, n)
        return counts, (client, keys)
    spool = _spool_dir()
    try:
        os.replace(spool / SPOOL, spool / f"flushing-{uuid.uuid4().hex}.log")
    except FileNotFoundError:
        pass
    names = [path.name for path in sorted(spool.glob("flushing-*.log"))]  # with any a failed flush left
    names = _drop_flushed(names, lambda done: [(spool / name).unlink(missing_ok=True) for name in done])
    if names:
        time.sleep(SPOOL_SETTLE_SECONDS)
    for name in names:
        for line in (spool / name).read_text(errors="replace").splitlines():
            add(line, 1)
    return counts, ("files", names)


def _drop_flushed(names: list[str], delete) -> list[str]:
    """Delete the batches an interrupted flush already committed; return the others."""
    from readership.models import FlushedBatch

    if not names:
        return names
    done = set(FlushedBatch.objects.filter(name__in=names).values_list("name", flat=True))
    if done:
        delete(sorted(done))
    return [name for name in names if name not in done]


def flush() -> int:
    """Add the buffered views to the database; returns how many views were written."""
    if _redis() is None:
        # The spool is on this machine: an flock is exclusive across processes (the file cache's
        # `add` is not atomic) and is released by the kernel if the flushing process dies.
        with open(_spool_dir() / "flush.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return 0  # another flush is running; its successor will take what arrives meanwhile
            return _flush()
    # A flush takes seconds; a worker killed mid-flush must not hold the lock for long.
    if not cache.add(FLUSH_LOCK, 1, timeout=60):
        return 0
    try:
        return _flush()
    finally:
        cache.delete(FLUSH_LOCK)


def _flush() -> int:
    from news.models import ArticlePage
    from readership.models import FlushedBatch, HourlyViews

    counts, pending = _take_pending()
    written = 0
    if counts:
        pages = set(ArticlePage.objects.filter(pk__in={p for p, _ in counts}).values_list("pk", flat=True))
        counts = Counter({key: n for key, n in counts.items() if key[0] in pages})
        hours = {h: datetime.fromtimestamp(h * 3600, tz=UTC) for _, h in counts}
        with transaction.atomic():
            existing = {
                (row.page_id, row.hour): row
                for row in HourlyViews.objects.select_for_update().filter(
                    page_id__in={p for p, _ in counts}, hour__in=list(hours.values())
                )
            }
            rows = []
            for (page_id, hour), n in counts.items():
                row = existing.get((page_id, hours[hour]))
                if row is None:
                    rows.append(HourlyViews(page_id=page_id, hour=hours[hour], views=n))
                else:
                    row.views += n
                written += n
            HourlyViews.objects.bulk_create(rows, batch_size=1000)
            HourlyViews.objects.bulk_update(list(existing.values()), ["views"], batch_size=1000)
            FlushedBatch.objects.bulk_create([FlushedBatch(name=name) for name in pending[1]])
    # Only after the database has the counts: a failed flush leaves them for the next one, and a
    # flush killed right here leaves them to be dropped (FlushedBatch), not counted again.
    _delete_batches(*pending)
    FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - timedelta(days=1)).delete()
    return written


def _delete_batches(source, names: list[str]) -> None:
    if source == "files":
        for name in names:
            (_spool_dir() / name).unlink(missing_ok=True)
    elif names:
        source.delete(*names)
