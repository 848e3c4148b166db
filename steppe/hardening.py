"""Small pieces of hardening that need code: the client address behind proxies, and the answer
given when the database is unreachable (a 503 page with Retry-After instead of a 500)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views import defaults

log = logging.getLogger("steppe.faults")

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def client_ip(request: HttpRequest) -> str | None:
    """The reader's address: REMOTE_ADDR, or the entry the outermost trusted proxy appended."""
    hops = settings.STEPPE_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops > 0 and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops][:64]
    return request.META.get("REMOTE_ADDR")


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """A page that needs no database: static template, no context processors."""
    try:
        body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    except Exception:  # e.g. no static manifest yet: the plain words still go out
        body = "<!doctype html><title>Temporarily unavailable</title><h1>Temporarily unavailable</h1>"
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: a database outage becomes a 503 the reader (and a CDN) can retry."""
    import sys

    exc = sys.exc_info()[1]
    while exc is not None:
        if isinstance(exc, DATABASE_DOWN):
            log.warning("database unavailable, answering 503 for %s", request.path[:200])
            return database_unavailable(request)
        exc = exc.__cause__ or exc.__context__
    try:
        return defaults.server_error(request, template_name)
    except Exception:  # e.g. the 500 template itself needs something that is down
        return HttpResponseServerError(b"<h1>Server Error (500)</h1>", content_type="text/html")


def serve_media(request: HttpRequest, path: str, document_root: str) -> HttpResponse:
    """django.views.static.serve, with names the file system rejects (too long, NUL) as 404s."""
    from django.http import Http404
    from django.views.static import serve

    if "\x00" in path or len(path) > 1024:
        raise Http404("no such file")
    try:
        return serve(request, path, document_root=document_root)
    except (OSError, ValueError):
        raise Http404("no such file") from None
