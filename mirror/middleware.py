"""Onion-Location: tells Tor Browser that the page is also on the newsroom's onion service.

Tor Browser offers (or, if the reader chose so, makes) the switch only when the header comes on a
page loaded over HTTPS, and ignores it on an onion site itself; its value is the onion URL of the
same path and query. The header is set here, outside the page cache (it sits just before
PageCacheMiddleware), because the cache key has no scheme: a cached copy made for an HTTP request
must still get the header when an HTTPS reader is served from it, and vice versa.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from mirror.conf import onion_base

HEADER = "Onion-Location"


def onion_location(request: HttpRequest, base: str) -> str | None:
    """The header's value for this request, or None when it must not be sent."""
    if not base or not request.is_secure():
        return None
    host = request.META.get("HTTP_HOST", "").split(":")[0].lower()
    if host.endswith(".onion") or request.path_info.startswith(f"/{settings.STEPPE_ADMIN_PATH}/"):
        return None
    return base + request.get_full_path()


class OnionLocationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        onion_base()  # a wrong STEPPE_ONION_LOCATION stops the server at start, not on a request

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_page = response.get("Content-Type", "").startswith("text/html") or response.status_code == 304
        if is_page:
            value = onion_location(request, onion_base())
            if value:
                response[HEADER] = value
        return response
