"""{% breaking_banner %}: the language's breaking-news banner at the top of every page."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from breaking.banner import current_banner
from breaking.purge import UNLISTED_SECONDS, purged_query
from pagecache.middleware import fresh_until

register = template.Library()


def page_language(request: HttpRequest | None) -> str | None:
    """The language of the address, as the page cache keys it (its generation is what a change
    retires): the first path segment when it is a site language, else none."""
    if request is None:
        return None
    segment = request.path_info.split("/", 2)[1] if request.path_info.count("/") > 1 else ""
    return segment if segment in {code for code, _name in settings.LANGUAGES} else None


@register.inclusion_tag("breaking/banner.html", takes_context=True)
def breaking_banner(context: template.Context) -> dict:
    request = context.get("request")
    language = page_language(request)
    if language is None:
        return {"banner": None}
    now = timezone.now()
    banner = current_banner(language, now)
    if banner is not None:
        # Cached copies of this page end when the banner does.
        fresh_until(request, banner["expires_at"])
    if not purged_query(language, request.META.get("QUERY_STRING", "")):
        # No purge reaches this address (e.g. ?page=9): a banner set or cleared must still
        # show within seconds, so caches keep it only briefly.
        fresh_until(request, now + timedelta(seconds=UNLISTED_SECONDS))
    return {"banner": banner}
