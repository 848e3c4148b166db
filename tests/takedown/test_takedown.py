"""A takedown as readers meet it: the 410 notice in their language, the reason nowhere public,
and the page cache never serving the article (or a stale notice)."""

from __future__ import annotations

import pytest
from django.utils import translation

from takedown.actions import TakedownError, reverse, take_down
from takedown.models import TakedownNotice
from tests.factories import translate

pytestmark = pytest.mark.django_db

REASON = "Court order 2-117/2026 of the Almaty district court (internal: counsel's file 44)"


def get(client, url: str):
    return client.get(url, HTTP_ACCEPT_ENCODING="identity")


def test_the_address_answers_410_with_the_notice_in_the_sites_layout(client, newsroom, people):
    article = newsroom.add_article("Mayor's land deal", tags=["land"])
    url = article.url
    assert get(client, url).status_code == 200
    take_down(article, people["admin"], REASON)
    response = get(client, url)
    html = response.content.decode()
    assert response.status_code == 410
    assert "This article has been removed for legal reasons." in html
    assert "<h1>Article removed</h1>" in html
    assert 'class="site-header"' in html and "Politics" in html  # the site's own layout and menu
    assert '<meta name="robots" content="noindex">' in html
    assert "Mayor&#x27;s land deal" not in html and "Mayor's land deal" not in html
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]


def test_the_reason_is_never_public(client, newsroom, people):
    article = newsroom.add_article("Quarry licence")
    other = newsroom.add_article("Quarry jobs")
    take_down(article, people["admin"], REASON)
    for url in [article.url, "/en/", other.url, "/en/feeds/rss.xml", "/en/feeds/atom.xml", "/sitemap.xml",
                "/news-sitemap.xml", "/en/search/?q=quarry", "/en/politics/"]:  # fmt: skip
        body = get(client, url).content.decode()
        assert "2-117/2026" not in body and "counsel" not in body, url


def test_the_410_is_cached_and_a_new_notice_reaches_it_at_once(client, newsroom, people):
    article = newsroom.add_article("Cached away")
    take_down(article, people["admin"], REASON)
    first, second = get(client, article.url), get(client, article.url)
    assert (first.status_code, first["X-Cache"]) == (410, "MISS")
    assert (second.status_code, second["X-Cache"]) == (410, "HIT")
    notice = TakedownNotice.objects.create(text="Removed on a court's order.", locale=article.locale)
    response = get(client, article.url)
    assert response.status_code == 410 and "Removed on a court&#x27;s order." in response.content.decode()
    notice.text = "Removed under the media law."
    notice.save()
    assert "Removed under the media law." in get(client, article.url).content.decode()


def test_the_notice_is_the_languages_own(client, newsroom, people):
    english = newsroom.add_article("Border fence")
    russian = translate(english, "ru", title="Пограничный забор", standfirst="Забор.")
    take_down(russian, people["admin"], REASON)
    html = get(client, russian.url).content.decode()
    assert get(client, russian.url).status_code == 410
    with translation.override("ru"):
        assert "Эта статья удалена по юридическим причинам." in html
        assert "<h1>Статья удалена</h1>" in html
    assert get(client, english.url).status_code == 200  # the English original is not taken down
    TakedownNotice.objects.create(text="Материал удалён по решению суда.", locale=russian.locale)
    TakedownNotice.objects.create(text="Removed by court order.", locale=english.locale)
    assert "Материал удалён по решению суда." in get(client, russian.url).content.decode()
    assert "Removed by court order." not in get(client, russian.url).content.decode()


def test_an_unknown_address_is_still_404_and_other_methods_are_not_410(client, newsroom, people):
    article = newsroom.add_article("Harbour works")
    take_down(article, people["admin"], REASON)
    assert get(client, article.url.rstrip("/") + "-x/").status_code == 404
    assert client.post(article.url).status_code != 410


def test_bad_requests_are_refused_with_a_reason(newsroom, people):
    article = newsroom.add_article("Twice")
    with pytest.raises(TakedownError, match="Give the reason"):
        take_down(article, people["admin"], "   ")
    with pytest.raises(TakedownError, match="Only articles"):
        take_down(newsroom.sections["politics"], people["admin"], REASON)
    takedown = take_down(article, people["admin"], REASON)
    with pytest.raises(TakedownError, match="already taken down"):
        take_down(article, people["admin"], REASON)
    reverse(takedown, people["admin"])
    with pytest.raises(TakedownError, match="already been reversed"):
        reverse(takedown, people["admin"])


def test_a_deleted_articles_address_stays_gone(client, newsroom, people):
    article = newsroom.add_article("Deleted later")
    url = article.url
    takedown = take_down(article, people["admin"], REASON)
    article.delete()
    takedown.refresh_from_db()
    assert takedown.page_id is None and takedown.url == url
    assert get(client, url).status_code == 410
    with pytest.raises(TakedownError, match="deleted"):
        reverse(takedown, people["admin"])
