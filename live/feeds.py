"""`<live page URL>feed/`: an Atom feed of the page's entries, newest first.

Written by the site's own Atom writer (syndication.feeds: XML-safe text, absolute links), so it
looks to feed readers like the site's other feeds: one <entry> per live entry, its link the
entry's anchor on the page, its id a tag URI from the entry's id (stable across edits).
"""

from __future__ import annotations

import html

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from live.entries import FEED_ROUTE, anchor, entry_html, localised_author
from live.models import LiveEntry, LivePage
from syndication.feeds import SteppeAtomFeed, _host, absolute_html, site_base_url

FEED_ITEMS = 100


class LiveEntryFeed(Feed):
    feed_type = SteppeAtomFeed

    def __init__(self, page: LivePage):
        super().__init__()
        self.page = page

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.request = request
        self.language = get_language() or self.page.locale.language_code
        self.page_url = self.page.get_full_url(request)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> LivePage:
        return self.page

    def title(self, obj: LivePage) -> str:
        return obj.title

    def link(self, obj: LivePage) -> str:
        return self.page_url

    def subtitle(self, obj: LivePage) -> str:
        return obj.standfirst

    def feed_url(self, obj: LivePage) -> str:
        return f"{self.page_url}{FEED_ROUTE}"

    def feed_guid(self, obj: LivePage) -> str:
        # Ids, never slugs: the feed keeps its identity when the page is renamed or moved.
        return f"tag:{_host(site_base_url(self.request))},2025:live:{obj.pk}"

    def author_name(self, obj: LivePage) -> str:
        # Atom needs an author for every entry: the publication stands in for an entry without one.
        home = obj.get_ancestors().filter(depth=2).first()
        return home.title if home else obj.title

    def items(self, obj: LivePage) -> list[LiveEntry]:
        return obj.entry_list[:FEED_ITEMS]

    def item_title(self, item: LiveEntry) -> str:
        return item.headline

    def item_description(self, item: LiveEntry) -> str:
        # Plain text in an HTML summary: "<b>" in an entry's text must reach readers as text.
        return html.escape(item.text[:300], quote=False)

    def item_link(self, item: LiveEntry) -> str:
        return f"{self.page_url}#{anchor(item)}"

    def item_guid(self, item: LiveEntry) -> str:
        return f"tag:{_host(site_base_url(self.request))},2025:live-entry:{item.pk}"

    def item_guid_is_permalink(self, item: LiveEntry) -> bool:
        return False

    def item_pubdate(self, item: LiveEntry):
        return item.posted_at

    def item_updateddate(self, item: LiveEntry):
        return item.posted_at

    def item_extra_kwargs(self, item: LiveEntry) -> dict:
        author = localised_author(item, self.language)
        body = entry_html(item, 0, self.language)
        return {
            "content": absolute_html(body, site_base_url(self.request) + "/"),
            "bylines": [(author.display_name, self.page_url)] if author else [],
        }


def entry_feed(request: HttpRequest, page: LivePage) -> HttpResponse:
    return LiveEntryFeed(page)(request)
