"""The alternate addresses, read from settings and checked (docs/settings.md, docs/mirrors.md)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def onion_base() -> str:
    """STEPPE_ONION_LOCATION without its trailing slash ("" when unset).

    Tor Browser acts on an Onion-Location only when its value is an http: or https: URL whose host
    is a .onion name, so anything else is a configuration error rather than a silently ignored header.
    """
    value = (getattr(settings, "STEPPE_ONION_LOCATION", "") or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not (parts.hostname or "").endswith(".onion"):
        raise ImproperlyConfigured(
            f"STEPPE_ONION_LOCATION must be the onion service's http(s)://….onion URL, not {value!r}"
        )
    if parts.query or parts.fragment:
        raise ImproperlyConfigured("STEPPE_ONION_LOCATION must not have a query or fragment")
    return value.rstrip("/")


def mirror_urls() -> list[str]:
    """STEPPE_MIRROR_URLS, each an absolute http(s) URL."""
    urls = [url.strip() for url in getattr(settings, "STEPPE_MIRROR_URLS", []) or [] if url.strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(f"STEPPE_MIRROR_URLS: {url!r} is not an http(s) URL")
    return urls


def label(url: str) -> str:
    """What a reader sees for an address: host and path, without the scheme."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
