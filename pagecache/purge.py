"""Tell a CDN or reverse proxy (Wagtail's frontend-cache app) which URLs changed.

The app's own page cache needs no URL list (news.cache's content version retires every entry at
once); an external cache does. When an article is published, unpublished, moved or deleted, its
URL and every page that lists it are purged: home, its sections, tag and author pages, sitemaps
and feeds. Other apps add listing URLs through LISTING_URL_PROVIDERS.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

# Each provider takes an article page and returns absolute URLs that list it (feeds, sitemaps…).
LISTING_URL_PROVIDERS: list[Callable[[Page], list[str]]] = []


def site_root_url(page: Page) -> str:
    """The home page URL of the page's language, e.g. http://example.org/en/."""
    home = page.get_ancestors(inclusive=True).filter(depth=2).first()
    return home.get_full_url() if home else ""


def urls_for_page(page: Page) -> list[str]:
    from news.models import ArticlePage, SectionPage

    page = page.specific
    urls = [page.get_full_url()]
    if isinstance(page, ArticlePage):
        home_url = site_root_url(page)
        urls.append(home_url)
        sections = SectionPage.objects.filter(locale_id=page.locale_id).live()
        parent = page.get_parent()
        for section in sections:
            if section.pk == parent.pk or (section.country and section.country in page.country_codes):
                urls.append(section.get_full_url())
        urls += [f"{home_url}tags/{tag.slug}/" for tag in page.tags.all()]
        links = page.article_authors.select_related("author")
        urls += [f"{home_url}authors/{link.author.slug}/" for link in links]
        base = home_url.split("/", 3)
        if len(base) == 4:
            urls.append(f"{base[0]}//{base[2]}/sitemap.xml")
        for provider in LISTING_URL_PROVIDERS:
            urls += provider(page)
    # Other addresses that show the page's content (a live page's JSON and feed: live.models).
    extra = getattr(page, "extra_cached_urls", None)
    if callable(extra):
        urls += extra()
    return list(dict.fromkeys(url for url in urls if url))


def purge_page(page: Page) -> list[str]:
    """Purge the page and its listings from the configured frontend caches; returns the URLs."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    urls = urls_for_page(page)
    purge_urls_from_cache(urls)
    return urls
