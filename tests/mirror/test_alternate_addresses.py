"""Onion-Location on HTTPS pages (cached or not) and the footer's links to mirrors and the onion."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from mirror.conf import mirror_urls, onion_base
from tests.factories import translate

pytestmark = pytest.mark.django_db
ONION = "http://steppe2fhrk7aowzbh7vzgmrlflmvdzk3c4sa5xxc2wytjtdfgfzqzqd.onion"


@pytest.fixture
def onion(settings, newsroom):
    settings.STEPPE_ONION_LOCATION = ONION + "/"
    return newsroom


def test_https_pages_name_their_onion_copy(onion, client):
    article = onion.add_article("Reachable over Tor")
    response = client.get(article.url, {"page": "2"}, secure=True)
    assert response["Onion-Location"] == f"{ONION}{article.url}?page=2"
    assert "Onion-Location" not in client.get(article.url)  # plain HTTP: Tor Browser ignores it


def test_the_header_follows_the_scheme_of_each_request_not_the_cached_copy(onion, client):
    home = onion.home.url
    first = client.get(home)  # cached by an HTTP request...
    assert first["X-Cache"] == "MISS" and "Onion-Location" not in first
    hit = client.get(home, secure=True)  # ...served from that copy to an HTTPS reader
    assert hit["X-Cache"] == "HIT" and hit["Onion-Location"] == ONION + home
    assert "Onion-Location" not in client.get(home)
    etag = hit["ETag"]
    not_modified = client.get(home, secure=True, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified["Onion-Location"] == ONION + home


def test_no_header_on_the_onion_site_itself_the_admin_or_feeds(onion, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION.removeprefix("http://")]
    on_tor = Client(HTTP_HOST=ONION.removeprefix("http://"))
    assert on_tor.get(onion.home.url, secure=True).status_code == 200
    assert "Onion-Location" not in on_tor.get(onion.home.url, secure=True)
    reader = Client()
    login = reader.get(f"/{settings.STEPPE_ADMIN_PATH}/login/", secure=True)
    assert login.status_code == 200 and "Onion-Location" not in login
    assert "Onion-Location" not in reader.get("/en/feeds/rss.xml", secure=True)


@pytest.mark.parametrize(
    "value", ["https://news.example.org", "steppe.onion", "ftp://x.onion", "http://x.onion/?a=1"]
)
def test_an_onion_location_that_tor_browser_would_ignore_is_refused(settings, value):
    settings.STEPPE_ONION_LOCATION = value
    with pytest.raises(ImproperlyConfigured, match="STEPPE_ONION_LOCATION"):
        onion_base()


def test_mirror_urls_must_be_urls(settings):
    settings.STEPPE_MIRROR_URLS = ["mirror.example.net"]
    with pytest.raises(ImproperlyConfigured, match="not an http"):
        mirror_urls()


def test_the_footer_links_the_mirrors_and_the_onion_in_the_readers_language(onion, settings, client):
    settings.STEPPE_MIRROR_URLS = ["https://mirror.example.net/courier/", "https://steppe-backup.example.org"]
    translate(onion.home, "ru", title="Курьер")
    english = client.get("/en/").content.decode()
    footer = english[english.index('<footer class="site-footer">') :]
    assert 'Mirrors of this site: <a href="https://mirror.example.net/courier/" translate="no">' in footer
    assert '>mirror.example.net/courier</a>, <a href="https://steppe-backup.example.org"' in footer
    assert f'On Tor: <a href="{ONION}/" translate="no">{ONION.removeprefix("http://")}</a>' in footer
    russian = client.get("/ru/").content.decode()
    assert "Зеркала сайта:" in russian and "В сети Tor:" in russian
    lite = client.get("/en/", {"lite": "1"}).content.decode()
    assert 'href="https://mirror.example.net/courier/"' in lite  # other hosts: no lite=1 added


def test_no_footer_line_without_alternate_addresses(newsroom, client):
    assert "mirror-links" not in client.get("/en/").content.decode()
