"""Everything an article page shows besides its own fields, in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When

from news.cache import cached_fragment
from news.chrome import chrome_for_locale
from news.models import ArticlePage, NewsImage, PinnedArticle
from news.renditions import CARD_RENDITION, LEAD_RENDITIONS

SUGGESTION_COUNT = 4
SIDEBAR_COUNT = 6


def suggested_articles(
    page: ArticlePage, tag_ids: list[int], limit: int = SUGGESTION_COUNT
) -> list[ArticlePage]:
    """The stored suggestions (discovery app), or the interim ranking while none are stored.

    One query when the list is stored: its rows joined with the published articles, so a draft,
    an expired or a restricted article never shows even if it was published when the list was made.
    """
    stored = list(
        ArticlePage.objects.published()
        .filter(suggested_in__page_id=page.pk)
        .annotate(suggestion_rank=F("suggested_in__rank"))
        .order_by("suggestion_rank")[:limit]
    )
    return stored or interim_suggestions(page, tag_ids, limit)


def interim_suggestions(
    page: ArticlePage, tag_ids: list[int], limit: int = SUGGESTION_COUNT
) -> list[ArticlePage]:
    """Pinned picks first, then the newest articles sharing a country or tag, then the newest.

    One query; used until the worker has stored the article's computed list.
    """
    shared = Q(pk__in=[])
    for code in page.country_codes:
        shared |= Q(countries__contains=f",{code},")
    if tag_ids:
        shared |= Q(
            pk__in=ArticlePage.tags.through.objects.filter(tag_id__in=tag_ids).values("content_object_id")
        )
    pin_order = PinnedArticle.objects.filter(page_id=page.pk, article_id=OuterRef("pk")).values("sort_order")[
        :1
    ]
    candidates = (
        ArticlePage.objects.published()
        .exclude(pk=page.pk)
        .annotate(
            pin=Subquery(pin_order),
            shares=Case(When(shared, then=Value(1)), default=Value(0), output_field=IntegerField()),
        )
        .filter(Q(pin__isnull=False) | Q(locale_id=page.locale_id))
        .order_by(F("pin").asc(nulls_last=True), "-shares", "-date_published", "-pk")
    )
    return list(candidates[:limit])


def latest_articles(locale_id: int) -> list[dict]:
    """Sidebar list as plain data, so it can be cached and shared by every page of a language."""

    def build() -> list[dict]:
        articles = ArticlePage.objects.published().filter(locale_id=locale_id).newest_first()
        return [
            {"title": a.title, "url": a.url, "date": a.date_published}
            for a in articles.only("title", "url_path", "date_published", "path", "depth")[:SIDEBAR_COUNT]
        ]

    return cached_fragment("latest", build, locale_id)


def attach_images(articles: list[ArticlePage], lead: ArticlePage | None) -> None:
    """Load the lead image and every card image with their renditions in two queries."""
    wanted = {a.lead_image_id for a in articles if a.lead_image_id}
    if lead is not None and lead.lead_image_id:
        wanted.add(lead.lead_image_id)
    if not wanted:
        return
    images = NewsImage.objects.prefetch_renditions(*LEAD_RENDITIONS, CARD_RENDITION).in_bulk(wanted)
    for article in [*articles, *([lead] if lead else [])]:
        if article.lead_image_id in images:
            article.lead_image = images[article.lead_image_id]


def article_context(page: ArticlePage, request) -> dict:
    authors = page.byline()  # each author named as readers of the article's language read them
    tags = list(page.tags.all())
    suggestions = suggested_articles(page, [t.pk for t in tags if t.pk])
    attach_images(suggestions, page)
    return {
        "authors": authors,
        "tags": tags,
        "suggestions": suggestions,
        "latest": latest_articles(page.locale_id),
        "home_url": (chrome_for_locale(page.locale_id)["home"] or {}).get("url", "/"),
    }
