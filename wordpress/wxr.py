"""Streaming reader for WordPress eXtended RSS (WXR) exports.

``read_wxr(source)`` yields one frozen record per top-level WXR element, in
document order:

* exactly one :class:`Site` first (the ``<channel>`` header),
* then :class:`Author`, :class:`Term` and :class:`Item` records as they occur
  (WordPress writes authors and terms before the items, but nothing here
  depends on that).

Memory stays bounded on multi-gigabyte exports: lxml's ``iterparse`` builds
one channel child at a time and every processed element (and anything
before it) is released before the next one is parsed.

Error contract
--------------
Malformed XML raises :class:`WXRError` naming the file, line and column.
A record is only yielded once its closing tag has been parsed, so when the
error arrives every record yielded so far is complete and nothing of the
broken element has been yielded.  Consumers that commit per record
therefore never see half an item; they may want to wrap the whole import in
one transaction if partial imports are undesirable.

The version check happens before the first Author/Term/Item is yielded:
``wp:wxr_version`` must appear in the channel header (WordPress always
writes it there) and be 1.0, 1.1 or 1.2.

Repairs: two defects of real exports that WordPress's own importer tolerates
are fixed in the byte stream before lxml sees it, and counted in the
:class:`Repairs` passed to :func:`read_wxr`: XML 1.0-invalid control
characters (pasted from word processors; WordPress exports them verbatim) are
removed, and blank lines before the XML declaration (printed by a plugin or
theme during the export) are dropped.  Line numbers in errors and
``Item.source_line`` still refer to the original file.

Security: entities are never expanded, nothing is fetched from the network
and no DTD is loaded.  A document whose DOCTYPE declares entities (billion
laughs, XXE) or references an external DTD is refused with a
:class:`WXRError` before any record is yielded.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime
from typing import IO, NamedTuple

from lxml import etree

__all__ = [
    "Author",
    "Comment",
    "Repairs",
    "Item",
    "Record",
    "Site",
    "Term",
    "TermRef",
    "WXRError",
    "read_wxr",
]

VALID_WXR_VERSIONS = frozenset({"1.0", "1.1", "1.2"})

# WXR 1.0/1.1/1.2 each use their own namespace URI; some hand-made exports use https.
_WP_NS = re.compile(r"^https?://(?:www\.)?wordpress\.(?:org|com)/export/\d+(?:\.\d+)*/$")
_EXCERPT_NS = re.compile(r"^https?://(?:www\.)?wordpress\.(?:org|com)/export/\d+(?:\.\d+)*/excerpt/$")
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_DC_NS = "http://purl.org/dc/elements/1.1/"

# WordPress writes "Tue, 30 Nov 1999 00:00:00 +0000" for a zero (unset) post_date_gmt.
_ZERO_RSS_DATE = datetime(1999, 11, 30, tzinfo=UTC)
_LXML_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+\s*$")


class WXRError(ValueError):
    """The file is not a usable WXR export (malformed XML, unsafe DTD, bad version)."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class TermRef(NamedTuple):
    """One ``<category domain=… nicename=…>name</category>`` of an item.

    ``domain`` is WordPress's taxonomy name ("category", "post_tag", "author"
    for Co-Authors Plus, "post_format", custom taxonomies …) or "" for a bare
    RSS ``<category>`` without attributes.
    """

    domain: str
    nicename: str
    name: str


@dataclass(frozen=True, slots=True)
class Site:
    title: str
    link: str
    base_site_url: str
    base_blog_url: str
    language: str
    wxr_version: str


