"""Corrections and clarifications: what readers see of them and which dates they move.

The notices themselves are news.models.ArticleCorrection rows, children of the article, so they
are kept in its revisions and reach readers when the article is published.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from news.models import ArticleCorrection, ArticleQuerySet

# Where the page per language lives, under each home page (news.models.HomePage's route).
ROUTE = "corrections/"


def newest_first(corrections: Iterable[ArticleCorrection]) -> list[ArticleCorrection]:
    """Readers read the latest notice first; equal dates keep the order they were added in."""
    listed = list(corrections)
    return sorted(listed, key=lambda c: c.date, reverse=True) if len(listed) > 1 else listed


def later(*dates: datetime | None) -> datetime | None:
    """The latest of the dates given, ignoring missing ones; None when there is none."""
    known = [date for date in dates if date is not None]
    return max(known) if known else None


def revised_at(date_updated: datetime | None, corrections: list[ArticleCorrection]) -> datetime | None:
    """What readers see as "Updated": the substantive update or the newest notice, whichever is later."""
    return later(date_updated, corrections[0].date if corrections else None)


def modified_at(
    date_updated: datetime | None, last_published: datetime | None, corrections: list[ArticleCorrection]
) -> datetime | None:
    """dateModified and the feeds' updated time: the editor's "substantively updated" date (else the
    last publication), moved on to the newest correction or clarification when that is later."""
    return later(date_updated or last_published, corrections[0].date if corrections else None)


def is_corrected(corrections: list[ArticleCorrection]) -> bool:
    """At least one correction (not only clarifications): the dateline then says "Corrected"."""
    return any(c.kind == c.CORRECTION for c in corrections)


def anchor(correction: ArticleCorrection, position: int = 0) -> str:
    """The fragment of a notice on its article; a preview's unsaved notice has no id yet."""
    return f"correction-{correction.pk}" if correction.pk else f"correction-new-{position}"


def published_corrections(articles: ArticleQuerySet):
    """Every notice on the given (published) articles, newest first, each with its article loaded.

    One query per page of the listing (plus the paginator's count); the body, the heaviest column,
    stays in the database.
    """
    from news.models import ArticleCorrection

    return (
        ArticleCorrection.objects.filter(page__in=articles.values("pk"))
        .select_related("page")
        .defer("page__body")
        .order_by("-date", "-pk")
    )


def listing_urls(page) -> list[str]:
    """The corrections page of the article's language, for purging nginx or a CDN.

    Purged on every publish, unpublish, move or delete of an article, not only of one with notices
    now: a notice taken out in the new revision (or an article that leaves) must leave the page
    too, and the revision before is no longer at hand here. Its later pages shift with each new
    notice, so each of them (and one more, for the page a notice is pushed onto) is purged as well.
    """
    import math

    from django.conf import settings

    from news.models import ArticleCorrection
    from pagecache.purge import site_root_url

    home = site_root_url(page)
    if not home:
        return []
    count = ArticleCorrection.objects.filter(page__locale_id=page.locale_id).count()
    pages = math.ceil(count / settings.STEPPE_ARTICLES_PER_PAGE) + 1
    return [f"{home}{ROUTE}"] + [f"{home}{ROUTE}?page={number}" for number in range(2, pages + 1)]
