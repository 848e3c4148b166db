"""robots.txt, the sitemap (an index once it is large) and the Google News sitemap."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Site

from news.models import ArticlePage
from syndication.feeds import xml_text
from syndication.sitemaps import AllLanguagesSitemap, in_site

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000
SITEMAPS = {"pages": AllLanguagesSitemap}


def base_url(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def robots_txt(request: HttpRequest) -> HttpResponse:
    base = base_url(request)
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.STEPPE_ADMIN_PATH}/",
        "Disallow: /_util/",
        "",
        f"Sitemap: {base}/sitemap.xml",
        f"Sitemap: {base}/news-sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def sitemap(request: HttpRequest) -> HttpResponse:
    """A plain sitemap while everything fits in one file, a sitemap index after that."""
    pages = AllLanguagesSitemap(request)
    paginator = pages.paginator
    if "p" not in request.GET and paginator.num_pages > 1:
        base = base_url(request)
        parts = []
        for number in paginator.page_range:
            dates = [
                page.last_published_at
                for page in paginator.page(number).object_list
                if page.last_published_at
            ]
            parts.append(
                {"loc": f"{base}/sitemap-pages.xml?p={number}", "lastmod": max(dates) if dates else None}
            )
        return TemplateResponse(
            request, "syndication/sitemap_index.xml", {"parts": parts}, content_type="application/xml"
        )
    return sitemap_views.sitemap(request, SITEMAPS)


def sitemap_part(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Articles from the last two days, newest first, at most 1,000 (Google News rules)."""
    since = timezone.now() - NEWS_WINDOW
    site = Site.find_for_request(request)
    articles = (
        ArticlePage.objects.published()
        # A sitemap may only list URLs of its own host (sitemaps.org "Sitemap file location").
        .filter(in_site(site), date_published__gte=since)
        .select_related("locale")
        .newest_first()[:NEWS_LIMIT]
    )
    items = [
        {
            "loc": article.get_full_url(request),
            "language": article.locale.language_code,
            "date": timezone.localtime(article.date_published).isoformat(timespec="seconds"),
            # A control character pasted into a headline would make the whole file unreadable XML.
            "title": xml_text(article.title),
        }
        for article in articles
    ]
    context = {
        "items": items,
        "publication": site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME,
    }
    return TemplateResponse(request, "syndication/news_sitemap.xml", context, content_type="application/xml")
