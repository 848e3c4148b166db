"""Sitemap entries carry the same hreflang alternates as the pages' <head>."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.factories import translate

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def entries(client) -> dict[str, dict[str, str]]:
    """Path of each sitemap entry -> {hreflang: path}."""
    content = client.get("/sitemap.xml").content
    root = ET.fromstring(content)
    return {
        path(url.findtext("s:loc", namespaces=NS)): {
            link.get("hreflang"): path(link.get("href")) for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def head_alternates(html: str) -> dict[str, str]:
    return {
        code: path(url)
        for code, url in re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    }


def test_translated_pages_list_each_other_symmetrically(client, newsroom):
    article = newsroom.add_article("Water talks")
    lonely = newsroom.add_article("English only")
    translate(newsroom.home, "ru", title="Курьер")
    russian = translate(article, "ru", title="Переговоры о воде")
    found = entries(client)
    en_url, ru_url = article.url, russian.url
    assert found[en_url] == found[ru_url] == {"en": en_url, "ru": ru_url, "x-default": en_url}
    assert found[lonely.url] == {}
    # The same set as the page itself announces.
    assert head_alternates(client.get(article.url).content.decode()) == found[en_url]
