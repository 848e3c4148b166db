"""An article page weighs at most 50 KB transferred, images apart; its lead image is responsive.

Measured as a browser on a phone receives it: the HTML from the page cache with brotli, the
stylesheet (and any script) as whitenoise serves it, brotli-compressed at build time.
"""

from __future__ import annotations

import brotli
import lxml.html
import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.audit.pages import build_site

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024
SCRIPT_BUDGET = 10 * 1024


def static_bytes(url: str) -> bytes:
    prefix = static("")
    assert url.startswith(prefix), f"not served by this site: {url}"
    path = finders.find(url[len(prefix) :])
    assert path, url
    with open(path, "rb") as f:
        return f.read()


def test_article_transfer_size(client):
    _room, article = build_site()
    response = client.get(article.url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response["Content-Encoding"] == "br"
    html_bytes = len(response.content)
    doc = lxml.html.document_fromstring(brotli.decompress(response.content))

    stylesheets = doc.xpath("//link[@rel='stylesheet']/@href")
    scripts = doc.xpath("//script[@src]/@src")
    inline = [s for s in doc.xpath("//script[not(@src)]") if s.get("type") != "application/ld+json"]
    assert len(stylesheets) == 1, stylesheets  # one small stylesheet
    assert not inline
    css_bytes = sum(len(brotli.compress(static_bytes(href))) for href in stylesheets)
    js_bytes = sum(len(brotli.compress(static_bytes(src))) for src in scripts)
    assert js_bytes <= SCRIPT_BUDGET
    total = html_bytes + css_bytes + js_bytes
    print(f"article transfer: html {html_bytes} B + css {css_bytes} B + js {js_bytes} B = {total} B")
    assert total <= BUDGET

    # Nothing from another host: every resource is the site's own.
    resources = doc.xpath("//link[@rel='stylesheet']/@href | //script/@src | //img/@src | //source/@srcset")
    assert all(r.startswith("/") and not r.startswith("//") for r in resources), resources

    # The lead image: a <picture> offering WebP with the JPEG fallback, sized, eager, first.
    pictures = doc.xpath("//picture")
    assert len(pictures) == 1
    picture = pictures[0]
    source = picture.xpath(".//source")[0]
    assert source.get("type") == "image/webp" and source.get("sizes")
    assert len(source.get("srcset").split(",")) == 3 and ".webp" in source.get("srcset")
    lead = picture.xpath(".//img")[0]
    assert doc.xpath("//img")[0] is lead  # the first image of the page
    assert lead.get("fetchpriority") == "high" and lead.get("loading") in (None, "eager")
    assert lead.get("width") and lead.get("height") and lead.get("sizes")
    assert len(lead.get("srcset").split(",")) == 3 and ".jpg" in lead.get("src")
    # Every other image waits until the reader scrolls near it.
    # (a hidden 1x1 image is the readership beacon, not a picture: it must load, so it is eager)
    others = [img for img in doc.xpath("//img[not(@hidden)]") if img is not lead]
    assert len(others) >= 6  # two body images, four suggestions
    eager = [
        img.attrib
        for img in others
        if img.get("loading") != "lazy" or not img.get("width") or not img.get("height")
    ]
    assert not eager, eager
