"""Feeds: parsed by feedparser without errors, checked again against the RSS 2.0 and Atom rules."""

from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree
from wagtail.rich_text import RichText

from tests.factories import make_image

pytestmark = pytest.mark.django_db

HOSTILE = "Quotes \"double\" & 'single' </script><script>alert(1)</script> <b>bold</b> 🌾 — ✓"


@pytest.fixture
def feed_room(newsroom):
    image = make_image("Feed lead", credit="Feed Photo Agency")
    body = [
        ("paragraph", RichText('<p>Read <a href="/en/politics/">more politics</a>.</p>')),
        ("image", {"image": make_image("Inline feed"), "caption": "Inline", "credit": "", "alt": ""}),
    ]
    article = newsroom.add_article(
        "Grain corridor opens",
        authors=newsroom.authors,
        tags=["trade", "wheat"],
        image=image,
        body=body,
        countries=["KZ", "UZ"],
    )
    hostile = newsroom.add_article(HOSTILE, section="economy", tags=["trade"])
    return newsroom, article, hostile


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_site_rss_has_every_field(client, feed_room):
    room, article, _hostile = feed_room
    response = fetch(client, "/en/feeds/rss.xml")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    entry = next(e for e in feed.entries if e.title == "Grain corridor opens")
    assert entry.link == "http://localhost" + article.url
    assert entry.id.startswith("tag:localhost,") and entry.id.endswith(f":article:{article.pk}")
    assert entry.summary == article.standfirst
    content = entry.content[0].value
    assert 'href="http://localhost/en/politics/"' in content and 'src="http://localhost/media/' in content
    assert {a.name for a in entry.authors} >= {"Aida Test", "Timur Test"}
    assert {t.term for t in entry.tags} >= {"Kazakhstan", "Uzbekistan", "trade", "wheat"}
    assert entry.published_parsed and entry.updated_parsed
    assert (
        entry.enclosures[0].href.startswith("http://localhost/media/") and int(entry.enclosures[0].length) > 0
    )
    assert entry.media_content[0]["url"] == entry.enclosures[0].href
    assert entry.media_credit[0]["content"] == "Feed Photo Agency"


def test_guid_is_stable_across_edits(client, feed_room):
    _room, article, _ = feed_room
    before = {e.title: e.id for e in feedparser.parse(fetch(client, "/en/feeds/rss.xml").content).entries}
    article.title = "Grain corridor opens, again"
    article.slug = "grain-corridor-renamed"
    article.save_revision().publish()
    after = {e.title: e.id for e in feedparser.parse(fetch(client, "/en/feeds/rss.xml").content).entries}
    assert after["Grain corridor opens, again"] == before["Grain corridor opens"]


def test_rss_follows_the_rss_2_rules(client, feed_room):
    root = etree.fromstring(fetch(client, "/en/feeds/rss.xml").content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description")
        parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false"
        for enclosure in item.findall("enclosure"):
            assert enclosure.get("url").startswith("http") and enclosure.get("length").isdigit()
            assert enclosure.get("type") == "image/jpeg"


ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_follows_rfc_4287(client, feed_room):
    response = fetch(client, "/en/feeds/atom.xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    root = etree.fromstring(response.content)
    for required in ("id", "title", "updated"):
        assert root.find(ATOM + required) is not None, required
    assert root.find(ATOM + "link[@rel='self']") is not None
    for entry in root.findall(ATOM + "entry"):
        for required in ("id", "title", "updated"):
            assert entry.findtext(ATOM + required), required
        assert (
            entry.find(ATOM + "author/" + ATOM + "name") is not None or root.find(ATOM + "author") is not None
        )
        assert entry.find(ATOM + "content").get("type") == "html"
        assert entry.find(ATOM + "summary") is not None


@pytest.mark.parametrize("scope", ["section/economy", "tag/trade", "author/aida-test"])
def test_scoped_feeds(client, feed_room, scope):
    _room, article, hostile = feed_room
    for kind in ("rss", "atom"):
        feed = feedparser.parse(fetch(client, f"/en/feeds/{scope}/{kind}.xml").content)
        assert not feed.bozo
        titles = {e.title for e in feed.entries}
        if scope == "section/economy":
            assert titles == {HOSTILE}
        elif scope == "author/aida-test":
            assert titles == {article.title}
        else:
            assert titles == {article.title, HOSTILE}


def test_unknown_scopes_are_404(client, feed_room):
    for url in [
        "/en/feeds/section/nope/rss.xml",
        "/en/feeds/tag/nope/atom.xml",
        "/en/feeds/planet/x/rss.xml",
    ]:
        assert client.get(url).status_code == 404


def test_hostile_headline_survives_feeds(client, feed_room):
    for kind in ("rss", "atom"):
        feed = feedparser.parse(fetch(client, f"/en/feeds/{kind}.xml").content)
        assert not feed.bozo
        assert HOSTILE in {e.title for e in feed.entries}


def test_feed_size_is_bounded_by_the_setting(client, newsroom):
    from wagtail.models import Site

    from syndication.models import SyndicationSettings

    for i in range(4):
        newsroom.add_article(f"Bounded {i}")
    settings_obj = SyndicationSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.feed_items = 3
    settings_obj.save()
    assert len(feedparser.parse(fetch(client, "/en/feeds/rss.xml").content).entries) == 3


def test_conditional_get(client, feed_room, settings):
    settings.STEPPE_PAGE_CACHE = False  # the feed view itself answers 304s
    response = fetch(client, "/en/feeds/rss.xml")
    modified = response["Last-Modified"]
    assert client.get("/en/feeds/rss.xml", headers={"if-modified-since": modified}).status_code == 304
    settings.STEPPE_PAGE_CACHE = True
    etag = fetch(client, "/en/feeds/atom.xml")["ETag"]
    assert client.get("/en/feeds/atom.xml", headers={"if-none-match": etag}).status_code == 304


def test_feeds_are_discoverable(client, feed_room):
    _room, article, _ = feed_room
    html = client.get("/en/economy/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="All articles (RSS)" href="/en/feeds/rss.xml">'
        in html
    )
    assert 'href="/en/feeds/section/economy/rss.xml"' in html
    assert 'href="/en/feeds/section/politics/atom.xml"' in client.get(article.url).content.decode()
    assert 'href="/en/feeds/tag/trade/rss.xml"' in client.get("/en/tags/trade/").content.decode()
