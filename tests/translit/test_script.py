"""Uzbek pages in Latin or Cyrillic (?script=cyrl), whichever script the editor wrote."""

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.rich_text import RichText

from tests.factories import translate
from translit.script import render_in_script
from translit.search import fold_uzbek_word, normalise_query_for_search, query_variants

SEVEN = list(settings.ALL_LANGUAGES)


@pytest.fixture
def uzbek_site(settings):
    """A site with all seven languages (tests/translit/conftest.py drops the Django set-up)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()
    with override_settings(LANGUAGES=SEVEN, WAGTAIL_CONTENT_LANGUAGES=SEVEN):
        yield
    cache.clear()


def test_render_marks_script_and_keeps_the_choice_in_links_and_forms():
    html = (
        '<!doctype html><html lang="uz"><body><p>Yangilandi</p>'
        '<nav translate="no"><a href="/uz/x/?script=latn" lang="uz-Latn">Lotin</a></nav>'
        '<a href="/uz/iqtisod/">Iqtisod</a> <a href="/uz/search/?q=a#r">Qidiruv</a> '
        '<a href="/ru/">Русский</a> <span lang="en">Steppe</span>'
        '<form method="get" action="/uz/search/"><input name="q" placeholder="Izlash"></form>'
        '<img src="/media/a.jpg" alt="Toshkent koʻchasi"></body></html>'
    )
    cyr = render_in_script(html, "cyrl")
    assert '<html lang="uz-Cyrl">' in cyr and "<p>Янгиланди</p>" in cyr
    assert '<a href="/uz/iqtisod/?script=cyrl">Иқтисод</a>' in cyr
    assert 'href="/uz/search/?q=a&amp;script=cyrl#r"' in cyr
    assert 'href="/uz/x/?script=latn" lang="uz-Latn">Lotin<' in cyr  # the switcher is left alone
    assert 'href="/ru/"' in cyr and '<span lang="en">Steppe</span>' in cyr
    assert (
        '<form method="get" action="/uz/search/?script=cyrl"><input type="hidden" name="script" value="cyrl">'
        in cyr
    )
    assert 'placeholder="Излаш"' in cyr and 'alt="Тошкент кўчаси"' in cyr
    lat = render_in_script(cyr.replace('lang="uz-Cyrl"', 'lang="uz"'), "latn")
    assert '<html lang="uz-Latn">' in lat and "<p>Yangilandi</p>" in lat


@pytest.mark.django_db
@override_settings(STEPPE_PAGE_CACHE=True)
def test_uzbek_article_written_in_cyrillic_reads_in_both_scripts(client, newsroom, uzbek_site):
    article = newsroom.add_article("Youth policy")
    translate(newsroom.home, "uz", title="Dasht xabarchisi")
    uzbek = translate(
        article,
        "uz",
        title="Ёшлар сиёсати",
        standfirst="Ўзбекистон ёшлари учун янги дастур.",
        body=[("paragraph", RichText("<p>Тошкентда ғалаба қозонган лойиҳа эълон қилинди.</p>"))],
    )
    assert uzbek.url.startswith("/uz/")
    latin = client.get(uzbek.url)
    html = latin.content.decode()
    assert latin.status_code == 200
    assert '<html lang="uz-Latn">' in html
    assert "Yoshlar siyosati" in html and "Oʻzbekiston yoshlari uchun yangi dastur." in html
    assert "Toshkentda gʻalaba qozongan loyiha eʼlon qilindi." in html
    assert "Soʻnggi yangiliklar" in html  # the Latin uz catalog
    assert f'href="{uzbek.url}?script=cyrl" lang="uz-Cyrl" rel="nofollow">Кирилл</a>' in html
    assert '<span aria-current="true" lang="uz-Latn">Lotin</span>' in html

    cyrillic = client.get(uzbek.url + "?script=cyrl")
    html = cyrillic.content.decode()
    assert '<html lang="uz-Cyrl">' in html
    assert "Ёшлар сиёсати" in html and "Тошкентда ғалаба қозонган лойиҳа эълон қилинди." in html
    assert "Сўнгги янгиликлар" in html  # interface strings follow the script too
    assert '<span aria-current="true" lang="uz-Cyrl">Кирилл</span>' in html
    assert f'href="{uzbek.url}?script=latn" lang="uz-Latn" rel="nofollow">Lotin</a>' in html
    # Cached separately (the page cache keys on path + query): asking again gives each script back.
    again_latin, again_cyrillic = client.get(uzbek.url), client.get(uzbek.url + "?script=cyrl")
    assert again_latin["X-Cache"] == again_cyrillic["X-Cache"] == "HIT"
    assert "Yoshlar siyosati" in again_latin.content.decode()
    assert "Ёшлар сиёсати" in again_cyrillic.content.decode()


@pytest.mark.django_db
def test_other_languages_are_untouched(client, newsroom, uzbek_site):
    article = newsroom.add_article("Steppe news")
    html = client.get(article.url + "?script=cyrl").content.decode()
    assert '<html lang="en">' in html and "Steppe news" in html and "script-switcher" not in html


@pytest.mark.django_db
def test_no_script_switcher_when_the_site_has_no_uzbek(client, newsroom, uzbek_site):
    with override_settings(LANGUAGES=SEVEN[:2], WAGTAIL_CONTENT_LANGUAGES=SEVEN[:2]):
        html = client.get(newsroom.add_article("Plain").url).content.decode()
    assert "script-switcher" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ўзбекистон ёшлари", "Oʻzbekiston yoshlari"),
        ("O'zbekiston yoshlari", "Oʻzbekiston yoshlari"),
        ("Oʻzbekiston yoshlari", "Oʻzbekiston yoshlari"),
        ("маъно", "maʼno"),
        ("ғалаба", "gʻalaba"),
    ],
)
def test_queries_in_either_script_normalise_to_the_same_latin(query, expected):
    assert normalise_query_for_search(query, "uz") == expected
    assert normalise_query_for_search(query, "uz-Cyrl") == expected


def test_query_variants_and_folding():
    assert query_variants("Ўзбекистон", "uz") == ["Oʻzbekiston", "Ўзбекистон"]
    assert query_variants("g'alaba", "uz") == ["gʻalaba", "ғалаба"]
    assert query_variants("Ёлка", "ru") == ["Ёлка"]
    assert normalise_query_for_search("Ёлка", "ru") == "Ёлка"
    assert fold_uzbek_word("ўзбекистон") == fold_uzbek_word("oʻzbekiston") == fold_uzbek_word("o'zbekiston")


@pytest.mark.django_db
def test_search_finds_uzbek_articles_whichever_script_the_query_uses(client, newsroom, uzbek_site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    translate(newsroom.home, "uz", title="Dasht xabarchisi")
    cyrillic = translate(
        newsroom.add_article("Cotton"),
        "uz",
        title="Пахта ҳосили",
        body=[("paragraph", RichText("<p>Фарғона водийсида пахта ғалабаси.</p>"))],
    )
    latin = translate(
        newsroom.add_article("Water"),
        "uz",
        title="Suv muzokaralari",
        body=[("paragraph", RichText("<p>Toshkentda suv boʻyicha muzokaralar.</p>"))],
    )
    for query, found, missing in [
        ("paxta", cyrillic, latin),  # Latin query, Cyrillic article
        ("ПАХТА ҳосили", cyrillic, latin),
        ("сув музокаралари", latin, cyrillic),  # Cyrillic query, Latin article
        ("bo'yicha", latin, cyrillic),  # a typed apostrophe
    ]:
        html = client.get("/uz/search/", {"q": query}).content.decode()
        assert f'href="{found.url}"' in html, query
        assert f'href="{missing.url}"' not in html, query
