"""Lite mode (?lite=1): every page as text first, under 15 KB, images on request, links stay lite."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import brotli
import lxml.html
import pytest

from lite.middleware import lite_url
from tests.audit.pages import build_site

pytestmark = pytest.mark.django_db

LIMIT = 15 * 1024


def internal_page_links(doc) -> list[str]:
    links = []
    for a in doc.xpath("//a[@href]"):
        href = a.get("href")
        if "lite-toggle" in (a.get("class") or "") or "lite-image" in (a.get("class") or ""):
            continue
        if href.startswith(("/", "?")) and not href.startswith(("//", "/static/", "/media/", "/api/")):
            if not href.endswith(".xml"):
                links.append(href)
    return links


def test_lite_pages_are_small_text_only_and_stay_lite(client):
    _room, article = build_site()
    for url in ("/en/", article.url, "/en/politics/", "/en/fx/"):
        full = client.get(url, HTTP_ACCEPT_ENCODING="br")
        lite = client.get(url + "?lite=1", HTTP_ACCEPT_ENCODING="br")
        assert lite.status_code == 200 and lite["X-Cache"] == "MISS"
        html = brotli.decompress(lite.content)
        print(
            f"{url}: full {len(brotli.decompress(full.content))} B, lite {len(html)} B ({len(lite.content)} B br)"
        )
        assert len(lite.content) < LIMIT, (url, len(lite.content))  # as transferred
        if url != "/en/fx/":  # ~16 KB of rate tables there; the news pages also without compression
            assert len(html) < LIMIT, (url, len(html))
        doc = lxml.html.document_fromstring(html)
        assert not doc.xpath("//img | //picture | //svg | //link[@rel='stylesheet'] | //script[@src]")
        links = internal_page_links(doc)
        assert len(links) > 10
        not_lite = [h for h in links if "lite=1" not in h and not h.startswith("#")]
        assert not not_lite, not_lite
        # Back to the full page, and the canonical names the full page.
        assert doc.xpath("//a[contains(@class, 'lite-toggle')]/@href")[0] in ("?", "")
        assert doc.xpath("//link[@rel='canonical']/@href")[0].endswith(url)
        # The full page links to its lite version.
        full_doc = lxml.html.document_fromstring(brotli.decompress(full.content))
        assert full_doc.xpath("//a[contains(@class, 'lite-toggle')]/@href") == ["?lite=1"]
        # Its own page-cache entry: the second request is a hit with the same lite body.
        again = client.get(url + "?lite=1", HTTP_ACCEPT_ENCODING="br")
        assert again["X-Cache"] == "HIT" and again.content == lite.content
        assert client.get(url, HTTP_ACCEPT_ENCODING="br")["X-Cache"] == "HIT"

    # Images on request: the article's pictures are links to the image files, with their text.
    doc = lxml.html.document_fromstring(client.get(article.url + "?lite=1").content)
    images = doc.xpath("//a[contains(@class, 'lite-image')]")
    assert len(images) == 3  # the lead image and two in the body; card thumbnails are dropped
    assert images[0].text.startswith("Image: ") and images[0].get("href").endswith("width-1200.jpg")
    assert all(client.get(a.get("href")).status_code == 200 for a in images)
    # GET forms (search, the converter) keep lite mode too.
    fx = lxml.html.document_fromstring(client.get("/en/fx/?lite=1").content)
    forms = fx.xpath("//form[not(@method) or @method='get']")
    assert len(forms) == 2  # the site search and the converter
    assert all(form.xpath(".//input[@name='lite']/@value") == ["1"] for form in forms)


def test_lite_url():
    assert lite_url("/en/x/") == "/en/x/?lite=1"
    assert lite_url("/en/x/?page=2#top") == "/en/x/?page=2&lite=1#top"
    assert lite_url("?page=3") == "?page=3&lite=1"
    assert lite_url("/en/x/?lite=1") == "/en/x/?lite=1"
    for unchanged in ("https://example.org/", "//cdn.example/x", "#main", "/static/css/site.css",
                      "/media/images/a.jpg", "/en/feeds/rss.xml", "/admin/", "mailto:a@b.c"):  # fmt: skip
        assert lite_url(unchanged) == unchanged
    assert parse_qs(urlsplit(lite_url("/en/search/?q=a+b")).query) == {"q": ["a b"], "lite": ["1"]}
