"""Convert WordPress post HTML (classic or Gutenberg) into StreamField-like blocks.

Pure functions, no Django.  ``html_to_blocks(html)`` returns a list of
``{"type": ..., "value": ...}`` dicts:

=============  ==================================================================
type           value
=============  ==================================================================
``paragraph``  sanitised rich-text HTML: a run of ``<p>``, ``<ul>``/``<ol>``/``<li>``
               (lists are folded into the rich text), with only ``a[href]``,
               ``b``/``strong``, ``i``/``em``, ``br`` inside.  Consecutive
               paragraphs and lists are merged into one block; headings,
               quotes, media and HTML blocks split runs.
``heading``    ``{"text": str, "level": 2 | 3 | 4}`` (h1 -> 2, h5/h6 -> 4)
``quote``      ``{"text": str, "attribution": str}`` from ``<blockquote>``,
               ``wp:quote`` and ``wp:pullquote``; text is plain, paragraphs
               separated by "\\n"; attribution from ``<cite>``/``<footer>``.
``image``      ``{"src": str, "attachment_id": int | None, "caption": str,
               "alt": str, "credit": str | None}`` from ``<img>``,
               ``<figure>`` and ``[caption]``.  ``[gallery ids=...]`` and
               ``wp:gallery`` become one image block per picture (no separate
               gallery type, so the page schema stays small).
``embed``      ``{"url": str}`` from ``wp:embed``, ``<figure class="wp-block-embed">``,
               ``[embed]url[/embed]``, a bare URL on its own line (classic
               content) or alone in a ``<p>``, and YouTube/Vimeo iframes.
               An embed caption follows as its own paragraph block.
``html``       sanitised HTML (nh3) for whatever has no better mapping: tables,
               definition lists, ``<pre>``, video/audio, unmapped iframes,
               social-media blockquotes.  Scripts, styles, event handlers and
               ``javascript:`` URLs are removed.
=============  ==================================================================

Guarantees: Gutenberg block comments are consumed, never emitted; every piece
of visible text of the input ends up in some block (see :func:`blocks_text`),
except the content of ``<script>``, ``<style>``, ``<template>`` and
``<noscript>`` (lazy-load duplicates), which is dropped on purpose.  Unknown
shortcodes are kept as literal text.

Classic (non-Gutenberg) content is first run through :func:`wpautop`, our own
implementation of WordPress's paragraph rules: blank lines separate
paragraphs, single newlines become ``<br>``.
"""

from __future__ import annotations

import copy
import html as html_lib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import lxml.html
import nh3
from lxml import etree

if TYPE_CHECKING:
    from wordpress.wxr import Item

__all__ = [
    "AttachmentIndex",
    "AttachmentRef",
    "attachment_ref",
    "blocks_text",
    "excerpt_text",
    "expand_reusable_blocks",
    "html_to_blocks",
    "strip_shortcodes_for_excerpt",
    "wpautop",
]

Block = dict[str, Any]
EmbedFilter = Callable[[str], bool]


# --------------------------------------------------------------------------- attachments


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """What the converter needs to know about a WordPress attachment."""

    url: str
    alt: str = ""
    caption: str = ""
    credit: str | None = None
    title: str = ""


class AttachmentIndex(Mapping[int, AttachmentRef]):
    """Attachments by WordPress id, also findable by URL.

    Build it once per import (first pass over the export) and pass it to
    every :func:`html_to_blocks` call: images whose markup lacks a
    ``wp-image-N`` class are then matched by file URL, ignoring the host and
    WordPress's ``-300x200`` / ``-scaled`` size suffixes.
    """

    def __init__(self, refs: Mapping[int, AttachmentRef] | Iterable[tuple[int, AttachmentRef]] = ()) -> None:
        self._by_id: dict[int, AttachmentRef] = {}
        self._by_url: dict[str, int] = {}
        for wp_id, ref in refs.items() if isinstance(refs, Mapping) else refs:
            self.add(wp_id, ref)

    def add(self, wp_id: int, ref: AttachmentRef) -> None:
        self._by_id[int(wp_id)] = ref
        if ref.url:
            self._by_url.setdefault(_url_key(ref.url), int(wp_id))

    def find_by_url(self, url: str) -> int | None:
        return self._by_url.get(_url_key(url)) if url else None

    def __getitem__(self, key: int) -> AttachmentRef:
        return self._by_id[int(key)]

    def __iter__(self) -> Iterator[int]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated|e\d{10,})(?=\.[A-Za-z0-9]+$)")


def _url_key(url: str) -> str:
    path = unquote(urlsplit(url.strip()).path)
    uploads = path.find("/uploads/")
    if uploads >= 0:  # CDN / Photon URLs carry the site host in the path
        path = path[uploads:]
    previous = None
    while previous != path:  # "photo-scaled-300x200.jpg" -> "photo.jpg"
        previous, path = path, _SIZE_SUFFIX.sub("", path)
    return path.lower()


