"""schema.org LiveBlogPosting for a live page: one BlogPosting per entry in liveBlogUpdate."""

from __future__ import annotations

from datetime import datetime

from syndication.structured_data import iso


def blog_posting(*, url: str, headline: str, body: str, published: datetime, author: str | None,
                 image: str | None) -> dict:  # fmt: skip
    """One entry. `url` is the entry's own address (the page's, with #entry-<id>)."""
    data = {
        "@type": "BlogPosting",
        "@id": url,
        "url": url,
        "headline": headline[:110],
        "articleBody": body,
        "datePublished": iso(published),
        "author": {"@type": "Person", "name": author} if author else None,
        "image": image,
    }
    return {key: value for key, value in data.items() if value not in (None, "")}


def live_blog_posting(
    *,
    url: str,
    headline: str,
    description: str,
    images: list[str],
    published: datetime | None,
    modified: datetime | None,
    coverage_start: datetime | None,
    coverage_end: datetime | None,
    publisher: dict,
    language: str,
    updates: list[dict],
) -> dict:
    """`coverage_end` only once the coverage has ended; `updates`: blog_posting() dicts, newest first."""
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline[:110],
        "description": description,
        "image": images,
        "datePublished": iso(published),
        "dateModified": iso(modified or published),
        "coverageStartTime": iso(coverage_start),
        "coverageEndTime": iso(coverage_end),
        "publisher": publisher,
        "inLanguage": language,
        "liveBlogUpdate": updates,
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}
