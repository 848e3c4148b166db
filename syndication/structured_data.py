"""Structured data (JSON-LD) and social card metadata, built as plain dicts and lists."""

from __future__ import annotations

import json
from datetime import datetime

# Characters that could end a <script> element or start markup inside it, as JSON escapes.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data: dict | list) -> str:
    """JSON that is safe inside <script type="application/ld+json"> whatever the text holds."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def news_article(
    *,
    url: str,
    headline: str,
    description: str,
    images: list[dict],
    published: datetime | None,
    modified: datetime | None,
    authors: list[dict],
    publisher: dict,
    language: str,
    section: str,
    keywords: list[str],
    corrections: list[dict] | None = None,
) -> dict:
    """`corrections`: correction_comment() dicts, newest first (NewsArticle.correction)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline[:110],
        "description": description,
        "image": [image["url"] for image in images],
        "datePublished": iso(published),
        "dateModified": iso(modified or published),
        "author": [{"@type": "Person", "name": a["name"], "url": a["url"]} for a in authors],
        "publisher": publisher,
        "inLanguage": language,
        "articleSection": section,
        "keywords": keywords,
        "correction": corrections or [],
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def correction_comment(text: str, published: datetime) -> dict:
    """schema.org CorrectionComment: a notice appended to an article after publication.

    Clarifications are given as CorrectionComments too: schema.org has no other type for such a
    notice, and `correction` is the only property that tells a reader of the data the published
    text was amended; leaving clarifications out would hide that it changed.
    """
    return {"@type": "CorrectionComment", "text": text, "datePublished": iso(published)}


def organization(name: str, url: str, logo: dict) -> dict:
    """The publisher; `logo` has the absolute url and the real width and height of the file."""
    return {
        "@type": "Organization",
        "name": name,
        "url": url,
        "logo": {
            "@type": "ImageObject",
            "url": logo["url"],
            "width": logo["width"],
            "height": logo["height"],
        },
    }


SEARCH_TERM = "search_term_string"


def website(name: str, url: str, language: str, search_url: str | None = None) -> dict:
    """The site's home; `search_url` (absolute, ending in "?q=") adds the SearchAction."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": language,
    }
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}{{{SEARCH_TERM}}}"},
            "query-input": f"required name={SEARCH_TERM}",
        }
    return data


def collection_page(name: str, url: str, description: str, language: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "inLanguage": language,
        "description": description,
    }
    return {key: value for key, value in data.items() if value}


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, 1)
        ],
    }


def open_graph_article(
    *,
    title: str,
    description: str,
    url: str,
    image: dict | None,
    locale: str,
    site_name: str,
    published: datetime | None,
    modified: datetime | None,
    author_urls: list[str],
    section: str,
    tags: list[str],
) -> list[tuple[str, str]]:
    """(property, content) pairs for Open Graph article metadata."""
    pairs = [
        ("og:type", "article"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:locale", locale),
    ]
    if image:
        pairs += [
            ("og:image", image["url"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
            ("og:image:alt", image["alt"]),
        ]
    pairs += [
        ("article:published_time", iso(published) or ""),
        ("article:modified_time", iso(modified or published) or ""),
    ]
    pairs += [("article:author", url_) for url_ in author_urls]
    pairs += [("article:section", section)] + [("article:tag", tag) for tag in tags]
    return [(key, value) for key, value in pairs if value]
