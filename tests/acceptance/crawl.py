"""A reader's crawl of the newsroom: every page reachable from the home pages and the sitemap."""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.etree
import lxml.html
import requests

MAX_PAGES = 4000
# Every page has a lite copy (?lite=1) and every Uzbek page a Cyrillic one (?script=cyrl): the crawl
# follows that many of each kind, not all (they double the crawl and render the same pages).
VARIANTS_PER_KIND = 60
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    text: str
    found_on: str
    sha256: str = ""  # of the body, kept for assets (images, stylesheets)


@dataclass
class Crawl:
    pages: dict[str, Fetched] = field(default_factory=dict)
    assets: dict[str, Fetched] = field(default_factory=dict)

    def html(self) -> dict[str, lxml.html.HtmlElement]:
        return {
            url: lxml.html.fromstring(page.text)
            for url, page in self.pages.items()
            if page.status == 200 and page.content_type.startswith("text/html")
        }


def same_site(url: str, base: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base).netloc


def normalise(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(fragment=""))


def sitemap_urls(session: requests.Session, url: str) -> list[str]:
    """Every <loc> of a sitemap, following a sitemap index."""
    root = lxml.etree.fromstring(session.get(url, timeout=30).content)
    locs = [loc.text.strip() for loc in root.iterfind(".//sm:loc", SITEMAP_NS)]
    if root.tag.endswith("sitemapindex"):
        return [page for child in locs for page in sitemap_urls(session, child)]
    return locs


def links_of(doc: lxml.html.HtmlElement, page_url: str) -> tuple[list[str], list[str]]:
    """(pages, assets) a reader's browser would follow or load from this page."""
    pages, assets = [], []
    for element in doc.iter("a", "link"):
        href = element.get("href")
        if not href or href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        rel = (element.get("rel") or "").split()
        target = normalise(urljoin(page_url, href))
        if element.tag == "link" and ({"stylesheet", "icon", "preload"} & set(rel)):
            assets.append(target)
        elif element.tag == "a" or {"alternate", "canonical", "next", "prev"} & set(rel):
            pages.append(target)
    for element in doc.iter("img", "source"):
        for attribute in ("src", "srcset"):
            value = element.get(attribute)
            if value:
                for candidate in value.split(","):
                    assets.append(normalise(urljoin(page_url, candidate.strip().split(" ")[0])))
    return pages, assets


def variant_kind(url: str) -> str:
    """ "lite" or "script" for a copy of another page in lite mode or the other Uzbek script."""
    query = urlsplit(url).query
    return next((kind for kind in ("lite", "script") if f"{kind}=" in query), "")


def crawl(base_url: str, starts: list[str], admin_prefix: str = "/admin/") -> Crawl:
    session = requests.Session()
    result = Crawl()
    queue = deque((normalise(urljoin(base_url, start)), "(start)") for start in starts)
    queue.extend((url, "/sitemap.xml") for url in sitemap_urls(session, urljoin(base_url, "/sitemap.xml")))
    seen = {url for url, _ in queue}
    variants: dict[str, int] = {}
    pending_assets: dict[str, str] = {}
    while queue and len(result.pages) < MAX_PAGES:
        url, found_on = queue.popleft()
        response = session.get(url, timeout=30, allow_redirects=True)
        content_type = response.headers.get("Content-Type", "")
        text = response.text if content_type.startswith(("text/", "application/")) else ""
        result.pages[url] = Fetched(url, response.status_code, content_type, text, found_on)
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        pages, assets = links_of(lxml.html.fromstring(text), response.url)
        for link in pages:
            path = urlsplit(link).path
            if same_site(link, base_url) and link not in seen and not path.startswith(admin_prefix):
                seen.add(link)
                kind = variant_kind(link)
                if kind:
                    variants[kind] = variants.get(kind, 0) + 1
                    if variants[kind] > VARIANTS_PER_KIND:
                        continue
                queue.append((link, url))
        for asset in assets:
            if same_site(asset, base_url):
                pending_assets.setdefault(asset, url)
    for asset, found_on in pending_assets.items():
        response = session.get(asset, timeout=30)
        result.assets[asset] = Fetched(
            asset,
            response.status_code,
            response.headers.get("Content-Type", ""),
            "",
            found_on,
            hashlib.sha256(response.content).hexdigest(),
        )
    return result


def having_class(tag: str, name: str) -> str:
    """An XPath step: `tag` elements with `name` among their classes (no cssselect needed)."""
    return f"{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def select(doc: lxml.html.HtmlElement, *steps: tuple[str, str]) -> list:
    """Elements matching nested (tag, class) steps, e.g. select(doc, ("section", "lead-story"), ("article", "card"))."""
    return doc.xpath("//" + "//".join(having_class(tag, name) for tag, name in steps))
