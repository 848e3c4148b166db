"""A reader's crawl of the newsroom as `make run` serves it: nothing broken, nothing empty."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.acceptance.crawl import Crawl, crawl, select

LANGUAGES = ("en", "ru", "kk", "uz")
LISTING = re.compile(r"^/(?P<lang>[a-z]{2})/(?:(?:tags|authors)/[^/]+|[^/]+)/$")


@pytest.fixture(scope="module")
def site(newsroom) -> Crawl:
    return crawl(newsroom.base_url, [f"/{lang}/" for lang in LANGUAGES])


def test_no_page_fails_and_no_link_or_image_is_broken(site):
    assert len(site.pages) > 200, "the crawl found too few pages to be the demo newsroom"
    broken = {url: (page.status, page.found_on) for url, page in site.pages.items() if page.status != 200}
    assert broken == {}
    broken_assets = {url: (a.status, a.found_on) for url, a in site.assets.items() if a.status != 200}
    assert broken_assets == {}
    assert any("/media/" in url or "/images/" in url for url in site.assets), "no image was loaded"


def test_every_language_home_page_has_lead_top_stories_and_country_rows(site):
    docs = site.html()
    for lang in LANGUAGES:
        home = next(
            doc for url, doc in docs.items() if urlsplit(url).path == f"/{lang}/" and not urlsplit(url).query
        )
        assert select(home, ("section", "lead-story"), ("article", "card")), f"/{lang}/ has no lead story"
        assert len(select(home, ("section", "top-stories"), ("article", "card"))) >= 3, (
            f"/{lang}/ has too few top stories"
        )
        rows = select(home, ("section", "country-row"))
        assert len(rows) == 5, f"/{lang}/ has {len(rows)} country rows, not one per country"
        for row in rows:
            assert row.xpath(".//article[contains(@class, 'card')]"), f"/{lang}/: an empty country row"


def test_every_section_country_tag_and_author_page_lists_articles(site):
    docs = site.html()
    listings = {}
    for url, doc in docs.items():
        parts = urlsplit(url)
        if parts.query or not LISTING.match(parts.path):
            continue
        if parts.path.endswith("/corrections/"):  # a list of notices, not of articles: below
            continue
        if select(doc, ("header", "list-header")) and "/search/" not in parts.path:
            listings[parts.path] = len(select(doc, ("article", "card")))
    sections = [
        path for path in listings if path.count("/") == 3 and "/tags/" not in path and "/authors/" not in path
    ]
    assert len([p for p in sections if p.startswith("/en/")]) == 10, sorted(sections)
    for lang in LANGUAGES:
        assert any(path.startswith(f"/{lang}/tags/") for path in listings), f"no tag page in {lang}"
        assert any(path.startswith(f"/{lang}/authors/") for path in listings), f"no author page in {lang}"
    empty = sorted(path for path, cards in listings.items() if cards == 0)
    assert empty == []
    corrections = next(doc for url, doc in docs.items() if urlsplit(url).path == "/en/corrections/")
    assert select(corrections, ("li", "corrections-entry")), (
        "the demo's correction is not on /en/corrections/"
    )
