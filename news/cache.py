"""Cached fragments of pages (navigation, footer, latest list) that expire when content changes.

Every publish, unpublish, move or delete bumps one "content version" number; fragment keys
include it, so a change makes every dependent fragment unreachable at once (no key lists to keep).
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
VERSION_KEY = "content-version"
FRAGMENT_TIMEOUT = 3600


# Each process trusts its copy of the version this long: other processes' publishes show up
# within that time, this process's own at once.
VERSION_MEMO_SECONDS = 0.5
_memo: dict[str, float] = {"version": 0, "read_at": -1.0}


def content_version() -> int:
    now = time.monotonic()
    if now - _memo["read_at"] < VERSION_MEMO_SECONDS:
        return int(_memo["version"])
    version = cache.get(VERSION_KEY)
    if version is None:
        # Unset or evicted: a new number, so no key written before can be reached again.
        version = time.time_ns() // 1000
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    _memo.update(version=version, read_at=now)
    return int(version)


def bump_content_version() -> int:
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:
        version = time.time_ns() // 1000
        cache.set(VERSION_KEY, version, timeout=None)
    _memo.update(version=version, read_at=time.monotonic())
    return version


def cached_fragment(name: str, builder: Callable[[], T], *parts: object) -> T:
    """Build a picklable value once per content version; `parts` separate e.g. languages."""
    key = ":".join(["fragment", name, str(content_version()), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = builder()
        cache.set(key, value, FRAGMENT_TIMEOUT)
    return value


# A second number in the page cache's keys, one per language: bumping it retires that language's
# cached pages only, not the fragments they are built from (readership.queries: the most-read list
# changed). Memoised per process like the content version.
GENERATION_KEY = "page-generation:"
_generations: dict[str, tuple[int, float]] = {}


def page_generation(language: str) -> int:
    now = time.monotonic()
    memo = _generations.get(language)
    if memo is not None and now - memo[1] < VERSION_MEMO_SECONDS:
        return memo[0]
    key = GENERATION_KEY + language
    generation = cache.get(key)
    if generation is None:
        # Unset or evicted: a new number, so no page cached before can be reached again.
        cache.add(key, time.time_ns() // 1000, timeout=None)
        generation = cache.get(key, time.time_ns() // 1000)
    _generations[language] = (int(generation), now)
    return int(generation)


def bump_page_generation(language: str) -> int:
    key = GENERATION_KEY + language
    try:
        generation = cache.incr(key)
    except ValueError:
        generation = time.time_ns() // 1000
        cache.set(key, generation, timeout=None)
    _generations[language] = (int(generation), time.monotonic())
    return int(generation)


RESTRICTED_KEY = "restricted-paths"


def restricted_paths() -> list[str]:
    """Tree paths of pages behind a view restriction (rare), so public checks need no query."""
    paths = cache.get(RESTRICTED_KEY)
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_KEY, paths, None)
    return paths


def forget_restricted_paths() -> None:
    cache.delete(RESTRICTED_KEY)


def forget_memos() -> None:
    """Make the next content_version()/page_generation() read the cache (after a cache.clear())."""
    _memo.update(version=0, read_at=-1.0)
    _generations.clear()
