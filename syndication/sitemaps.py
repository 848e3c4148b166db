"""/sitemap.xml: every live, public page of the site in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    limit = 5000  # URLs per sitemap file; more make /sitemap.xml an index

    def items(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_site |= Q(path__startswith=root.path)
        return Page.objects.live().public().filter(in_site).order_by("path").defer_streamfields().specific()
