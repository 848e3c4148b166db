"""HTTP fetching of official rate payloads (httpx) plus parse-and-verify.

The only impure module of the fx core. Every transport failure becomes a
:class:`FetchError` with a message that names the source and the URL; a payload
that arrives but is unusable raises :class:`~fx.providers.base.PayloadError`
(from the parser) or :class:`DateMismatchError` (payload for another day).
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Mapping
from types import ModuleType
from urllib.parse import urlsplit

import httpx

from fx.providers import get_provider
from fx.providers.base import PayloadError, Quote, looks_like_html

# CBT answers 403 to library user agents and CBR sits behind DDoS-Guard: look like a browser,
# but still say who we are.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 steppe-fx/1.0"
)
ACCEPT = {
    "xml": "application/xml, text/xml;q=0.9, */*;q=0.1",
    "json": "application/json, */*;q=0.1",
}
# Real payloads are 0.5-35 kB; anything far bigger is not a rate list.
MAX_BYTES = 2_000_000


class FetchError(Exception):
    """The payload could not be downloaded (timeout, refused, non-2xx, HTML instead of data...)."""

    def __init__(self, message: str, *, source: str, url: str | None = None, status: int | None = None):
        super().__init__(message)
        self.source = source
        self.url = url
        self.status = status


class DateMismatchError(PayloadError):
    """The payload is valid but for a different day than the one requested."""


def with_base_url(url: str, base_url: str) -> str:
    """Swap scheme and host of a real endpoint for ``base_url`` (tests, proxies, mirrors).

    ``with_base_url("https://www.cbr.ru/scripts/XML_daily.asp?date_req=01/04/2026",
    "http://127.0.0.1:8000/cbr")`` -> ``http://127.0.0.1:8000/cbr/scripts/XML_daily.asp?date_req=...``
    """
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{base_url.rstrip('/')}{parts.path}{query}"


def build_url(
    source: str,
    day: datetime.date | None,
    *,
    base_url: str | None = None,
    base_urls: Mapping[str, str] | None = None,
) -> str:
    """The endpoint for ``source`` and ``day``, with an optional base-URL override."""
    url = get_provider(source).url_for(day)
    override = base_url or (base_urls or {}).get(source)
    return with_base_url(url, override) if override else url


def _headers(client: httpx.Client, content: str) -> dict[str, str]:
    headers = {"Accept": ACCEPT.get(content, "*/*")}
    # Respect a User-Agent the caller configured; replace only httpx's default one.
    if client.headers.get("user-agent", "").startswith("python-httpx"):
        headers["User-Agent"] = USER_AGENT
    return headers


def _download(
    client: httpx.Client, provider: ModuleType, url: str, timeout: float
) -> tuple[httpx.Response, bytes]:
    source = provider.SOURCE
    deadline = time.monotonic() + timeout
    with client.stream("GET", url, headers=_headers(client, provider.CONTENT), timeout=timeout) as response:
        if not response.is_success:
            raise FetchError(
                f"{source}: HTTP {response.status_code} {response.reason_phrase} from {url}",
                source=source,
                url=url,
                status=response.status_code,
            )
        content_type = response.headers.get("content-type", "")
        if "html" in content_type.lower():
            expected = provider.CONTENT.upper()
            raise FetchError(
                f"{source}: expected {expected}, got an HTML page (Content-Type: {content_type}) from {url}",
                source=source,
                url=url,
                status=response.status_code,
            )
        chunks = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError(
                    f"{source}: response larger than {MAX_BYTES} bytes from {url}", source=source, url=url
                )
            # httpx's timeout is per read; a server trickling bytes must not hold us forever.
            if time.monotonic() > deadline:
                raise FetchError(
                    f"{source}: timed out after {timeout:g}s fetching {url}", source=source, url=url
                )
            chunks.append(chunk)
        return response, b"".join(chunks)


def fetch_payload(
    source: str,
    day: datetime.date | None,
    *,
    client: httpx.Client | None = None,
    base_url: str | None = None,
    base_urls: Mapping[str, str] | None = None,
    timeout: float = 10.0,
    url: str | None = None,
) -> bytes:
    """Download the raw payload of ``source`` for ``day`` (None: the latest set).

    Pass a long-lived ``client`` to reuse connections and cookies (NBKR drops bursts of
    fresh TLS sessions; CBU and CBR set session cookies). ``url`` replaces the provider's
    endpoint (e.g. NBKR's weekly.xml beside daily.xml).
    """
    provider = get_provider(source)
    url = url or build_url(source, day, base_url=base_url, base_urls=base_urls)
    own_client = client is None
    http = client or httpx.Client(follow_redirects=True, timeout=timeout)
    try:
        response, body = _download(http, provider, url, timeout)
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"{source}: timed out after {timeout:g}s fetching {url}", source=source, url=url
        ) from exc
    except httpx.ConnectError as exc:
        raise FetchError(f"{source}: cannot connect to {url}: {exc}", source=source, url=url) from exc
    except httpx.RemoteProtocolError as exc:
        raise FetchError(
            f"{source}: connection broken before the full response arrived from {url}: {exc}",
            source=source,
            url=url,
        ) from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(f"{source}: request to {url} failed: {exc}", source=source, url=url) from exc
    finally:
        if own_client:
            http.close()
    if not body.strip():
        raise FetchError(f"{source}: empty response body from {url}", source=source, url=url)
    if looks_like_html(body):
        raise FetchError(
            f"{source}: expected {provider.CONTENT.upper()}, got an HTML page from {url}",
            source=source,
            url=url,
            status=response.status_code,
        )
    return body


def check_payload_date(source: str, day: datetime.date, quotes: list[Quote]) -> None:
    """Raise DateMismatchError unless the quotes are for ``day``.

    Sources whose rates carry over non-working days (CBR) may answer with an earlier
    date, up to the provider's MAX_CARRY_DAYS; never with a later one.
    """
    provider = get_provider(source)
    payload_day = max(q.date for q in quotes)
    too_old = (day - payload_day).days > provider.MAX_CARRY_DAYS
    if payload_day > day or too_old:
        raise DateMismatchError(
            f"{source}: asked for {day.isoformat()}, payload is for {payload_day.isoformat()}"
        )


def fetch_quotes(
    source: str,
    day: datetime.date | None,
    *,
    client: httpx.Client | None = None,
    base_url: str | None = None,
    base_urls: Mapping[str, str] | None = None,
    timeout: float = 10.0,
) -> list[Quote]:
    """Fetch, parse and sanity-check one source.

    For sources whose URL carries the date (everything except NBKR) the payload must be
    for the requested day: NBT, for one, silently answers out-of-range dates with today.
    """
    provider = get_provider(source)
    payload = fetch_payload(
        source, day, client=client, base_url=base_url, base_urls=base_urls, timeout=timeout
    )
    quotes = provider.parse(payload)
    if day is not None and provider.DATED:
        check_payload_date(source, day, quotes)
    return quotes
