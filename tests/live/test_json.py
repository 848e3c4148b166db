"""<live page>entries.json: what the page's script polls. Same markup as the page, cached like a
page (one copy for every reader), retired by a publish, purged from nginx with the page, and a 4xx
for anything that is not a live page's address."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from live.models import LivePage
from pagecache.purge import urls_for_page
from tests.live.conftest import add_live_page, post_entry

pytestmark = pytest.mark.django_db


def test_shape_matches_the_page(client, live_room):
    room, page = live_room
    response = client.get(f"{page.url}entries.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"version", "ended", "status_html", "pinned_html", "entries"}
    assert data["ended"] is False and "Live" in data["status_html"]
    ordered = [f"entry-{e.pk}" for e in sorted(page.entries.all(), key=lambda e: e.posted_at, reverse=True)]
    assert [e["id"] for e in data["entries"]] == ordered
    assert [e["pinned"] for e in data["entries"]] == [False, True, False]
    # The script inserts exactly what the page shows on load.
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    items = soup.select(".live-entries .live-item")
    assert [i["data-entry"] for i in items] == ordered
    assert [i["data-hash"] for i in items] == [e["hash"] for e in data["entries"]]
    for item, entry in zip(items, data["entries"], strict=True):
        assert BeautifulSoup(entry["html"], "html.parser").get_text() == item.get_text()
    assert soup.select_one("[data-live-poll]")["data-live-version"] == data["version"]
    assert "How to read the numbers" in data["pinned_html"]


def test_cached_for_everyone_and_retired_by_a_new_entry(client, live_room, settings):
    settings.STEPPE_PAGE_CACHE = True
    room, page = live_room
    url = f"{page.url}entries.json"
    first = client.get(url)
    again = client.get(url)
    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    assert "s-maxage=" in again["Cache-Control"] and again.content == first.content
    entry = post_entry(page, body="<p>First results from the east.</p>")
    after = client.get(url)
    assert after["X-Cache"] == "MISS"
    assert after.json()["entries"][0]["id"] == f"entry-{entry.pk}"
    assert after.json()["version"] != first.json()["version"]
    # Marking the coverage ended reaches pollers the same way, and tells the script to stop.
    live = LivePage.objects.get(pk=page.pk)
    from django.utils import timezone

    live.ended_at = timezone.now()
    live.save_revision().publish()
    assert client.get(url).json()["ended"] is True


def test_publishing_purges_the_feed_and_refreshes_the_json(live_room, frontend):
    """nginx gets one GET with the refresh header per publish (it stores the answer, readers keep
    the old copy meanwhile); the page and its feed are purged."""
    room, page = live_room
    urls = urls_for_page(page)
    assert page.full_url in urls and f"{page.full_url}feed/" in urls
    assert f"{page.full_url}entries.json" not in urls  # refreshed, never purged from nginx
    frontend.clear()
    post_entry(page, body="<p>New.</p>")
    json_path = f"{page.url}entries.json"
    assert [r for r in frontend if r[2] == json_path] == [("GET", "localhost", json_path, "1")]
    assert ("PURGE", "localhost", f"{page.url}feed/", None) in frontend
    assert ("PURGE", "localhost", page.url, None) in frontend


def test_moving_or_deleting_a_live_page_refreshes_its_old_json(live_room, frontend):
    room, page = live_room
    old = f"{page.url}entries.json"
    frontend.clear()
    page.move(room.sections["economy"], pos="last-child")
    moved = LivePage.objects.get(pk=page.pk)
    refreshed = [r[2] for r in frontend if r[0] == "GET"]
    assert old in refreshed and f"{moved.url}entries.json" in refreshed
    frontend.clear()
    moved.delete()
    # Refreshed once the page is gone (nginx then holds its 404 for a second), whatever else ran.
    assert {r[2] for r in frontend if r[0] == "GET"} == {f"{moved.url}entries.json"}


def test_a_cdn_gets_a_purge_of_the_json(live_room, settings, monkeypatch):
    from wagtail.contrib.frontend_cache.backends import CloudflareBackend

    purged: list[str] = []
    monkeypatch.setattr(CloudflareBackend, "purge_batch", lambda self, urls: purged.extend(urls))
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                "BEARER_TOKEN": "x", "ZONEID": "z"}
    }  # fmt: skip
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    room, page = live_room
    post_entry(page, body="<p>New.</p>")
    assert f"{page.full_url}entries.json" in purged


@pytest.mark.parametrize(
    "suffix",
    [
        "feed/entries.json",
        "nope/entries.json",
        "entries.json/",
    ],
)
def test_junk_is_a_4xx(client, live_room, suffix):
    room, page = live_room
    response = client.get(f"{page.url}{suffix}")
    assert 400 <= response.status_code < 500, (suffix, response.status_code)


@pytest.mark.parametrize("query", ["since=3", "_=1733", "x=%00"])
def test_a_cache_buster_gets_the_cached_json(client, live_room, query):
    room, page = live_room
    plain = client.get(f"{page.url}entries.json")
    busted = client.get(f"{page.url}entries.json?{query}")
    assert (busted.status_code, busted["X-Cache"]) == (200, "HIT") and busted.content == plain.content


def test_not_a_live_page_or_not_public_is_404(client, newsroom):
    article = newsroom.add_article("Ordinary story")
    assert client.get(f"{article.url}entries.json").status_code == 404
    assert client.get(f"{newsroom.sections['politics'].url}entries.json").status_code == 404
    assert client.get("/en/entries.json").status_code == 404
    page = add_live_page(newsroom.sections["politics"], entries=[{"body": "<p>x</p>"}])
    assert client.get(f"{page.url}entries.json").status_code == 200
    page.unpublish()
    assert client.get(f"{page.url}entries.json").status_code == 404


def test_nul_bytes_and_odd_characters_are_4xx(client, live_room):
    room, page = live_room
    for path in (f"{page.url}%00/entries.json", f"{page.url[:-1]}%00/entries.json",
                 "/en/%E2%80%AE/entries.json"):  # fmt: skip
        response = client.get(path)
        assert 400 <= response.status_code < 500, (path, response.status_code)
