"""`export_static`: the public site as static files, for mirrors that keep a blocked newsroom readable.

Every page is rendered through Django's test client against the real URLconf, as an anonymous
reader on the site's own host, so the copy is exactly what readers get (page cache included). The
export starts from each language's home page, every live public page, the rates pages, the feeds,
robots.txt and the sitemaps, and follows every link, image and stylesheet it finds: pagination,
tags, authors, the lite and Cyrillic copies, each feed and rendition a page uses. Static files are
copied from the collected (hashed) files, media from the media storage; only what pages reference.
"""

from __future__ import annotations

import mimetypes
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http.request import split_domain_port, validate_host
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page, Site

from mirror.paths import ALL_VARIANTS, Target, depth, relative_link, target_for
from mirror.rewrite import Resolved, redirect_page, rewrite_absolute_urls, rewrite_css, rewrite_html
from mirror.store import MirrorStore, StoreBusy, StoreError
from news.models import HomePage

Progress = Callable[[int, int], None]
SEED = "(start)"
TEXT_TYPES = ("application/xml", "application/rss+xml", "application/atom+xml", "text/xml", "text/plain")
# Pages a static copy cannot answer (they need a query or a session), and never copies: links to
# them go to the canonical site. The search page is /<language>/search/.
_SEARCH = re.compile(r"^/[^/]+/search/")


class ExportError(Exception):
    """The export cannot start or finish; the previous copy is untouched."""


class ExportBusy(ExportError):
    """Another export holds the directory's lock."""


@dataclass
class ExportReport:
    directory: Path
    files: int = 0
    pages: int = 0
    written: int = 0
    unchanged: int = 0
    deleted: int = 0
    seconds: float = 0.0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (url, the page that links it)
    failed: list[tuple[str, int]] = field(default_factory=list)  # (url, status): previous copy kept
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Exported {self.files} files ({self.pages} pages) to {self.directory} in {self.seconds:.1f} s: "
            f"{self.written} written, {self.unchanged} unchanged, {self.deleted} deleted"
            + (f", {len(self.missing)} missing" if self.missing else "")
            + (f", {len(self.failed)} failed" if self.failed else "")
            + "."
        )

    def as_dict(self) -> dict:
        return {
            "directory": str(self.directory),
            "files": self.files,
            "pages": self.pages,
            "written": self.written,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "seconds": round(self.seconds, 2),
            "missing": [list(item) for item in self.missing],
            "failed": [list(item) for item in self.failed],
        }


def validate_base_url(base_url: str) -> str:
    """The mirror's public URL without its trailing slash; ValueError when it is not one."""
    base_url = base_url.strip()
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"--base-url must be an http(s) URL without query or fragment, not {base_url!r}")
    return base_url.rstrip("/")


def export_site(
    directory: str | Path,
    base_url: str = "",
    variants: frozenset[str] = ALL_VARIANTS,
    progress: Progress | None = None,
) -> ExportReport:
    """Export the public site into `directory`; only what changed since the last export is written."""
    return SiteExport(
        Path(directory), validate_base_url(base_url) if base_url else "", variants, progress
    ).run()


