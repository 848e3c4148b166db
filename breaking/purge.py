"""Which nginx/CDN-cached addresses show a language's banner, so setting and clearing reach them.

The banner is on every page of the language, but the shipped nginx purge module (Debian's
libnginx-mod-http-cache-purge 2.3) purges one exact key at a time and Wagtail's frontend-cache
backends take exact URLs: there is no "everything under /en/". So the purge lists every address
readers reach by following the site's links: each live page of the language, the listings under
its home (tags, authors, corrections), its Django views (exchange rates, search, newsletter),
its taken-down addresses (their 410 notice), the first listing pages, and each of them in lite mode (and, in Uzbek, in either script), in the
order the site's own links write their query strings (page, script, lite). An address with any
other query string is not listed, so the banner's tag has such a page kept only a few seconds
(UNLISTED_SECONDS, purged_query). Tracking parameters (?utm_source=…) never get that far: the page
cache drops them (pagecache.middleware), so such a link reads the listed address's copy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from news.cache import VERSION_MEMO_SECONDS

# Listing pages deeper than this are read rarely; they follow within STEPPE_CDN_MAX_AGE.
LISTING_PAGES = 5
# The Django views under each language's prefix whose pages use the site's base template.
VIEW_PATHS = ("fx/", "search/", "newsletter/")
# How long the page cache and nginx keep a page whose address no purge reaches (see purged_query).
UNLISTED_SECONDS = 5


def query_variants(language: str, paginated: bool, listing_pages: int) -> list[str]:
    """The query strings of one address as the site's links write them ('' first)."""
    pages = [""] + ([f"page={n}" for n in range(2, listing_pages + 1)] if paginated else [])
    scripts = ["", "script=latn", "script=cyrl"] if language.split("-")[0] == "uz" else [""]
    variants = []
    for page in pages:
        for script in scripts:
            for lite in ("", "lite=1"):
                variants.append("&".join(part for part in (page, script, lite) if part))
    return variants


def purged_query(language: str, query_string: str) -> bool:
    """Whether an address with this query string is among those a purge of the language sends
    (the deepest listing pages are assumed: a page number past the last answers 404)."""
    return query_string in query_variants(language, True, LISTING_PAGES)


def with_variants(urls: Iterable[str], variants: list[str]) -> list[str]:
    return [f"{url}?{query}" if query else url for url in urls for query in variants]


def listing_depth(language: str) -> int:
    from news.models import ArticlePage

    count = ArticlePage.objects.live().filter(locale__language_code=language).count()
    return max(1, min(LISTING_PAGES, math.ceil(count / settings.STEPPE_ARTICLES_PER_PAGE)))


def language_urls(language: str) -> list[str]:
    """Every address of the language that shows its banner and that the site links to."""
    from news.models import ArticleAuthor, ArticleTag, HomePage, SectionPage

    homes = list(HomePage.objects.live().filter(locale__language_code=language))
    if not homes:
        return []
    depth = listing_depth(language)
    listed: list[str] = []  # listings: also their first pages (?page=2…)
    plain: list[str] = []
    pages = Page.objects.live().filter(locale__language_code=language).exclude(depth=1)
    sections = SectionPage.objects.live().filter(locale__language_code=language)
    section_ids = set(sections.values_list("pk", flat=True))
    for page in pages.only("id", "path", "depth", "url_path", "locale_id"):
        url = page.get_full_url()
        if not url:
            continue
        (listed if page.pk in section_ids or page.depth == 2 else plain).append(url)
    tag_slugs = set(
        ArticleTag.objects.filter(
            content_object__live=True, content_object__locale__language_code=language
        ).values_list("tag__slug", flat=True)
    )
    author_slugs = set(
        ArticleAuthor.objects.filter(page__live=True, page__locale__language_code=language).values_list(
            "author__slug", flat=True
        )
    )
    for home in homes:
        home_url = home.get_full_url() or ""
        if not home_url:
            continue
        listed += [f"{home_url}tags/{slug}/" for slug in sorted(tag_slugs)]
        listed += [f"{home_url}authors/{slug}/" for slug in sorted(author_slugs)]
        listed.append(f"{home_url}corrections/")
        plain += [f"{home_url}{path}" for path in VIEW_PATHS]
    from takedown.models import Takedown

    # A taken-down address answers its 410 notice inside the site's chrome, banner included.
    for takedown in Takedown.objects.active().filter(language=language).select_related("site"):
        if takedown.site:
            plain.append(takedown.site.root_url.rstrip("/") + takedown.url)
    urls = with_variants(listed, query_variants(language, True, depth))
    urls += with_variants(plain, query_variants(language, False, depth))
    return list(dict.fromkeys(urls))


# Another web process may serve the language's old cached pages for as long as it trusts its memo
# of the page generation (news.cache.VERSION_MEMO_SECONDS); nginx refilling from it right after the
# purge would keep the old page. So the purge is sent again once every memo has run out.
REPEAT_AFTER = timedelta(seconds=2 * VERSION_MEMO_SECONDS)


def purge_language(language: str) -> int:
    """Queue the purge of the language's addresses from nginx/CDNs, now and once more shortly
    after (REPEAT_AFTER) where the task backend can wait; how many addresses."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return 0
    from django_tasks import default_task_backend
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = language_urls(language)
    purge_urls_from_cache(urls)
    if urls and default_task_backend.supports_defer:
        purge_urls_from_cache_task.using(run_after=timezone.now() + REPEAT_AFTER).enqueue(urls, None, None)
    return len(urls)
