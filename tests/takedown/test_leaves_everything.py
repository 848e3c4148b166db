"""At the moment of a takedown the article leaves every place readers find it, read back from the
pages readers get with the page cache on; a reversal brings it back and purges again."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from takedown.actions import reverse, take_down

pytestmark = pytest.mark.django_db
REASON = "Court order (internal)"


def text(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_ENCODING="identity")
    assert response.status_code == 200, url
    return response.content.decode()


def test_search_feeds_sitemaps_listings_leave_and_come_back(client, newsroom, people, settings):
    assert settings.STEPPE_PAGE_CACHE
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # the index
    article = newsroom.add_article("Zhanaozen tender scandal", tags=["tenders"])
    other = newsroom.add_article("Aktau port grows")
    pages = ["/en/search/?q=Zhanaozen", "/en/feeds/rss.xml", "/en/feeds/atom.xml", "/sitemap.xml",
             "/news-sitemap.xml", "/en/", "/en/politics/", "/en/tags/tenders/", other.url]  # fmt: skip
    for url in pages:  # read twice: the second answer comes from the page cache
        assert article.url in text(client, url) and article.url in text(client, url), url
    take_down(article, people["admin"], REASON)
    for url in pages[:-2]:
        body = text(client, url)
        assert "tender scandal" not in body and article.url not in body, url
    assert article.url not in text(client, other.url)  # the latest list in the sidebar
    assert client.get("/en/tags/tenders/").status_code == 404  # its only article is gone
    reverse(article.takedowns.get(), people["admin"])
    assert article.url in text(client, "/en/search/?q=Zhanaozen")
    assert article.url in text(client, "/en/feeds/rss.xml") and article.url in text(client, "/sitemap.xml")
    assert client.get(article.url).status_code == 200


def test_suggestions_on_another_article_drop_it(client, newsroom, people, live_suggestions):
    words = "Caspian oil pipeline Tengiz Kashagan barrels crude tanker exports"
    body = [("paragraph", RichText(f"<p>{words}</p>"))]
    stories = [newsroom.add_article(f"Caspian oil exports {i}", body=body) for i in range(3)]
    live_suggestions.refresh([s.pk for s in stories])
    suggested = text(client, stories[0].url).split('id="suggested-heading"', 1)[1].split("</section>")[0]
    assert stories[1].url in suggested
    take_down(stories[1], people["admin"], REASON)
    suggested = text(client, stories[0].url).split('id="suggested-heading"', 1)[1].split("</section>")[0]
    assert stories[1].url not in suggested and stories[2].url in suggested


def test_most_read_drops_it(client, newsroom, people):
    from readership.counter import flush

    read = newsroom.add_article("Most read story")
    other = newsroom.add_article("Quiet neighbour")
    for _ in range(3):
        client.get(f"/_util/hit/{read.pk}.gif", headers={"User-Agent": "Mozilla/5.0 Firefox/128.0"})
    flush()
    block = text(client, other.url).split("most-read", 1)[1].split("</section>", 1)[0]
    assert "Most read story" in block
    take_down(read, people["admin"], REASON)
    assert "Most read story" not in text(client, other.url)


def test_nginx_and_cdns_are_purged_on_takedown_and_on_reversal(newsroom, people, settings, purge_server):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    article = newsroom.add_article("Purged away", tags=["ports"])
    received.clear()
    takedown = take_down(article, people["admin"], REASON)
    paths = {path for _host, path in received}
    assert {article.url, "/en/", "/en/politics/", "/en/tags/ports/", "/sitemap.xml"} <= paths, paths
    received.clear()
    reverse(takedown, people["admin"])
    assert article.url in {path for _host, path in received}


def test_the_telegram_post_is_deleted(newsroom, people, telegram, worker):
    article = worker.add(newsroom, "Posted then taken down")
    worker.run()
    assert len(telegram.channel("@steppe_en")) == 1
    with worker.capture(execute=True):
        take_down(article, people["admin"], REASON)
    worker.run()
    assert telegram.channel("@steppe_en") == []


def test_the_mirror_export_leaves_it_out_next_time(newsroom, people, tmp_path):
    from mirror.export import export_site

    article = newsroom.add_article("Mirrored then gone")
    export_site(tmp_path)
    exported = tmp_path / article.url.strip("/") / "index.html"
    assert exported.exists()
    take_down(article, people["admin"], REASON)
    export_site(tmp_path)
    assert not exported.exists()
    assert "Mirrored then gone" not in (tmp_path / "en" / "index.html").read_text()
