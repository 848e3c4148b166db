"""Keep a live page's JSON fresh in nginx without a stampede: refresh it instead of purging it.

A purge empties nginx's cached copy; with 1,000 readers polling, nginx then let two of them
through to the app about half the time (its cache lock races with the purge: `make bench` live
measured 1.5 requests per publish). A refresh asks nginx, from the app machine, to fetch the JSON
anew and store it (deploy/nginx/steppe.conf: X-Steppe-Refresh from 127.0.0.1 bypasses the cache
and the answer replaces the copy); readers keep getting the old copy until the new one is stored,
so one request per publish reaches the app. Frontend caches that are not the HTTP backend (a CDN)
get the ordinary purge. Sent by a task, like purges: the worker runs it after the publish commits.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django_tasks import task

from news.cache import VERSION_MEMO_SECONDS

logger = logging.getLogger(__name__)
REFRESH_HEADER = "X-Steppe-Refresh"
HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


def frontends() -> tuple[list[str], list[str]]:
    """(locations of HTTP frontends that can refresh, names of the other backends)."""
    configured = getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}
    locations = [conf["LOCATION"] for conf in configured.values() if conf.get("BACKEND") == HTTP_BACKEND]
    others = [name for name, conf in configured.items() if conf.get("BACKEND") != HTTP_BACKEND]
    return locations, others


def refresh_now(urls: list[str]) -> None:
    """GET each URL from each HTTP frontend with the refresh header (its Host kept)."""
    locations, _others = frontends()
    for location in locations:
        for url in urls:
            parts = urlsplit(url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            request = urllib.request.Request(
                location.rstrip("/") + path, headers={"Host": parts.netloc, REFRESH_HEADER: "1"}
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
            except urllib.error.HTTPError as error:
                if error.code != 404:  # a page that left: nginx keeps its 404 a second
                    logger.error("Couldn't refresh %r in %s: HTTP %s", url, location, error.code)
            except OSError as error:
                logger.error("Couldn't refresh %r in %s: %s", url, location, error)


@task()
def refresh_urls_task(urls: list[str]) -> None:
    # The app's processes trust their memo of the content version for VERSION_MEMO_SECONDS
    # (news.cache): asked sooner, one could answer from its page cache with the JSON before the
    # publish, and nginx would keep that for minutes.
    time.sleep(VERSION_MEMO_SECONDS + 0.1)
    refresh_now(urls)


def refresh(urls: list[str]) -> None:
    """Refresh `urls` in nginx (queued) and purge them from any other frontend cache."""
    urls = [url for url in urls if url]
    if not urls:
        return
    locations, others = frontends()
    if locations:
        refresh_urls_task.enqueue(urls)
    if others:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(urls, backends=others)
