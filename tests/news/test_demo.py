"""The demo newsroom in four languages (`manage.py load_demo` with STEPPE_LANGUAGES=en,ru,kk,uz).

The demo is loaded once for this module, the way an existing installation gets new languages: first
with en,ru only (then the Russian author names are removed, as a database loaded before authors had
local names would be), then again with en,ru,kk,uz, which must fill in everything that is missing.
Each test runs inside its own savepoint; the module's transaction is rolled back at the end.
"""

from __future__ import annotations

import html
import json
import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, Revision

from news.demo import content
from news.management.commands.load_demo import DEMO_NOTICE, Command
from news.models import ArticlePage, Author, AuthorLocalName, HomePage, NewsImage, SectionPage
from translit.uzbek import to_script

pytestmark = pytest.mark.django_db

LANGUAGES = [(code, name) for code, name in settings.ALL_LANGUAGES if code in ("en", "ru", "kk", "uz")]
TWO = LANGUAGES[:2]
CYRILLIC = re.compile("[\u0400-\u04ff]")


def load(languages) -> str:
    out = StringIO()
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "authors": Author.objects.count(),
        "local names": AuthorLocalName.objects.count(),
        "images": NewsImage.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo as an en,ru site first, then with kk and uz added: what each stage held."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load(TWO)
            two = {
                "languages": set(ArticlePage.objects.values_list("locale__language_code", flat=True)),
                "local languages": set(AuthorLocalName.objects.values_list("language", flat=True)),
            }
            AuthorLocalName.objects.all().delete()  # as loaded before authors had local names
            output = load(LANGUAGES)
            with override_settings(LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES):
                yield {"two": two, "output": output}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_only_the_sites_languages_get_content(demo):
    assert demo["two"]["languages"] == {"en", "ru"}
    assert demo["two"]["local languages"] == {"ru"}
    assert "Demo newsroom loaded" in demo["output"]


def test_every_section_lists_live_articles_in_every_language(demo):
    for source in SectionPage.objects.filter(locale__language_code="en"):
        for code, _name in LANGUAGES:
            section = SectionPage.objects.live().get(
                translation_key=source.translation_key, locale__language_code=code
            )
            assert section.articles().exists(), (code, source.slug)
            if source.country:  # a country section also lists articles filed under a topic
                assert section.articles().exclude(path__startswith=section.path).exists(), (code, source.slug)


def test_every_tag_and_author_page_lists_articles_in_every_language(demo):
    """The language switcher on a tag or author page leads to the same page in every language."""
    from taggit.models import Tag

    for code, _name in LANGUAGES:
        home = HomePage.objects.live().get(locale__language_code=code)
        for tag in Tag.objects.filter(name__in=content.TAGS):
            assert home.articles().filter(tagged_items__tag=tag).exists(), (code, tag.name)
        for author in Author.objects.all():
            assert home.articles().filter(article_authors__author=author).exists(), (code, author.slug)


def test_every_home_page_has_a_row_per_country(client, demo):
    for code, _name in LANGUAGES:
        page = client.get(f"/{code}/").content.decode()
        assert page.count('class="country-row"') == 5, code


def test_section_pages_show_articles_in_their_language(client, demo):
    for section in SectionPage.objects.live().select_related("locale"):
        code = section.locale.language_code
        response = client.get(section.url)
        assert response.status_code == 200, section.url
        page = response.content.decode()
        titles = [a.title for a in section.articles()]
        if code == "uz":  # shown in Latin by default, whichever script it was written in
            titles = [to_script(title, "latn") for title in titles]
        assert any(html.escape(title, quote=False) in page for title in titles), section.url
        assert f'<html lang="{"uz-Latn" if code == "uz" else code}"' in page


def test_kazakh_and_uzbek_texts_are_what_the_data_files_say(demo):
    for code in ("kk", "uz"):
        texts = content.translations(code)
        assert len(texts["articles"]) >= 10
        titles = set()
        for spec in content.ARTICLES:
            text = texts["articles"].get(spec["key"])
            if text is None:
                continue
            page = ArticlePage.objects.live().get(slug=spec["slug"], locale__language_code=code)
            assert page.title == text["title"] and page.title not in titles
            titles.add(page.title)
            notice = (
                DEMO_NOTICE[code] if text.get("script") != "cyrl" else to_script(DEMO_NOTICE[code], "cyrl")
            )
            assert notice in page.body[0].value.source
            english = ArticlePage.objects.get(slug=spec["slug"], locale__language_code="en")
            assert page.translation_key == english.translation_key  # the switcher and hreflang link them
    scripts = [a.get("script") for a in content.translations("uz")["articles"].values()]
    assert scripts.count("latn") >= 4 and scripts.count("cyrl") >= 4


def test_a_second_load_creates_nothing(demo):
    before = counts()
    assert "already loaded" in load(LANGUAGES)
    assert counts() == before
    # Even when it does not stop early, every piece is found before it would be created.
    original = Command.is_loaded
    Command.is_loaded = lambda self: False
    try:
        load(LANGUAGES)
    finally:
        Command.is_loaded = original
    assert counts() == before