def attachment_ref(item: Item) -> AttachmentRef:
    """AttachmentRef of an ``attachment`` item (caption lives in the excerpt, alt in postmeta)."""
    credit = (
        item.meta("_media_credit").strip()
        or item.meta("media_credit").strip()
        or _php_string_value(item.meta("_wp_attachment_metadata"), "credit")
    )
    return AttachmentRef(
        url=item.attachment_url or item.guid,
        alt=item.meta("_wp_attachment_image_alt").strip(),
        caption=excerpt_text(item.excerpt),
        credit=credit or None,
        title=item.title,
    )


def _php_string_value(serialized: str, key: str) -> str:
    """Read one string entry (e.g. image_meta "credit") out of PHP-serialised data.

    PHP counts string lengths in UTF-8 bytes, so slice bytes, not characters.
    """
    if not serialized:
        return ""
    match = re.search(r's:\d+:"' + re.escape(key) + r'";s:(\d+):"', serialized)
    if not match:
        return ""
    raw = serialized.encode("utf-8")
    start = len(serialized[: match.end()].encode("utf-8"))
    return raw[start : start + int(match.group(1))].decode("utf-8", "replace").strip()


# --------------------------------------------------------------------------- shortcodes

_SC_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))""")
_CAPTION_SC = re.compile(r"(?<!\[)\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\](?!\])", re.S | re.I)
_GALLERY_SC = re.compile(r"(?<!\[)\[gallery\b([^\]]*)\](?!\])", re.I)
_EMBED_SC = re.compile(r"(?<!\[)\[embed\b[^\]]*\](.*?)\[/embed\](?!\])", re.S | re.I)
_MEDIA_SC = re.compile(r"(?<!\[)\[(video|audio)\b([^\]]*)\](?:(.*?)\[/\1\])?(?!\])", re.S | re.I)
_MEDIA_SC_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "oga", "wav", "m4a",
                     "wma")  # fmt: skip
# Jetpack / WordPress.com embeds: [youtube URL], [youtube=URL], [vimeo 123], [tweet URL] …
_JETPACK_SC = re.compile(
    r"(?<!\[)\[(youtube|vimeo|tweet|twitter|instagram|soundcloud|dailymotion|ted|slideshare|flickr)"
    r"(?:=|\s+)([^\]]+)\](?!\])",
    re.I,
)
_BARE_ID_URLS = {  # shortcode -> (what a bare id looks like, its URL)
    "youtube": (r"[\w-]{11}", "https://www.youtube.com/watch?v={}"),
    "vimeo": (r"\d+", "https://vimeo.com/{}"),
    "tweet": (r"\d+", "https://twitter.com/i/status/{}"),
    "dailymotion": (r"[a-z0-9]+", "https://www.dailymotion.com/video/{}"),
}
_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M | re.I)
_EXCERPT_SHORTCODES = ("caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist", "youtube",
                       "vimeo", "tweet", "instagram", "soundcloud", "dailymotion")  # fmt: skip


def _shortcode_attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _SC_ATTR.finditer(text)
    }


def _attr(value: str) -> str:
    return html_lib.escape(html_lib.unescape(value), quote=True)


def _caption_to_element(match: re.Match[str]) -> str:
    attrs = _shortcode_attrs(match.group(2))
    body = match.group(3)
    if attrs.get("caption"):  # pre-2.6 form: caption text in an attribute
        body += f"<figcaption>{attrs['caption']}</figcaption>"
    return f'<wp-caption data-attachment="{_attr(attrs.get("id", ""))}">{body}</wp-caption>'


def _gallery_to_element(match: re.Match[str]) -> str:
    attrs = _shortcode_attrs(match.group(1))
    ids = attrs.get("ids") or attrs.get("include") or ""
    exclude = attrs.get("exclude") or ""
    return (
        f'<wp-gallery data-ids="{_attr(ids)}" data-exclude="{_attr(exclude)}" '
        f'data-raw="{_attr(match.group(0))}"></wp-gallery>'
    )


def _media_to_link(match: re.Match[str]) -> str:
    """[video]/[audio]: steppe plays no media files; keep a link to each, or the shortcode as text."""
    attrs = _shortcode_attrs(match.group(2))
    urls = [attrs[key] for key in _MEDIA_SC_SOURCES if attrs.get(key)]
    inner = (match.group(3) or "").strip()
    if _HTTP_URL.match(inner):  # [video]https://…/clip.mp4[/video]
        urls.append(inner)
    links = [
        f'<a href="{_attr(url)}">{_attr(url)}</a>' for url in dict.fromkeys(urls) if _HTTP_URL.match(url)
    ]
    return " ".join(links) if links else html_lib.escape(match.group(0), quote=False)


def _jetpack_to_element(match: re.Match[str]) -> str:
    name, arg = match.group(1).lower(), match.group(2).strip()
    attrs = _shortcode_attrs(arg)
    value = attrs.get("url") or attrs.get("id") or arg.split()[0].strip("\"'")
    value = html_lib.unescape(value)
    if not _HTTP_URL.match(value):
        id_pattern, template = _BARE_ID_URLS.get("tweet" if name == "twitter" else name, ("", ""))
        if not template or not re.fullmatch(id_pattern, value):
            return match.group(0)  # not understood: kept as literal text
        value = template.format(value)
    return _embed_to_element(value)


def _embed_to_element(url: str) -> str:
    return f'<wp-embed data-url="{_attr(url.strip())}"></wp-embed>'


def _shortcodes_to_elements(text: str) -> str:
    """Turn the shortcodes we understand into placeholder elements (parsed like HTML)."""
    text = _CAPTION_SC.sub(_caption_to_element, text)
    text = _GALLERY_SC.sub(_gallery_to_element, text)
    text = _MEDIA_SC.sub(_media_to_link, text)
    text = _JETPACK_SC.sub(_jetpack_to_element, text)
    return _EMBED_SC.sub(lambda m: _embed_to_element(m.group(1)), text)


_REUSABLE_BLOCK = re.compile(r"<!--\s*wp:block\s+(\{.*?\})\s*/?-->(?:(.*?)<!--\s*/wp:block\s*-->)?", re.S)


def expand_reusable_blocks(html: str, reusable: Mapping[int, str], depth: int = 5) -> tuple[str, list[int]]:
    """Replace ``<!-- wp:block {"ref":N} /-->`` (a reusable block / synced pattern) by the content of
    the ``wp_block`` item N, as WordPress does when it renders the post.

    Returns the expanded HTML and the ids that were not in ``reusable`` (their place stays empty).
    Nested references are followed up to ``depth`` levels; a block that contains itself is not
    expanded again."""
    missing: list[int] = []
    if "wp:block" not in html:
        return html, missing

    def expand(match: re.Match[str], chain: tuple[int, ...]) -> str:
        try:
            ref = _as_int(json.loads(match.group(1)).get("ref"))
        except (ValueError, AttributeError):
            ref = None
        if ref is None or ref in chain or len(chain) >= depth:
            return match.group(2) or ""
        if ref not in reusable:
            if ref not in missing:
                missing.append(ref)
            return match.group(2) or ""
        return _REUSABLE_BLOCK.sub(lambda m: expand(m, (*chain, ref)), reusable[ref])

    return _REUSABLE_BLOCK.sub(lambda m: expand(m, ()), html), missing


def strip_shortcodes_for_excerpt(text: str, extra_names: Iterable[str] = ()) -> str:
    """Remove media shortcodes (caption, gallery, embed, audio, video, playlist
    plus ``extra_names``) together with their enclosed content, as WordPress's
    strip_shortcodes does for registered shortcodes.  Other bracketed text
    ("[top]", "[1]") is left alone."""
    names = "|".join(re.escape(n) for n in (*_EXCERPT_SHORTCODES, *extra_names))
    enclosing = re.compile(rf"(?<!\[)\[({names})\b[^\]]*\].*?\[/\1\](?!\])", re.S | re.I)
    single = re.compile(rf"(?<!\[)\[/?(?:{names})\b[^\]]*\](?!\])", re.I)
    return single.sub("", enclosing.sub("", text))


def excerpt_text(html: str, max_chars: int | None = None) -> str:
    """Plain-text excerpt: shortcodes, block comments and tags removed, whitespace collapsed,
    cut at a word boundary with "…" when longer than ``max_chars``."""
    if not html or not html.strip():
        return ""
    text = strip_shortcodes_for_excerpt(html)
    root = _parse_fragment(text)
    plain = " ".join(_plain_text(root).split())
    if max_chars is not None and len(plain) > max_chars:
        cut = plain[: max_chars + 1].rsplit(" ", 1)[0] if " " in plain[:max_chars] else plain[:max_chars]
        plain = cut.rstrip(" ,;:.-") + "…"
    return plain


# --------------------------------------------------------------------------- wpautop

_AUTOP_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
    r"|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header"
    r"|footer|nav|figure|figcaption|details|menu|summary|wp-caption|wp-gallery|wp-embed)"
)
_OPEN_BLOCK = re.compile(rf"(<{_AUTOP_BLOCKS}[\s/>])", re.I)
_CLOSE_BLOCK = re.compile(rf"(</{_AUTOP_BLOCKS}>)", re.I)
_ANY_BLOCK_TAG = rf"</?{_AUTOP_BLOCKS}(?:[\s/][^>]*)?>"
_RAW_BLOCKS = re.compile(r"<(pre|script|style|textarea|svg)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>", re.S)
_NL_IN_TAG = "\x01"  # placeholder: newlines inside tags must not become <br>


def _protect(text: str, pattern: re.Pattern[str]) -> tuple[str, list[str]]:
    """Swap raw blocks for placeholders; <pre> stays a block, script/style/etc. stay inline."""
    saved: list[str] = []

    def stash(match: re.Match[str]) -> str:
        saved.append(match.group(0))
        tag = "pre" if match.group(1).lower() == "pre" else "wp-raw"
        return f'<{tag} data-protected="{len(saved) - 1}"></{tag}>'

    return pattern.sub(stash, text), saved


def _restore(text: str, saved: list[str]) -> str:
    return re.sub(r'<(pre|wp-raw) data-protected="(\d+)"></\1>', lambda m: saved[int(m.group(2))], text)


def wpautop(text: str, br: bool = True) -> str:
    """WordPress's "auto paragraph" rules, reimplemented.

    Blank lines separate paragraphs; with ``br`` single newlines become
    ``<br />``.  Block-level tags are never wrapped in ``<p>``, and the
    contents of ``<pre>``, ``<script>``, ``<style>``, ``<textarea>`` and
    ``<svg>`` are left alone.
    """
    if not text.strip():
        return ""
    text, saved = _protect(text.replace("\r\n", "\n").replace("\r", "\n"), _RAW_BLOCKS)
    text += "\n"
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.I)
    text = _OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSE_BLOCK.sub(r"\1\n\n", text)
    text = re.sub(r"(<hr\s*/?>)", r"\1\n\n", text, flags=re.I)
    text = _TAG.sub(lambda m: m.group(0).replace("\n", _NL_IN_TAG), text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text)]
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs if p)
    text = re.sub(r"<p>\s*</p>", "", text)
    # A block tag alone in a "paragraph", or at its edges, must not be wrapped.
    text = re.sub(rf"<p>\s*({_ANY_BLOCK_TAG})\s*</p>", r"\1", text, flags=re.I)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text, flags=re.I)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*({_ANY_BLOCK_TAG})", r"\1", text, flags=re.I)
    text = re.sub(rf"({_ANY_BLOCK_TAG})\s*</p>", r"\1", text, flags=re.I)
    if br:
        text = re.sub(r"<br\s*/?>", "<br />", text, flags=re.I)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"({_ANY_BLOCK_TAG})\s*<br />", r"\1", text, flags=re.I)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[\s/>])", r"\1", text, flags=re.I)
    text = re.sub(r"\n</p>$", "</p>", text)
    return _restore(text.replace(_NL_IN_TAG, "\n"), saved)


def _url_lines_to_embeds(text: str) -> str:
    """WordPress autoembed: a URL alone on its line becomes an embed (outside <pre> etc.)."""
    text, saved = _protect(text, _RAW_BLOCKS)
    text = _URL_LINE.sub(lambda m: "\n" + _embed_to_element(m.group(1)) + "\n", text)
    return _restore(text, saved)


# --------------------------------------------------------------------------- sanitising

_RICH_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "b", "strong", "i", "em", "br", "blockquote"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_HTML_BLOCK_TAGS = set(nh3.ALLOWED_TAGS) | {"iframe", "video", "audio", "source", "track"}
_HTML_BLOCK_ATTRS = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()} | {
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "frameborder"},
    "video": {"src", "controls", "poster", "width", "height", "preload", "loop", "muted"},
    "audio": {"src", "controls", "preload", "loop"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label"},
}


def _clean_rich(fragment: str) -> str:
    cleaned = nh3.clean(
        fragment,
        tags=_RICH_TAGS,
        attributes={"a": {"href"}, "*": set()},
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    cleaned = re.sub(r"\s+", " ", cleaned)
    cleaned = re.sub(r"\s*<br>\s*", "<br>", cleaned)
    cleaned = re.sub(r"(<(?:p|li|ul|ol|h[2-4]|blockquote)>)\s+", r"\1", cleaned)
    cleaned = re.sub(r"<a>(.*?)</a>", r"\1", cleaned, flags=re.S)  # link whose unsafe href was removed
    cleaned = re.sub(r"(</(?:p|li|ul|ol|h[2-4]|blockquote)>)\s+(?=<)", r"\1", cleaned)
    return re.sub(r"\s+(</(?:p|li|ul|ol|h[2-4]|blockquote)>)", r"\1", cleaned).strip()


def _clean_html(fragment: str) -> str:
    cleaned = nh3.clean(
        fragment,
        tags=_HTML_BLOCK_TAGS,
        attributes=_HTML_BLOCK_ATTRS,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return re.sub(r"<a>(.*?)</a>", r"\1", cleaned, flags=re.S).strip()


def _visible_text(fragment: str) -> str:
    if not fragment:
        return ""
    return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


# --------------------------------------------------------------------------- DOM helpers

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DROP = {"script", "style", "template", "noscript", "head", "meta", "link", "title", "base"}
_INLINE = {
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr",
    # form controls: their tags are dropped by the sanitiser, their text kept
    "input", "select", "option", "optgroup", "textarea", "button", "output",
}  # fmt: skip
_TRANSPARENT = {
    "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "address",
    "form", "fieldset", "legend", "li", "body", "html", "hgroup", "dialog", "picture",
}  # fmt: skip
_HTML_FALLBACK = {"table", "dl", "pre", "video", "audio", "object", "embed", "canvas",
                  "details", "map", "frameset", "xmp", "listing", "marquee"}  # fmt: skip
_MEDIA = {"img", "iframe", "video", "audio", "object", "embed", "canvas", "figure", "table",
          "wp-caption", "wp-gallery", "wp-embed", "picture"}  # fmt: skip
_BLOCKISH = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "table",
             "tr", "pre", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
             "address", "aside", "details", "summary", "fieldset", "legend", "form"}  # fmt: skip
_HEADINGS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_GALLERY_LISTS = {"wp-block-gallery", "blocks-gallery-grid", "gallery"}
_SOCIAL_QUOTES = {"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "reddit-embed-bq"}
_BLOCK_COMMENT = re.compile(r"^\s*(/)?wp:([a-z0-9_/-]+)\s*(\{.*\})?\s*(/)?\s*$", re.S)
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_YOUTUBE_IFRAME = re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{6,})", re.I)
_VIMEO_IFRAME = re.compile(r"^(?:https?:)?//player\.vimeo\.com/video/(\d+)", re.I)
_HTTP_URL = re.compile(r"^https?://[^\s<>\"]+$", re.I)


def _parse_fragment(text: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(_XML_INVALID.sub("", text), create_parent="div")


def _tag(node: Any) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _classes(elem: Any) -> set[str]:
    return set((elem.get("class") or "").split())


def _contains(elem: Any, tags: set[str]) -> bool:
    return any(_tag(d) in tags for d in elem.iterdescendants())


def _only_inline(elem: Any) -> bool:
    return all(_tag(d) in _INLINE or not _tag(d) for d in elem.iterdescendants())


def _serialize(elem: Any) -> str:
    return lxml.html.tostring(elem, encoding="unicode", with_tail=False)


def _plain_text(elem: Any, skip: Callable[[Any], bool] | None = None) -> str:
    """Visible text with "\\n" at <br> and block boundaries, whitespace collapsed per line."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = _tag(node)
        if tag and tag not in _DROP and not (skip and skip(node)):
            if tag == "br":
                parts.append("\n")
            else:
                block = tag in _BLOCKISH
                if block:
                    parts.append("\n")
                if node.text:
                    parts.append(node.text)
                for child in node:
                    walk(child)
                if block:
                    parts.append("\n")
        if node is not elem and node.tail:
            parts.append(node.tail)

    walk(elem)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _block_comment(node: Any) -> tuple[bool, str, dict[str, Any]] | None:
    """(closing, block name, attributes) of a Gutenberg ``<!-- wp:name {...} -->`` comment."""
    match = _BLOCK_COMMENT.match(node.text or "")
    if not match:
        return None
    attrs: dict[str, Any] = {}
    if match.group(3):
        try:
            loaded = json.loads(match.group(3))
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            attrs = loaded
    return bool(match.group(1)), match.group(2), attrs


