"""Which languages a page exists in: the language switcher and hreflang alternates."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page

from news.cache import cached_fragment


def _homes() -> dict[str, str]:
    from news.models import HomePage

    def build() -> dict[str, str]:
        return {
            home.locale.language_code: home.url for home in HomePage.objects.live().select_related("locale")
        }

    return cached_fragment("homes", build)


def translations_of(page: Page) -> dict[str, str]:
    """Language code -> URL of each live translation of the page (itself included)."""

    def build() -> dict[str, str]:
        # Aliases repeat another language's text: not a translation (and not served as one).
        pages = (
            page.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        return {p.locale.language_code: p.url for p in pages if p.url}

    return cached_fragment("translations", build, page.translation_key)


LISTED_BY = {"tag": "tagged_items__tag_id", "author": "article_authors__author_id"}


def listing_languages(kind: str, pk: int) -> frozenset[str]:
    """The languages in which a published article has this tag or author ("tag"/"author", its pk).

    A tag or author page exists only in those: elsewhere it answers 404 and is never linked.
    One query, cached per content version (publishing, unpublishing or moving bumps it).
    """
    from news.models import ArticlePage

    def build() -> list[str]:
        rows = (
            ArticlePage.objects.published()
            .filter(**{LISTED_BY[kind]: pk})
            .order_by()
            .values_list("locale__language_code", flat=True)
            .distinct()
        )
        return sorted(rows)

    return frozenset(cached_fragment("listing-languages", build, kind, pk))


def alternates(page: Page | None, sub_path: str = "", languages: frozenset[str] | None = None) -> list[dict]:
    """One entry per site language: where the switcher goes and whether a translation exists.

    `sub_path` is a routable page's route (e.g. "authors/aida/") appended to each home page;
    `languages`, when given, are the only ones where that route exists (listing_languages).
    """
    homes = _homes()
    found = translations_of(page) if page is not None and page.pk else {}
    entries = []
    for code, _name in settings.LANGUAGES:
        url = found.get(code)
        if languages is not None and code not in languages:
            url = None
        if url and sub_path:
            url = url + sub_path
        entries.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url or homes.get(code, f"/{code}/"),
                "exists": url is not None,
            }
        )
    return entries


def x_default(entries: list[dict]) -> str | None:
    """The version for readers whose language the site lacks: the default language's if it exists."""
    existing = [e for e in entries if e["exists"]]
    for entry in existing:
        if entry["code"] == settings.LANGUAGE_CODE:
            return entry["url"]
    return existing[0]["url"] if existing else None


def same_path_alternates(path: str) -> list[dict]:
    """For views that exist in every language under the same path after the language prefix."""
    codes = [code for code, _name in settings.LANGUAGES]
    parts = path.split("/", 2)
    rest = parts[2] if len(parts) > 2 and parts[1] in codes else path.lstrip("/")
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": f"/{code}/{rest}",
            "exists": True,
        }
        for code in codes
    ]