def test_uzbek_articles_read_in_either_script(client, demo):
    texts = content.translations("uz")["articles"]
    cyrillic = next(a for a in content.ARTICLES if texts.get(a["key"], {}).get("script") == "cyrl")
    latin = next(a for a in content.ARTICLES if texts.get(a["key"], {}).get("script") == "latn")
    written_cyrillic = ArticlePage.objects.get(slug=cyrillic["slug"], locale__language_code="uz")
    written_latin = ArticlePage.objects.get(slug=latin["slug"], locale__language_code="uz")
    assert CYRILLIC.search(written_cyrillic.title) and not CYRILLIC.search(written_latin.title)

    for query in ("", "?script=latn"):
        page = client.get(written_cyrillic.url + query).content.decode()
        assert '<html lang="uz-Latn"' in page
        assert f"<h1>{to_script(written_cyrillic.title, 'latn')}</h1>" in page
        # What readers see (the <head>'s social-card metadata is left as written, see the report).
        assert not CYRILLIC.search(body_text(page))
    page = client.get(written_latin.url + "?script=cyrl").content.decode()
    assert '<html lang="uz-Cyrl"' in page
    assert f"<h1>{to_script(written_latin.title, 'cyrl')}</h1>" in page
    assert written_latin.standfirst not in body_text(page)
    assert to_script(written_latin.standfirst, "cyrl") in body_text(page)


def body_text(page_html: str) -> str:
    """The article's visible text: its <article> element without tags."""
    article = re.search(r'<article class="article">(.*?)</article>', page_html, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def byline(page_html: str) -> str:
    return re.search(r'<p class="byline">(.*?)</p>', page_html, re.S).group(1)


def test_bylines_name_authors_as_each_languages_readers_read_them(client, demo):
    author = next(a for a in content.AUTHORS if a["slug"] == "aigerim-sadykova")
    expected = {
        "en": author["name"],
        "ru": author["name_ru"],
        "kk": content.translations("kk")["authors"][author["slug"]]["name"],
        "uz": content.translations("uz")["authors"][author["slug"]]["name"],
    }
    assert expected == {
        "en": "Aigerim Sadykova",
        "ru": "Айгерим Садыкова",
        "kk": "Әйгерім Садықова",
        "uz": "Aygerim Sadiqova",
    }
    for code, name in expected.items():
        page = (
            ArticlePage.objects.live()
            .filter(locale__language_code=code, article_authors__author__slug=author["slug"])
            .order_by("-date_published")
            .first()
        )
        rendered = client.get(page.url).content.decode()
        assert f'rel="author">{name}</a>' in byline(rendered), code
        others = {other for lang, other in expected.items() if other != name}
        assert not any(other in byline(rendered) for other in others), code
        # The article's structured data names them the same way.
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', rendered, re.S)
        article = next(b for b in map(json.loads, blocks) if b.get("@type") == "NewsArticle")
        assert name in [person["name"] for person in article["author"]], code


def test_russian_author_page_and_feed_use_the_russian_name(client, demo):
    author = next(a for a in content.AUTHORS if a["slug"] == "zarina-karimova")
    page = client.get(f"/ru/authors/{author['slug']}/").content.decode()
    assert f"<h1>{author['name_ru']}</h1>" in page and author["bio_ru"] in page
    assert author["name"] not in page
    english = client.get(f"/en/authors/{author['slug']}/").content.decode()
    assert f"<h1>{author['name']}</h1>" in english and author["bio_en"] in english
    feed = client.get("/ru/feeds/rss.xml").content.decode()
    creators = set(re.findall(r"<dc:creator>(.*?)</dc:creator>", feed))
    assert creators and creators <= {a["name_ru"] for a in content.AUTHORS}
    atom = client.get(f"/ru/feeds/author/{author['slug']}/atom.xml").content.decode()
    assert f"<title>{author['name_ru']} — " in atom


def test_the_demo_has_a_corrected_article_in_english_and_russian(client, demo):
    from django.utils.html import escape

    from news.models import ArticleCorrection

    spec = next(a for a in content.ARTICLES if a.get("corrections"))
    for code, heading, figure in (
        ("en", "Corrections and clarifications", "29 megawatts"),
        ("ru", "Исправления и уточнения", "29 мегаватт"),
    ):
        page = ArticlePage.objects.live().get(slug=spec["slug"], locale__language_code=code)
        notices = list(page.corrections.order_by("date"))
        assert [n.kind for n in notices] == ["correction", "clarification"], code
        assert all(n.date > page.date_published for n in notices), code
        rendered = client.get(page.url).content.decode()
        assert heading in rendered and figure in rendered and 'class="corrected-label"' in rendered, code
        listing = client.get(f"/{code}/corrections/").content.decode()
        assert escape(page.title) in listing and f"#correction-{notices[-1].pk}" in listing
    # Marked as demo content in both languages.
    assert all("demo" in n.text.lower() or "демо" in n.text.lower() for n in ArticleCorrection.objects.all())
    # A demo loaded before corrections existed gets them on its next run, once.
    ArticleCorrection.objects.all().delete()
    assert not Command().is_loaded()
    load(LANGUAGES)
    assert ArticleCorrection.objects.count() == 4
    assert "already loaded" in load(LANGUAGES)