@dataclass(frozen=True, slots=True)
class Author:
    wp_id: int | None
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass(frozen=True, slots=True)
class Term:
    """A channel-level ``wp:category``, ``wp:tag`` or ``wp:term``.

    ``kind`` is "category", "tag" (also for ``wp:term`` of taxonomy post_tag)
    or the raw taxonomy name of a ``wp:term`` (e.g. "nav_menu", "author").
    ``meta`` holds ``wp:termmeta`` values, raw (PHP-serialised values untouched).
    """

    kind: str
    wp_id: int | None
    slug: str
    name: str
    parent_slug: str
    description: str
    meta: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Comment:
    wp_id: int | None
    author: str
    author_email: str
    author_url: str
    author_ip: str
    date: datetime | None  # from comment_date_gmt, else comment_date read as UTC
    content: str
    approved: str  # "1", "0", "spam", "trash"
    type: str  # "" (comment), "pingback", "trackback", …
    parent_id: int | None
    user_id: int | None
    meta: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Item:
    """One ``<item>``: post, page, attachment, nav_menu_item, custom post type …

    Text fields that identify things (ids, slugs, status, type, logins, urls,
    title) are whitespace-trimmed; ``content``, ``excerpt`` and meta values are
    returned exactly as exported (blank lines, backslashes, PHP-serialised data
    all untouched).

    ``pub_date`` comes from ``wp:post_date_gmt``; when that is missing or zero
    (drafts) it comes from ``wp:post_date`` in the ``local_tz`` given to
    :func:`read_wxr`, else from an RSS ``pubDate``, else from ``wp:post_date``
    read as UTC, in which case ``pub_date_assumed_utc`` is True (the site's
    timezone offset is not in the export).
    """

    wp_id: int | None
    post_type: str
    title: str
    link: str
    guid: str
    slug: str
    status: str
    content: str
    excerpt: str
    pub_date: datetime | None
    pub_date_assumed_utc: bool
    modified: datetime | None
    author_login: str
    categories: tuple[TermRef, ...]  # domain == "category"
    tags: tuple[TermRef, ...]  # domain "post_tag" ("tag" in WXR 1.0)
    coauthors: tuple[TermRef, ...]  # domain == "author" (Co-Authors Plus, nicename "cap-<user_nicename>")
    terms: tuple[TermRef, ...]  # every <category> of the item, in document order, any domain
    sticky: bool
    parent_id: int | None  # None for 0 (no parent)
    menu_order: int
    attachment_url: str
    password: str
    postmeta: dict[str, list[str]]
    comments: tuple[Comment, ...]
    source_line: int | None = None  # line of <item> in the export, for error messages

    @property
    def comment_count(self) -> int:
        return len(self.comments)

    @property
    def coauthor_slugs(self) -> tuple[str, ...]:
        """Co-author user_nicenames (the "cap-" prefix of Co-Authors Plus removed)."""
        return tuple(ref.nicename.removeprefix("cap-") for ref in self.coauthors)

    def meta(self, key: str, default: str = "") -> str:
        """First value of a postmeta key (e.g. ``_thumbnail_id``), or ``default``."""
        values = self.postmeta.get(key)
        return values[0] if values else default


Record = Site | Author | Term | Item


@dataclass
class Repairs:
    """What :func:`read_wxr` fixed in the bytes before parsing, for the caller's report."""

    control_chars: int = 0  # XML 1.0-invalid control characters removed
    leading_lines: int = 0  # lines of whitespace before the XML declaration removed


# C0 controls other than tab, LF and CR are not allowed anywhere in XML 1.0, not even in CDATA.
# These byte values never occur inside a multi-byte UTF-8 (or any ASCII-compatible) sequence.
_INVALID_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D))
_LEADING_SPACE = re.compile(rb"^(\xef\xbb\xbf)?([ \t\r\n]+)(?=<\?xml\b)")


class _CleanStream:
    """A read-only binary stream that applies the :class:`Repairs` on the fly (bounded memory)."""

    def __init__(self, raw: IO[bytes], repairs: Repairs) -> None:
        self._raw = raw
        self._repairs = repairs
        self._started = False
        self._passthrough = False
        self._pending = b""
        name = getattr(raw, "name", None)
        if isinstance(name, str):
            self.name = name

    def read(self, size: int = -1) -> bytes:
        if not self._started:
            self._started = True
            self._pending = self._first_chunk()
        if self._pending:
            if size is None or size < 0:
                data, self._pending = self._pending + self._clean(self._raw.read()), b""
                return data
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        return self._clean(self._raw.read(size))

    def _first_chunk(self) -> bytes:
        # The prolog must be seen whole to find the declaration behind the blank lines.
        data = self._raw.read(_PROLOG_BYTES)
        # UTF-16/32 files: NUL and control bytes are part of every character; leave them alone.
        self._passthrough = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]
        if not self._passthrough:
            match = _LEADING_SPACE.match(data)
            if match:
                self._repairs.leading_lines += match.group(2).count(b"\n")
                data = (match.group(1) or b"") + data[match.end() :]
        return self._clean(data)

    def _clean(self, data: bytes) -> bytes:
        if self._passthrough or not data:
            return data
        cleaned = data.translate(None, _INVALID_CONTROL_BYTES)
        self._repairs.control_chars += len(data) - len(cleaned)
        return cleaned