def _is_embed_block(name: str) -> bool:
    return name == "embed" or name.startswith(("core-embed/", "embed/"))


# --------------------------------------------------------------------------- converter


class _Converter:
    """Walks the parsed fragment once, appending blocks; see html_to_blocks."""

    def __init__(
        self,
        attachments: Mapping[Any, AttachmentRef] | None,
        embed_filter: EmbedFilter | None,
        post_attachments: Iterable[int] = (),
    ):
        self.attachments = attachments or {}
        self.post_attachments = list(post_attachments)
        self.embed_filter = embed_filter
        self.blocks: list[Block] = []
        self.rich: list[str] = []  # finished <p>/<ul>/<ol> pieces of the current paragraph block
        self.inline: list[str] = []  # HTML of the paragraph being collected
        self.pending_embed: str | None = None  # url of an open wp:embed block not emitted yet
        self.pending_image_id: int | None = None  # id from an open wp:image block comment

    # ---- output buffers

    def add_inline(self, fragment: str) -> None:
        self.inline.append(fragment)

    def add_text(self, text: str | None) -> None:
        if text:
            self.inline.append(html_lib.escape(text, quote=False))

    def close_inline(self) -> None:
        if not self.inline:
            return
        cleaned = _clean_rich("".join(self.inline))
        self.inline = []
        cleaned = re.sub(r"^(?:<br>)+|(?:<br>)+$", "", cleaned)
        if _visible_text(cleaned).replace("\xa0", " ").strip():
            self.rich.append(f"<p>{cleaned}</p>")

    def add_rich(self, fragment: str) -> None:
        self.close_inline()
        cleaned = _clean_rich(fragment)
        if _visible_text(cleaned).strip():
            self.rich.append(cleaned)

    def flush(self) -> None:
        self.close_inline()
        if self.rich:
            self.blocks.append({"type": "paragraph", "value": "".join(self.rich)})
            self.rich = []

    def add_block(self, block: Block) -> None:
        self.flush()
        self.blocks.append(block)

    def add_caption_paragraph(self, text: str) -> None:
        if text.strip():
            self.flush()
            self.blocks.append({"type": "paragraph", "value": f"<p>{html_lib.escape(_one_line(text))}</p>"})

    # ---- walking

    def children(self, elem: Any, *, loose_paragraphs: bool = False) -> None:
        """Walk an element's content; ``loose_paragraphs`` splits its own text at blank lines
        (classic "freeform" text between Gutenberg blocks is not wpautop'd by us)."""
        add = self.add_loose_text if loose_paragraphs else self.add_text
        add(elem.text)
        for child in elem:
            self.node(child)
            add(child.tail)

    def add_loose_text(self, text: str | None) -> None:
        for index, part in enumerate(re.split(r"\n[ \t]*\n", text or "")):
            if index:
                self.close_inline()
            self.add_text(part)

    def node(self, elem: Any) -> None:
        tag = _tag(elem)
        if not tag:
            if elem.tag is etree.Comment:
                self.comment(elem)
            return
        handler = self._HANDLERS.get(tag)
        if handler is not None:
            handler(self, elem)
        elif tag in _DROP:
            return
        elif tag in _HEADINGS:
            self.heading(elem, _HEADINGS[tag])
        elif tag == "br":
            self.add_inline("<br>")
        elif tag in _INLINE or (tag not in _TRANSPARENT and tag not in _HTML_FALLBACK and _only_inline(elem)):
            if _only_inline(elem):
                self.add_inline(_serialize(elem))
            else:
                self.children(elem)  # unwrap: e.g. <a><img></a> -> image block
        elif tag in _HTML_FALLBACK:
            self.html_block(elem)
        else:
            self.close_inline()
            self.children(elem)
            self.close_inline()

    def comment(self, elem: Any) -> None:
        parsed = _block_comment(elem)
        if parsed is None:
            return  # ordinary HTML comment, <!--more-->, <!--nextpage-->: not content
        closing, name, attrs = parsed
        if _is_embed_block(name):
            if closing:
                if self.pending_embed:
                    self.embed(self.pending_embed)  # block had no usable <figure>
                self.pending_embed = None
            elif isinstance(attrs.get("url"), str):
                self.pending_embed = attrs["url"]
        elif name == "image":
            self.pending_image_id = None if closing else _as_int(attrs.get("id"))

    # ---- block handlers

    def paragraph(self, elem: Any) -> None:
        self.close_inline()
        text = (elem.text or "").strip()
        if len(elem) == 0 and _HTTP_URL.match(text):  # WordPress autoembeds <p>URL</p>
            self.embed(text)
            return
        self.children(elem)
        self.close_inline()

    def list_(self, elem: Any) -> None:
        images = list(elem.iter("img"))
        if images and (_classes(elem) & _GALLERY_LISTS or not _visible_text(_serialize(elem))):
            self.gallery_figure(elem, images)  # Gutenberg galleries of WordPress 5.0–5.2, icon lists
        elif _contains(elem, _MEDIA):
            self.html_block(elem)
        else:
            self.add_rich(_serialize(elem))

    def heading(self, elem: Any, level: int) -> None:
        if _contains(elem, _MEDIA):
            self.paragraph(elem)  # keep the media; the heading text becomes a paragraph
            return
        text = _one_line(_plain_text(elem))
        if text:
            self.add_block({"type": "heading", "value": {"text": text, "level": level}})

    def blockquote(self, elem: Any) -> None:
        if _classes(elem) & _SOCIAL_QUOTES or _contains(elem, _MEDIA):
            self.html_block(elem)  # text + link kept; the lead may upgrade these to embeds
            return
        attribution_nodes = [c for c in elem if _tag(c) in {"cite", "footer"}]
        attribution = " ".join(_one_line(_plain_text(c)) for c in attribution_nodes).strip()
        text = _plain_text(elem, skip=lambda n: n in attribution_nodes)
        if text or attribution:
            self.add_block({"type": "quote", "value": {"text": text, "attribution": attribution}})

    def figure(self, elem: Any) -> None:
        classes = _classes(elem)
        images = [d for d in elem.iter("img")]
        if any(c.startswith("wp-block-embed") for c in classes):
            self.embed_figure(elem)
        elif "wp-block-pullquote" in classes or (not images and elem.find(".//blockquote") is not None):
            self.pullquote(elem)
        elif _contains(elem, {"table", "video", "audio", "object", "embed"}):
            self.html_block(elem)
        elif len(images) > 1 or "wp-block-gallery" in classes:
            self.gallery_figure(elem, images)
        elif len(images) == 1:
            caption = _plain_text(elem, skip=lambda n: _tag(n) == "img")
            self.image(images[0], caption=_one_line(caption))
        elif elem.find(".//iframe") is not None:
            for iframe in elem.iter("iframe"):
                self.iframe(iframe)
            self.add_caption_paragraph(_plain_text(elem))
        else:
            self.close_inline()
            self.children(elem)
            self.close_inline()

    def embed_figure(self, elem: Any) -> None:
        wrapper = next((d for d in elem.iter() if "wp-block-embed__wrapper" in _classes(d)), None)
        wrapper_text = _one_line(_plain_text(wrapper)) if wrapper is not None else ""
        url = wrapper_text if _HTTP_URL.match(wrapper_text) else self.pending_embed
        if not url:
            iframe = elem.find(".//iframe")
            if iframe is not None:
                self.iframe(iframe)
                self.add_caption_paragraph(_plain_text(elem, skip=lambda n: n is wrapper))
                return
            self.html_block(elem)
            return
        self.embed(url)
        extra = _plain_text(elem, skip=lambda n: n is wrapper)
        if wrapper is not None and wrapper_text and wrapper_text != url:
            extra = f"{wrapper_text}\n{extra}"  # nothing is lost when the wrapper held more than the URL
        self.add_caption_paragraph(extra)

    def pullquote(self, elem: Any) -> None:
        quote = elem.find(".//blockquote")
        if quote is None:
            self.children(elem)
            return
        before = len(self.blocks)
        self.blockquote(quote)
        caption = _plain_text(elem, skip=lambda n: n is quote)
        if caption:
            block = self.blocks[-1] if len(self.blocks) > before else None
            if block and block["type"] == "quote" and not block["value"]["attribution"]:
                block["value"]["attribution"] = _one_line(caption)
            else:
                self.add_caption_paragraph(caption)

    def gallery_figure(self, elem: Any, images: list[Any]) -> None:
        for img in images:
            holder = next((a for a in img.iterancestors() if _tag(a) in {"figure", "li"}), None)
            caption = ""
            if holder is not None and holder is not elem:
                caption = _one_line(_plain_text(holder, skip=lambda n: _tag(n) == "img"))
            self.image(img, caption=caption)
        # the gallery's own caption and any loose text: every text not inside an image holder
        holders = {a for img in images for a in img.iterancestors() if _tag(a) in {"figure", "li"}} - {elem}
        rest = _plain_text(elem, skip=lambda n: n in holders or _tag(n) == "img")
        self.add_caption_paragraph(rest)

    def image(self, img: Any, *, caption: str = "", attachment_hint: int | None = None) -> None:
        src = (img.get("src") or img.get("data-src") or img.get("data-lazy-src") or "").strip()
        attachment_id = (
            attachment_hint
            or _as_int(img.get("data-id"))
            or _wp_image_id(img.get("class") or "")
            or self.pending_image_id
        )
        if attachment_id is None and src and isinstance(self.attachments, AttachmentIndex):
            attachment_id = self.attachments.find_by_url(src)
        ref = self.lookup(attachment_id)
        if not src and ref is None and attachment_id is None:
            if caption:
                self.add_caption_paragraph(caption)
            return
        alt = (img.get("alt") or "").strip() or (ref.alt if ref else "")
        self.add_block(
            {
                "type": "image",
                "value": {
                    "src": src or (ref.url if ref else ""),
                    "attachment_id": attachment_id,
                    "caption": caption,
                    "alt": alt,
                    "credit": ref.credit if ref else None,
                },
            }
        )

    def lookup(self, attachment_id: int | None) -> AttachmentRef | None:
        if attachment_id is None:
            return None
        for key in (attachment_id, str(attachment_id)):
            try:
                return self.attachments[key]
            except (KeyError, TypeError, ValueError):
                continue
        return None

    def img(self, elem: Any) -> None:
        self.image(elem)

    def caption_shortcode(self, elem: Any) -> None:
        images = list(elem.iter("img"))
        if not images:
            self.close_inline()
            self.children(elem)
            self.close_inline()
            return
        hint = _as_int((elem.get("data-attachment") or "").removeprefix("attachment_"))
        caption = _one_line(_plain_text(elem, skip=lambda n: _tag(n) == "img"))
        for index, img in enumerate(images):
            last = index == len(images) - 1
            self.image(
                img, caption=caption if last else "", attachment_hint=hint if len(images) == 1 else None
            )

    def gallery_shortcode(self, elem: Any) -> None:
        ids = [_as_int(part) for part in (elem.get("data-ids") or "").split(",")]
        ids = [i for i in ids if i is not None]
        if not ids:  # [gallery] without ids shows the post's own attachments
            excluded = {_as_int(part) for part in (elem.get("data-exclude") or "").split(",")}
            ids = [i for i in self.post_attachments if i not in excluded]
        if not ids:  # nothing known to show: keep it visible as text
            self.add_text(elem.get("data-raw") or "")
            return
        for attachment_id in ids:
            ref = self.lookup(attachment_id)
            self.add_block(
                {
                    "type": "image",
                    "value": {
                        "src": ref.url if ref else "",
                        "attachment_id": attachment_id,
                        "caption": ref.caption if ref else "",
                        "alt": ref.alt if ref else "",
                        "credit": ref.credit if ref else None,
                    },
                }
            )

    def embed_shortcode(self, elem: Any) -> None:
        self.embed(elem.get("data-url") or "")

    def iframe(self, elem: Any) -> None:
        src = (elem.get("src") or "").strip()
        if match := _YOUTUBE_IFRAME.match(src):
            self.embed(f"https://www.youtube.com/watch?v={match.group(1)}")
        elif match := _VIMEO_IFRAME.match(src):
            self.embed(f"https://vimeo.com/{match.group(1)}")
        else:
            self.html_block(elem)

    def embed(self, url: str) -> None:
        url = url.strip()
        self.pending_embed = None
        if not url:
            return
        if not _HTTP_URL.match(url) or (self.embed_filter is not None and not self.embed_filter(url)):
            # not embeddable: keep it as a link (or as text when it is not even http)
            link = html_lib.escape(url, quote=True)
            body = f'<a href="{link}">{link}</a>' if _HTTP_URL.match(url) else link
            self.add_block({"type": "paragraph", "value": f"<p>{body}</p>"})
            return
        self.add_block({"type": "embed", "value": {"url": url}})

    def foreign(self, elem: Any) -> None:
        # SVG / MathML markup cannot be kept safely; their text can.
        self.add_text(" " + _one_line(_plain_text(elem)) + " ")

    def html_block(self, elem: Any) -> None:
        cleaned = _clean_html(_serialize(_without_placeholders(elem)))
        if _visible_text(cleaned) or re.search(r"<(?:img|iframe|video|audio)\b", cleaned):
            self.add_block({"type": "html", "value": cleaned})

    _HANDLERS: dict[str, Callable[[_Converter, Any], None]] = {}


