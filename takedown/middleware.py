"""A taken-down article's address answers 410 Gone with the notice, not 404.

The page is unpublished, so Wagtail answers 404; only then is the takedown looked up (one query,
and only for 404s). It sits inside the page cache (the 410 is cached like a page) and after
Wagtail's redirect middleware in the list, so it sees the 404 first: a Redirect from the address
cannot take its place.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from wagtail.models import Site

from takedown.actions import taken_down_address
from takedown.notice import gone_response


class TakedownMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        takedown = taken_down_address(Site.find_for_request(request), request.path_info)
        if takedown is None:
            return response
        return gone_response(request, takedown)
