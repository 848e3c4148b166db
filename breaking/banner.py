"""The current banner of a language, as pages read it: from the cache, no query on a warm site.

The value is written through by set and clear (breaking.actions) once their transaction commits;
a render that finds nothing reads the database and only adds its value (cache.add), so a render
that read the row before a change committed cannot overwrite what the change wrote. The key
carries the content version, so a linked page that moves or is unpublished is read again.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.utils import timezone

from news.cache import content_version

if TYPE_CHECKING:
    from breaking.models import BreakingNews

# A banner lives hours at most; the empty value (the usual state) a day, until a change writes it.
EMPTY_TIMEOUT = 86400


def cache_key(language: str) -> str:
    return f"breaking:{language}:{content_version()}"


def snapshot(banner: BreakingNews | None) -> dict | None:
    """What a page needs of the banner, picklable: text, link, expiry."""
    if banner is None:
        return None
    return {"pk": banner.pk, "text": banner.text, "link": banner.link(), "expires_at": banner.expires_at}


def read_from_database(language: str) -> dict | None:
    from breaking.models import BreakingNews

    banner = (
        BreakingNews.objects.current()
        .filter(locale__language_code=language)
        .select_related("link_page", "locale")
        .first()
    )
    return snapshot(banner)


def timeout_for(value: dict | None, now: datetime) -> int:
    if value is None:
        return EMPTY_TIMEOUT
    return max(1, min(EMPTY_TIMEOUT, int((value["expires_at"] - now).total_seconds()) + 1))


def store(language: str, value: dict | None) -> None:
    """Write the language's banner through to the cache (after a set or clear has committed)."""
    cache.set(cache_key(language), {"banner": value}, timeout_for(value, timezone.now()))


def current_banner(language: str, now: datetime | None = None) -> dict | None:
    """The banner readers of `language` see now, or None. Expiry is checked here, to the second:
    a cached value never outlives its banner."""
    now = now or timezone.now()
    key = cache_key(language)
    entry = cache.get(key)
    if entry is None:
        value = read_from_database(language)
        cache.add(key, {"banner": value}, timeout_for(value, now))
    else:
        value = entry["banner"]
    if value is None or value["expires_at"] <= now:
        return None
    return value
