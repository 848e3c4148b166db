"""Cached fragments of pages (navigation, footer, latest list) that expire when content changes.

Every publish, unpublish, move or delete bumps one "content version" number; fragment keys
include it, so a change makes every dependent fragment unreachable at once (no key lists to keep).
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
VERSION_KEY = "content-version"
FRAGMENT_TIMEOUT = 3600


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return int(version)


def bump_content_version() -> int:
    try:
        return cache.incr(VERSION_KEY)
    except ValueError:
        # Not set yet (or evicted): any new number differs from the keys written so far.
        import time

        version = int(time.time() * 1000)
        cache.set(VERSION_KEY, version, timeout=None)
        return version


def cached_fragment(name: str, builder: Callable[[], T], *parts: object) -> T:
    """Build a picklable value once per content version; `parts` separate e.g. languages."""
    key = ":".join(["fragment", name, str(content_version()), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = builder()
        cache.set(key, value, FRAGMENT_TIMEOUT)
    return value


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
