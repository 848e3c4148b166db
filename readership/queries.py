"""The "Most read" list: views of the last 24 hours, filled up from the last 7 days."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils import timezone

from news.cache import content_version

MOST_READ_COUNT = 5
MOST_READ_SECONDS = 300  # the list is recomputed at most this often (and on every publish)
WINDOWS = (timedelta(hours=24), timedelta(days=7))


def most_read_ids(locale_id: int, limit: int = MOST_READ_COUNT) -> list[dict]:
    from news.models import ArticlePage

    now = timezone.now()
    chosen: list[dict] = []
    for window in WINDOWS:
        since = now - window
        rows = (
            ArticlePage.objects.published()
            .filter(locale_id=locale_id, hourly_views__hour__gte=since)
            .exclude(pk__in=[item["id"] for item in chosen])
            .annotate(recent=Sum("hourly_views__views", filter=Q(hourly_views__hour__gte=since)))
            .filter(recent__gt=0)
            .order_by("-recent", "-date_published", "-pk")
            .only("title", "url_path", "path", "depth", "date_published")[: limit - len(chosen)]
        )
        chosen += [{"id": a.pk, "title": a.title, "url": a.url, "views": a.recent} for a in rows]
        if len(chosen) >= limit:
            break
    return chosen


def most_read(locale_id: int, limit: int = MOST_READ_COUNT) -> list[dict]:
    """Cached for every page of a language; expires after a few minutes or on any publish."""
    key = f"fragment:most-read:{content_version()}:{locale_id}:{limit}"
    value = cache.get(key)
    if value is None:
        if settings.STEPPE_VIEWS_FLUSH_ON_READ:
            # Small installs without a timer: fold the buffered counts in before recomputing (at
            # most once per MOST_READ_SECONDS and language; never on the beacon request itself).
            from readership.counter import flush

            flush()
        value = most_read_ids(locale_id, limit)
        cache.set(key, value, MOST_READ_SECONDS)
    return value
