"""View counting without a database write on the request path.

A view is one increment in the cache: with Redis, ``HINCRBY`` on one hash whose fields are
``"<page id>:<hour>"`` (atomic, one round trip). :func:`flush` renames the hash away atomically and
adds its counts to :class:`~readership.models.HourlyViews` in two queries, so no count is lost or
counted twice however many web processes increment meanwhile. A renamed hash left behind by a
failed flush is picked up by the next one.

Without Redis (the demo's file cache) the same API is emulated with ``cache.add``/``cache.incr`` and a
list of pending fields: fine for one machine, not exact under heavy concurrency.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import transaction

PENDING = "views:pending"
FALLBACK_FIELDS = "views:fields"
FLUSH_LOCK = "views:flush-lock"


def _redis():
    """The raw redis client behind Django's RedisCache, or None for other cache backends."""
    from django.core.cache.backends.redis import RedisCache

    if isinstance(cache, RedisCache):
        return cache._cache.get_client(write=True)
    return None


def _key(name: str) -> str:
    return cache.make_and_validate_key(name)


def record_view(page_id: int, now: float | None = None) -> None:
    hour = int((now if now is not None else time.time()) // 3600)
    field = f"{page_id}:{hour}"
    client = _redis()
    if client is not None:
        client.hincrby(_key(PENDING), field, 1)
        return
    key = f"views:n:{field}"
    if cache.add(key, 1, timeout=None):
        fields = cache.get(FALLBACK_FIELDS) or []
        fields.append(field)
        cache.set(FALLBACK_FIELDS, fields, timeout=None)
    else:
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.add(key, 1, timeout=None)


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
        keys = list(client.scan_iter(match=f"{pending}:flushing:*"))
        for key in keys:
            for field, n in client.hgetall(key).items():
                add(field, n)
        return counts, (client, keys)
    fields = cache.get(FALLBACK_FIELDS) or []
    cache.set(FALLBACK_FIELDS, [], timeout=None)
    for field in fields:
        key = f"views:n:{field}"
        n = cache.get(key)
        cache.delete(key)
        if n:
            add(field, n)
    return counts, None


def flush() -> int:
    """Add the buffered views to the database; returns how many views were written."""
    if not cache.add(FLUSH_LOCK, 1, timeout=300):
        return 0  # another flush is running; its successor will take what arrives meanwhile
    try:
        return _flush()
    finally:
        cache.delete(FLUSH_LOCK)


def _flush() -> int:
    from news.models import ArticlePage
    from readership.models import HourlyViews

    counts, redis_keys = _take_pending()
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
    if redis_keys is not None:
        client, keys = redis_keys
        if keys:
            client.delete(*keys)
    return written
