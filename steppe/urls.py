from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from news import views as news_views
from news.sitemaps import AllLanguagesSitemap

urlpatterns = [
    path(f"{settings.STEPPE_ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
]

if settings.STEPPE_SERVE_MEDIA:
    # Small installs and the demo serve uploads from the app; at scale nginx or S3/CDN do.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT}),
    )

# Wagtail's front-end URLs, with its page view swapped for the short path in news.views.
page_urls = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
page_urls.append(re_path(wagtail_urls.serve_pattern, news_views.serve, name="wagtail_serve"))
urlpatterns += i18n_patterns(*page_urls, prefix_default_language=True)
