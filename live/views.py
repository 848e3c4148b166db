"""`<live page URL>entries.json`: the entries the page's script polls for (live.entries.payload).

One address for every reader, no query string: the page cache, nginx and CDNs keep one copy, and
the publish of an entry retires it (content version) and refreshes it in nginx (live.refresh).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponseBadRequest, JsonResponse
from wagtail.models import Page

from live.entries import JSON_NAME, payload
from live.models import LivePage
from news.views import fast_route


def find_live_page(request: HttpRequest, path: str) -> LivePage | None:
    """The live, public LivePage at `path` (below the language prefix), else None."""
    page = fast_route(request, path)  # one query for the usual single-site install
    if page is None:
        found = Page.route_for_request(request, path)  # Wagtail's router: several sites, aliases
        if found is None:
            return None
        page = found[0].specific
        parts = page.get_url_parts(request)
        # A routed sub-page (<page>feed/entries.json) is not the page itself.
        if parts is None or f"{parts[2]}{JSON_NAME}" != request.path:
            return None
        if page.get_view_restrictions().exists():
            return None
    if not isinstance(page, LivePage) or not page.live:
        return None
    return page


def entries_json(request: HttpRequest, path: str):
    if request.META.get("QUERY_STRING"):
        # Readers' query strings never get here (the page cache drops them, pagecache.middleware);
        # one that does (an editor's request) is refused rather than answered as a variant.
        return HttpResponseBadRequest("entries.json takes no query string", content_type="text/plain")
    page = find_live_page(request, path)
    if page is None:
        raise Http404("No live coverage here")
    return JsonResponse(
        payload(page, request), json_dumps_params={"ensure_ascii": False, "separators": (",", ":")}
    )
