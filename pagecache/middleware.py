"""Anonymous page cache, outermost in the middleware stack.

A hit costs one cache read (the content version is memoised per process for half a second)
and no database, session, locale or template work. Entries are stored with their gzip
and brotli bodies already made, so a hit also skips compression. Every publish, unpublish, move
or delete bumps the content version (news.cache), which makes all cached pages unreachable at
once: a reader never sees a removed article and sees a new one on the next request. A language's
page generation (also in the key) retires only that language's pages: the most-read list changed.
A page that says when it stops being true (fresh_until: the breaking-news banner it shows expires)
is kept no longer than that, here, in nginx (X-Accel-Expires) and in CDNs (s-maxage).

Only the query parameters pages use key the cache (settings.STEPPE_PAGE_CACHE_QUERY_PARAMS): a
reader's ?utm_source=… or ?fbclid=… (unique per click) is dropped before the page is rendered, so
social traffic is served from the cached copy and nobody can bypass the cache with a random
parameter. The shipped nginx config keys its cache the same way.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import time
from datetime import datetime
from email.utils import formatdate, parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.cache import patch_cache_control, patch_vary_headers

from news.cache import content_version, page_generation

COMPRESSIBLE = ("text/", "application/xml", "application/json", "application/rss+xml", "application/atom+xml")
MIN_COMPRESS = 512
# Pages, and the 410 Gone of a taken-down article (takedown app): a reversal publishes the page,
# which bumps the content version.
CACHED_STATUSES = (200, 410)
# A longer search query is rendered but not cached (nobody else asks for it).
MAX_KEYED_QUERY = 256
# Parameters that say where a reader came from, never what the page shows: dropped everywhere,
# the JSON API included (its own parameters key the cache whole, STEPPE_PAGE_CACHE_WHOLE_QUERY).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "ysclid", "_openstat",
     "igshid", "twclid", "ttclid", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src"}
)  # fmt: skip


def is_anonymous(request: HttpRequest) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not is_anonymous(request):
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in settings.STEPPE_PAGE_CACHE_EXCLUDE):
        return False
    return True


def is_tracking(name: str) -> bool:
    return name.lower() in TRACKING_PARAMS or name.lower().startswith(TRACKING_PREFIXES)


def keyed_query(path: str, query_string: str) -> str:
    """The part of a query string that says what the page shows, in a canonical order.

    Pages keep only STEPPE_PAGE_CACHE_QUERY_PARAMS, in the order listed there (the order the
    site's own links write them: breaking.purge); paths under STEPPE_PAGE_CACHE_WHOLE_QUERY (the
    JSON API, which refuses parameters it does not know) keep all but the tracking ones.
    """
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if any(path.startswith(prefix) for prefix in settings.STEPPE_PAGE_CACHE_WHOLE_QUERY):
        return urlencode([(name, value) for name, value in pairs if not is_tracking(name)])
    order = {name: rank for rank, name in enumerate(settings.STEPPE_PAGE_CACHE_QUERY_PARAMS)}
    kept = sorted((pair for pair in pairs if pair[0] in order), key=lambda pair: order[pair[0]])
    return urlencode(kept)


def drop_unkeyed_query(request: HttpRequest) -> None:
    """Render the page from its keyed parameters only, so the cached copy is what any reader of
    the key would get (no fbclid in its links, its lite toggle or its canonical URL)."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return
    keyed = keyed_query(request.path_info, raw)
    if keyed != raw:
        request.META["QUERY_STRING"] = keyed
        request.GET = QueryDict(keyed)


def key_version(request: HttpRequest) -> str:
    """The content version, and the page generation of the path's language (news.cache)."""
    language = request.path_info.split("/", 2)[1] if request.path_info.count("/") > 1 else ""
    codes = {code for code, _name in settings.LANGUAGES}
    generation = page_generation(language) if language in codes else 0
    return f"{content_version()}.{generation}"


def cache_key(request: HttpRequest, version: int | str) -> str:
    # The query string has been reduced to its keyed parameters (drop_unkeyed_query).
    raw = f"{request.get_host()}|{request.path_info}|{request.META.get('QUERY_STRING', '')}"
    return f"page:{version}:{hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()}"


def cacheable_response(response: HttpResponse) -> bool:
    # The path carries the language, so Accept-Language and Cookie (for anonymous readers) don't
    # change the page; anything else in Vary makes the response uncacheable here.
    if response.status_code not in CACHED_STATUSES or response.streaming or response.cookies:
        return False
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get("Cache-Control", ""):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= {"accept-language", "cookie", "accept-encoding"}


def pick_encoding(request: HttpRequest) -> str | None:
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if "br" in accepted:
        return "br"
    if "gzip" in accepted:
        return "gzip"
    return None


def compress(body: bytes) -> dict[str, bytes]:
    return {"gzip": gzip.compress(body, 6, mtime=0), "br": brotli.compress(body, quality=5)}


def not_modified(request: HttpRequest, etag: str, last_modified: str) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        return etag in {tag.strip() for tag in if_none_match.split(",")} or if_none_match.strip() == "*"
    since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if since:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def build_response(request: HttpRequest, entry: dict, hit: bool) -> HttpResponse:
    if not_modified(request, entry["etag"], entry["last_modified"]):
        response = HttpResponseNotModified()
        for header in ("ETag", "Last-Modified", "Cache-Control"):
            response[header] = entry["headers"][header]
    else:
        encoding = pick_encoding(request) if entry["encoded"] else None
        body = entry["encoded"][encoding] if encoding else entry["body"]
        response = HttpResponse(body if request.method != "HEAD" else b"", status=entry.get("status", 200))
        for header, value in entry["headers"].items():
            response[header] = value
        response["Content-Length"] = str(len(body))
        if encoding:
            response["Content-Encoding"] = encoding
        if entry["encoded"]:
            patch_vary_headers(response, ["Accept-Encoding"])
    if entry.get("until") is not None:
        for header, value in lifetime_headers(entry["until"]).items():
            response[header] = value
    response["X-Cache"] = "HIT" if hit else "MISS"
    return response


