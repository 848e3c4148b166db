"""The live page's Atom feed (<page>feed/) and its JSON-LD LiveBlogPosting."""

from __future__ import annotations

import json
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from lxml import etree

from live.models import LivePage
from tests.live.conftest import add_live_page, post_entry

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def json_ld(client, url: str) -> list[dict]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def newest_first(page: LivePage):
    return sorted(page.entries.all(), key=lambda e: e.posted_at, reverse=True)


def test_feed_is_atom_with_one_entry_per_live_entry(client, live_room):
    room, page = live_room
    response = client.get(f"{page.url}feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    root = etree.fromstring(response.content)
    for required in ("id", "title", "updated"):
        assert root.findtext(ATOM + required), required
    assert root.find(ATOM + "link[@rel='self']").get("href") == f"{page.full_url}feed/"
    assert root.findtext(ATOM + "id") == f"tag:localhost,2025:live:{page.pk}"
    entries = newest_first(page)
    assert [e.link for e in feed.entries] == [f"{page.full_url}#entry-{e.pk}" for e in entries]
    assert [e.id for e in feed.entries] == [f"tag:localhost,2025:live-entry:{e.pk}" for e in entries]
    assert (
        feed.entries[0].author == "Aida Test"
        and "Turnout passes 40 percent." in feed.entries[0].content[0].value
    )
    assert feed.entries[2].title == "Polls open"  # the editor's headline
    assert feed.entries[0].title.startswith("Turnout passes")  # else the start of the text
    for entry in root.findall(ATOM + "entry"):
        assert entry.findtext(ATOM + "updated") and entry.find(ATOM + "content").get("type") == "html"


def test_feed_follows_new_entries_and_keeps_hostile_text_as_text(client, live_room):
    room, page = live_room
    post_entry(page, body="<p>Results: 5 &lt; 7 &amp; <b>bold</b> claims\x0b</p>", title="<script>x</script>")
    feed = feedparser.parse(client.get(f"{page.url}feed/").content)
    assert not feed.bozo
    assert feed.entries[0].title == "<script>x</script>"
    assert "<script>" not in feed.entries[0].content[0].value
    assert len(feed.entries) == 4


def test_live_blog_posting_while_live(client, live_room):
    room, page = live_room
    blocks = json_ld(client, page.url)
    data = next(b for b in blocks if b["@type"] == "LiveBlogPosting")
    assert data["url"] == page.full_url and data["headline"] == page.title
    assert data["coverageStartTime"] == page.coverage_start.isoformat(timespec="seconds")
    assert "coverageEndTime" not in data
    updates = data["liveBlogUpdate"]
    entries = newest_first(page)
    assert [u["@type"] for u in updates] == ["BlogPosting"] * 3
    assert [u["url"] for u in updates] == [f"{page.full_url}#entry-{e.pk}" for e in entries]
    assert [u["datePublished"] for u in updates] == [
        e.posted_at.isoformat(timespec="seconds") for e in entries
    ]
    assert updates[0]["author"] == {"@type": "Person", "name": "Aida Test"}
    assert (
        updates[0]["articleBody"] == "Turnout passes 40 percent." and updates[2]["headline"] == "Polls open"
    )
    assert data["publisher"]["@type"] == "Organization"
    assert data["dateModified"] >= updates[0]["datePublished"]
    assert any(b["@type"] == "BreadcrumbList" for b in blocks)


def test_live_blog_posting_once_ended(client, newsroom):
    started = timezone.now() - timedelta(hours=3)
    page = add_live_page(
        newsroom.sections["politics"], entries=[{"body": "<p>x</p>"}], coverage_start=started
    )
    page = LivePage.objects.get(pk=page.pk)
    page.ended_at = timezone.now()
    page.save_revision().publish()
    data = next(b for b in json_ld(client, page.url) if b["@type"] == "LiveBlogPosting")
    assert data["coverageEndTime"] == page.ended_at.isoformat(timespec="seconds")
    assert data["coverageStartTime"] == started.isoformat(timespec="seconds") < data["coverageEndTime"]


def test_an_end_in_the_future_is_still_live(client, newsroom):
    page = add_live_page(
        newsroom.sections["politics"],
        entries=[{"body": "<p>x</p>"}],
        ended_at=timezone.now() + timedelta(hours=2),
    )
    data = next(b for b in json_ld(client, page.url) if b["@type"] == "LiveBlogPosting")
    assert "coverageEndTime" not in data
    assert client.get(f"{page.url}entries.json").json()["ended"] is False
