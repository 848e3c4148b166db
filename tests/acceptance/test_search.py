"""Search as readers use it on the running newsroom: the worker has indexed the demo."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
import pytest
import requests

from tests.acceptance.crawl import sitemap_urls
from tests.acceptance.product import wait_until

ARTICLE_PATH = re.compile(r"^/(?P<lang>[a-z]{2})/[^/]+/[^/]+/$")
WORD = re.compile(r"[^\W\d_]+(?:[ʻʼ'’][^\W\d_]+)*")
PER_LANGUAGE = 10
# The worker works through the demo's ~1,500 index tasks after the start.
INDEXED_WITHIN = 180


def articles_by_language(base_url: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for url in sitemap_urls(requests.Session(), base_url + "/sitemap.xml"):
        match = ARTICLE_PATH.match(urlsplit(url).path)
        if match:
            found.setdefault(match["lang"], []).append(urlsplit(url).path)
    return {lang: sorted(paths) for lang, paths in found.items()}


def is_news_article(base_url: str, path: str) -> bool:
    """An article page (its JSON-LD says NewsArticle), not another page at the same depth (a live page)."""
    return '"NewsArticle"' in requests.get(base_url + path, timeout=30).text


def headline(base_url: str, path: str) -> str:
    doc = lxml.html.fromstring(requests.get(base_url + path, timeout=30).text)
    return " ".join(doc.xpath("//main//h1")[0].text_content().split())


def result_paths(base_url: str, lang: str, query: str) -> list[str]:
    response = requests.get(f"{base_url}/{lang}/search/", params={"q": query}, timeout=30)
    assert response.status_code == 200, (query, response.status_code)
    doc = lxml.html.fromstring(response.text)
    return [urlsplit(href).path for href in doc.xpath("//ol[contains(@class, 'search-results')]//h2/a/@href")]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_ten_articles_are_found_by_a_word_of_their_headline(newsroom, lang):
    paths = [
        p
        for p in articles_by_language(newsroom.base_url).get(lang, [])
        if is_news_article(newsroom.base_url, p)
    ]
    assert len(paths) >= PER_LANGUAGE, f"only {len(paths)} {lang} articles in the sitemap"
    step = len(paths) // PER_LANGUAGE
    for path in paths[::step][:PER_LANGUAGE]:
        title = headline(newsroom.base_url, path)
        word = max(WORD.findall(title), key=len)
        wait_until(
            lambda path=path, word=word: path in result_paths(newsroom.base_url, lang, word),
            INDEXED_WITHIN,
            f"{path} found by searching its headline word {word!r} ({title!r})",
            interval=3,
        )


def test_a_search_without_a_match_says_so(newsroom):
    response = requests.get(newsroom.url("/en/search/"), params={"q": "qwxzvy"}, timeout=30)
    assert response.status_code == 200
    text = " ".join(lxml.html.fromstring(response.text).text_content().split())
    assert "No articles found for" in text and "qwxzvy" in text
    assert "type a few words" not in text