def read_wxr(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    local_tz: tzinfo | None = None,
    huge_tree: bool = False,
    repairs: Repairs | None = None,
) -> Iterator[Record]:
    """Stream the records of a WXR export (see the module docstring for the contract).

    ``source`` is a path or a binary file object.  ``local_tz`` is the old
    site's timezone; it is only used for dates whose GMT twin is missing.
    ``huge_tree`` lifts libxml2's 10 MB limit on one text value (a post with
    inline base64 images); only for trusted files, it also lifts other limits.
    ``repairs``, when given, counts what was fixed in the bytes (see the module docstring).
    """
    name = _source_name(source)
    _refuse_entity_prolog(source, name)
    repairs = repairs if repairs is not None else Repairs()
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            yield from _read_records(_CleanStream(handle, repairs), name, local_tz, huge_tree, repairs)
    else:
        yield from _read_records(_CleanStream(source, repairs), name, local_tz, huge_tree, repairs)


def _read_records(
    stream: _CleanStream, name: str, local_tz: tzinfo | None, huge_tree: bool, repairs: Repairs
) -> Iterator[Record]:
    header: dict[str, str] = {}
    site_sent = False
    checked_doctype = False
    parser = etree.iterparse(
        stream,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge_tree,
    )
    try:
        for _event, elem in parser:
            if not checked_doctype:
                _refuse_unsafe_doctype(elem, name)
                checked_doctype = True
            parent = elem.getparent()
            if parent is None or not _is_channel(parent):
                continue  # nested element: read as part of its channel-level ancestor
            key = _key(elem.tag)
            builder = _BUILDERS.get(key)
            if builder is None:
                if key in _HEADER_KEYS:
                    header.setdefault(key, _text(elem).strip())
                _release(elem, parent)
                continue
            if not site_sent:
                yield _make_site(header, name)
                site_sent = True
            record = builder(elem, local_tz)
            if repairs.leading_lines and isinstance(record, Item) and record.source_line is not None:
                record = dataclasses.replace(record, source_line=record.source_line + repairs.leading_lines)
            _release(elem, parent)
            yield record
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name, repairs.leading_lines) from None
    if not site_sent:
        yield _make_site(header, name)


# --------------------------------------------------------------------------- parsing helpers