_Converter._HANDLERS = {
    "p": _Converter.paragraph,
    "ul": _Converter.list_,
    "ol": _Converter.list_,
    "blockquote": _Converter.blockquote,
    "figure": _Converter.figure,
    "img": _Converter.img,
    "iframe": _Converter.iframe,
    "wp-caption": _Converter.caption_shortcode,
    "wp-gallery": _Converter.gallery_shortcode,
    "wp-embed": _Converter.embed_shortcode,
    "hr": lambda self, _elem: self.close_inline(),
    "svg": _Converter.foreign,
    "math": _Converter.foreign,
}


def _without_placeholders(elem: Any) -> Any:
    """Copy of ``elem`` with our shortcode placeholder elements turned back into text,
    so an HTML block keeps embed URLs and gallery shortcodes visible."""
    clone = copy.deepcopy(elem)
    clone.tail = None
    for node in list(clone.iter("wp-embed", "wp-gallery", "wp-caption")):
        if node.tag == "wp-embed":
            node.text = node.get("data-url") or ""
        elif node.tag == "wp-gallery":
            node.text = node.get("data-raw") or ""
        if node is clone:
            wrapper = lxml.html.Element("div")
            wrapper.append(clone)
            clone.drop_tag()
            return wrapper
        node.drop_tag()
    return clone


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _wp_image_id(class_attr: str) -> int | None:
    match = _WP_IMAGE_CLASS.search(class_attr)
    return int(match.group(1)) if match else None


