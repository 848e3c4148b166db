"""What a reader finds on the newsroom's pages, read over HTTP as a browser would get them."""

from __future__ import annotations

import feedparser
import lxml.html
import requests


def paths_linked(newsroom, path: str) -> set[str]:
    response = requests.get(newsroom.url(path), timeout=30)
    assert response.status_code == 200, (path, response.status_code)
    doc = lxml.html.fromstring(response.text)
    return {
        href.split("?")[0].split("#")[0].removeprefix(newsroom.base_url) for href in doc.xpath("//a/@href")
    }


def search_paths(newsroom, lang: str, query: str) -> set[str]:
    response = requests.get(newsroom.url(f"/{lang}/search/"), params={"q": query}, timeout=30)
    doc = lxml.html.fromstring(response.text)
    return {
        h.removeprefix(newsroom.base_url)
        for h in doc.xpath("//ol[contains(@class, 'search-results')]//a/@href")
    }


def feed_links(newsroom, path: str) -> set[str]:
    parsed = feedparser.parse(requests.get(newsroom.url(path), timeout=30).content)
    assert parsed.entries, f"{path} has no entries"
    return {entry.link.removeprefix(newsroom.base_url) for entry in parsed.entries}


def suggestions_on(newsroom, path: str) -> set[str]:
    doc = lxml.html.fromstring(requests.get(newsroom.url(path), timeout=30).text)
    return {
        h.removeprefix(newsroom.base_url)
        for h in doc.xpath("//section[contains(@class, 'suggested')]//a/@href")
    }
