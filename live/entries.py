"""What readers get of a live page: the entries as HTML, on the page and in its JSON for polling.

The page and `<page>entries.json` are built by the same functions, so the script that polls the
JSON inserts exactly the markup the page has on load. Both are cached like any page (the page
cache, nginx, a CDN): a publish bumps the content version, purges the page (and its feed) and
refreshes the JSON in nginx (live.refresh), so 1,000 readers polling cost one request to the app
per publish.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.translation import get_language

from news.models import base_language

if TYPE_CHECKING:
    from django.http import HttpRequest

    from live.models import LiveEntry, LivePage

# The addresses under the page's own URL (the JSON is a view in steppe/urls.py, the feed a route).
JSON_NAME = "entries.json"
FEED_ROUTE = "feed/"
# How often the script asks for the JSON. With the purge on publish, an entry reaches a reader
# who keeps the page open within this time (plus the publish itself).
POLL_SECONDS = 8


def anchor(entry: LiveEntry, position: int = 0) -> str:
    """The entry's fragment (#entry-<pk>); a preview's unsaved entry has no pk yet."""
    return f"entry-{entry.pk}" if entry.pk else f"entry-new-{position}"


def newest_first(entries: Iterable[LiveEntry]) -> list[LiveEntry]:
    """By the time the editor gave (posted_at); entries posted in the same second by the order
    they were added in, the later first."""
    listed = list(entries)
    return sorted(listed, key=lambda e: (e.posted_at, e.pk or 0, e.sort_order or 0), reverse=True)


def localised_author(entry: LiveEntry, language: str):
    """The entry's author as readers of the page's language write the name (news.Author)."""
    return entry.author.in_language(base_language(language)) if entry.author_id else None


def entry_html(entry: LiveEntry, position: int, language: str, copy: bool = False) -> str:
    """One entry's markup. `copy`: its second appearance, in the Pinned box (no id of its own)."""
    return render_to_string(
        "live/entry.html",
        {
            "entry": entry,
            "anchor": anchor(entry, position),
            "author": localised_author(entry, language),
            "copy": copy,
        },
    )


def digest(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).hexdigest()


def rendered(page: LivePage, request: HttpRequest | None = None) -> dict:
    """Everything the page and the JSON show of the entries, rendered once per request."""
    language = get_language() or page.locale.language_code
    entries = []
    for position, entry in enumerate(page.entry_list):
        html = entry_html(entry, position, language)
        entries.append(
            {"id": anchor(entry, position), "pinned": entry.pinned, "html": html, "hash": digest(html)}
        )
    pinned = [
        entry_html(entry, position, language, copy=True)
        for position, entry in enumerate(page.entry_list)
        if entry.pinned
    ]
    pinned_html = render_to_string("live/pinned.html", {"pinned": pinned}) if pinned else ""
    status_html = render_to_string("live/status.html", {"page": page})
    version = digest(*(e["hash"] for e in entries), pinned_html, status_html)
    return {
        "entries": entries,
        "pinned_html": pinned_html,
        "status_html": status_html,
        "version": version,
        "ended": not page.is_live_coverage,
    }


def payload(page: LivePage, request: HttpRequest | None = None) -> dict:
    """The JSON the script polls: the same markup as the page, newest entry first."""
    return rendered(page, request)


def page_context(page: LivePage, request: HttpRequest) -> dict:
    from news.article_context import latest_articles
    from news.chrome import chrome_for_locale

    url = page.url or ""
    return {
        "live": rendered(page, request),
        "json_url": f"{url}{JSON_NAME}" if page.pk else "",
        "feed_url": f"{url}{FEED_ROUTE}" if page.pk else "",
        "poll_seconds": POLL_SECONDS,
        "latest": latest_articles(page.locale_id),
        "home_url": (chrome_for_locale(page.locale_id)["home"] or {}).get("url", "/"),
    }


def cached_urls(page: LivePage) -> list[str]:
    """The page's feed: purged from nginx or a CDN with the page on every change. (Its JSON is
    refreshed in nginx instead: live.refresh.)"""
    full = page.get_full_url()
    return [f"{full}{FEED_ROUTE}"] if full else []


def json_url(page: LivePage) -> str:
    full = page.get_full_url()
    return f"{full}{JSON_NAME}" if full else ""
