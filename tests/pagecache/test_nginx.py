"""The shipped nginx config (deploy/nginx/steppe.conf) in front of a live app server."""

import re
import secrets
import time
import urllib.error
import urllib.request

import pytest

from pagecache.nginx import nginx_binary, purge_module, run_nginx
from tests.conftest import require_or_skip

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fetch(url: str, method: str = "GET", **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method, headers={"Host": "localhost", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    require_or_skip(nginx_binary() is not None, "nginx (apt-get install nginx)")
    require_or_skip(purge_module() is not None, "nginx cache purge module (libnginx-mod-http-cache-purge)")
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "site.0123456789ab.css").write_text("body{}")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "photo.txt").write_text("media file")
    upstream = live_server.url.removeprefix("http://")
    with run_nginx(upstream, tmp_path, admin_path=settings.STEPPE_ADMIN_PATH) as server:
        # What STEPPE_PURGE_URL does in production (steppe/settings.py).
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": server.url,
            }
        }
        settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
        # Purges are a task; in production the task worker (manage.py db_worker) sends them.
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        yield server


def test_pages_are_cached_and_editors_bypass(nginx, newsroom, settings):
    article = newsroom.add_article("Through the proxy")
    statuses = [fetch(nginx.url + article.url)[1]["X-Cache-Status"] for _ in range(2)]
    assert statuses == ["MISS", "HIT"]
    status, headers, body = fetch(nginx.url + article.url)
    assert status == 200 and b"Through the proxy" in body and "s-maxage=" in headers["Cache-Control"]
    # Compressed by nginx for clients that accept it, from the one cached copy.
    assert fetch(nginx.url + article.url, **{"Accept-Encoding": "gzip"})[1].get("Content-Encoding") == "gzip"
    assert fetch(nginx.url + article.url, Cookie="sessionid=abc")[1]["X-Cache-Status"] == "BYPASS"
    admin = f"{nginx.url}/{settings.STEPPE_ADMIN_PATH}/login/"
    assert "X-Cache-Status" not in fetch(admin)[1]


def test_publishing_purges_the_listings_at_once(nginx, newsroom):
    newsroom.add_article("Old news")
    home = nginx.url + newsroom.home.url
    fetch(home)
    assert fetch(home)[1]["X-Cache-Status"] == "HIT"
    newsroom.add_article("Breaking story")  # published: Wagtail sends PURGE for its listings
    deadline = time.monotonic() + 1.0
    body = b""
    while time.monotonic() < deadline and b"Breaking story" not in body:
        body = fetch(home)[2]
    assert b"Breaking story" in body


def test_a_purge_from_the_app_machine_removes_the_page(nginx, newsroom):
    article = newsroom.add_article("Purge me")
    fetch(nginx.url + article.url)
    assert fetch(nginx.url + article.url)[1]["X-Cache-Status"] == "HIT"
    assert fetch(nginx.url + article.url, method="PURGE")[0] == 200
    assert fetch(nginx.url + article.url)[1]["X-Cache-Status"] == "MISS"


def test_static_and_media_are_served_by_nginx(nginx):
    status, headers, body = fetch(nginx.url + "/static/site.0123456789ab.css")
    assert status == 200 and body == b"body{}" and "immutable" in headers["Cache-Control"]
    status, headers, body = fetch(nginx.url + "/media/photo.txt")
    assert status == 200 and body == b"media file" and "X-Cache-Status" not in headers


def test_purging_a_page_nobody_has_read_is_a_success(nginx, newsroom):
    # Wagtail logs every non-2xx purge answer as an error; a page not in the cache is not one.
    article = newsroom.add_article("Never read")
    status, _headers, body = fetch(nginx.url + article.url, method="PURGE")
    assert status == 200 and b"not cached" in body


def test_tracking_parameters_share_the_cached_copy_and_its_purge(nginx, newsroom):
    article = newsroom.add_article("Clicked from Facebook")
    url = nginx.url + article.url
    assert fetch(url)[1]["X-Cache-Status"] == "MISS"
    for _ in range(5):  # each click from Facebook carries a fbclid of its own
        status, headers, body = fetch(f"{url}?fbclid=IwAR{secrets.token_hex(8)}")
        assert (status, headers["X-Cache-Status"]) == (200, "HIT") and b"Clicked from Facebook" in body
    assert fetch(f"{url}?utm_source=telegram&nonsense=1")[1]["X-Cache-Status"] == "HIT"
    # The page's own parameters still key the copy, in whatever order they come.
    assert fetch(f"{url}?lite=1&utm_source=x")[1]["X-Cache-Status"] == "MISS"
    assert fetch(f"{url}?utm_medium=y&lite=1")[1]["X-Cache-Status"] == "HIT"
    # A purge of the plain address reaches the copy readers got with tracking parameters.
    assert fetch(url, method="PURGE")[0] == 200
    assert fetch(f"{url}?utm_source=again")[1]["X-Cache-Status"] == "MISS"


def test_nginx_keys_on_the_same_parameters_as_the_page_cache(settings):
    # Without a parameter in nginx's key, readers would be served another variant's copy; without
    # it in the app's list, the page would never see it.
    from pathlib import Path

    config = (Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "steppe.conf").read_text()
    key = re.search(r'default\s+"\$host\$steppe_path\?([^"]+)"', config).group(1)
    pairs = [part.split("=", 1) for part in key.split("&")]
    assert all(value == f"$arg_{name}" for name, value in pairs), pairs
    assert [name for name, _value in pairs] == settings.STEPPE_PAGE_CACHE_QUERY_PARAMS
    whole = re.search(r'"~\^(/[^"]+)"\s+\$host\$request_uri;', config).group(1)
    assert [whole] == settings.STEPPE_PAGE_CACHE_WHOLE_QUERY
