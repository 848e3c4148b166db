"""Rewriting what the site rendered into files that work as a static copy.

HTML: every link to a copied page or file becomes relative (`../../tags/water/index.html`); a link
to a page of the site that a static copy cannot hold (search results, the API) points at the
canonical site instead; an image or script from such a URL (the view-count beacon) is removed, since
loading it would send the reader's browser to the blocked host. Forms are removed: a static server
cannot answer a search or the currency converter. `<link rel=canonical>` and the `hreflang`
alternates keep their absolute canonical URLs on purpose (search engines should credit the original).

XML and plain text (feeds, sitemaps, robots.txt) keep absolute URLs, as their formats require; the
exporter decides what they point at (rewrite_absolute_urls).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import lxml.html


@dataclass(frozen=True)
class Resolved:
    """What a URL written in a page becomes in the copy."""

    local: str | None  # a relative link to the copied file, or None: not in the copy
    absolute: str  # the URL on its own site (the canonical site for internal URLs)
    internal: bool  # a URL of this site (not another host, not mailto: …)


Resolver = Callable[[str], Resolved]

# Elements whose URL the browser loads by itself: without a copy they must go, not point home.
_EMBEDDED = {"img", "source", "script", "iframe", "embed", "video", "audio", "track", "input"}
_SRCSET_CANDIDATE = re.compile(r"\s*([^\s,]+)(\s+[^,]+)?\s*(?:,|$)")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


def _is_absolute(url: str) -> bool:
    return "://" in url.split("?", 1)[0] or url.startswith("//")


def _skip(url: str) -> bool:
    """Fragments and empty values stay as they are: they never leave the page."""
    return not url or url.startswith("#")


def rewrite_srcset(value: str, resolve: Resolver) -> str:
    """Each candidate's URL made local; candidates that are not in the copy are left out."""
    candidates = []
    for match in _SRCSET_CANDIDATE.finditer(value):
        url, descriptor = match.group(1), (match.group(2) or "").strip()
        if not url:
            continue
        resolved = resolve(url)
        if resolved.local is not None:
            candidates.append(f"{resolved.local} {descriptor}".strip())
        elif not resolved.internal:
            candidates.append(match.group(0).strip().rstrip(","))
    return ", ".join(candidates)


def rewrite_html(html: str, resolve: Resolver) -> bytes:
    """The page with links made relative, unreachable embeds and all forms removed (UTF-8 bytes)."""
    doc = lxml.html.document_fromstring(html)
    for form in doc.xpath("//form"):
        form.drop_tree()
    for element in list(doc.iter()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        tag = element.tag
        if tag in ("a", "area"):
            href = element.get("href")
            if href is not None and not _skip(href):
                resolved = resolve(href)
                element.set("href", resolved.local if resolved.local is not None else resolved.absolute)
        elif tag == "link":
            href = element.get("href")
            # canonical, hreflang alternates and og-style links name the canonical site: kept.
            if href is not None and not _skip(href) and not _is_absolute(href):
                resolved = resolve(href)
                if resolved.local is not None:
                    element.set("href", resolved.local)
                else:
                    element.drop_tree()
        elif tag in _EMBEDDED:
            dropped = False
            for attribute in ("src", "poster"):
                value = element.get(attribute)
                if value is None or _skip(value):
                    continue
                resolved = resolve(value)
                if resolved.local is not None:
                    element.set(attribute, resolved.local)
                elif resolved.internal:
                    dropped = True
            srcset = element.get("srcset")
            if srcset is not None and not dropped:
                rewritten = rewrite_srcset(srcset, resolve)
                if rewritten:
                    element.set("srcset", rewritten)
                else:
                    del element.attrib["srcset"]
                    dropped = tag == "source"
            if dropped:
                element.drop_tree()
        style = element.get("style")
        if style and "url(" in style:
            element.set("style", rewrite_css(style, resolve))
    for style in doc.xpath("//style"):
        if style.text and "url(" in style.text:
            style.text = rewrite_css(style.text, resolve)
    return lxml.html.tostring(doc, doctype="<!doctype html>", encoding="utf-8")


def rewrite_css(css: str, resolve: Resolver) -> str:
    """url(...) and @import in a stylesheet made relative to the stylesheet's own copy."""

    def replace(match: re.Match[str]) -> str:
        url = match.group(2) or match.group(4)
        if url.startswith(("data:", "#")):
            return match.group(0)
        resolved = resolve(url)
        if resolved.local is None:
            return match.group(0)
        if match.group(2) is not None:
            return f'url("{resolved.local}")'
        return f'@import "{resolved.local}"'

    return _CSS_URL.sub(replace, css)


def absolute_url_pattern(origin: str) -> re.Pattern[str]:
    """URLs of `origin` in XML or text, up to a quote, tag, entity or space."""
    return re.compile(re.escape(origin.rstrip("/")) + r"(/[^\s\"'<>&]*)")


def rewrite_absolute_urls(text: str, origin: str, replace: Callable[[str], str | None]) -> str:
    """Each `origin/path?query` in the text given to `replace(path_and_query)`; None keeps it."""

    def substitute(match: re.Match[str]) -> str:
        new = replace(match.group(1))
        return match.group(0) if new is None else new

    return absolute_url_pattern(origin).sub(substitute, text)


def redirect_page(link: str, canonical: str) -> bytes:
    """A page that sends the reader on at once: what a static copy has for a redirect."""
    link, canonical = escape(link), escape(canonical)
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={link}">'
        f'<link rel="canonical" href="{canonical}"><meta name="robots" content="noindex">'
        f'<title>{link}</title></head><body><p><a href="{link}">{link}</a></p></body></html>\n'
    ).encode()
