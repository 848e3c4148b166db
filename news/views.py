"""Page serving with a short path for the common case.

Wagtail's own router walks the tree one level at a time (a query per level, plus the view
restriction lookups). Articles are served by their full url_path in two queries instead; anything
unusual (several sites, a routable sub-page, a restricted or alias page) goes through Wagtail.
Either way the page is served as Wagtail serves it: its before_serve_page and on_serve_page hooks
run (tests/news/test_serving.py pins this against Wagtail upgrades).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.wagtail_hooks import check_view_restrictions

from news.cache import restricted_paths


def fast_route(request, path: str) -> Page | None:
    roots = Site.get_site_root_paths()  # cached by Wagtail in the default cache
    if len({root.site_id for root in roots}) != 1:
        return None
    language = get_language()
    root = next((r for r in roots if r.language_code == language), None)
    if root is None:
        return None
    base = (
        Page.objects.filter(url_path=root.root_path + path, locale__language_code=language, live=True)
        .only("id", "content_type_id", "path", "alias_of_id")
        .first()
    )
    if base is None or base.alias_of_id:
        return None
    if any(base.path.startswith(restricted) for restricted in restricted_paths()):
        return None
    model = base.specific_class
    if model is None:
        return None
    queryset = getattr(model, "serve_queryset", None)
    queryset = queryset() if queryset else model.objects.all()
    return queryset.filter(pk=base.pk).first()


def serve(request, path: str):
    page = fast_route(request, path)
    if page is None:
        return wagtail_views.serve(request, path)
    # What wagtail.views.serve does after routing, with the route found above. Page.route_for_request
    # caches its result on the request under this name (its documented behaviour), so later
    # lookups in this request (Page.find_for_request, hooks) get this page without a query.
    request._wagtail_route_for_request = (page, [], {})
    chain = wagtail_views.serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is not check_view_restrictions:  # fast_route ruled restrictions out: a query saved
            chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, [], {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, [], {})
