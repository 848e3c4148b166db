from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from fx import urls as fx_urls
from live import views as live_views
from news import views as news_views
from readership import views as readership_views
from sitesearch import views as sitesearch_views
from steppe.hardening import serve_media
from syndication import views as syndication_views
from syndication.feeds import atom_feed, rss_feed

# A database outage answers 503 with Retry-After (steppe.hardening), any other crash a 500.
handler500 = "steppe.hardening.server_error"

urlpatterns = [
    path(f"{settings.STEPPE_ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", syndication_views.sitemap, name="sitemap"),
    path("sitemap-<str:section>.xml", syndication_views.sitemap_part, name="sitemap-part"),
    path("news-sitemap.xml", syndication_views.news_sitemap, name="news-sitemap"),
    path("robots.txt", syndication_views.robots_txt, name="robots-txt"),
    path("api/fx/", include(fx_urls.api_patterns)),
    path("_util/hit/<int:page_id>.gif", readership_views.hit, name="view-beacon"),
]

if settings.STEPPE_SERVE_MEDIA:
    # Small installs and the demo serve uploads from the app; at scale nginx or S3/CDN do.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    )

# Wagtail's front-end URLs, with its page view swapped for the short path in news.views.
feed_urls = [
    path("feeds/rss.xml", rss_feed, name="feed-rss"),
    path("feeds/atom.xml", atom_feed, name="feed-atom"),
    path("feeds/<str:scope>/<str:slug>/rss.xml", rss_feed, name="feed-rss-scoped"),
    path("feeds/<str:scope>/<str:slug>/atom.xml", atom_feed, name="feed-atom-scoped"),
]
page_urls = feed_urls + [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
page_urls.append(re_path(wagtail_urls.serve_pattern, news_views.serve, name="wagtail_serve"))
# A live coverage page's JSON for its polling script: <page URL>entries.json (live.views).
page_urls.insert(
    0, re_path(r"^((?:[\w\-]+/)+)entries\.json$", live_views.entries_json, name="live-entries-json")
)
page_urls.insert(0, path("fx/", include(fx_urls.page_patterns)))  # the exchange-rates page, /en/fx/
page_urls.insert(0, path("search/", sitesearch_views.search, name="search"))  # /en/search/?q=
page_urls.insert(0, path("newsletter/", include("newsletter.urls")))  # /en/newsletter/
urlpatterns += i18n_patterns(*page_urls, prefix_default_language=True)
