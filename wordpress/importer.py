"""Import a WordPress export (WXR) into the newsroom: the Django half of ``import_wordpress``.

The pure WXR reader (:mod:`wordpress.wxr`) and HTML converter (:mod:`wordpress.content`) do the
parsing; this module maps their records onto steppe's models:

* posts -> ArticlePages under a section, pages -> StandardPages under the home page,
* attachments -> NewsImages (files from a local copy of ``wp-content/uploads``, never downloaded),
* authors and Co-Authors Plus co-authors / guest authors -> Author snippets,
* categories -> sections (country sections matched by name or slug), tags -> tags,
* old permalinks, ``?p=ID`` and category / tag / author archives -> permanent redirects.

Two passes over the file: the first (streaming, nothing written) reads the authors, terms and
attachments and finds a malformed file before anything is written; the second imports item by
item, each in its own transaction. Every object made is remembered in
:class:`~wordpress.models.ImportedObject` with a checksum of what it was made from, so a second
run updates in place, leaves unchanged objects alone and creates no duplicates, and a run that
was stopped half-way resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail.models import Site as WagtailSite
from wagtail.utils.file import hash_filelike

from news.blocks import sanitise_html
from news.embargo import refusal as embargo_refusal
from news.models import (
    COUNTRIES,
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    NewsImage,
    SectionPage,
    StandardPage,
)
from wordpress import wxr
from wordpress.content import (
    AttachmentIndex,
    attachment_ref,
    excerpt_text,
    expand_reusable_blocks,
    html_to_blocks,
)
from wordpress.dry_run import media_kept_in_memory
from wordpress.models import ImportedObject
from wordpress.report import Progress, Report

# Bump when the mapping changes: every object's checksum changes and a re-run updates it.
IMPORTER_VERSION = 1
BLOCK_ID_NAMESPACE = uuid.UUID("5d0f7c8e-2b0a-4f7e-9a55-7a1f1e0c9b21")
FALLBACK_CREDIT = "WordPress import"
UPDATED_AFTER = timedelta(minutes=1)  # WordPress's "modified" this much after publication = an update

# WordPress post types that are not content (reported as skipped, not as lost custom types).
INTERNAL_TYPES = {
    "revision", "customize_changeset", "oembed_cache", "user_request", "custom_css", "wp_global_styles",
    "wp_template", "wp_template_part", "wp_navigation", "wp_font_family", "wp_font_face", "wp_block",
}  # fmt: skip
UNCATEGORIZED = {"uncategorized", "uncategorised", "без рубрики", "без категории", "bez rubriki"}
PRIMARY_CATEGORY_META = ("_yoast_wpseo_primary_category", "rank_math_primary_category")
IGNORED_TAXONOMIES = {"category", "post_tag", "tag", "author", "post_format", "nav_menu", ""}

# Names and slugs a newsroom may use for the five countries (compared after _norm()).
COUNTRY_ALIASES = {
    "KZ": ["Kazakhstan", "Kazakstan", "Kazahstan", "Qazaqstan", "Казахстан", "Қазақстан", "Qozogʻiston"],
    "KG": ["Kyrgyzstan", "Kirgizstan", "Kyrgyz Republic", "Kirghizia", "Kirgizia", "Кыргызстан",
           "Киргизия", "Киргизстан", "Кыргызская Республика", "Qirgʻiziston"],
    "TJ": ["Tajikistan", "Tadzhikistan", "Tojikiston", "Таджикистан", "Тоҷикистон", "Tojikiston"],
    "TM": ["Turkmenistan", "Türkmenistan", "Туркменистан", "Туркмения", "Turkmaniston"],
    "UZ": ["Uzbekistan", "Oʻzbekiston", "O'zbekiston", "Ozbekiston", "Узбекистан", "Ўзбекистон"],
}  # fmt: skip

_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
_DATE_PATH = re.compile(r"(?:^|/)((?:sites/\d+/)?\d{4}/\d{2}/[^/]+)$")
_TAG_RE = re.compile(r"<[^>]*>")
_IMG_RE = re.compile(r"<img\b[^>]*>", re.I)
_ALT_RE = re.compile(r'\balt="([^"]*)"')
_MISSING = object()


# --------------------------------------------------------------------------- small helpers


def _norm(text: str) -> str:
    """Compare names and slugs loosely: case, accents of apostrophes, hyphens and spaces."""
    text = unicodedata.normalize("NFKC", html.unescape(unquote(text or ""))).casefold()
    text = re.sub(r"[ʻʼ’'`‘]", "", text)
    return re.sub(r"[\s_\-]+", " ", text).strip()


COUNTRY_BY_NAME = {_norm(alias): code for code, aliases in COUNTRY_ALIASES.items() for alias in aliases}
COUNTRY_BY_NAME.update({_norm(str(name)): code for code, name in COUNTRIES})


def country_code(*names: str) -> str | None:
    """The country a category stands for, by its name or slug ("Казахстан", "kazakhstan" -> "KZ")."""
    for name in names:
        code = COUNTRY_BY_NAME.get(_norm(name))
        if code:
            return code
    return None


def plain(text: str) -> str:
    """Markup-free one-line text (titles, names): tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(_TAG_RE.sub(" ", text or "")).split())


