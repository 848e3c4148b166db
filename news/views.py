"""Page serving with a short path for the common case.

Wagtail's own router walks the tree one level at a time (a query per level, plus the view
restriction lookups). Articles are served by their full url_path in two queries instead; anything
unusual (several sites, a routable sub-page, a restricted or alias page) goes through Wagtail.
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

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
    request._wagtail_route_for_request = (page, [], {})
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, [], {})
        if result is not None:
            return result
    # View restrictions (the on_serve_page hook) cannot apply: fast_route ruled them out.
    return page.serve(request)
