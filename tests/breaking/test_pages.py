"""The reader's side: the banner on every page of its language (lite, 404 and 410 too), never on
another language's, no script; the page cache shows a change on the next request and keeps a page
with a banner no longer than the banner; purges reach every address of the language."""

from __future__ import annotations

import re
import time

import pytest
from django.utils import timezone
from wagtail.models import Locale

from breaking.purge import language_urls
from takedown.actions import take_down
from tests.factories import translate

pytestmark = pytest.mark.django_db
BANNER = re.compile(
    r'<section[^>]*aria-labelledby="breaking-news-label".*?</section>', re.S
)  # lite drops classes


def banner_of(response) -> str:
    found = BANNER.search(response.content.decode())
    return found.group(0) if found else ""


@pytest.fixture
def cached(settings):
    settings.STEPPE_PAGE_CACHE = True
    return settings


def test_the_banner_is_on_every_page_of_its_language_only(client, newsroom, english, desk, people):
    article = newsroom.add_article("Flood in the valley")
    translate(newsroom.home, "ru", title="Тестовый курьер")
    taken = newsroom.add_article("Gone story")
    take_down(taken, people["editor"], "internal reason")
    desk.put_up(english, "Polls have closed in Kazakhstan", link_page=article)
    for url in ("/en/", "/en/politics/", article.url, "/en/about/", "/en/?lite=1", "/en/corrections/"):
        response = client.get(url)
        assert response.status_code == 200, url
        banner = banner_of(response)
        assert "Polls have closed in Kazakhstan" in banner, url
        assert f'href="{article.url}' in banner and "<script" not in banner, url
        assert 'aria-labelledby="breaking-news-label"' in banner  # a named region landmark
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404 and "Polls have closed" in banner_of(missing)
    gone = client.get(taken.url)
    assert gone.status_code == 410 and "Polls have closed" in banner_of(gone)
    assert banner_of(client.get("/ru/")) == ""
    # Its address is among those a purge sends to nginx (the 410 is cached there too).
    assert f"http://localhost{taken.url}" in language_urls("en")


def test_a_banner_without_a_link_is_plain_text_and_the_text_is_escaped(client, newsroom, english, desk):
    desk.put_up(english, "<b>Storm</b> warning")
    banner = banner_of(client.get("/en/"))
    assert "&lt;b&gt;Storm&lt;/b&gt; warning" in banner and "<a " not in banner


def test_set_and_clear_show_on_the_next_request_through_the_page_cache(
    client, newsroom, english, desk, cached
):
    article = newsroom.add_article("Cached story")
    for url in ("/en/", article.url):
        assert [client.get(url)["X-Cache"] for _ in range(2)] == ["MISS", "HIT"]
    desk.put_up(english, "Results are in")
    for url in ("/en/", article.url):
        first, second = client.get(url), client.get(url)
        assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
        assert "Results are in" in banner_of(first) and "Results are in" in banner_of(second)
    desk.take_down(english)
    for url in ("/en/", article.url):
        response = client.get(url)
        assert response["X-Cache"] == "MISS" and banner_of(response) == ""


def test_a_page_with_a_banner_is_kept_no_longer_than_the_banner(client, newsroom, english, desk, cached):
    banner = desk.put_up(english, "Brief alert", seconds=4)
    first = client.get("/en/")
    assert "Brief alert" in banner_of(first)
    # Browsers, CDNs and nginx are told the seconds left, and may not serve it stale after.
    cache_control = first["Cache-Control"]
    assert re.fullmatch(r"public, max-age=[0-4], s-maxage=[0-4]", cache_control), cache_control
    assert int(first["X-Accel-Expires"]) <= 4
    hit = client.get("/en/")
    assert hit["X-Cache"] == "HIT" and "Brief alert" in banner_of(hit)
    time.sleep(max(0.0, (banner.expires_at - timezone.now()).total_seconds()) + 0.2)
    after = client.get("/en/")
    assert after["X-Cache"] == "MISS" and banner_of(after) == ""
    # Without a banner the page is kept the usual time again.
    assert "stale-while-revalidate" in after["Cache-Control"] and "X-Accel-Expires" not in after


def test_an_address_no_purge_reaches_is_kept_only_seconds(client, newsroom, desk, cached):
    response = client.get("/en/?q=telegram")  # a parameter pages read, in no address a purge sends
    assert response.status_code == 200
    assert re.search(r"s-maxage=[0-5]\b", response["Cache-Control"]), response["Cache-Control"]
    assert int(response["X-Accel-Expires"]) <= 5
    for listed in ("/en/?lite=1", "/en/?utm_source=telegram&lite=1"):  # tracking: dropped, purged
        page = client.get(listed)
        assert "stale-while-revalidate" in page["Cache-Control"] and "X-Accel-Expires" not in page, listed


def test_pages_outside_the_page_cache_are_not_kept_until_the_expiry_by_nginx(
    client, newsroom, english, desk, settings
):
    # The page cache off (or a query string too long for it): nginx's own short time applies, or
    # less; a banner hours long must not pin the page (or a 404) in nginx for hours.
    desk.put_up(english, "Long banner", minutes=600)
    settings.STEPPE_PAGE_CACHE = False
    page = client.get("/en/")
    assert "Long banner" in banner_of(page) and int(page["X-Accel-Expires"]) <= 5
    long_query = client.get("/en/?" + "x=1&" * 100 + "lite=1")
    assert long_query.status_code == 200 and int(long_query["X-Accel-Expires"]) <= 5
    missing = client.get("/en/nothing-here/")
    assert missing.status_code == 404 and "X-Accel-Expires" not in missing


@pytest.mark.parametrize("url", ["/en/%00/", "/en/?page=%00", "/en/search/?q=%00", "/en/?lite=1%00"])
def test_nul_bytes_are_refused_not_a_server_error(client, newsroom, english, desk, url):
    desk.put_up(english, "Still up")
    assert client.get(url).status_code < 500


def test_set_and_clear_purge_every_address_of_the_language_only(
    newsroom, english, desk, settings, purge_server
):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    article = newsroom.add_article("Purged with the banner", tags=["floods"], authors=newsroom.authors[:1])
    translate(newsroom.home, "ru", title="Тестовый курьер")
    received.clear()
    desk.put_up(english, "Purge test")
    paths = {path for _host, path in received}
    expected = {"/en/", "/en/?lite=1", "/en/politics/", "/en/politics/?lite=1", article.url, f"{article.url}?lite=1",
                "/en/about/", "/en/tags/floods/", f"/en/authors/{newsroom.authors[0].slug}/", "/en/corrections/",
                "/en/fx/", "/en/search/", "/en/newsletter/"}  # fmt: skip
    assert expected <= paths, expected - paths
    assert not any(path.startswith("/ru/") for path in paths)
    received.clear()
    desk.take_down(english)
    assert expected <= {path for _host, path in received}


def test_a_russian_banner_is_labelled_in_russian_on_russian_pages(client, newsroom, desk):
    translate(newsroom.home, "ru", title="Тестовый курьер")
    desk.put_up(Locale.objects.get(language_code="ru"), "Закрыты избирательные участки")
    banner = banner_of(client.get("/ru/"))
    assert "Срочно" in banner and "Закрыты избирательные участки" in banner
    assert banner_of(client.get("/en/")) == ""


def test_the_banners_label_is_translated_into_every_language_of_the_site(settings):
    from django.utils import translation

    for code, _name in settings.ALL_LANGUAGES:
        if code != "en":
            with translation.override(code):
                assert translation.gettext("Breaking news") != "Breaking news", code
