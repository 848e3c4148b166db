"""The search page: morphology (en/ru), filters, order, pages, highlighting and garbage input."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.factories import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _inline_tasks(settings):
    # Wagtail updates the search index in a task: run it inline like the worker would.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def archive(newsroom, settings):
    now = timezone.now()
    a = newsroom.add_article(
        "Parliament elections called",
        body=body("Voters in Kazakhstan will elect a new parliament in March."),
        published=now - timedelta(days=3),
    )
    b = newsroom.add_article(
        "Cotton harvest record",
        section="uzbekistan",
        countries=["UZ"],
        body=body("Farmers in the Fergana valley picked more cotton than ever."),
        published=now - timedelta(days=1),
    )
    c = newsroom.add_article(
        "Election observers arrive",
        section="kazakhstan",
        body=body("Observers from the OSCE arrived before the election."),
        published=now - timedelta(hours=2),
    )
    ru = translate(
        a,
        "ru",
        title="Назначены выборы в парламент",
        standfirst="Выборы пройдут в марте.",
        slug="vybory",
        body=body("Избиратели Казахстана проголосуют на выборах в марте."),
    )
    return {"a": a, "b": b, "c": c, "ru": ru}


def titles(response):
    html = response.content.decode()
    return [
        chunk.split("</a>", 1)[0].rsplit(">", 1)[1] for chunk in html.split('<li class="search-result"')[1:]
    ]


def test_english_morphology_and_highlight(client, archive):
    response = client.get("/en/search/", {"q": "elected"})
    assert response.status_code == 200
    found = titles(response)
    assert set(found) == {"Parliament elections called", "Election observers arrive"}
    assert (
        "<mark>elect</mark>" in response.content.decode()
        or "<mark>election</mark>" in response.content.decode()
    )


def test_russian_morphology(client, archive):
    response = client.get("/ru/search/", {"q": "выборы"})
    assert titles(response) == ["Назначены выборы в парламент"]
    assert (
        "<mark>выборах</mark>" in response.content.decode()
        or "<mark>Выборы</mark>" in response.content.decode()
    )
    # The Russian page searches Russian articles unless asked for all languages.
    assert titles(client.get("/ru/search/", {"q": "parliament"})) == []
    assert "Parliament elections called" in titles(
        client.get("/ru/search/", {"q": "parliament", "language": "all"})
    )


def test_filters_and_order(client, archive, newsroom):
    assert titles(client.get("/en/search/", {"q": "election", "country": "UZ"})) == []
    assert titles(client.get("/en/search/", {"q": "cotton", "country": "UZ"})) == ["Cotton harvest record"]
    kz = newsroom.sections["kazakhstan"].pk
    assert titles(client.get("/en/search/", {"q": "election", "section": kz})) == [
        "Election observers arrive"
    ]
    assert titles(client.get("/en/search/", {"q": "election", "order": "date"})) == [
        "Election observers arrive",
        "Parliament elections called",
    ]
    today = timezone.localdate()
    since = (today - timedelta(days=2)).isoformat()
    assert titles(client.get("/en/search/", {"q": "election", "date_from": since})) == [
        "Election observers arrive"
    ]
    until = (today - timedelta(days=2)).isoformat()
    assert titles(client.get("/en/search/", {"q": "election", "date_to": until})) == [
        "Parliament elections called"
    ]


def test_drafts_never_found(client, archive, newsroom):
    from tests.factories import create_article

    create_article(newsroom.sections["politics"], "Secret election draft", body=body("election"), live=False)
    assert "Secret election draft" not in titles(client.get("/en/search/", {"q": "election"}))


def test_pagination_keeps_the_query(client, archive, newsroom, settings):
    settings.STEPPE_SEARCH_PER_PAGE = 1
    response = client.get("/en/search/", {"q": "election", "order": "date"})
    html = response.content.decode()
    assert "Page 1 of 2" in html and "q=election" in html.split('rel="next"')[1].split(">")[0]
    assert titles(client.get("/en/search/", {"q": "election", "order": "date", "page": "2"})) == [
        "Parliament elections called"
    ]
    assert titles(client.get("/en/search/", {"q": "election", "order": "date", "page": "99"})) == [
        "Parliament elections called"
    ]


GARBAGE_QUERIES = ['"', '"unbalanced', "elect*", "NEAR(a b)", "election NEAR/2 vote", "a OR b", "AND", "NOT election",
                   "-election", "*", "^", "():;", "'", "\\", "{election}", "title:election", "a" * 200,
                   "выборы " * 30, "\x00", "%", "_", "a_b", "🙂", "ﷺ", "election" + "\u0301" * 50]  # fmt: skip
GARBAGE_PARAMS = [{"page": "-1"}, {"page": str(10**20)}, {"page": "abc"}, {"page": "1.5"}, {"page": "0"},
                  {"q": "x" * 5000}, {"country": "XX"}, {"section": "abc"}, {"section": "999999999999999999999"},
                  {"date_from": "2024-13-45"}, {"date_to": "tomorrow"}, {"date_from": "9999-12-31"},
                  {"language": "zz"}, {"order": "random"}]  # fmt: skip


def test_garbage_never_500(client, archive):
    for query in GARBAGE_QUERIES:
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
    for params in GARBAGE_PARAMS:
        response = client.get("/en/search/", {"q": "election", **params})
        assert response.status_code in (200, 400), params
    assert client.get("/en/search/", {"q": "election", "page": "-1"}).status_code == 400
    assert client.get("/en/search/", {"q": "election", "page": str(10**20)}).status_code == 400
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 400


def test_invalid_utf8_in_the_url(client, archive):
    for raw in ["%ff%fe%80election", "%ed%a0%80", "%c0%af", "election%00"]:
        response = client.get(f"/en/search/?q={raw}&page=%ff")
        assert response.status_code in (200, 400), raw


def test_header_has_a_search_form(client, archive):
    html = client.get(archive["a"].url).content.decode()
    form = html.split('<form class="site-search"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in form and 'action="/en/search/"' in form and 'name="q"' in form


TYPE_A_FEW_WORDS = "Please type a few words to search for."


def test_a_query_that_matches_nothing_says_so(client, archive):
    response = client.get("/en/search/", {"q": 'zzyzx <b>"quartz"'})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No articles found for “zzyzx &lt;b&gt;&quot;quartz&quot;”." in html
    assert TYPE_A_FEW_WORDS not in html and "<b>" not in html
    assert titles(response) == [] and "0 articles found" not in html


def test_a_query_that_matches_nothing_says_so_in_russian(client, archive):
    html = client.get("/ru/search/", {"q": "жирафы"}).content.decode()
    assert "По запросу «жирафы» статей не найдено." in html
    assert "Введите несколько слов для поиска." not in html


def test_filters_that_leave_nothing_say_no_articles_found(client, archive):
    html = client.get("/en/search/", {"q": "cotton", "country": "KZ"}).content.decode()
    assert "No articles found for “cotton”." in html and TYPE_A_FEW_WORDS not in html


@pytest.mark.parametrize("query", ["*", "():;", "the"])
def test_a_query_without_searchable_words_asks_for_some(client, archive, query):
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert TYPE_A_FEW_WORDS in html and "No articles found" not in html


def test_no_query_shows_neither_message(client, archive):
    html = client.get("/en/search/").content.decode()
    assert TYPE_A_FEW_WORDS not in html and "No articles found" not in html
