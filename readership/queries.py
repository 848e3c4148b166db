"""The "Most read" list: views of the last 24 hours, filled up from the last 7 days."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import get_language

from news.cache import FRAGMENT_TIMEOUT, bump_page_generation, content_version, page_generation

MOST_READ_COUNT = 5
# Without a worker, a render recomputes the list at most this often (and on every publish).
MOST_READ_SECONDS = 300
# A changed list retires its language's cached pages at most this often (see renew).
BUMP_SECONDS = 120
# Kept longer than any page cached with it, so a page never shows a list the next render lacks.
LIST_TIMEOUT = FRAGMENT_TIMEOUT
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


def clock() -> float:
    return time.time()


def _key(locale_id: int, limit: int) -> str:
    # Under the content version: a publish, unpublish or edit recomputes it at once.
    return f"fragment:most-read:{content_version()}:{locale_id}:{limit}"


def most_read(locale_id: int, limit: int = MOST_READ_COUNT, language: str | None = None) -> list[dict]:
    """The list every page of a language shows: one cache read.

    Renewed by the flush_views task every minute (refresh_most_read); without a worker, by the
    first render after MOST_READ_SECONDS when STEPPE_VIEWS_FLUSH_ON_READ is on.
    """
    entry = cache.get(_key(locale_id, limit))
    if entry is None:
        if settings.STEPPE_VIEWS_FLUSH_ON_READ:
            # Fold the buffered counts in first (never on the beacon request itself).
            from readership.counter import flush

            flush()
        entry = {"items": most_read_ids(locale_id, limit), "at": clock()}
        cache.set(_key(locale_id, limit), entry, LIST_TIMEOUT)
    elif settings.STEPPE_VIEWS_FLUSH_ON_READ and clock() - entry["at"] >= MOST_READ_SECONDS:
        from readership.counter import flush

        flush()
        entry = renew(locale_id, language or get_language(), limit) or entry
    return entry["items"]


def renew(locale_id: int, language: str, limit: int = MOST_READ_COUNT) -> dict | None:
    """Recompute a language's list; when the ranking shown changed, retire its cached pages.

    Cached pages (10 minutes) would go on showing the old list, so a changed list bumps the page
    generation of its language (news.cache): that language's pages only, never the fragments.
    At most once per BUMP_SECONDS and language: until then the list shown stays (every page of a
    generation shows the same list) and the next flush tries again. Views reach every page within
    flush interval + BUMP_SECONDS + flush interval (60 + 120 + 60 s with the shipped scheduler).
    """
    key = _key(locale_id, limit)
    old = cache.get(key)
    items = most_read_ids(locale_id, limit)
    now = clock()
    if old is not None and [i["id"] for i in old["items"]] != [i["id"] for i in items]:
        bumped_key = f"most-read-bumped:{language}"
        last = cache.get(bumped_key)
        if last is not None and now - last < BUMP_SECONDS:
            # Held back: the pages of this generation keep showing the same list; the next flush
            # (or, without a worker, a render MOST_READ_SECONDS later) tries again.
            cache.set(key, {"items": old["items"], "at": now}, LIST_TIMEOUT)
            return None
        cache.set(bumped_key, now, BUMP_SECONDS * 10)
        entry = {"items": items, "at": now}
        cache.set(key, entry, LIST_TIMEOUT)
        bump_page_generation(language)
        return entry
    entry = {"items": items if old is None else old["items"], "at": now}
    cache.set(key, entry, LIST_TIMEOUT)
    return entry


def renew_all(limit: int = MOST_READ_COUNT) -> int:
    """renew() every language of the site (the flush_views task, after each flush); how many bumped."""
    from wagtail.models import Locale

    codes = {code for code, _name in settings.LANGUAGES}
    bumped = 0
    for locale_id, language in Locale.objects.values_list("pk", "language_code"):
        if language in codes:
            before = page_generation(language)
            renew(locale_id, language, limit)
            bumped += page_generation(language) != before
    return bumped
