"""Lite mode: a text-first copy of every public page for slow or metered connections.

`?lite=1` on any page gives the same HTML without the stylesheet, images or inline charts: each
image becomes a link to the picture ("images only on request"), decorative ones disappear, and
every link and GET form to another page of the site carries `lite=1` so the reader stays in lite
mode. The footer's toggle (class `lite-toggle`) leads back to the full page.

The middleware sits just inside the page cache, so the cache (keyed on path and query string)
stores the lite page as its own entry, compressed once, and the view and its fast serving path in
news.views are the same for both versions.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

PARAM = "lite"
# Links to these stay as they are: files, feeds, the admin, the API.
SKIP_PREFIXES = ("/static/", "/media/", "/documents/", "/api/", "/sitemap", "/news-sitemap", "/robots.txt")


def is_lite(request: HttpRequest) -> bool:
    return request.GET.get(PARAM) == "1"


def lite_url(href: str) -> str:
    """`/en/x/?page=2#a` -> `/en/x/?page=2&lite=1#a`; other hosts, files and feeds unchanged."""
    if not href.startswith(("/", "?")) or href.startswith("//"):
        return href
    parts = urlsplit(href)
    admin = f"/{settings.STEPPE_ADMIN_PATH}/"
    if parts.path.startswith((*SKIP_PREFIXES, admin)) or parts.path.endswith((".xml", ".json", ".txt")):
        return href
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != PARAM]
    query.append((PARAM, "1"))
    return urlunsplit(("", "", parts.path, urlencode(query), parts.fragment))


def image_target(img) -> str:
    """The largest candidate of an <img> (or its <picture>'s JPEG fallback)."""
    best, best_width = img.get("src", ""), int(img.get("width") or 0)
    for candidate in (img.get("srcset") or "").split(","):
        bits = candidate.split()
        if len(bits) == 2 and bits[1].endswith("w") and bits[1][:-1].isdigit():
            if int(bits[1][:-1]) > best_width:
                best, best_width = bits[0], int(bits[1][:-1])
    return best


def full_url(request: HttpRequest) -> str:
    """The full (not lite) version of this page: what the lite page names as canonical."""
    query = [(k, v) for k, v in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)]
    query = urlencode([(k, v) for k, v in query if k != PARAM])
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


def transform(html: bytes, charset: str = "utf-8", canonical: str = "") -> bytes:
    doc = lxml.html.document_fromstring(html.decode(charset))
    # The stylesheet, and what only crawlers and share cards read: the canonical full page has it.
    for node in doc.xpath(
        "//link[@rel='stylesheet' or @rel='preload' or @rel='alternate' or @rel='canonical']"
        " | //script[@type='application/ld+json']"
        " | //meta[starts-with(@property, 'og:') or starts-with(@name, 'twitter:')]"
    ):
        node.drop_tree()
    head = doc.find("head")
    if head is not None:
        if canonical:
            head.append(lxml.html.Element("link", rel="canonical", href=canonical))
        if not doc.xpath("//meta[@name='color-scheme']"):
            # No stylesheet: the browser's own light or dark colours, whichever the reader prefers.
            head.insert(1, lxml.html.Element("meta", name="color-scheme", content="light dark"))
    # Inline charts, and what is hidden from screen readers because it repeats nearby text (the
    # ticker's arrows beside "up"/"down"): without the stylesheet it would only be noise.
    for node in doc.xpath("//svg | //*[@aria-hidden='true'][not(.//img)]"):
        node.drop_tree()
    for img in doc.xpath("//img"):
        # (the HTML parser may nest the <img> in a <source>: take the whole <picture>)
        holder = next(iter(img.xpath("ancestor::picture[1]")), img)
        alt = (img.get("alt") or "").strip()
        parent = holder.getparent()
        if not alt:
            # Decorative (a card's thumbnail repeats its headline link): drop it, and a link
            # left empty by it.
            holder.drop_tree()
            if parent is not None and parent.tag == "a" and not parent.text_content().strip():
                parent.drop_tree()
            continue
        link = lxml.html.Element("a", href=image_target(img))
        link.set("class", "lite-image")
        link.text = _("Image: %(description)s") % {"description": alt}
        link.tail = holder.tail
        parent.replace(holder, link)
    for anchor in doc.xpath("//a[@href]"):
        if "lite-toggle" not in (anchor.get("class") or "").split() and "lite-image" not in (
            anchor.get("class") or ""
        ):
            anchor.set("href", lite_url(anchor.get("href")))
    # Without a stylesheet, class names are dead weight.
    for node in doc.xpath("//*[@class][not(starts-with(@class, 'lite-'))]"):
        del node.attrib["class"]
    for form in doc.xpath("//form"):
        if (form.get("method") or "get").lower() == "get" and not form.xpath(f".//input[@name='{PARAM}']"):
            form.append(lxml.html.Element("input", type="hidden", name=PARAM, value="1"))
    return lxml.html.tostring(doc, doctype="<!doctype html>", encoding="utf-8")


class LiteModeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not is_lite(request)
            or response.status_code != 200
            or response.streaming
            or response.has_header("Content-Encoding")
            or not response.get("Content-Type", "").startswith("text/html")
            or request.path_info.startswith(f"/{settings.STEPPE_ADMIN_PATH}/")
        ):
            return response
        with translation.override(response.get("Content-Language") or translation.get_language()):
            response.content = transform(
                response.content, response.charset or "utf-8", canonical=full_url(request)
            )
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
