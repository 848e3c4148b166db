"""Tag and author pages exist only in the languages where a published article has that tag/author.

Readers and search engines must never land on an empty listing: elsewhere the page answers 404,
and the switcher, hreflang and sitemap of the listing link only the languages that have articles.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import translate

pytestmark = pytest.mark.django_db


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher(html: str) -> str:
    start = html.index('<nav class="language-switcher"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def bilingual(newsroom, settings):
    """Football and Aida in English and Russian; Kazakh has a home page and one other article."""
    settings.LANGUAGES = [("en", "English"), ("ru", "Russian"), ("kk", "Kazakh")]
    aida = newsroom.authors[0]
    english = newsroom.add_article("Derby day", authors=[aida], tags=["football"])
    translate(newsroom.home, "ru", title="Курьер")
    kk_home = translate(newsroom.home, "kk", title="Курьер kk")
    russian = translate(english, "ru", title="День дерби", slug="derbi")
    other = newsroom.add_article("Cotton prices", tags=["cotton"])
    translate(other, "kk", title="Мақта бағасы", slug="makta")
    return {"aida": aida, "english": english, "russian": russian, "kk_home": kk_home}


@pytest.mark.parametrize("kind", ["tags/football", "authors/{aida}"])
def test_listing_answers_404_in_a_language_without_its_articles(client, bilingual, kind):
    path = kind.format(aida=bilingual["aida"].slug)
    assert client.get(f"/en/{path}/").status_code == 200
    assert client.get(f"/ru/{path}/").status_code == 200
    assert "День дерби" in client.get(f"/ru/{path}/").content.decode()
    assert client.get(f"/kk/{path}/").status_code == 404
    assert client.get(f"/kk/{path}/", {"page": "3"}).status_code == 404


@pytest.mark.parametrize("kind", ["tags/football", "authors/{aida}"])
def test_switcher_and_hreflang_link_only_languages_with_articles(client, bilingual, kind):
    path = kind.format(aida=bilingual["aida"].slug)
    html = client.get(f"/en/{path}/").content.decode()
    links = hreflangs(html)
    assert set(links) == {"en", "ru", "x-default"}
    assert links["ru"].endswith(f"/ru/{path}/")
    nav = switcher(html)
    assert f'<a href="/ru/{path}/" hreflang="ru" lang="ru">' in nav
    # Kazakh has no such article: its home page, not followed, as for an untranslated article.
    assert f'<a href="{bilingual["kk_home"].url}" hreflang="kk" lang="kk" rel="nofollow">' in nav
    assert f"/kk/{path}/" not in html


def test_unpublishing_the_last_article_retires_the_listing_and_its_links(client, bilingual):
    client.get("/en/tags/football/")  # cached: languages, page
    russian = bilingual["russian"]
    russian.refresh_from_db()
    russian.unpublish()
    assert client.get("/ru/tags/football/").status_code == 404
    html = client.get("/en/tags/football/").content.decode()
    assert "ru" not in hreflangs(html)
    assert "/ru/tags/football/" not in html


def test_listing_languages_cost_one_cached_query(client, bilingual):
    from news.cache import bump_content_version

    bump_content_version()
    client.get("/en/tags/cotton/")  # warm the chrome fragments of this version
    with CaptureQueriesContext(connection) as first:
        assert client.get("/en/tags/football/?q=1").status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert (
            client.get("/en/tags/football/?q=2").status_code == 200
        )  # page cache bypassed by a keyed parameter the page ignores
    languages = [q["sql"] for q in first.captured_queries if "DISTINCT" in q["sql"].upper()]
    assert len(languages) == 1, languages
    assert len(again) == len(first) - 1  # the languages come from the fragment cache the second time


def test_sitemap_lists_no_tag_or_author_pages(client, bilingual):
    body = client.get("/sitemap.xml").content.decode()
    assert "/tags/" not in body and "/authors/" not in body
