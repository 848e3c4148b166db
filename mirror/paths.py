"""Where each URL of the site goes in a static copy, and how one copied file links to another.

Pure functions (no Django): the exporter, the link rewriting and the tests share them.

A directory URL becomes an `index.html` inside it (`/en/news/foo/` -> `en/news/foo/index.html`) and
links name that file explicitly (`../foo/index.html`), so the copy works wherever it is put: a
sub-path of any web server (with or without an `index` directive), an S3 bucket's REST endpoint,
an .onion service, or a folder opened with file://. The few query strings that choose a different
page (pagination, lite mode, the Uzbek script, sitemap parts) become part of the file name
(`/en/politics/?page=2&lite=1` -> `en/politics/index.lite-1.page-2.html`), because a static server
ignores query strings. Any other query string cannot be answered by a static copy.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote

LITE = "lite"
SCRIPT = "script"
# The variants a copy can hold: `lite` (?lite=1) and `cyrillic` (?script=cyrl on Uzbek pages).
ALL_VARIANTS = frozenset({LITE, "cyrillic"})
# Characters left as they are in a link to a copied file (RFC 3986 path characters other than
# those with a meaning in a relative reference: `:` in a first segment would read as a scheme).
_PATH_SAFE = "/-._~!$&'()*+,;=@"


@dataclass(frozen=True)
class Target:
    """One page of the copy: a decoded URL path and the query parameters that choose its variant."""

    path: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def query(self) -> str:
        return "&".join(f"{key}={value}" for key, value in self.params)

    @property
    def url(self) -> str:
        """The URL to request from the site (path percent-encoded, as a browser sends it)."""
        encoded = quote(self.path, safe="/-._~!$&'()*+,;=:@")
        return f"{encoded}?{self.query}" if self.params else encoded

    @property
    def file(self) -> str | None:
        return file_for(self.path, self.params)


def target_for(path: str, query: str, variants: frozenset[str] = ALL_VARIANTS) -> Target | None:
    """The copy's page for a URL path and query string; None when no static file can answer it.

    `page=1`, `script=latn` and a lite or script parameter for a variant the copy leaves out are
    dropped (they give the page without them); anything else unknown means the URL is not copied.
    """
    path = unquote(path) or "/"
    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == "page":
            if not (value.isascii() and value.isdigit() and len(value) < 7):
                return None
            if int(value) > 1:
                params["page"] = str(int(value))
        elif key == LITE:
            if value == "1" and LITE in variants:
                params[LITE] = "1"
        elif key == SCRIPT:
            if value.lower() == "cyrl" and "cyrillic" in variants and path.startswith("/uz/"):
                params[SCRIPT] = "cyrl"
        elif key == "p" and path.endswith(".xml") and value.isascii() and value.isdigit():
            params["p"] = str(int(value))  # the parts of a sitemap index
        else:
            return None
    target = Target(path, tuple(sorted(params.items())))
    return target if target.file is not None else None


def file_for(path: str, params: tuple[tuple[str, str], ...] = ()) -> str | None:
    """The relative file path (POSIX, not encoded) of a decoded URL path; None if it is unsafe."""
    if not path.startswith("/") or "\x00" in path or "\\" in path:
        return None
    parts = path.split("/")[1:]
    if any(part in (".", "..") for part in parts):
        return None
    last = parts[-1] if parts else ""
    if last == "" or "." not in last:
        # A directory URL, or a path without a file extension (a page that lost its slash).
        folder = "/".join(part for part in parts if part)
        stem, extension = (f"{folder}/index" if folder else "index"), ".html"
    else:
        stem, extension = posixpath.splitext("/".join(parts))
    suffix = "".join(f".{key}-{value}" for key, value in params)
    return f"{stem}{suffix}{extension}"


def relative_link(from_file: str, to_file: str, fragment: str = "") -> str:
    """A link from one copied file to another, percent-encoded, e.g. `../../tags/water/index.html`."""
    start = posixpath.dirname(from_file) or "."
    link = quote(posixpath.relpath(to_file, start), safe=_PATH_SAFE)
    return f"{link}#{fragment}" if fragment else link


def depth(file: str) -> int:
    return file.count("/")
