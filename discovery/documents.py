"""ArticlePage rows -> discovery.ranking.Document, reading only the columns the ranking needs."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator

from discovery.ranking import Document

_TAG_RE = re.compile(r"<[^>]+>")
# Block values that are ids, URLs or settings, not words a reader sees.
_SKIP_KEYS = {"image", "url", "level", "type", "id", "alt"}


def body_text(raw) -> str:
    """Plain text of a StreamField value (StreamValue, its raw list, or the JSON string)."""
    if raw is None:
        return ""
    if hasattr(raw, "raw_data"):
        raw = list(raw.raw_data)
    elif isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return _plain(raw)
    parts: list[str] = []
    _collect(raw, parts)
    return "\n".join(parts)


def _collect(value, parts: list[str]) -> None:
    if isinstance(value, str):
        if value.strip():
            parts.append(_plain(value))
    elif isinstance(value, dict):
        if "type" in value and "value" in value:  # a stream child
            _collect(value["value"], parts)
            return
        for key, item in value.items():
            if key not in _SKIP_KEYS:
                _collect(item, parts)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, parts)


def _plain(markup: str) -> str:
    return html.unescape(_TAG_RE.sub(" ", markup))


ARTICLE_FIELDS = ("pk", "title", "standfirst", "body", "countries", "date_published", "translation_key",
                  "locale__language_code", "path", "last_published_at")  # fmt: skip


def section_titles() -> dict[str, str]:
    """Tree path of every section -> its slug (a stable, language-neutral section token)."""
    from news.models import SectionPage

    return dict(SectionPage.objects.values_list("path", "slug"))


def documents_for(queryset, sections: dict[str, str] | None = None, chunk: int = 500) -> Iterator[Document]:
    """Documents of the articles in ``queryset`` (tags and pinned picks in one query per chunk)."""
    from news.models import ArticlePage, PinnedArticle

    sections = section_titles() if sections is None else sections
    rows = queryset.order_by("pk").values_list(*ARTICLE_FIELDS)
    batch: list[tuple] = []
    for row in rows.iterator(chunk_size=chunk):
        batch.append(row)
        if len(batch) == chunk:
            yield from _documents(batch, sections, ArticlePage, PinnedArticle)
            batch = []
    if batch:
        yield from _documents(batch, sections, ArticlePage, PinnedArticle)


def _documents(rows: Iterable[tuple], sections, ArticlePage, PinnedArticle) -> Iterator[Document]:
    rows = list(rows)
    ids = [r[0] for r in rows]
    tags: dict[int, list[str]] = {}
    for page_id, name in ArticlePage.tags.through.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__name"
    ):
        tags.setdefault(page_id, []).append(name)
    pins: dict[int, list[int]] = {}
    for page_id, article_id in (
        PinnedArticle.objects.filter(page_id__in=ids).order_by("page_id", "sort_order").values_list("page_id", "article_id")
    ):  # fmt: skip
        pins.setdefault(page_id, []).append(article_id)
    for pk, title, standfirst, body, countries, published, tkey, language, path, _stamp in rows:
        yield Document(
            id=pk,
            language=language,
            title=title or "",
            standfirst=standfirst or "",
            body=body_text(body),
            tags=tags.get(pk, []),
            countries=[c for c in (countries or "").split(",") if c],
            section=sections.get(path[:-4]),
            published=published,
            translation_key=str(tkey) if tkey else None,
            pinned=pins.get(pk, []),
        )
