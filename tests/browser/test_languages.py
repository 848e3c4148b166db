"""A reader switches language (English article -> its Russian translation) and Uzbek script."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from tests.browser.conftest import browser, screenshot_dir  # noqa: F401 - shared Playwright fixtures

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(live_server, settings):
    from tests.factories import create_newsroom, translate

    settings.LANGUAGES = list(settings.ALL_LANGUAGES)
    settings.WAGTAIL_CONTENT_LANGUAGES = list(settings.ALL_LANGUAGES)
    room = create_newsroom()
    article = room.add_article("Water talks resume in Tashkent", section="uzbekistan", countries=["UZ"])
    translate(room.home, "ru", title="Степной курьер")
    translate(room.home, "uz", title="Dasht xabarchisi")
    russian = translate(article, "ru", title="Переговоры о воде возобновились в Ташкенте")
    uzbek = translate(
        article,
        "uz",
        title="Тошкентда сув бўйича музокаралар қайта бошланди",
        standfirst="Ўзбекистон ва қўшни давлатлар янги келишув устида ишламоқда.",
        body=[("paragraph", RichText("<p>Музокаралар ғалаба билан якунланиши кутилмоқда.</p>"))],
    )
    return live_server.url, article, russian, uzbek


def test_switch_language_and_uzbek_script(browser, site, screenshot_dir):  # noqa: F811
    base, article, russian, uzbek = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(base + article.url)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    page.wait_for_load_state()
    assert page.url == base + russian.url
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Переговоры о воде возобновились в Ташкенте"
    page.screenshot(path=str(screenshot_dir / "language-ru.png"))

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="oʻzbek tili").click()
    page.wait_for_load_state()
    assert page.url == base + uzbek.url
    assert page.locator("html").get_attribute("lang") == "uz-Latn"
    assert page.locator("h1").inner_text() == "Toshkentda suv boʻyicha muzokaralar qayta boshlandi"
    page.screenshot(path=str(screenshot_dir / "script-uz-latn.png"))

    page.get_by_role("link", name="Кирилл").click()
    page.wait_for_load_state()
    assert page.url == base + uzbek.url + "?script=cyrl"
    assert page.locator("html").get_attribute("lang") == "uz-Cyrl"
    assert page.locator("h1").inner_text() == "Тошкентда сув бўйича музокаралар қайта бошланди"
    assert "Сўнгги янгиликлар" in page.locator(".sidebar").inner_text()
    page.screenshot(path=str(screenshot_dir / "script-uz-cyrl.png"))
    # The choice stays with the reader: the home link keeps Cyrillic.
    page.locator(".site-name").click()
    page.wait_for_load_state()
    assert page.url.endswith("?script=cyrl") and page.locator("html").get_attribute("lang") == "uz-Cyrl"

    page.get_by_role("link", name="Lotin").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "uz-Latn"
    assert errors == []
