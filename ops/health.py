"""Load-balancer checks, answered by ops.middleware before host checks, sessions or the page cache.

/healthz: the process is alive and can answer (no database, cache or storage touched).
/readyz:  the database, the cache and the media storage answer; 503 names the part that does not,
          with the error's class only (messages can carry hosts or credentials).
"""

from __future__ import annotations

import json
import logging
import os
import secrets

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpResponse

logger = logging.getLogger("steppe.health")


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def healthz(request) -> HttpResponse:
    return _no_store(HttpResponse("ok\n", content_type="text/plain; charset=utf-8"))


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    token = secrets.token_hex(8)
    cache.set("readyz:probe", token, 30)
    if cache.get("readyz:probe") != token:
        raise RuntimeError("the cache did not keep a value")


def check_storage() -> None:
    storage = default_storage
    if hasattr(storage, "bucket_name"):  # S3: the bucket exists and these credentials reach it
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
        return
    location = getattr(storage, "location", None)
    if location is not None:
        os.makedirs(location, exist_ok=True)
        if not os.access(location, os.W_OK):
            raise PermissionError("the media folder is not writable")
        return
    storage.exists("readyz-probe")


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def readyz(request) -> HttpResponse:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:
            results[name] = f"error: {type(error).__name__}"
            logger.warning("readyz: %s check failed", name, exc_info=True)
    failing = [name for name, result in results.items() if result != "ok"]
    body = {"status": "unavailable" if failing else "ok", "failing": failing, "checks": results}
    response = HttpResponse(
        json.dumps(body) + "\n", status=503 if failing else 200, content_type="application/json"
    )
    return _no_store(response)
