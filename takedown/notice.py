"""The 410 Gone answer at a taken-down address: the notice in the reader's language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from news.models import base_language
from takedown.models import Takedown, TakedownNotice


def default_notice() -> str:
    return _("This article has been removed for legal reasons.")


def notice_text(language: str) -> str:
    """The newsroom's notice for the language (a snippet), or the default text translated."""
    text = (
        TakedownNotice.objects.filter(locale__language_code__in=[language, base_language(language)])
        .values_list("text", flat=True)
        .first()
    )
    return text or default_notice()


def gone_response(request: HttpRequest, takedown: Takedown) -> HttpResponse:
    # The takedown row is not in the context: nothing of it (the reason least of all) can reach
    # the page by a template change.
    response = TemplateResponse(
        request, "takedown/gone.html", {"notice": notice_text(get_language())}, status=410
    )
    response.render()
    from pagecache.middleware import cache_control_for_readers

    # Cached like any page (the app's page cache, nginx, CDNs); a reversal publishes the page,
    # which retires and purges it.
    response["Cache-Control"] = cache_control_for_readers()
    patch_cache_control(response, public=True)
    response["X-Robots-Tag"] = "noindex"
    return response
