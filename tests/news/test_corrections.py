"""Corrections and clarifications: on the article, in its dates, JSON-LD and feeds, on the page per
language, and never stale behind the page cache or nginx."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import feedparser
import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from lxml import etree

from news.models import ArticleCorrection, ArticlePage
from news.templatetags.news_tags import local_date
from tests.factories import add_correction, make_image, translate
from tests.pagecache.conftest import purge_server  # noqa: F401 (the PURGE recorder fixture)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DCTERMS = "{http://purl.org/dc/terms/}"


def doc(client, url: str) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def json_ld(page: lxml.html.HtmlElement, kind: str) -> dict:
    blocks = [json.loads(s.text) for s in page.xpath("//script[@type='application/ld+json']")]
    return next(block for block in blocks if block["@type"] == kind)


def texts(nodes) -> list[str]:
    return [" ".join(node.text_content().split()) for node in nodes]


def ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


# -- on the article ------------------------------------------------------------------------------


def test_article_shows_its_notices_under_the_headline_newest_first(client, newsroom):
    article = newsroom.add_article("Dam story", image=make_image("Dam"))
    older, newer = ago(minutes=40), ago(minutes=10)
    add_correction(article, "The dam is 102 m high, not 120 m.", date=older)
    article = add_correction(article, "The vote was in May.", kind="clarification", date=newer)
    page = doc(client, article.url)

    box = page.xpath("//article//section[@id='corrections']")
    assert len(box) == 1
    # Above the lead image and the body, after the headline block.
    order = [n.get("class") for n in page.xpath("//article/*")]
    assert order.index("corrections") == order.index("article-header") + 1
    assert order.index("corrections") < order.index("lead-image") < order.index("article-body")
    assert texts(box[0].xpath(".//h2")) == ["Corrections and clarifications"]
    items = box[0].xpath(".//li")
    assert texts([i.xpath(".//*[@class='correction-kind']")[0] for i in items]) == [
        "Clarification",
        "Correction",
    ]
    assert texts(i.xpath(".//*[@class='correction-text']")[0] for i in items) == [
        "The vote was in May.",
        "The dam is 102 m high, not 120 m.",
    ]
    ids = [
        c.pk
        for c in sorted(ArticleCorrection.objects.filter(page=article), key=lambda c: c.date, reverse=True)
    ]
    assert [i.get("id") for i in items] == [f"correction-{pk}" for pk in ids]
    # Each date is the reader's locale's, with the machine-readable time beside it.
    times = items[1].xpath(".//time")
    assert times[0].get("datetime") == timezone.localtime(older).isoformat(timespec="seconds")
    with translation.override("en"):
        assert times[0].text == local_date(older)
    # The dateline says the article was corrected and links to the notices.
    label = page.xpath("//p[contains(@class,'dateline')]/a[@class='corrected-label']")
    assert texts(label) == ["Corrected"] and label[0].get("href") == "#corrections"


def test_only_clarifications_mark_the_article_clarified(client, newsroom):
    article = add_correction(
        newsroom.add_article("Unclear"), "We meant the old bridge.", kind="clarification"
    )
    page = doc(client, article.url)
    assert texts(page.xpath("//a[@class='corrected-label']")) == ["Clarified"]
    assert texts(page.xpath("//section[@id='corrections']/h2")) == ["Clarification"]


def test_an_article_without_notices_shows_none(client, newsroom):
    page = doc(client, newsroom.add_article("Clean").url)
    assert not page.xpath("//section[@id='corrections'] | //a[@class='corrected-label']")
    assert "correction" not in json_ld(page, "NewsArticle")


def test_notice_text_is_plain_text(client, newsroom):
    article = add_correction(
        newsroom.add_article("Markup"), "<script>alert(1)</script> & <b>bold</b>\nline two"
    )
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html
    assert "line two" in html and "<br>line two" in html


def test_updated_moves_to_the_newest_notice_when_it_is_later(client, newsroom):
    article = newsroom.add_article("Moving date", date_updated=ago(minutes=50))
    corrected_at = ago(minutes=5)
    article = add_correction(article, "A later correction.", date=corrected_at)
    updated = doc(client, article.url).xpath("//span[@class='updated']/time")
    assert updated[0].get("datetime") == timezone.localtime(corrected_at).isoformat(timespec="seconds")


def test_a_later_substantive_update_stays_the_updated_date(client, newsroom):
    update = ago(minutes=2)
    article = newsroom.add_article("Updated after", date_updated=update)
    article = add_correction(article, "An older correction.", date=ago(minutes=30))
    updated = doc(client, article.url).xpath("//span[@class='updated']/time")
    assert updated[0].get("datetime") == timezone.localtime(update).isoformat(timespec="seconds")
    assert json_ld(doc(client, article.url), "NewsArticle")["dateModified"] == update.isoformat(
        timespec="seconds"
    )


def test_a_notice_alone_shows_updated(client, newsroom):
    article = newsroom.add_article("Never updated")
    assert not doc(client, article.url).xpath("//span[@class='updated']")
    article = add_correction(article, "First correction.", date=ago(minutes=3))
    assert doc(client, article.url).xpath("//span[@class='updated']/time")


def test_russian_reader_gets_russian_labels_and_dates(client, newsroom):
    article = newsroom.add_article("Original")
    russian = translate(article, "ru", title="Оригинал", standfirst="Лид.")
    when = ago(days=3)
    russian = add_correction(russian, "Высота плотины — 102 м.", date=when)
    page = doc(client, russian.url)
    assert texts(page.xpath("//section[@id='corrections']/h2")) == ["Исправление"]
    assert texts(page.xpath("//a[@class='corrected-label']")) == ["Исправлено"]
    with translation.override("ru"):
        expected = local_date(when)
    assert expected.endswith("г.")
    assert texts(page.xpath("//li[@class='correction']//time")) == [" ".join(expected.split())]


def test_a_translation_does_not_inherit_the_originals_notices(newsroom):
    article = add_correction(newsroom.add_article("Source"), "English notice.")
    russian = translate(article, "ru", title="Перевод")
    assert ArticleCorrection.objects.filter(page=article).count() == 1
    assert not ArticleCorrection.objects.filter(page=russian).exists()


def test_a_notice_dated_in_the_future_is_refused(newsroom):
    article = newsroom.add_article("Future")
    correction = ArticleCorrection(page=article, text="Not yet.", date=timezone.now() + timedelta(hours=2))
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            correction.full_clean()
        assert "cannot be in the future" in str(error.value.message_dict["date"])
    ArticleCorrection(page=article, text="Now.", date=timezone.now()).full_clean()  # today is fine


def test_notices_are_kept_in_the_revision_history(newsroom):
    article = add_correction(newsroom.add_article("History"), "Kept.")
    revisions = list(article.revisions.order_by("created_at"))
    assert "Kept." not in json.dumps(revisions[0].content)
    assert [c["text"] for c in revisions[-1].content["corrections"]] == ["Kept."]


def test_a_draft_notice_is_not_shown_until_published(client, newsroom, settings):
    settings.STEPPE_PAGE_CACHE = False
    article = newsroom.add_article("Drafted")
    add_correction(article, "Still a draft.", publish=False)
    assert "Still a draft." not in client.get(article.url).content.decode()
    assert "Still a draft." not in client.get("/en/corrections/").content.decode()


def test_lite_mode_keeps_the_notices(client, newsroom):
    article = add_correction(newsroom.add_article("Lite"), "Lite readers see this.")
    page = doc(client, f"{article.url}?lite=1")
    assert not page.xpath("//link[@rel='stylesheet']")
    assert "Lite readers see this." in page.xpath("//section[@id='corrections']")[0].text_content()
    assert texts(page.xpath("//p//a[@href='#corrections']")) == ["Corrected"]


# -- structured data ---------------------------------------------------------------------------


def test_json_ld_holds_correction_comments_and_moves_date_modified(client, newsroom):
    article = newsroom.add_article("Structured", date_updated=ago(hours=1))
    first, second = ago(minutes=30), ago(minutes=20)
    add_correction(article, "First notice.", date=first)
    article = add_correction(article, "Second notice.", kind="clarification", date=second)
    data = json_ld(doc(client, article.url), "NewsArticle")
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Second notice.",
            "datePublished": second.isoformat(timespec="seconds"),
        },
        {
            "@type": "CorrectionComment",
            "text": "First notice.",
            "datePublished": first.isoformat(timespec="seconds"),
        },
    ]
    assert data["dateModified"] == second.isoformat(timespec="seconds")
    og = doc(client, article.url).xpath("//meta[@property='article:modified_time']/@content")
    assert og == [second.isoformat(timespec="seconds")]


# -- the page per language ---------------------------------------------------------------------


def test_corrections_page_lists_every_notice_newest_first_with_links(client, newsroom):
    one = newsroom.add_article("First article")
    two = newsroom.add_article("Second article", section="economy")
    add_correction(one, "Oldest.", date=ago(hours=3))
    add_correction(two, "Middle.", kind="clarification", date=ago(hours=2))
    add_correction(one, "Newest.", date=ago(hours=1))
    page = doc(client, "/en/corrections/")
    assert texts(page.xpath("//h1")) == ["Corrections and clarifications"]
    assert page.xpath("//title")[0].text.startswith("Corrections and clarifications — ")
    assert page.xpath("//link[@rel='canonical']/@href") == ["http://localhost/en/corrections/"]
    entries = page.xpath("//li[@class='corrections-entry']")
    assert texts(e.xpath(".//*[@class='correction-text']")[0] for e in entries) == [
        "Newest.",
        "Middle.",
        "Oldest.",
    ]
    assert texts(e.xpath(".//*[@class='correction-kind']")[0] for e in entries) == [
        "Correction",
        "Clarification",
        "Correction",
    ]
    newest = ArticleCorrection.objects.get(text="Newest.")
    link = entries[0].xpath(".//h2/a")[0]
    assert link.text == "First article" and link.get("href") == f"{one.url}#correction-{newest.pk}"
    # The anchor is really on the article.
    assert doc(client, one.url).xpath(f"//li[@id='correction-{newest.pk}']")
    data = json_ld(page, "CollectionPage")
    assert data["name"] == "Corrections and clarifications" and data["url"].endswith("/en/corrections/")


def test_corrections_page_is_linked_from_every_footer(client, newsroom):
    for url in ("/en/", newsroom.add_article("Footer").url, "/en/corrections/"):
        links = doc(client, url).xpath("//footer[@class='site-footer']//a[@href='/en/corrections/']")
        assert texts(links) == ["Corrections"], url


def test_corrections_page_is_paginated_and_tolerates_bad_page_numbers(client, newsroom, settings):
    settings.STEPPE_ARTICLES_PER_PAGE = 2
    article = newsroom.add_article("Many notices")
    for number in range(5):
        article = add_correction(article, f"Notice {number}.", date=ago(hours=10 - number))
    first = doc(client, "/en/corrections/")
    assert texts(first.xpath("//*[@class='correction-text']")) == ["Notice 4.", "Notice 3."]
    assert texts(first.xpath("//nav[@class='pagination']/span")) == ["Page 1 of 3"]
    assert first.xpath("//nav[@class='pagination']/a[@rel='next']/@href") == ["?page=2"]
    last = doc(client, "/en/corrections/?page=3")
    assert texts(last.xpath("//*[@class='correction-text']")) == ["Notice 0."]
    for junk in ("abc", "0", "99999999", "-1", "%00"):
        response = client.get(f"/en/corrections/?page={junk}")
        assert response.status_code == 200, junk


def test_corrections_page_leaves_out_unpublished_and_other_languages(client, newsroom, settings):
    settings.STEPPE_PAGE_CACHE = False
    gone = add_correction(newsroom.add_article("Will go"), "About a gone article.")
    stays = add_correction(newsroom.add_article("Stays"), "About a live article.")
    russian = translate(stays, "ru", title="Остаётся")
    add_correction(russian, "Русская поправка.")
    gone.unpublish()
    english = client.get("/en/corrections/").content.decode()
    assert "About a live article." in english and "About a gone article." not in english
    assert "Русская поправка." not in english
    page = doc(client, "/ru/corrections/")
    assert texts(page.xpath("//*[@class='correction-text']")) == ["Русская поправка."]
    assert texts(page.xpath("//h1")) == ["Исправления и уточнения"]


def test_corrections_page_with_no_notices_says_so(client, newsroom):
    page = doc(client, "/en/corrections/")
    assert texts(page.xpath("//main//p[not(@class)]")) == ["No corrections or clarifications yet."]


def test_corrections_page_costs_the_same_queries_for_more_notices(client, newsroom, settings):
    settings.STEPPE_PAGE_CACHE = False
    add_correction(newsroom.add_article("Counted"), "One.")

    def count() -> int:
        client.get("/en/corrections/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/corrections/").status_code == 200
        return len(queries)

    few = count()
    for number in range(4):
        add_correction(newsroom.add_article(f"Counted {number}"), f"More {number}.")
    assert count() == few


def test_an_article_with_notices_costs_at_most_one_query_more(client, newsroom, settings):
    settings.STEPPE_PAGE_CACHE = False
    plain = newsroom.add_article("Plain")
    corrected = newsroom.add_article("Corrected")
    for number in range(3):
        corrected = add_correction(corrected, f"Fix {number}.")

    def count(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(corrected.url) <= count(plain.url) + 1


# -- feeds ---------------------------------------------------------------------------------------


def test_feeds_show_a_corrected_item_as_updated(client, newsroom):
    article = newsroom.add_article("Feed story", date_updated=ago(hours=1))
    corrected_at = ago(minutes=10)
    add_correction(article, "Feed correction.", date=corrected_at)
    expected = corrected_at

    atom = client.get("/en/feeds/atom.xml").content
    entry = etree.fromstring(atom).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}updated") == expected.isoformat()
    assert "Feed correction." in entry.findtext(f"{ATOM}content")
    parsed = feedparser.parse(atom).entries[0]
    assert parsed.updated_parsed > parsed.published_parsed

    rss = client.get("/en/feeds/rss.xml").content
    item = etree.fromstring(rss).find("channel/item")
    assert item.findtext(f"{DCTERMS}modified") == entry.findtext(f"{ATOM}updated")
    assert "Feed correction." in item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    parsed = feedparser.parse(rss)
    assert not parsed.bozo and parsed.entries[0].updated_parsed > parsed.entries[0].published_parsed


# -- never stale ---------------------------------------------------------------------------------


def test_a_new_notice_shows_at_once_with_the_page_cache_on(client, newsroom, settings):
    settings.STEPPE_PAGE_CACHE = True
    article = newsroom.add_article("Cached then corrected")
    for url in (article.url, "/en/corrections/", "/en/feeds/atom.xml"):
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"
    add_correction(article, "Fresh notice.")
    for url in (article.url, "/en/corrections/", "/en/feeds/atom.xml", f"{article.url}?lite=1"):
        response = client.get(url)
        assert "Fresh notice." in response.content.decode(), url
    # Taking it out again (a new revision without it) takes it off both pages at once too.
    page = ArticlePage.objects.get(pk=article.pk)
    page.corrections = []
    page.save_revision().publish()
    for url in (article.url, "/en/corrections/"):
        assert "Fresh notice." not in client.get(url).content.decode(), url


def test_publishing_purges_the_corrections_page_from_nginx(newsroom, settings, purge_server):  # noqa: F811
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STEPPE_ARTICLES_PER_PAGE = 2
    article = newsroom.add_article("Purge me")
    received.clear()
    for number in range(3):
        article = add_correction(article, f"Purged {number}.")
    paths = [path for _host, path in received]
    assert article.url in paths and "/en/corrections/" in paths
    # Three notices at two a page: page 2 holds one, and a new one may push onto page 3.
    assert "/en/corrections/?page=2" in paths and "/en/corrections/?page=3" in paths
    received.clear()
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert "/en/corrections/" in [path for _host, path in received]


def test_the_corrections_route_is_one_per_home(client, newsroom):
    response = client.get("/en/corrections/extra/")
    assert response.status_code == 404
    assert re.search(r"<h1", client.get("/en/corrections/").content.decode())