def cache_control_for_readers(seconds_left: int | None = None) -> str:
    if seconds_left is not None:
        # A page that stops being true at a known time (fresh_until): no cache may keep it, or
        # serve it stale, past that time.
        return (
            f"public, max-age={min(settings.STEPPE_BROWSER_MAX_AGE, seconds_left)}, "
            f"s-maxage={min(settings.STEPPE_CDN_MAX_AGE, seconds_left)}"
        )
    return (
        f"public, max-age={settings.STEPPE_BROWSER_MAX_AGE}, s-maxage={settings.STEPPE_CDN_MAX_AGE}, "
        f"stale-while-revalidate={settings.STEPPE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.STEPPE_STALE_IF_ERROR}"
    )


FRESH_UNTIL = "_steppe_fresh_until"


def fresh_until(request: HttpRequest, until: datetime) -> None:
    """Say that the page being rendered stops being true at `until` (e.g. the breaking-news banner
    it shows expires): the page cache keeps it no longer, and its Cache-Control and nginx's
    X-Accel-Expires say so. The earliest of several calls wins."""
    moment = until.timestamp()
    current = getattr(request, FRESH_UNTIL, None)
    if current is None or moment < current:
        setattr(request, FRESH_UNTIL, moment)


# What nginx keeps a page that sends no Cache-Control (deploy/nginx/steppe.conf, proxy_cache_valid).
NGINX_DEFAULT_SECONDS = 5


def seconds_left(until: float, now: float | None = None) -> int:
    return max(0, math.floor(until - (time.time() if now is None else now)))


def lifetime_headers(until: float, now: float | None = None) -> dict[str, str]:
    """Cache-Control counted down to `until` (at every hit, not when stored), and the same for
    nginx (X-Accel-Expires, which nginx reads first and does not pass on). Never longer than a
    page without an end is kept: X-Accel-Expires overrides s-maxage, it must not lengthen it."""
    left = seconds_left(until, now)
    return {
        "Cache-Control": cache_control_for_readers(left),
        "X-Accel-Expires": str(min(left, settings.STEPPE_CDN_MAX_AGE)),
    }


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cacheable = cacheable_request(request)
        if cacheable:  # also with the page cache off: nginx keys its copies the same way
            drop_unkeyed_query(request)
        if (
            not cacheable
            or not settings.STEPPE_PAGE_CACHE
            or len(request.META.get("QUERY_STRING", "")) > MAX_KEYED_QUERY
        ):
            response = self.get_response(request)
            if not is_anonymous(request):
                patch_cache_control(response, private=True, no_cache=True)
            elif getattr(request, FRESH_UNTIL, None) is not None and response.status_code in CACHED_STATUSES:
                # Not in the page cache (it is off, or the query string is long): nginx keeps such a
                # page its default time, or less when it ends sooner; never until the end itself.
                left = seconds_left(getattr(request, FRESH_UNTIL))
                response["X-Accel-Expires"] = str(min(left, NGINX_DEFAULT_SECONDS))
            return self.compress_if_useful(request, response)
        try:
            key = cache_key(request, key_version(request))
            entry = cache.get(key)
        except Exception:  # the cache being down must not take pages down
            return self.compress_if_useful(request, self.get_response(request))
        if entry is not None:
            return build_response(request, entry, hit=True)
        response = self.get_response(request)
        if not cacheable_response(response):
            return self.compress_if_useful(request, response)
        entry = self.make_entry(response)
        timeout = settings.STEPPE_PAGE_CACHE_SECONDS
        until = getattr(request, FRESH_UNTIL, None)
        if until is not None:
            entry["until"] = until
            timeout = min(timeout, math.floor(until - time.time()))
        try:
            if timeout > 0:
                cache.set(key, entry, timeout)
        except Exception:
            pass
        return build_response(request, entry, hit=False)

    @staticmethod
    def make_entry(response: HttpResponse) -> dict:
        body = response.content
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        last_modified = response.get("Last-Modified") or formatdate(usegmt=True)
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in {"content-length", "vary", "x-frame-options-ignored", "set-cookie"}
        }
        headers.update(
            {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": cache_control_for_readers()}
        )
        content_type = response.get("Content-Type", "")
        encoded = (
            compress(body) if content_type.startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESS else {}
        )
        return {
            "status": response.status_code,
            "body": body,
            "encoded": encoded,
            "headers": headers,
            "etag": etag,
            "last_modified": last_modified,
        }

    @staticmethod
    def compress_if_useful(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """Responses that are not cached (editors' pages, errors) are still compressed."""
        if (
            response.streaming
            or response.has_header("Content-Encoding")
            or len(response.content) < MIN_COMPRESS
            or not response.get("Content-Type", "").startswith(COMPRESSIBLE)
        ):
            return response
        encoding = pick_encoding(request)
        if encoding is None:
            return response
        body = response.content
        response.content = (
            gzip.compress(body, 6, mtime=0) if encoding == "gzip" else brotli.compress(body, quality=5)
        )
        response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(response.content))
        patch_vary_headers(response, ["Accept-Encoding"])
        if response.has_header("ETag"):
            response["ETag"] = response["ETag"].rstrip('"') + f'-{encoding}"'
        return response
