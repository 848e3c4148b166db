"""The default Site's address (hostname and port), taken from STEPPE_BASE_URL.

Wagtail builds canonical links, hreflang, sitemaps and feeds from the Site's hostname and port, so
a Site left on an old port sends readers and search engines to a server that is not there.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from wagtail.models import Site

from news.cache import bump_content_version


def address_from_base_url(base_url: str) -> tuple[str, int]:
    """("example.org", 443) from "https://example.org/"; the scheme's port when none is given."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL with a host: {base_url!r}")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def set_default_site_address(base_url: str) -> Site | None:
    """Point the default Site at `base_url`'s host and port; None when there is no default Site."""
    hostname, port = address_from_base_url(base_url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Site.save clears Wagtail's cached site root paths
        bump_content_version()  # cached fragments hold absolute URLs
    return site
