"""Outermost middleware: health checks and metrics, request ids, one log line per request.

/healthz, /readyz and /metrics are answered here, before the host check (load balancers and
Prometheus call by IP address), the SSL redirect, sessions and the page cache.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from ops import health, metrics
from ops.logs import request_id_var
from steppe import dbrouter

logger = logging.getLogger("steppe.request")
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def metrics_allowed(request: HttpRequest) -> bool:
    token = settings.STEPPE_METRICS_TOKEN
    if token:
        sent = request.META.get("HTTP_AUTHORIZATION", "")
        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return True
    # A request that came through a proxy (X-Forwarded-For set) is never trusted by address: the
    # proxy's own address would be on the list.
    if "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_X_REAL_IP" in request.META:
        return False
    return request.META.get("REMOTE_ADDR", "") in settings.STEPPE_METRICS_ALLOW


def metrics_view(request: HttpRequest) -> HttpResponse:
    if not metrics_allowed(request):
        return HttpResponse("forbidden\n", status=403, content_type="text/plain")
    response = HttpResponse(metrics.render(), content_type="text/plain; version=0.0.4; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


OPS_PATHS = {"/healthz": health.healthz, "/readyz": health.readyz, "/metrics": metrics_view}


class OpsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.STEPPE_ADMIN_PATH}/"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = OPS_PATHS.get(request.path_info.rstrip("/") or "/")
        if view is not None:
            return view(request)

        sent = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = sent if VALID_REQUEST_ID.match(sent) else uuid.uuid4().hex
        request.request_id = request_id
        id_token = request_id_var.set(request_id)
        replica_token = dbrouter.reads_from_replica.set(self.replica_eligible(request))
        started = time.perf_counter()
        status = 500
        response = None
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            duration = time.perf_counter() - started
            page_cache = response.get("X-Cache") if response is not None else None
            metrics.observe_request(status, duration, page_cache)
            logger.log(
                logging.ERROR if status >= 500 else logging.INFO,
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round(duration * 1000, 2),
                    "cache": page_cache,
                },
            )
            dbrouter.reads_from_replica.reset(replica_token)
            request_id_var.reset(id_token)

    def replica_eligible(self, request: HttpRequest) -> bool:
        """Anonymous GET/HEAD requests outside the admin may read from a replica."""
        return (
            request.method in ("GET", "HEAD")
            and not request.path_info.startswith(self.admin_prefix)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
