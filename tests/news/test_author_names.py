"""Authors' names (and bios) per language: the byline, author page, structured data and feeds."""

import re

import pytest
from django.conf import settings
from django.test import override_settings

from news.models import Author, AuthorLocalName
from tests.factories import translate
from tests.news.test_query_budget import count_queries

pytestmark = pytest.mark.django_db

EN_RU = [(code, name) for code, name in settings.ALL_LANGUAGES if code in ("en", "ru")]


@pytest.fixture(autouse=True)
def _en_ru(settings):
    settings.LANGUAGES = EN_RU
    settings.WAGTAIL_CONTENT_LANGUAGES = EN_RU
    settings.STEPPE_PAGE_CACHE = False  # count what a render costs, not a cache hit


def named(name: str, **local: str) -> Author:
    author = Author.objects.create(name=name, bio=f"Bio of {name}.")
    for order, (language, local_name) in enumerate(local.items()):
        AuthorLocalName.objects.create(
            author=author, language=language, name=local_name, bio=f"Био: {local_name}.", sort_order=order
        )
    return author


def test_name_for_falls_back_to_the_default_name():
    author = named("Aigerim Sadykova", ru="Айгерим Садыкова")
    assert author.name_for("ru") == "Айгерим Садыкова"
    assert author.name_for("ru-RU") == "Айгерим Садыкова"
    assert author.name_for("kk") == "Aigerim Sadykova"
    assert author.bio_for("ru") == "Био: Айгерим Садыкова."
    assert author.bio_for("en") == "Bio of Aigerim Sadykova."
    localized = Author.objects.localized("ru").get(pk=author.pk)
    assert localized.in_language("ru").display_name == "Айгерим Садыкова"
    assert (
        Author.objects.localized("en").get(pk=author.pk).in_language("en").display_name == "Aigerim Sadykova"
    )


def test_byline_author_page_and_feeds_in_the_articles_language(client, newsroom):
    author = named("Aigerim Sadykova", ru="Айгерим Садыкова")
    article = newsroom.add_article("Water talks", authors=[author])
    translate(newsroom.home, "ru", title="Курьер")
    russian = translate(article, "ru", title="Переговоры о воде")

    en_html = client.get(article.url).content.decode()
    ru_html = client.get(russian.url).content.decode()
    assert 'rel="author">Aigerim Sadykova</a>' in en_html and "Айгерим Садыкова" not in en_html
    assert 'rel="author">Айгерим Садыкова</a>' in ru_html
    assert '"name": "Айгерим Садыкова"' in ru_html or '"name":"Айгерим Садыкова"' in ru_html  # JSON-LD

    ru_author = client.get(f"/ru/authors/{author.slug}/").content.decode()
    assert "<h1>Айгерим Садыкова</h1>" in ru_author and "Био: Айгерим Садыкова." in ru_author
    assert "<title>Айгерим Садыкова — " in ru_author
    en_author = client.get(f"/en/authors/{author.slug}/").content.decode()
    assert "<h1>Aigerim Sadykova</h1>" in en_author and "Bio of Aigerim Sadykova." in en_author

    rss = client.get("/ru/feeds/rss.xml").content.decode()
    assert "<dc:creator>Айгерим Садыкова</dc:creator>" in rss
    atom = client.get(f"/ru/feeds/author/{author.slug}/atom.xml").content.decode()
    assert "<name>Айгерим Садыкова</name>" in atom and "<title>Айгерим Садыкова — Курьер</title>" in atom
    assert "<dc:creator>Aigerim Sadykova</dc:creator>" in client.get("/en/feeds/rss.xml").content.decode()


def test_local_names_add_no_query_per_author(client, newsroom):
    translate(newsroom.home, "ru", title="Курьер")
    one = newsroom.add_article("One writer", authors=[named("Writer 0", ru="Автор 0")])
    many = newsroom.add_article(
        "Many writers", authors=[named(f"Writer {i}", ru=f"Автор {i}") for i in range(1, 9)]
    )
    ru_one, ru_many = translate(one, "ru", title="Один автор"), translate(many, "ru", title="Много авторов")
    assert count_queries(client, ru_many.url) == count_queries(client, ru_one.url)
    assert count_queries(client, many.url) == count_queries(client, ru_many.url)
    page = client.get(ru_many.url).content.decode()
    byline = re.search(r'<p class="byline">(.*?)</p>', page, re.S).group(1)
    assert [f"Автор {i}" for i in range(1, 9)] == re.findall(r'rel="author">([^<]+)</a>', byline)


def test_local_names_are_edited_in_the_author_snippet(admin_client):
    author = named("Aigerim Sadykova", ru="Айгерим Садыкова")
    html = admin_client.get(f"/admin/snippets/news/author/edit/{author.pk}/").content.decode()
    assert 'name="local_names-TOTAL_FORMS"' in html and "Айгерим Садыкова" in html


@override_settings(LANGUAGES=EN_RU)
def test_language_choices_are_every_supported_language():
    field = AuthorLocalName._meta.get_field("language")
    assert [code for code, _name in field.choices] == [code for code, _name in settings.ALL_LANGUAGES]
