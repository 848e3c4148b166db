import re

import pytest

from tests.factories import translate

pytestmark = pytest.mark.django_db


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_switcher_and_hreflang_link_translations(client, newsroom):
    article = newsroom.add_article("Water talks")
    translate(newsroom.home, "ru", title="Курьер")
    russian = translate(article, "ru", title="Переговоры о воде")
    en_html = client.get(article.url).content.decode()
    ru_html = client.get(russian.url).content.decode()
    en_alt, ru_alt = alternates(en_html), alternates(ru_html)
    assert set(en_alt) == {"en", "ru", "x-default"}
    assert en_alt == ru_alt  # symmetric and complete
    # Absolute on the site's own address (the Wagtail site, localhost), as the canonical link and the
    # sitemap's alternates are, not on whatever Host the request came with ("testserver").
    assert en_alt["ru"] == "http://localhost" + russian.url
    assert en_alt["x-default"] == "http://localhost" + article.url
    assert f'<a href="{russian.url}" hreflang="ru" lang="ru">Русский</a>' in en_html
    assert '<html lang="ru">' in ru_html and "Переговоры о воде" in ru_html


def test_untranslated_article_switches_to_that_languages_home(client, newsroom):
    article = newsroom.add_article("English only")
    ru_home = translate(newsroom.home, "ru", title="Курьер")
    html = client.get(article.url).content.decode()
    assert set(alternates(html)) == {"en", "x-default"}
    assert f'<a href="{ru_home.url}" hreflang="ru" lang="ru" rel="nofollow">' in html
    # Absent in Russian: no half-translated page under /ru/.
    assert client.get(article.url.replace("/en/", "/ru/")).status_code == 404