def _source_name(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return os.path.basename(os.fspath(source))
    raw = getattr(source, "name", None)
    return os.path.basename(raw) if isinstance(raw, str) else "<stream>"


def _syntax_error(exc: etree.XMLSyntaxError, name: str, line_offset: int = 0) -> WXRError:
    line, column = exc.position if exc.position else (exc.lineno, None)
    if line is not None:
        line += line_offset
    message = _LXML_POSITION_SUFFIX.sub("", exc.msg or str(exc)).strip()
    where = f"line {line}, column {column}" if column is not None else f"line {line}"
    if "too big" in message or "huge" in message.lower():
        message += " (one value is over 10 MB: read_wxr(..., huge_tree=True) accepts it for a trusted file)"
    return WXRError(f"{name}: XML error at {where}: {message}", line=line, column=column)


def _refuse_unsafe_doctype(elem: etree._Element, name: str) -> None:
    """Refuse entity declarations and external DTDs (XXE, billion laughs).

    Entities are never expanded anyway (resolve_entities=False), but a WXR
    file never needs them, so their presence means a hostile or broken file.
    """
    docinfo = elem.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise WXRError(f"{name}: refusing a DOCTYPE with entity declarations (XXE / entity expansion)")
    if docinfo.system_url or docinfo.public_id:
        raise WXRError(f"{name}: refusing a DOCTYPE that references an external DTD")


_PROLOG_BYTES = 64 * 1024
_DOCTYPE_ENTITY = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY", re.I | re.S)


def _refuse_entity_prolog(source: object, name: str) -> None:
    """Look at the first bytes before parsing: libxml2 may choke on an entity bomb
    (amplification limit) before our DOCTYPE check sees it, with a confusing message."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            head = handle.read(_PROLOG_BYTES)
    else:
        seekable = getattr(source, "seekable", None)
        if not (callable(seekable) and seekable()):
            return  # non-seekable stream: the docinfo check after the root element still applies
        position = source.tell()  # type: ignore[attr-defined]
        head = source.read(_PROLOG_BYTES)  # type: ignore[attr-defined]
        source.seek(position)  # type: ignore[attr-defined]
    if isinstance(head, bytes) and _DOCTYPE_ENTITY.search(head):
        raise WXRError(f"{name}: refusing a DOCTYPE with entity declarations (XXE / entity expansion)")


def _release(elem: etree._Element, parent: etree._Element) -> None:
    """Free a processed channel child and everything before it (bounded memory)."""
    elem.clear(keep_tail=False)
    while elem.getprevious() is not None:
        del parent[0]


@functools.lru_cache(maxsize=1024)
def _key(tag: object) -> str:
    """Map a Clark-notation tag to a short key: "wp:post_id", "content:encoded", "title" …

    Any WXR namespace version (1.0, 1.1, 1.2, http or https) maps to "wp:".
    """
    if not isinstance(tag, str):
        return ""  # comment / processing instruction
    if not tag.startswith("{"):
        return tag  # plain RSS element (or an undeclared "wp:x" prefix kept literally)
    namespace, _, local = tag[1:].partition("}")
    if _WP_NS.match(namespace):
        return f"wp:{local}"
    if namespace == _CONTENT_NS:
        return f"content:{local}"
    if _EXCERPT_NS.match(namespace):
        return f"excerpt:{local}"
    if namespace == _DC_NS:
        return f"dc:{local}"
    return f"{{{namespace}}}{local}"


def _is_channel(elem: etree._Element) -> bool:
    return _key(elem.tag) == "channel"


def _text(elem: etree._Element) -> str:
    # itertext joins adjacent CDATA sections and keeps text of stray child elements.
    if len(elem) == 0:
        return elem.text or ""
    return "".join(elem.itertext())


def _fields(elem: etree._Element) -> dict[str, str]:
    """First text value of each direct child, keyed by short key."""
    out: dict[str, str] = {}
    for child in elem:
        key = _key(child.tag)
        if key and key not in out:
            out[key] = _text(child)
    return out


def _meta_pairs(elem: etree._Element) -> tuple[str, str]:
    fields = _fields(elem)
    # Keys are identifiers (trim); values may be PHP-serialised with byte counts (never trim).
    return fields.get("wp:meta_key", "").strip(), fields.get("wp:meta_value", "")


def _term_name(raw: str) -> str:
    # WordPress stores term names HTML-escaped ("Culture &amp; Arts") and exports them that way.
    return html.unescape(raw.strip())


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _mysql_datetime(value: str | None) -> datetime | None:
    """Parse "2024-06-05 16:04:48"; None for empty or zero dates ("0000-00-00 00:00:00")."""
    if not value:
        return None
    try:
        parsed = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return parsed


def _rfc822(value: str | None) -> datetime | None:
    if not value or not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:  # "-0000" means UTC with unknown local zone
        parsed = parsed.replace(tzinfo=UTC)
    if parsed == _ZERO_RSS_DATE:
        return None
    return parsed


def _as_utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


def _local(value: datetime | None, local_tz: tzinfo | None) -> datetime | None:
    if value is None or local_tz is None:
        return None
    return value.replace(tzinfo=local_tz)


def _pub_date(fields: dict[str, str], local_tz: tzinfo | None) -> tuple[datetime | None, bool]:
    """(aware publication date, assumed_utc) — see :class:`Item` for the order of sources."""
    gmt = _as_utc(_mysql_datetime(fields.get("wp:post_date_gmt")))
    if gmt is not None:
        return gmt, False
    local = _mysql_datetime(fields.get("wp:post_date"))
    in_zone = _local(local, local_tz)
    if in_zone is not None:
        return in_zone, False
    rss = _rfc822(fields.get("pubDate"))
    if rss is not None:
        return rss, False
    if local is not None:
        return local.replace(tzinfo=UTC), True
    return None, False


# --------------------------------------------------------------------------- record builders

_HEADER_KEYS = frozenset(
    {"title", "link", "language", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"}
)


def _make_site(header: dict[str, str], name: str) -> Site:
    version = header.get("wp:wxr_version", "")
    if version not in VALID_WXR_VERSIONS:
        raise WXRError(f"{name}: missing/invalid WXR version" + (f" {version!r}" if version else ""))
    return Site(
        title=header.get("title", ""),
        link=header.get("link", ""),
        base_site_url=header.get("wp:base_site_url", ""),
        base_blog_url=header.get("wp:base_blog_url", ""),
        language=header.get("language", ""),
        wxr_version=version,
    )


def _build_author(elem: etree._Element, _tz: tzinfo | None) -> Author:
    fields = {key: value.strip() for key, value in _fields(elem).items()}
    return Author(
        wp_id=_int(fields.get("wp:author_id")),
        login=fields.get("wp:author_login", ""),
        email=fields.get("wp:author_email", ""),
        display_name=fields.get("wp:author_display_name", ""),
        first_name=fields.get("wp:author_first_name", ""),
        last_name=fields.get("wp:author_last_name", ""),
    )


def _collect_meta(elem: etree._Element, meta_key: str) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for child in elem:
        if _key(child.tag) == meta_key:
            key, value = _meta_pairs(child)
            meta.setdefault(key, []).append(value)
    return meta


# Child element names per channel-level term element: (kind, id, slug, name, parent, description)
_TERM_FIELDS = {
    "wp:category": (
        "category",
        "wp:term_id",
        "wp:category_nicename",
        "wp:cat_name",
        "wp:category_parent",
        "wp:category_description",
    ),
    "wp:tag": ("tag", "wp:term_id", "wp:tag_slug", "wp:tag_name", "", "wp:tag_description"),
    "wp:term": ("", "wp:term_id", "wp:term_slug", "wp:term_name", "wp:term_parent", "wp:term_description"),
}


def _build_term(elem: etree._Element, _tz: tzinfo | None) -> Term:
    kind, id_key, slug_key, name_key, parent_key, desc_key = _TERM_FIELDS[_key(elem.tag)]
    fields = _fields(elem)
    if not kind:
        taxonomy = fields.get("wp:term_taxonomy", "").strip()
        kind = "tag" if taxonomy == "post_tag" else taxonomy
    return Term(
        kind=kind,
        wp_id=_int(fields.get(id_key)),
        slug=fields.get(slug_key, "").strip(),
        name=_term_name(fields.get(name_key, "")),
        parent_slug=fields.get(parent_key, "").strip() if parent_key else "",
        description=fields.get(desc_key, "").strip(),
        meta=_collect_meta(elem, "wp:termmeta"),
    )


def _build_comment(elem: etree._Element) -> Comment:
    fields = _fields(elem)

    def get(key: str) -> str:
        return fields.get(f"wp:comment_{key}", "").strip()

    date = _as_utc(_mysql_datetime(get("date_gmt"))) or _as_utc(_mysql_datetime(get("date")))
    return Comment(
        wp_id=_int(get("id")),
        author=get("author"),
        author_email=get("author_email"),
        author_url=get("author_url"),
        author_ip=get("author_IP"),
        date=date,
        content=fields.get("wp:comment_content", ""),
        approved=get("approved"),
        type=get("type"),
        parent_id=_int(get("parent")) or None,
        user_id=_int(get("user_id")) or None,
        meta=_collect_meta(elem, "wp:commentmeta"),
    )


def _build_item(elem: etree._Element, local_tz: tzinfo | None) -> Item:
    fields: dict[str, str] = {}
    terms: list[TermRef] = []
    postmeta: dict[str, list[str]] = {}
    comments: list[Comment] = []
    for child in elem:
        key = _key(child.tag)
        if key == "category":
            terms.append(
                TermRef(
                    domain=(child.get("domain") or "").strip(),
                    nicename=(child.get("nicename") or "").strip(),
                    name=_term_name(_text(child)),
                )
            )
        elif key == "wp:postmeta":
            meta_key, value = _meta_pairs(child)
            postmeta.setdefault(meta_key, []).append(value)
        elif key == "wp:comment":
            comments.append(_build_comment(child))
        elif key and key not in fields:
            fields[key] = _text(child)

    def get(key: str) -> str:
        return fields.get(key, "").strip()

    pub_date, assumed_utc = _pub_date(fields, local_tz)
    modified = _as_utc(_mysql_datetime(fields.get("wp:post_modified_gmt"))) or _local(
        _mysql_datetime(fields.get("wp:post_modified")), local_tz
    )
    return Item(
        wp_id=_int(fields.get("wp:post_id")),
        post_type=get("wp:post_type") or "post",
        title=get("title"),
        link=get("link"),
        guid=get("guid"),
        slug=get("wp:post_name"),
        status=get("wp:status"),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        pub_date=pub_date,
        pub_date_assumed_utc=assumed_utc,
        modified=modified,
        # dc:creator is the standard; a few hand-made exports put wp:author inside the item.
        author_login=get("dc:creator") or get("wp:author"),
        categories=tuple(t for t in terms if t.domain == "category"),
        tags=tuple(t for t in terms if t.domain in _TAG_DOMAINS),
        coauthors=tuple(t for t in terms if t.domain == "author"),
        terms=tuple(terms),
        sticky=get("wp:is_sticky") == "1",
        parent_id=_int(fields.get("wp:post_parent")) or None,
        menu_order=_int(fields.get("wp:menu_order")) or 0,
        attachment_url=get("wp:attachment_url"),
        password=fields.get("wp:post_password", ""),
        postmeta=postmeta,
        comments=tuple(comments),
        source_line=elem.sourceline,
    )


_TAG_DOMAINS = frozenset({"post_tag", "tag"})  # WXR 1.0 wrote domain="tag"

_BUILDERS = {
    "wp:author": _build_author,
    "wp:category": _build_term,
    "wp:tag": _build_term,
    "wp:term": _build_term,
    "item": _build_item,
}