def html_to_blocks(
    html: str,
    *,
    attachments: Mapping[int | str, AttachmentRef] | None = None,
    embed_filter: EmbedFilter | None = None,
    post_attachments: Iterable[int] = (),
) -> list[Block]:
    """Convert one post's ``content:encoded`` into StreamField-like blocks.

    ``attachments`` maps WordPress attachment ids to :class:`AttachmentRef`
    (an :class:`AttachmentIndex` also enables matching images by URL); it
    fills alt/credit and resolves ``[gallery ids=...]``.  ``embed_filter``
    decides whether a URL can really be embedded (e.g. Wagtail has an oEmbed
    finder for it); rejected URLs become a paragraph with a link.
    ``post_attachments`` are the ids of the post's own image attachments, in
    gallery order: what a ``[gallery]`` without ``ids`` shows.
    """
    if not html or not html.strip():
        return []
    # Control characters first: wpautop uses one as a placeholder, and XML 1.0 allows none of them.
    text = _XML_INVALID.sub("", html).replace("\r\n", "\n").replace("\r", "\n")
    is_blocks = "<!-- wp:" in text
    text = _shortcodes_to_elements(text)
    if not is_blocks:  # classic editor content is stored without <p>: WordPress adds them on output
        text = wpautop(_url_lines_to_embeds(text))
    converter = _Converter(attachments, embed_filter, post_attachments)
    converter.children(_parse_fragment(text), loose_paragraphs=is_blocks)
    converter.flush()
    return converter.blocks


def blocks_text(blocks: Iterable[Block]) -> str:
    """All human-readable text of a block list, one block per line (for checks and search)."""
    lines: list[str] = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind in {"paragraph", "html"}:
            lines.append(_visible_text(value))
        elif kind == "heading":
            lines.append(value["text"])
        elif kind == "quote":
            lines.append(f"{value['text']} {value['attribution']}")
        elif kind == "image":
            lines.append(" ".join(filter(None, [value["caption"], value["credit"] or ""])))
        elif kind == "embed":
            lines.append(value["url"])
    return "\n".join(line.strip() for line in lines if line.strip())
