"""/sitemap.xml: every live, public page of the site in every language, with its hreflang alternates."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


def in_site(site: Site | None) -> Q:
    """Pages under the site's root page or one of its translations (every language's home)."""
    if site is None:
        return Q()
    condition = Q(pk__in=[])
    for root in site.root_page.get_translations(inclusive=True):
        condition |= Q(path__startswith=root.path)
    return condition


class AllLanguagesSitemap(Sitemap):
    limit = 5000  # URLs per sitemap file; more make /sitemap.xml an index

    def items(self):
        site = self.get_wagtail_site()
        return (
            Page.objects.live()
            .public()
            .filter(in_site(site))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail's URL entries, each with `alternates` (xhtml:link hreflang) when translated.

        The translations of every page of this sitemap part come from one query.
        """
        from django.conf import settings

        items = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in items}
        translations: dict = {}
        for other in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("path")
        ):
            url = other.get_full_url(self.request)
            if url:
                translations.setdefault(other.translation_key, []).append((other.locale.language_code, url))
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        for versions in translations.values():
            versions.sort(key=lambda version: order.get(version[0], len(order)))
        urls, last_mods = [], set()
        for item in items:
            versions = translations.get(item.translation_key, [])
            alternates = []
            if len(versions) > 1:
                alternates = [{"lang_code": code, "location": url} for code, url in versions]
                # As in each page's <head> (news.languages.x_default): the default language's version.
                default = dict(versions).get(settings.LANGUAGE_CODE, versions[0][1])
                alternates.append({"lang_code": "x-default", "location": default})
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