def digest(*parts: Any) -> str:
    raw = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def cut(text: str, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def site_key(site: wxr.Site, source: Path) -> str:
    """The old site's identity in ImportedObject: host and path, without the scheme (http/https)."""
    url = site.base_blog_url or site.base_site_url or site.link
    if url:
        parts = urlsplit(url if "//" in url else "//" + url)
        key = parts.netloc.lower() + parts.path.rstrip("/")
        if key:
            return key[:255]
    return f"untitled:{site.title or source.name}"[:255]


def blog_path(site: wxr.Site) -> str:
    url = site.base_blog_url or site.base_site_url or site.link
    return urlsplit(url).path.rstrip("/") if url and "//" in url else ""


def item_key(item: wxr.Item) -> str:
    """A stable identity for an item: its id, else its guid or link, else title and date."""
    if item.wp_id is not None:
        return str(item.wp_id)
    for value in (item.guid, item.link):
        if value:
            return f"guid:{value}" if len(value) < 240 else f"guid:{hashlib.sha1(value.encode()).hexdigest()}"
    return "title:" + digest(item.post_type, item.title, item.pub_date)[:40]


def describe(item: wxr.Item) -> str:
    title = cut(plain(item.title), 70) or "(no title)"
    where = f"#{item.wp_id}" if item.wp_id is not None else f"line {item.source_line}"
    return f'"{title}" ({where})'


def slug_for(raw: str, *fallbacks: str) -> str:
    """WordPress slugs are percent-encoded UTF-8; Wagtail wants [-\\w]+."""
    for candidate in (raw, *fallbacks):
        slug = slugify(unquote(candidate or ""), allow_unicode=True)[:200].strip("-")
        if slug:
            return slug
    return "untitled"


def db_rich_text(value: str) -> str:
    """Wagtail stores bold and italic as <b>/<i>; the converter's output is otherwise already clean."""
    for old, new in (("strong", "b"), ("em", "i")):
        value = value.replace(f"<{old}>", f"<{new}>").replace(f"</{old}>", f"</{new}>")
    return value


def media_to_links(fragment: str) -> str:
    """Iframes, video and audio are not kept by steppe's sanitiser: keep their address as a link."""
    import lxml.html

    if not re.search(r"<(?:iframe|video|audio|source)\b", fragment, re.I):
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for node in list(root.iter("iframe", "video", "audio")):
        src = node.get("src") or next((s.get("src") for s in node.iter("source") if s.get("src")), "")
        link = lxml.html.Element("p")
        if src and re.match(r"^https?://", src, re.I):
            anchor = lxml.html.Element("a", href=src)
            anchor.text = node.get("title") or src
            link.append(anchor)
        link.tail = node.tail
        node.getparent().replace(node, link)
    return "".join(
        lxml.html.tostring(child, encoding="unicode") if not isinstance(child, str) else child
        for child in ([root.text or ""] + list(root))
    )


def _img_alt(match: re.Match[str]) -> str:
    alt = _ALT_RE.search(match.group(0))  # sanitised markup: quoted, entity-escaped attributes
    return f" {alt.group(1)} " if alt and alt.group(1).strip() else ""


def upload_candidates(url: str, attached_file: str | None) -> list[str]:
    """Where a file of the old site may be inside the uploads folder, most reliable first."""
    found: list[str] = []
    if attached_file:
        found.append(attached_file.strip().lstrip("/"))
    path = unquote(urlsplit(url).path) if url else ""
    for marker in ("/wp-content/uploads/", "/uploads/", "/files/"):
        index = path.find(marker)
        if index >= 0:
            found.append(path[index + len(marker) :])
    match = _DATE_PATH.search(path)
    if match:
        found.append(match.group(1))
        found.append(re.sub(r"^sites/\d+/", "", match.group(1)))
    if path.strip("/"):
        found.append(path.lstrip("/"))
    found += [_SIZE_SUFFIX.sub("", candidate) for candidate in found]
    return list(dict.fromkeys(c for c in found if c and not c.endswith("/")))


# --------------------------------------------------------------------------- first pass


@dataclass
class GuestAuthor:
    login: str
    name: str
    bio: str = ""


@dataclass
class Scan:
    """What the first pass learns: everything items refer to, and how many items there are."""

    site: wxr.Site
    authors: dict[str, wxr.Author] = field(default_factory=dict)  # by casefolded login
    guests: dict[str, GuestAuthor] = field(default_factory=dict)  # Co-Authors Plus guest authors
    nicenames: dict[str, str] = field(default_factory=dict)  # nicename -> login
    categories: dict[str, wxr.Term] = field(default_factory=dict)  # by slug
    category_names: dict[str, str] = field(default_factory=dict)  # _norm(name) -> slug
    terms_by_id: dict[int, wxr.Term] = field(default_factory=dict)
    menus: dict[str, str] = field(default_factory=dict)  # nav_menu slug -> name
    attachments: AttachmentIndex = field(default_factory=AttachmentIndex)
    attached_files: dict[int, str] = field(default_factory=dict)
    children: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # post id -> (order, id)
    reusable: dict[int, str] = field(default_factory=dict)  # wp_block id -> its content
    repairs: wxr.Repairs = field(default_factory=wxr.Repairs)
    types: Counter[str] = field(default_factory=Counter)
    work: int = 0  # items the second pass imports (posts, pages, attachments, guest authors)


def nicename_key(value: str) -> str:
    """WordPress user_nicename / term slug, comparable however it was written (percent-encoded or not)."""
    return slugify(unquote(value or ""), allow_unicode=True)


def scan(path: Path, *, local_tz: tzinfo | None, huge_tree: bool) -> Scan:
    result: Scan | None = None
    repairs = wxr.Repairs()
    for record in wxr.read_wxr(path, local_tz=local_tz, huge_tree=huge_tree, repairs=repairs):
        if isinstance(record, wxr.Site):
            result = Scan(site=record, repairs=repairs)
            continue
        assert result is not None
        if isinstance(record, wxr.Author):
            if record.login:
                result.authors[record.login.casefold()] = record
                if nicename_key(record.login):
                    result.nicenames.setdefault(nicename_key(record.login), record.login)
        elif isinstance(record, wxr.Term):
            if record.wp_id is not None:
                result.terms_by_id[record.wp_id] = record
            if record.kind == "category":
                result.categories[record.slug] = record
                result.category_names.setdefault(_norm(record.name), record.slug)
            elif record.kind == "nav_menu":
                result.menus[record.slug] = record.name
        elif isinstance(record, wxr.Item):
            result.types[record.post_type] += 1
            if record.post_type == "attachment":
                result.work += 1
                if record.wp_id is not None:
                    result.attachments.add(record.wp_id, attachment_ref(record))
                    attached = record.meta("_wp_attached_file").strip()
                    if attached:
                        result.attached_files[record.wp_id] = attached
                    extension = PurePosixPath(urlsplit(record.attachment_url or record.guid).path).suffix
                    if (
                        record.parent_id
                        and extension.lower().lstrip(".") in settings.WAGTAILIMAGES_EXTENSIONS
                    ):
                        # what a [gallery] without ids shows, in WordPress's order
                        result.children.setdefault(record.parent_id, []).append(
                            (record.menu_order, record.wp_id)
                        )
            elif record.post_type in ("post", "page"):
                result.work += 1
            elif record.post_type == "wp_block" and record.wp_id is not None:
                result.reusable[record.wp_id] = record.content
            elif record.post_type == "guest-author":
                result.work += 1
                login = record.meta("cap-user_login").strip() or record.slug.removeprefix("cap-")
                if login:
                    result.guests[login.casefold()] = GuestAuthor(
                        login=login,
                        name=plain(record.meta("cap-display_name") or record.title) or login,
                        bio=plain(record.meta("cap-description")),
                    )
                    nicename = nicename_key(record.slug.removeprefix("cap-")) or nicename_key(login)
                    if nicename:
                        result.nicenames.setdefault(nicename, login)
    assert result is not None  # read_wxr always yields the Site first
    return result


# --------------------------------------------------------------------------- run-wide memory


class Memo:
    """What this run already resolved (WordPress key -> pk), staged per item like the report."""

    def __init__(self) -> None:
        self._committed: dict[Any, Any] = {}
        self._pending: dict[Any, Any] = {}

    def get(self, key: Any, default: Any = _MISSING) -> Any:
        if key in self._pending:
            return self._pending[key]
        return self._committed.get(key, default)

    def put(self, key: Any, value: Any) -> None:
        self._pending[key] = value

    def commit(self) -> None:
        self._committed.update(self._pending)
        self._pending.clear()

    def discard(self) -> None:
        self._pending.clear()


class _Rollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


class IndexBatcher:
    """One search-index and one reference-index task per object an item touched, not one per save.

    Wagtail queues both tasks on every save; publishing a new article saves it four times, so a
    50,000-post import would queue 400,000 tasks for the worker. While the import runs, Wagtail's
    per-save handlers are switched off; the objects each item saved are collected and queued once,
    inside the item's transaction (so a rolled-back item queues nothing).
    """

    def __init__(self) -> None:
        from modelsearch import index as search_index

        self.search_models = {
            model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
        }
        self.touched: dict[tuple[str, str], set[str]] = {}

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        from modelsearch.signal_handlers import post_save_signal_handler
        from wagtail.signal_handlers import disable_reference_index_auto_update

        disconnected = [
            m for m in self.search_models if post_save.disconnect(post_save_signal_handler, sender=m)
        ]
        post_save.connect(self._saved, weak=False, dispatch_uid="wordpress-import-touched")
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            post_save.disconnect(dispatch_uid="wordpress-import-touched")
            for model in disconnected:
                post_save.connect(post_save_signal_handler, sender=model)

    def _saved(self, sender, instance, raw=False, **kwargs) -> None:
        if not raw and instance.pk is not None:
            self.touched.setdefault((sender._meta.app_label, sender._meta.model_name), set()).add(
                str(instance.pk)
            )

    def reset(self) -> None:
        self.touched = {}

    def flush(self) -> None:
        from django.apps import apps
        from modelsearch.tasks import insert_or_update_object_task
        from wagtail.models import ReferenceIndex
        from wagtail.tasks import update_reference_index_task

        touched, self.touched = self.touched, {}
        for (app_label, model_name), pks in touched.items():
            model = apps.get_model(app_label, model_name)
            for pk in sorted(pks):
                if model in self.search_models:
                    insert_or_update_object_task.enqueue(app_label, model_name, pk)
                if ReferenceIndex.is_indexed(model):
                    update_reference_index_task.enqueue(app_label, model_name, pk)


@dataclass
class ImportOptions:
    uploads: Path | None = None
    dry_run: bool = False
    include_private: bool = False
    include_trash: bool = False
    local_tz: tzinfo | None = None
    section_default: str = "news"
    language: str | None = None
    limit: int | None = None
    huge_tree: bool = False
    progress: bool = True
    progress_stream: TextIO | None = None


@dataclass
class Plan:
    """How an item's status maps onto Wagtail: live now, scheduled, or a draft."""

    state: str  # "live" | "scheduled" | "draft"
    note: str = ""


# --------------------------------------------------------------------------- the importer


class WordPressImporter:
    def __init__(self, path: str | Path, options: ImportOptions | None = None) -> None:
        self.path = Path(path)
        self.options = options or ImportOptions()
        self.report = Report()
        self.memo = Memo()
        self.scan: Scan | None = None
        self.processed = 0
        self.stopped_early = False
        self.interrupted = False
        self._new_files: list[str] = []
        self._old_files: list[str] = []
        self.menu_items: Counter[str] = Counter()

    # -- driving -----------------------------------------------------------------------------

    def run(self) -> Report:
        """Import the file; raises WXRError (nothing written) if the file is unusable."""
        self.scan = scan(self.path, local_tz=self.options.local_tz, huge_tree=self.options.huge_tree)
        self.site_url = site_key(self.scan.site, self.path)
        self.blog_path = blog_path(self.scan.site)
        self.site_hosts = {
            urlsplit(u).netloc.lower().removeprefix("www.")
            for u in (self.scan.site.base_site_url, self.scan.site.base_blog_url, self.scan.site.link)
            if u and "//" in u
        }
        # WordPress.com serves a blog's uploads from <blog>.files.wordpress.com
        self.site_hosts |= {
            host.removesuffix(".wordpress.com") + ".files.wordpress.com"
            for host in self.site_hosts
            if host.endswith(".wordpress.com") and host.count(".") == 2
        }
        repairs = self.scan.repairs
        if repairs.control_chars:
            self.report.note(
                "characters XML does not allow (control characters) removed from the export",
                repairs.control_chars,
            )
        if repairs.leading_lines:
            self.report.note("blank lines before the XML declaration ignored", repairs.leading_lines)
        self.site_name = plain(self.scan.site.title) or FALLBACK_CREDIT
        self.uploads_root = self.options.uploads.resolve() if self.options.uploads else None
        self.language = self.options.language or settings.LANGUAGE_CODE
        self.started = timezone.now()
        self.content_types = {
            model: ContentType.objects.get_for_model(model, for_concrete_model=True)
            for model in (ArticlePage, StandardPage, NewsImage, Author, SectionPage, Tag)
        }
        self.index = IndexBatcher()
        with self.index.active():
            if self.options.dry_run:
                # Not a temporary MEDIA_ROOT: that never reached S3, where images were uploaded.
                with media_kept_in_memory():
                    try:
                        with transaction.atomic():
                            self._import()
                            raise _Rollback
                    except _Rollback:
                        pass
            else:
                self._import()
        return self.report

    def _import(self) -> None:
        assert self.scan is not None
        with transaction.atomic():
            self.home = self._home()
            self.index.flush()
        self.locale = self.home.locale
        progress = Progress(
            self.scan.work,
            stream=self.options.progress_stream,
            enabled=self.options.progress,
            label="importing " if not self.options.dry_run else "dry run ",
        )
        try:
            for record in wxr.read_wxr(
                self.path, local_tz=self.options.local_tz, huge_tree=self.options.huge_tree
            ):
                if isinstance(record, wxr.Author):
                    self._step("authors", record.login, self.author_record, record)
                elif isinstance(record, wxr.Item):
                    if self._item(record):
                        self.processed += 1
                        progress.update(self.processed, self._progress_detail())
                    if self.options.limit is not None and self.processed >= self.options.limit:
                        self.stopped_early = True
                        break
        except KeyboardInterrupt:
            self.interrupted = True
            raise
        finally:
            progress.finish(self._progress_detail())
            self._menu_report()

    def _progress_detail(self) -> str:
        counts = self.report.counts
        parts = []
        for kind in ("posts", "pages", "attachments"):
            done = sum(counts[kind][o] for o in ("imported", "updated", "unchanged"))
            parts.append(f"{kind} {done}")
        failed = self.report.total("failed")
        if failed:
            parts.append(f"failed {failed}")
        return " · ".join(parts)

    def _item(self, item: wxr.Item) -> bool:
        """Dispatch one item; True when it counts towards the progress total."""
        kind = item.post_type
        if kind == "post":
            self._step("posts", describe(item), self.import_post, item)
        elif kind == "page":
            self._step("pages", describe(item), self.import_page, item)
        elif kind == "attachment":
            self._step("attachments", describe(item), self.import_attachment, item)
        elif kind == "guest-author":
            self._step("authors", describe(item), self.import_guest_author, item)
        else:
            if kind == "nav_menu_item":
                menus = [t.name for t in item.terms if t.domain == "nav_menu"] or ["(no menu)"]
                self.menu_items.update(menus)
            elif kind == "wp_block":
                self.report.note("reusable blocks: their content is copied into the posts that use them")
            elif kind in INTERNAL_TYPES:
                self.report.lost(f"WordPress internal items ({kind})", describe(item))
            else:
                self.report.lost(f'custom post type "{kind}"', describe(item))
            return False
        return True

    def _menu_report(self) -> None:
        for menu, count in self.menu_items.items():
            self.report.lost(
                "navigation menu items (steppe's menu is its sections; recreate other links by hand)",
                f'menu "{menu}": {count} item(s)',
                count,
            )

    def _step(self, kind: str, label: str, handler, *args) -> None:
        """Run one item's import in its own transaction; a failure undoes all of that item's writes."""
        self.report.begin()
        self._new_files, self._old_files = [], []
        self.index.reset()
        try:
            with transaction.atomic():
                handler(*args)
                self.index.flush()
        except Exception as exc:  # noqa: BLE001 - reported per item, the run goes on
            self._undo_files()
            self.report.discard()
            self.memo.discard()
            self.report.add(kind, "failed", f"{type(exc).__name__}: {cut(str(exc), 200)}", label)
        except BaseException:
            self._undo_files()
            self.report.discard()
            self.memo.discard()
            raise
        else:
            self.report.commit()
            self.memo.commit()
            old_files = self._old_files
            if old_files:
                transaction.on_commit(lambda: [default_storage.delete(name) for name in old_files])

    def _undo_files(self) -> None:
        for name in self._new_files:
            with contextlib.suppress(OSError):
                default_storage.delete(name)
        self._new_files = []

    # -- where things go ---------------------------------------------------------------------

    def _home(self) -> HomePage:
        locale = Locale.objects.filter(language_code=self.language).first()
        home = HomePage.objects.filter(locale=locale).order_by("path").first() if locale else None
        if home is not None:
            return home
        if dict(settings.LANGUAGES).get(self.language) is None:
            raise ValueError(f"language {self.language!r} is not one of this site's STEPPE_LANGUAGES")
        locale = locale or Locale.objects.create(language_code=self.language)
        existing = HomePage.objects.order_by("path").first()
        if existing is not None:
            home = existing.copy_for_translation(locale)
            home.save_revision().publish()
            self.report.note(f"created the home page for language {self.language!r}")
            return home
        root = Page.get_first_root_node()
        home = HomePage(title=self.site_name[:255], slug=self.free_slug(root, "home"), locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = WagtailSite.objects.filter(is_default_site=True).first()
        if site is None:
            WagtailSite.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                                       site_name=home.title)  # fmt: skip
        elif site.root_page.specific_class is Page:  # Wagtail's "Welcome" placeholder
            site.root_page = home
            site.save()
        self.report.note(f'created a home page "{home.title}" (there was none)')
        return home

    def localised(self, key: str) -> str:
        """Pages and sections belong to one language tree: importing the same export into a second
        language makes a second set (keys of the site's main language stay the bare WordPress id)."""
        return key if self.language == settings.LANGUAGE_CODE else f"{key}@{self.language}"

    def record(self, wp_type: str, wp_id: str) -> tuple[ImportedObject | None, Any]:
        record = (
            ImportedObject.objects.filter(site_url=self.site_url, wp_type=wp_type, wp_id=wp_id[:255])
            .select_related("content_type")
            .first()
        )
        if record is None:
            return None, None
        model = record.content_type.model_class()
        target = model._default_manager.filter(pk=record.object_id).first() if model else None
        return record, target

    def remember(
        self, record: ImportedObject | None, wp_type: str, wp_id: str, obj: Any, checksum: str
    ) -> None:
        content_type = self.content_types.get(type(obj)) or ContentType.objects.get_for_model(obj)
        if record is None:
            record = ImportedObject(site_url=self.site_url, wp_type=wp_type, wp_id=wp_id[:255])
        record.content_type = content_type
        record.object_id = obj.pk
        record.checksum = checksum
        record.save()

    # -- authors -----------------------------------------------------------------------------

    def author_record(self, author: wxr.Author) -> None:
        self.ensure_author(author.login)

    def import_guest_author(self, item: wxr.Item) -> None:
        login = item.meta("cap-user_login").strip() or item.slug.removeprefix("cap-")
        if login:
            self.ensure_author(login)

    def _author_login(self, login: str, nicename: str = "") -> str:
        assert self.scan is not None
        key = login.casefold()
        if key in self.scan.authors or key in self.scan.guests:
            return login
        for candidate in (nicename, login):
            by_nicename = (
                self.scan.nicenames.get(nicename_key(candidate)) if nicename_key(candidate) else None
            )
            if by_nicename:
                return by_nicename
        return login

    def ensure_author(self, login: str, nicename: str = "") -> int | None:
        assert self.scan is not None
        login = self._author_login(login.strip(), nicename.strip())
        if not login:
            return None
        memo_key = ("author", login.casefold())
        known = self.memo.get(memo_key)
        if known is not _MISSING:
            return known
        wp_author = self.scan.authors.get(login.casefold())
        guest = self.scan.guests.get(login.casefold())
        if wp_author is not None:
            full = f"{wp_author.first_name} {wp_author.last_name}".strip()
            name, bio = plain(wp_author.display_name) or plain(full) or login, ""
        elif guest is not None:
            name, bio = guest.name, guest.bio
        else:
            name, bio = plain(login), ""
            self.report.note("authors missing from the export's author list: named after their login")
        name = cut(name, 200)
        checksum = digest(IMPORTER_VERSION, name, bio)
        record, author = self.record("author", login.casefold())
        if author is not None and record.checksum == checksum:
            outcome = "unchanged"
        elif author is not None:
            author.name = name
            if bio:
                author.bio = bio
            author.save()
            outcome = "updated"
        else:
            author = Author.objects.create(name=name, bio=bio, slug=self._free_author_slug(name, login))
            outcome = "imported"
        if outcome != "unchanged":
            self.remember(record, "author", login.casefold(), author, checksum)
            nicename = nicename or slugify(login)
            if nicename:
                self.redirect(
                    f"{self.blog_path}/author/{nicename}/", self.home.pk, f"/authors/{author.slug}/"
                )
        self.report.add("authors", outcome, None, name)
        self.memo.put(memo_key, author.pk)
        return author.pk

    @staticmethod
    def _free_author_slug(name: str, login: str) -> str:
        base = slug_for(name, login, "author")
        slug, number = base, 1
        while Author.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base[:190]}-{number}"
        return slug

    def byline(self, item: wxr.Item) -> list[int]:
        people: list[tuple[str, str]] = [
            (ref.name or ref.nicename.removeprefix("cap-"), ref.nicename.removeprefix("cap-"))
            for ref in item.coauthors
        ]
        if not people and item.author_login:
            people = [(item.author_login, "")]
        pks: list[int] = []
        for login, nicename in people:
            pk = self.ensure_author(login, nicename)
            if pk is not None and pk not in pks:
                pks.append(pk)
        if not pks:
            self.report.note("posts without an author in the export: imported with an empty byline")
        return pks

    # -- sections, countries and tags --------------------------------------------------------

    def classify_terms(self, item: wxr.Item) -> tuple[list[wxr.TermRef], list[wxr.TermRef]]:
        """(categories, tags) of an item; bare RSS <category> terms are sorted by what they match."""
        assert self.scan is not None
        categories = list(item.categories)
        tags = list(item.tags)
        seen = {_norm(ref.name) for ref in categories + tags}
        for ref in item.terms:
            if ref.domain or _norm(ref.name) in seen:
                continue
            seen.add(_norm(ref.name))
            name = _norm(ref.name)
            if name in self.scan.category_names or name in UNCATEGORIZED or country_code(ref.name):
                slug = self.scan.category_names.get(name) or slugify(ref.name, allow_unicode=True)
                categories.append(wxr.TermRef("category", slug, ref.name))
            else:
                tags.append(wxr.TermRef("post_tag", slugify(ref.name, allow_unicode=True), ref.name))
        for ref in item.terms:
            if ref.domain not in IGNORED_TAXONOMIES:
                self.report.lost(f'terms of the custom taxonomy "{ref.domain}"', ref.name)
        return categories, tags

    @staticmethod
    def is_uncategorized(ref: wxr.TermRef) -> bool:
        return _norm(ref.nicename) in UNCATEGORIZED or _norm(ref.name) in UNCATEGORIZED

    def placement(self, item: wxr.Item) -> tuple[int, list[str], list[str], dict[str, str]]:
        """(section pk, country codes, extra tag names, {tag name: WordPress tag slug}) for a post.

        The section is the primary category (Yoast / Rank Math) or the first topic category, else
        the first country, else --section-default; further topic categories become tags so a post
        filed under two categories keeps both."""
        assert self.scan is not None
        categories, tag_refs = self.classify_terms(item)
        real = [ref for ref in categories if not self.is_uncategorized(ref)]
        countries: list[str] = []
        for ref in real:
            code = country_code(ref.name, ref.nicename)
            if code and code not in countries:
                countries.append(code)
        primary = None
        for meta_key in PRIMARY_CATEGORY_META:
            term_id = item.meta(meta_key).strip()
            term = self.scan.terms_by_id.get(int(term_id)) if term_id.isdigit() else None
            if term is not None:
                primary = next((ref for ref in real if ref.nicename == term.slug), None)
                if primary:
                    break
        topics = [ref for ref in real if not country_code(ref.name, ref.nicename)]
        if primary is None:
            primary = topics[0] if topics else (real[0] if real else None)
        section = self.ensure_section(primary) if primary else self.default_section()
        extra = [plain(ref.name) for ref in topics if ref is not primary]
        tags = {
            plain(ref.name): unquote(ref.nicename) or slugify(ref.name, allow_unicode=True)
            for ref in tag_refs
        }
        return section, countries, extra, tags

    def ensure_section(self, ref: wxr.TermRef) -> int:
        assert self.scan is not None
        slug = unquote(ref.nicename) or slugify(ref.name, allow_unicode=True)
        memo_key = ("section", slug)
        known = self.memo.get(memo_key)
        if known is not _MISSING:
            return known
        name = cut(plain(ref.name) or slug, 255)
        code = country_code(ref.name, ref.nicename)
        record, section = self.record("term", self.localised(f"category:{slug}"))
        outcome = "unchanged"
        reason = None
        if section is None:
            siblings = SectionPage.objects.child_of(self.home)
            section = (
                (siblings.filter(country=code).order_by("path").first() if code else None)
                or siblings.filter(slug=slug_for(slug)).first()
                or siblings.filter(title__iexact=name).first()
            )
            if section is not None:
                reason = "matched an existing section"
            else:
                term = self.scan.categories.get(slug)
                section = self._create_section(name, slug_for(slug, name), code or "", term)
                outcome = "imported"
            self.remember(
                record, "term", self.localised(f"category:{slug}"), section, digest(IMPORTER_VERSION, name)
            )
            for path in self._category_paths(slug):
                self.redirect(f"{self.blog_path}/category/{path}/", section.pk)
        self.report.add("sections", outcome, reason, f"{name} -> {section.url_path}")
        self.memo.put(memo_key, section.pk)
        return section.pk

    def _category_paths(self, slug: str) -> list[str]:
        assert self.scan is not None
        chain, seen = [slug], {slug}
        term = self.scan.categories.get(slug)
        while term is not None and term.parent_slug and term.parent_slug not in seen:
            chain.insert(0, term.parent_slug)
            seen.add(term.parent_slug)
            term = self.scan.categories.get(term.parent_slug)
        return list(dict.fromkeys(["/".join(chain), slug]))

    def default_section(self) -> int:
        slug = slug_for(self.options.section_default, "news")
        memo_key = ("section-default", slug)
        known = self.memo.get(memo_key)
        if known is not _MISSING:
            return known
        section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
        outcome = "unchanged"
        if section is None:
            title = slug.replace("-", " ").capitalize()
            section = self._create_section(title, slug, country_code(slug) or "", None)
            outcome = "imported"
        reason = "for posts without a category (--section-default)"
        self.report.add("sections", outcome, reason, f"{section.title} -> {section.url_path}")
        self.memo.put(memo_key, section.pk)
        return section.pk

    def _create_section(self, title: str, slug: str, country: str, term: wxr.Term | None) -> SectionPage:
        home = HomePage.objects.get(pk=self.home.pk)
        section = SectionPage(
            title=title,
            slug=self.free_slug(home, slug),
            country=country,
            intro=plain(term.description) if term else "",
            show_in_menus=False,
        )
        home.add_child(instance=section)
        section.save_revision().publish()
        return section

    def tag_names(self, names: list[str]) -> list[str]:
        unique: dict[str, str] = {}
        for name in names:
            name = cut(name.strip(), 100)
            if name and name.casefold() not in unique:
                unique[name.casefold()] = name
        return list(unique.values())

    def count_tags(self, names: list[str]) -> None:
        """Report each tag once per run and redirect its old archive page."""
        fresh = [n for n in names if self.memo.get(("tag", n)) is _MISSING]
        if not fresh:
            return
        existing = set(Tag.objects.filter(name__in=fresh).values_list("name", flat=True))
        for name in fresh:
            self.memo.put(("tag", name), True)
            self.report.add("tags", "unchanged" if name in existing else "imported", None, name)

    def tag_redirects(self, wp_slugs: dict[str, str]) -> None:
        todo = {n: s for n, s in wp_slugs.items() if self.memo.get(("tag-redirect", n)) is _MISSING}
        if not todo:
            return
        slugs = dict(Tag.objects.filter(name__in=list(todo)).values_list("name", "slug"))
        for name, wp_slug in todo.items():
            self.memo.put(("tag-redirect", name), True)
            if name in slugs and wp_slug:
                self.redirect(f"{self.blog_path}/tag/{wp_slug}/", self.home.pk, f"/tags/{slugs[name]}/")

    # -- images ------------------------------------------------------------------------------

    def import_attachment(self, item: wxr.Item) -> None:
        assert self.scan is not None
        if item.wp_id is not None and item.wp_id in self.scan.attachments:
            self.ensure_attachment(item.wp_id)
        else:
            ref = attachment_ref(item)
            self.ensure_image(
                f"guid:{ref.url}", ref.url, item.meta("_wp_attached_file"), ref.title, ref.alt, ref.caption,
                ref.credit, describe(item),
            )  # fmt: skip

    def ensure_attachment(self, wp_id: int) -> int | None:
        assert self.scan is not None
        memo_key = ("attachment", wp_id)
        known = self.memo.get(memo_key)
        if known is not _MISSING:
            return known
        ref = self.scan.attachments[wp_id]
        pk = self.ensure_image(
            str(wp_id), ref.url, self.scan.attached_files.get(wp_id), ref.title, ref.alt, ref.caption,
            ref.credit, f"#{wp_id} {ref.url}",
        )  # fmt: skip
        self.memo.put(memo_key, pk)
        return pk

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        host = parts.netloc.lower().removeprefix("www.")
        return not host or host in self.site_hosts or "/wp-content/uploads/" in parts.path

    def image_for(self, attachment_id: int | None, src: str, label: str) -> int | None:
        """The NewsImage for an image of the old site (by attachment id, else by file URL)."""
        assert self.scan is not None
        if attachment_id is not None and attachment_id in self.scan.attachments:
            return self.ensure_attachment(attachment_id)
        if not src:
            if attachment_id is not None and self.memo.get(("absent", attachment_id)) is _MISSING:
                self.memo.put(("absent", attachment_id), None)
                self.report.add("attachments", "skipped", "not in the export", f"#{attachment_id} in {label}")
            return None
        if not self.is_local(src):
            key = ("external", src)
            if self.memo.get(key) is _MISSING:
                self.memo.put(key, None)
                self.report.add(
                    "attachments", "skipped", "image on another site (never downloaded)", f"{src} in {label}"
                )
            return None
        found = self.locate(src, None)  # the same file under any of its sizes is one image
        rel = (
            str(found.relative_to(self.uploads_root)) if found else (upload_candidates(src, None) or [src])[0]
        )
        memo_key = ("file", rel)
        known = self.memo.get(memo_key)
        if known is not _MISSING:
            return known
        name = PurePosixPath(rel).stem
        pk = self.ensure_image(f"file:{rel}", src, None, name, "", "", None, f"{src} in {label}")
        self.memo.put(memo_key, pk)
        return pk

    def locate(self, url: str, attached_file: str | None) -> Path | None:
        root = self.uploads_root
        if root is None:
            return None
        for candidate in upload_candidates(url, attached_file):
            try:
                path = (root / candidate).resolve()
            except (OSError, ValueError):
                continue
            if path.is_relative_to(root) and path.is_file():  # never outside the uploads folder
                return path
        return None

    def ensure_image(
        self,
        key: str,
        url: str,
        attached_file: str | None,
        title: str,
        alt: str,
        caption: str,
        credit: str | None,
        label: str,
    ) -> int | None:
        extension = PurePosixPath(urlsplit(url).path or (attached_file or "")).suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
            self.report.add(
                "attachments", "skipped", f"not an image steppe stores (.{extension or '?'})", label
            )
            return None
        path = self.locate(url, attached_file)
        if path is None:
            reason = (
                "file not found in the uploads folder" if self.uploads_root else "no --uploads folder given"
            )
            self.report.add("attachments", "skipped", reason, url or label)
            return None
        stat = path.stat()
        title = cut(plain(title) or path.stem, 255)
        alt, caption, credit = cut(plain(alt), 300), cut(plain(caption), 400), cut(plain(credit or ""), 200)
        where = str(path.relative_to(self.uploads_root))  # the same after the folder moves
        checksum = digest(
            IMPORTER_VERSION, title, alt, caption, credit, where, stat.st_size, stat.st_mtime_ns
        )
        record, image = self.record("attachment", key)
        if image is not None and record.checksum == checksum:
            self.report.add("attachments", "unchanged", None, url)
            return image.pk
        if stat.st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE // (1024 * 1024)
            self.report.add("attachments", "skipped", f"larger than {limit} MB", url)
            return None
        try:
            with PILImage.open(path) as opened:
                width, height = opened.size
        except Exception as exc:  # noqa: BLE001 - any decoder error means "not a usable image"
            self.report.add("attachments", "failed", f"not a readable image ({type(exc).__name__})", url)
            return None
        if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            self.report.add("attachments", "skipped", "more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS", url)
            return None
        with path.open("rb") as handle:
            file_hash = hash_filelike(handle)
            handle.seek(0)
            if image is None:
                image = NewsImage(title=title)
                outcome = "imported"
            else:
                outcome = "updated"
            image.title, image.alt_text, image.caption, image.credit = title, alt, caption, credit
            if outcome == "imported" or image.file_hash != file_hash:
                if image.pk and image.file:
                    self._old_files.append(image.file.name)
                    image.renditions.all().delete()
                image.file = ImageFile(handle, name=path.name)
                image.file_size = stat.st_size
                image.file_hash = file_hash
                image.save()
                self._new_files.append(image.file.name)
            else:
                image.save()
        self.remember(record, "attachment", key, image, checksum)
        self.report.add("attachments", outcome, None, url)
        return image.pk

    # -- content -----------------------------------------------------------------------------

    def status_plan(self, item: wxr.Item, kind: str) -> Plan | None:
        status = item.status or "publish"
        label = describe(item)
        if status == "auto-draft":
            self.report.add(kind, "skipped", "auto-draft (never saved by its author)", label)
            return None
        if status == "inherit":
            self.report.add(kind, "skipped", "revision of another item", label)
            return None
        if status == "private" and not self.options.include_private:
            self.report.add(kind, "skipped", "private (--include-private imports them as drafts)", label)
            return None
        if status == "trash" and not self.options.include_trash:
            self.report.add(kind, "skipped", "in the trash (--include-trash imports them as drafts)", label)
            return None
        if status in ("private", "trash"):
            return Plan("draft", f"{status} in WordPress: imported as a draft")
        if status in ("draft", "pending"):
            return Plan("draft")
        if status not in ("publish", "future"):
            return Plan("draft", f"unknown status {status!r}: imported as a draft")
        if item.password:
            return Plan("draft", "password-protected in WordPress: imported as a draft, not published")
        if status == "future" and item.pub_date and item.pub_date > timezone.now():
            return Plan("scheduled")
        return Plan("live")

    def blocks(self, item: wxr.Item) -> list[dict[str, Any]]:
        assert self.scan is not None
        content, missing = expand_reusable_blocks(item.content, self.scan.reusable)
        for ref in missing:
            self.report.lost("reusable blocks not in the export (left out of the posts using them)",
                             f"#{ref} in {describe(item)}")  # fmt: skip
        gallery = [wp_id for _order, wp_id in sorted(self.scan.children.get(item.wp_id or 0, []))]
        blocks = html_to_blocks(content, attachments=self.scan.attachments, post_attachments=gallery)
        if not blocks:
            self.report.note("posts and pages with no text in WordPress: imported with an empty body")
        return blocks

    def stream(self, blocks: list[dict[str, Any]], key: str, label: str) -> list[dict[str, Any]]:
        """The converter's blocks as ArticleBodyBlock data, images resolved to NewsImages."""
        out: list[dict[str, Any]] = []

        def add(kind: str, value: Any) -> None:
            block_id = uuid.uuid5(BLOCK_ID_NAMESPACE, f"{self.site_url}|{key}|{len(out)}")
            out.append({"type": kind, "value": value, "id": str(block_id)})

        for block in blocks:
            kind, value = block["type"], block["value"]
            if kind == "paragraph":
                add("paragraph", db_rich_text(value))
            elif kind == "heading":
                add("heading", {"text": cut(value["text"], 300), "level": f"h{value['level']}"})
            elif kind == "quote":
                if value["text"].strip():
                    add("quote", {"text": value["text"], "attribution": cut(value["attribution"], 200)})
                elif value["attribution"].strip():
                    add("paragraph", f"<p>{html.escape(value['attribution'])}</p>")
            elif kind == "image":
                pk = self.image_for(value["attachment_id"], value["src"], label)
                if pk is not None:
                    caption, credit, alt = value["caption"], value["credit"] or "", value["alt"]
                    add(
                        "image",
                        {
                            "image": pk,
                            "caption": cut(caption, 400),
                            "credit": cut(credit, 200),
                            "alt": cut(alt, 300),
                        },
                    )
                elif value["caption"].strip():
                    add("paragraph", f"<p>{html.escape(value['caption'])}</p>")
            elif kind == "embed":
                add("embed", {"url": value["url"], "title": "", "caption": ""})
            elif kind == "html":
                # Images inside kept HTML would load from the old site: keep their alt text instead.
                sanitised = sanitise_html(media_to_links(value))
                if _IMG_RE.search(sanitised):
                    self.report.lost("images inside tables and other kept HTML (their alt text is kept)",
                                     label)  # fmt: skip
                cleaned = _IMG_RE.sub(_img_alt, sanitised).strip()
                if _TAG_RE.sub("", cleaned).strip():
                    add("html", cleaned)
        return out

    def rich_text(self, stream: list[dict[str, Any]]) -> str:
        """A StandardPage body (one rich text field) from the same blocks."""
        parts: list[str] = []
        for block in stream:
            kind, value = block["type"], block["value"]
            if kind in ("paragraph", "html"):
                parts.append(value)
            elif kind == "heading":
                parts.append(f"<{value['level']}>{html.escape(value['text'])}</{value['level']}>")
            elif kind == "quote":
                lines = "".join(f"<p>{html.escape(line)}</p>" for line in value["text"].splitlines() if line)
                attribution = f"<p>— {html.escape(value['attribution'])}</p>" if value["attribution"] else ""
                parts.append(f"<blockquote>{lines}{attribution}</blockquote>")
            elif kind == "image":
                alt = html.escape(value["alt"], quote=True)
                parts.append(
                    f'<embed embedtype="image" id="{value["image"]}" format="fullwidth" alt="{alt}"/>'
                )
                if value["caption"]:
                    parts.append(f"<p><i>{html.escape(value['caption'])}</i></p>")
            elif kind == "embed":
                url = html.escape(value["url"], quote=True)
                parts.append(f'<p><a href="{url}">{url}</a></p>')
        return "".join(parts)

    def standfirst(self, item: wxr.Item, stream: list[dict[str, Any]], title: str) -> str:
        text = excerpt_text(item.excerpt, max_chars=600)
        if text:
            return text
        paragraphs = "".join(b["value"] for b in stream if b["type"] == "paragraph")
        return excerpt_text(paragraphs, max_chars=300) or title

    def lead_image(self, item: wxr.Item, label: str) -> tuple[int | None, str]:
        raw = item.meta("_thumbnail_id").strip()
        if not raw.isdigit():
            return None, ""
        pk = self.image_for(int(raw), "", label)
        if pk is None:
            return None, ""
        credit = self.memo.get(("credit", pk), None)
        if credit is None:
            credit = NewsImage.objects.filter(pk=pk).values_list("credit", flat=True).first() or ""
            self.memo.put(("credit", pk), credit)
        if not credit:
            credit = self.site_name
            self.report.note(f'lead images without a credit in WordPress: credited to "{credit}"')
        return pk, cut(credit, 200)

    def free_slug(self, parent: Page, slug: str, page: Page | None = None) -> str:
        from takedown.forms import takedown_in_the_way

        candidate, number = slug, 1
        # A taken-down article's address stays gone, even when its page was deleted.
        while not Page._slug_is_available(candidate, parent, page) or takedown_in_the_way(
            parent, candidate, page
        ):
            number += 1
            candidate = f"{slug[:240]}-{number}"
        return candidate

    def dates(self, item: wxr.Item, plan: Plan) -> tuple[datetime | None, datetime | None]:
        published = item.pub_date if plan.state != "draft" else None
        if published is not None and item.pub_date_assumed_utc:
            self.report.note(
                "publication dates without a time zone in the export, read as UTC (use --timezone)"
            )
        updated = None
        if published and item.modified and item.modified - published > UPDATED_AFTER:
            updated = item.modified
        return published, updated

    # -- posts and pages ---------------------------------------------------------------------

    def import_post(self, item: wxr.Item) -> None:
        plan = self.status_plan(item, "posts")
        if plan is None:
            return
        key, label = self.localised(item_key(item)), describe(item)
        section_pk, countries, extra_tags, tag_slugs = self.placement(item)
        authors = self.byline(item)
        body = self.stream(self.blocks(item), key, label)
        lead_pk, lead_credit = self.lead_image(item, label)
        title = cut(plain(item.title), 255) or cut(self.standfirst(item, body, ""), 80) or f"Post {key}"
        tags = self.tag_names(list(tag_slugs) + extra_tags)
        published, updated = self.dates(item, plan)
        fields = {
            "title": title,
            "standfirst": cut(self.standfirst(item, body, title), 600),
            "body": body,
            "countries": ArticlePage._meta.get_field("countries").get_prep_value(countries),
            "featured": item.sticky,
            "date_published": published,
            "date_updated": updated,
            "lead_image_id": lead_pk,
            "lead_image_credit": lead_credit,
            "lead_image_caption": "",
        }
        slug = slug_for(item.slug, title, f"post-{key}")
        checksum = digest(
            IMPORTER_VERSION, plan.state, self.language, section_pk, slug, fields, tags, authors
        )
        record, page = self.record("post", key)
        if plan.note:
            self.report.note(plan.note)
        if item.comment_count:
            self.report.lost("comments (steppe has no comments)", label, item.comment_count)
        self.count_tags(tags)
        if page is not None and record.checksum == checksum:
            self.report.add("posts", "unchanged", None, label)
            return
        existed = page is not None
        section = SectionPage.objects.get(pk=section_pk)
        page = self._save_page(
            ArticlePage, page, section, slug, fields, plan, item, tags=tags, authors=authors
        )
        if plan.state == "live":
            self.tag_redirects({cut(name, 100): slug for name, slug in tag_slugs.items()})
        self.remember(record, "post", key, page, checksum)
        self.report.add("posts", "updated" if existed else "imported", None, label)

    def import_page(self, item: wxr.Item) -> None:
        plan = self.status_plan(item, "pages")
        if plan is None:
            return
        key, label = self.localised(item_key(item)), describe(item)
        stream = self.stream(self.blocks(item), key, label)
        title = cut(plain(item.title), 255) or f"Page {key}"
        fields = {"title": title, "body": self.rich_text(stream)}
        slug = slug_for(item.slug, title, f"page-{key}")
        checksum = digest(IMPORTER_VERSION, plan.state, self.language, slug, fields, item.pub_date)
        record, page = self.record("page", key)
        if plan.note:
            self.report.note(plan.note)
        if page is not None and record.checksum == checksum:
            self.report.add("pages", "unchanged", None, label)
            return
        existed = page is not None
        home = HomePage.objects.get(pk=self.home.pk)
        if item.parent_id:
            self.report.note("child pages placed directly under the home page (steppe pages are flat)")
        page = self._save_page(StandardPage, page, home, slug, fields, plan, item)
        self.remember(record, "page", key, page, checksum)
        self.report.add("pages", "updated" if existed else "imported", None, label)

    def _save_page(
        self, model, page, parent, slug, fields, plan: Plan, item: wxr.Item, *, tags=None, authors=None
    ):
        """Create or update one page, publish / schedule / keep it as a draft, and redirect old URLs."""
        first_published = item.pub_date if plan.state == "live" else None
        existed = page is not None
        if page is None:
            page = model(slug=self.free_slug(parent, slug), live=False, locale_id=parent.locale_id, **fields)
            if first_published:
                page.first_published_at = first_published
            if plan.state == "scheduled":
                page.go_live_at = item.pub_date
            parent.add_child(instance=page)
        else:
            page = model.objects.get(pk=page.pk)
            if page.get_parent().pk != parent.pk:  # filed under another category in WordPress now
                page.move(parent, pos="last-child")
                page = model.objects.get(pk=page.pk)
            if plan.state == "draft" and page.live:
                page.unpublish(log_action=False)
                self.report.note("pages unpublished because they are no longer published in WordPress")
                page = model.objects.get(pk=page.pk)
            page.slug = self.free_slug(parent, slug, page)
            for name, value in fields.items():
                setattr(page, name, value)
            if first_published and not page.first_published_at:
                page.first_published_at = first_published
            page.go_live_at = item.pub_date if plan.state == "scheduled" else None
        if tags is not None:
            page.tags.set(tags)
        if authors is not None:
            page.article_authors = [ArticleAuthor(author_id=pk, sort_order=i) for i, pk in enumerate(authors)]
        if plan.state == "draft":
            page.save()  # a draft's row holds its content too, as when an editor saves one
            page.save_revision()
        else:
            if existed and not page.live:
                page.save()  # keeps first_published_at, which publishing takes from the row
            # Going live, publishing saves the page with full validation: no need to validate twice.
            revision = page.save_revision(clean=plan.state != "live")
            if embargo_refusal(page, revision) is None:
                revision.publish()
            else:
                # An embargo set in steppe outranks WordPress's status: a re-import never lifts it.
                self.report.note("articles embargoed in steppe: saved as drafts, not published")
                return page
        if plan.state == "live":
            self.page_redirects(item, page)
        return page

    def page_redirects(self, item: wxr.Item, page: Page) -> None:
        paths = []
        if item.link:
            parts = urlsplit(item.link)
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        if item.wp_id is not None:
            paths.append(f"{self.blog_path}/?p={item.wp_id}")
            if item.post_type == "page":
                paths.append(f"{self.blog_path}/?page_id={item.wp_id}")
        self.redirects(paths, page.pk)

    def redirect(self, old: str, page_id: int, route: str = "") -> None:
        self.redirects([old], page_id, route)

    def redirects(self, old_paths: list[str], page_id: int, route: str = "") -> None:
        """Permanent redirects from old paths (normalised as Wagtail matches them) to a page."""
        todo: list[str] = []  # not remembered across items: memory stays flat however many posts
        for old in old_paths:
            path = Redirect.normalise_path(old)
            if path in ("", "/") or path in todo:
                continue
            if len(path) > 255:
                self.report.add("redirects", "skipped", "old URL longer than 255 characters", cut(path, 120))
                continue
            todo.append(path)
        if not todo:
            return
        route = Redirect.normalise_page_route_path(route) if route else ""
        existing = {r.old_path: r for r in Redirect.objects.filter(site__isnull=True, old_path__in=todo)}
        new = []
        for path in todo:
            redirect = existing.get(path)
            if redirect is None:
                new.append(
                    Redirect(
                        old_path=path,
                        site=None,
                        redirect_page_id=page_id,
                        redirect_page_route_path=route,
                        is_permanent=True,
                    )  # fmt: skip
                )
                self.report.add("redirects", "imported")
            elif (redirect.redirect_page_id, redirect.redirect_page_route_path, redirect.redirect_link) == (
                page_id,
                route,
                "",
            ) and redirect.is_permanent:
                self.report.add("redirects", "unchanged")
            else:
                redirect.redirect_page_id, redirect.redirect_page_route_path = page_id, route
                redirect.redirect_link, redirect.is_permanent = "", True
                redirect.save()
                self.report.add("redirects", "updated")
        if new:
            Redirect.objects.bulk_create(new)
