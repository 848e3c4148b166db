"""The view beacon: a 1×1 GIF requested by every article page, counted in the cache."""

from __future__ import annotations

import base64
import logging
import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from redis.exceptions import RedisError

from readership.counter import record_view

log = logging.getLogger(__name__)

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
# Crawlers, link previews, monitors, HTTP libraries and headless browsers. Most honour robots.txt
# (which disallows /_util/) anyway; this catches the rest that say who they are.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|fetch|monitor|scan|curl|wget|python|httpx|aiohttp|okhttp|"
    r"java/|go-http|libwww|ruby|php|node-fetch|axios|headless|phantom|selenium|playwright|puppeteer|"
    r"lighthouse|pingdom|uptime|facebookexternalhit|whatsapp|telegram|embedly|feed",
    re.IGNORECASE,
)
MAX_PAGE_ID = 2**31 - 1


def should_count(request) -> bool:
    if not settings.STEPPE_COUNT_VIEWS or request.method != "GET":
        return False
    agent = request.headers.get("User-Agent", "")
    if not agent or len(agent) > 512 or BOT_RE.search(agent):
        return False
    # Speculative loads are not reads; readers who ask not to be tracked are not counted either.
    if request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")).startswith("prefetch"):
        return False
    return request.headers.get("Sec-GPC") != "1" and request.headers.get("DNT") != "1"


def hit(request, page_id: int):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if page_id <= MAX_PAGE_ID and should_count(request):
        try:
            record_view(page_id)
        except (RedisError, OSError) as exc:  # Redis down: the view is not counted, the page is fine
            log.warning("view not counted, cache unavailable: %s", exc)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex"
    return response