class SiteExport:
    def __init__(self, directory: Path, base_url: str, variants: frozenset[str], progress: Progress | None):
        self.directory = directory.resolve()
        self.base_url = base_url
        self.variants = variants
        self.progress = progress
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise ExportError("there is no default Site: set one (manage.py set_site_address) first")
        self.origin = site.root_url
        self.host = urlsplit(self.origin).netloc.lower()
        domain, _port = split_domain_port(self.host)
        if not validate_host(domain, settings.ALLOWED_HOSTS):
            raise ExportError(
                f"the site's host {domain!r} is not in DJANGO_ALLOWED_HOSTS: add it, or correct the Site"
            )
        self.secure = self.origin.startswith("https://")
        self.client = Client(
            raise_request_exception=False, HTTP_HOST=self.host, HTTP_USER_AGENT="steppe-export"
        )
        self.excluded = (f"/{settings.STEPPE_ADMIN_PATH}/", "/_util/", "/api/")
        # Media on S3 or a CDN have absolute URLs of another host; the copy holds them under /media/.
        probe = default_storage.url("probe")
        self.media_prefix = probe[: -len("probe")] if "://" in probe and probe.endswith("probe") else ""
        self.queue: deque[Target] = deque()
        self.referrers: dict[Target, str] = {}
        self.report = ExportReport(self.directory)

    # -- the crawl -------------------------------------------------------------------------------

    def run(self) -> ExportReport:
        started = time.monotonic()
        try:
            store = MirrorStore(self.directory).open()
        except StoreBusy as error:
            raise ExportBusy(str(error)) from error
        except StoreError as error:
            raise ExportError(str(error)) from error
        try:
            self.store = store
            for url in self.seeds():
                parts = urlsplit(url)
                if parts.netloc in ("", self.host):
                    target = self.target(parts.path, parts.query)
                    if target is not None:
                        self.enqueue(target, SEED)
            done = 0
            while self.queue:
                self.fetch(self.queue.popleft())
                done += 1
                if self.progress:
                    self.progress(done, len(self.referrers))
            counts = store.commit(order=self.commit_order)
        finally:
            store.close()
        self.report.files = len(store.files)
        self.report.written, self.report.unchanged, self.report.deleted = (
            counts.written,
            counts.unchanged,
            counts.deleted,
        )
        self.report.warnings.extend(store.warnings)
        self.report.seconds = time.monotonic() - started
        return self.report

    def seeds(self) -> list[str]:
        urls = ["/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml"]
        # The languages that have a home page (a language configured but not yet translated has none).
        with_home = set(HomePage.objects.live().values_list("locale__language_code", flat=True))
        for code, _name in settings.LANGUAGES:
            if code not in with_home:
                continue
            with translation.override(code):
                for name in ("fx-rates", "feed-rss", "feed-atom"):
                    try:
                        urls.append(reverse(name))
                    except NoReverseMatch:
                        continue
        for page in Page.objects.live().public().filter(depth__gt=1).order_by("depth", "path"):
            url = page.get_url()
            if url:
                urls.append(url)
        return urls

    def target(self, path: str, query: str) -> Target | None:
        target = target_for(path, query, self.variants)
        if target is None or target.path.startswith(self.excluded) or _SEARCH.match(target.path):
            return None
        return target

    def enqueue(self, target: Target, referrer: str) -> None:
        if target not in self.referrers:
            self.referrers[target] = referrer
            self.queue.append(target)

    def locate(self, raw: str, page: Target) -> tuple[Target | None, str, bool, str]:
        """Where a URL written in `page` points: (its page of the copy, its absolute URL, internal, fragment)."""
        raw = raw.strip()
        if raw.startswith("?"):  # urljoin would keep the page's own query for a bare "?"
            absolute = self.origin + page.url.split("?", 1)[0] + raw
        else:
            absolute = urljoin(self.origin + page.url, raw)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return None, raw, False, ""
        if self.media_prefix and absolute.startswith(self.media_prefix):
            name = absolute.removeprefix(self.media_prefix).split("?", 1)[0].split("#", 1)[0]
            return self.target(settings.MEDIA_URL + name, ""), absolute, True, ""
        if parts.netloc.lower() != self.host:
            return None, raw, False, ""
        canonical = urlunsplit((*urlsplit(self.origin)[:2], parts.path, parts.query, parts.fragment))
        return self.target(parts.path, parts.query), canonical, True, parts.fragment

    def resolve(self, raw: str, page: Target, page_file: str) -> Resolved:
        """A URL written in `page` (whose copy is `page_file`), queued for the copy when it belongs."""
        target, absolute, internal, fragment = self.locate(raw, page)
        if target is None:
            return Resolved(None, absolute, internal)
        self.enqueue(target, page.url)
        return Resolved(relative_link(page_file, target.file, fragment), absolute, internal)

    # -- one URL ---------------------------------------------------------------------------------

    def fetch(self, target: Target) -> None:
        file = target.file
        if target.path.startswith(settings.STATIC_URL):
            data = self.static_file(target.path.removeprefix(settings.STATIC_URL))
            if data is not None and file.endswith(".css"):
                data = self.css(data, target, file)
        elif target.path.startswith(settings.MEDIA_URL):
            data = self.media_file(target.path.removeprefix(settings.MEDIA_URL))
        else:
            data = self.page(target, file)
            if data is None:
                return
        if data is None:
            self.report.missing.append((target.url, self.referrers[target]))
            return
        self.store.put(file, data)

    def page(self, target: Target, file: str) -> bytes | None:
        response = self.client.get(target.url, secure=self.secure)
        self.client.cookies.clear()  # stay an anonymous reader whatever a page sets
        # (No response.close() here: the test client has closed it, and closing it again would
        # send request_finished, which closes the database connection.)
        status = response.status_code
        if status in (301, 302, 303, 307, 308):
            return self.redirect(target, file, response["Location"])
        if status in (404, 410):
            self.report.missing.append((target.url, self.referrers[target]))
            return None
        if status != 200:
            self.report.failed.append((target.url, status))
            self.store.keep(file)
            return None
        body = b"".join(response.streaming_content) if response.streaming else response.content
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        charset = response.charset or "utf-8"
        if content_type == "text/html":
            self.report.pages += 1
            return rewrite_html(body.decode(charset), lambda raw: self.resolve(raw, target, file))
        if content_type in TEXT_TYPES:
            return self.absolute_text(body.decode(charset)).encode(charset)
        return body

    def redirect(self, target: Target, file: str, location: str) -> bytes | None:
        """A redirect becomes a page that sends the reader on (within the copy when it can)."""
        moved_to, absolute, _internal, _fragment = self.locate(location, target)
        if moved_to == target:  # e.g. an http origin on a site that redirects to https
            self.report.failed.append((target.url, 310))
            self.store.keep(file)
            return None
        if not file.endswith(".html"):  # a feed or file cannot redirect on a static server
            self.report.missing.append((target.url, self.referrers[target]))
            return None
        resolved = self.resolve(location, target, file)
        return redirect_page(resolved.local or resolved.absolute, resolved.absolute)

    def absolute_text(self, text: str) -> str:
        """Feeds, sitemaps and robots.txt: absolute URLs by their formats' rules.

        Every URL of the site they name is copied too. With a base URL they name the mirror's
        copies (`https://mirror.example.net/news/en/politics/index.html`); without one they keep the
        canonical site's URLs, exactly as the site serves them.
        """

        def replace(path_and_query: str, media: bool = False) -> str | None:
            parts = urlsplit(path_and_query)
            path = settings.MEDIA_URL + parts.path.lstrip("/") if media else parts.path
            target = self.target(path, "" if media else parts.query)
            if target is None:
                return None
            self.enqueue(target, "(feed or sitemap)")
            if not self.base_url:
                return None
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            return f"{self.base_url}/{quote(target.file, safe='/-._~')}{fragment}"

        text = rewrite_absolute_urls(text, self.origin, replace)
        if self.media_prefix:
            text = rewrite_absolute_urls(text, self.media_prefix, lambda value: replace(value, media=True))
        return text

    def css(self, data: bytes, target: Target, file: str) -> bytes:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return data
        return rewrite_css(text, lambda raw: self.resolve(raw, target, file)).encode("utf-8")

    def static_file(self, name: str) -> bytes | None:
        """A collected static file (its hashed name, as pages link it), else the app's own file."""
        try:
            if staticfiles_storage.exists(name):
                with staticfiles_storage.open(name) as handle:
                    return handle.read()
        except (OSError, ValueError, NotImplementedError):
            pass
        found = finders.find(name)
        if found:
            return Path(found if isinstance(found, str) else found[0]).read_bytes()
        return None

    def media_file(self, name: str) -> bytes | None:
        try:
            with default_storage.open(name) as handle:
                return handle.read()
        except (OSError, ValueError):
            return None
        except Exception as error:  # noqa: BLE001 - S3 client errors have their own classes
            self.report.warnings.append(f"media {name}: {error}")
            return None

    @staticmethod
    def commit_order(file: str) -> tuple[int, int, str]:
        """Files and images first, then pages from the deepest (articles) to the home pages."""
        kind = mimetypes.guess_type(file)[0] or ""
        rank = 2 if kind == "text/html" else 1 if kind.endswith("xml") else 0
        return (rank, -depth(file), file)
