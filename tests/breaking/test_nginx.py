"""The shipped nginx config (deploy/nginx/steppe.conf) in front of a live app server: a banner set
or cleared reaches pages nginx already holds within 10 s, and one that expires leaves them."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from breaking import actions
from pagecache.nginx import nginx_binary, purge_module, run_nginx
from tests.conftest import require_or_skip

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
REACH_SECONDS = 10  # the promise


def fetch(url: str) -> tuple[str, str]:
    """The page's nginx cache status and its banner's text ('' without one)."""
    request = urllib.request.Request(url, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read().decode()
        status = response.headers.get("X-Cache-Status", "")
    # Lite mode drops class names: the banner is found by its landmark.
    found = re.search(r'aria-labelledby="breaking-news-label">.*?</strong> <(?:a|span)[^>]*>([^<]*)<', body)
    return status, found.group(1) if found else ""


def until(url: str, wanted: str) -> float:
    """Seconds until nginx serves `url` with the banner `wanted` ('' for none); fails after 10 s."""
    start = time.monotonic()
    while time.monotonic() - start < REACH_SECONDS:
        if fetch(url)[1] == wanted:
            return time.monotonic() - start
        time.sleep(0.1)
    pytest.fail(f"{url} still shows {fetch(url)[1]!r} after {REACH_SECONDS} s, not {wanted!r}")


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    require_or_skip(nginx_binary() is not None, "nginx (apt-get install nginx)")
    require_or_skip(purge_module() is not None, "nginx cache purge module (libnginx-mod-http-cache-purge)")
    (tmp_path / "static").mkdir()
    (tmp_path / "media").mkdir()
    settings.STEPPE_PAGE_CACHE = True
    with run_nginx(
        live_server.url.removeprefix("http://"), tmp_path, admin_path=settings.STEPPE_ADMIN_PATH
    ) as server:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": server.url,
            }
        }
        settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
        # Purges are a task; in production the task worker sends them.
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        yield server


def held_by_nginx(url: str) -> None:
    fetch(url)
    assert fetch(url)[0] == "HIT", url


def test_set_and_clear_reach_pages_nginx_holds_within_10_seconds(nginx, newsroom, django_user_model):
    editor = django_user_model.objects.create_user("desk", "desk@example.org", "x-long-password-1")
    english = Locale.objects.get(language_code="en")
    article = newsroom.add_article("Held by nginx")
    urls = [nginx.url + path for path in ("/en/", article.url, f"{article.url}?lite=1", "/en/politics/")]
    for url in urls:
        held_by_nginx(url)
        assert fetch(url)[1] == ""
    actions.set_banner(english, editor, "Polls have closed", timezone.now() + timedelta(hours=1))
    took = [until(url, "Polls have closed") for url in urls]
    # Kept by nginx again, banner and all: readers get it from the cache, not the app.
    for url in urls:
        assert fetch(url) == ("HIT", "Polls have closed")
    actions.clear_banner(english, editor)
    took += [until(url, "") for url in urls]
    assert max(took) < REACH_SECONDS
    # With the purges they arrive at once, not when nginx's copy runs out (STEPPE_CDN_MAX_AGE).
    assert max(took) < 1.0, took


def test_an_expired_banner_leaves_nginx_within_seconds_and_at_once_with_the_task(
    nginx, newsroom, django_user_model
):
    editor = django_user_model.objects.create_user("desk", "desk@example.org", "x-long-password-1")
    english = Locale.objects.get(language_code="en")
    article = newsroom.add_article("Expiring story")
    home, page = nginx.url + "/en/", nginx.url + article.url
    banner = actions.set_banner(english, editor, "Brief alert", timezone.now() + timedelta(seconds=4))
    until(home, "Brief alert")
    until(page, "Brief alert")
    assert fetch(home) == ("HIT", "Brief alert")
    time.sleep(max(0.0, (banner.expires_at - timezone.now()).total_seconds()))
    # No task worker: nginx's copy ran out with the banner (X-Accel-Expires); nginx may answer
    # once from it while it fetches the page again (proxy_cache_use_stale updating).
    assert until(home, "") < 2.0
    # With the worker: the task deferred to the expiry purges the language, so not even that.
    second = actions.set_banner(english, editor, "Second alert", timezone.now() + timedelta(seconds=3))
    until(page, "Second alert")
    assert fetch(page) == ("HIT", "Second alert")
    time.sleep(max(0.0, (second.expires_at - timezone.now()).total_seconds()))
    assert actions.expire(second.pk) == "expired; en purged"
    assert fetch(page)[1] == ""
