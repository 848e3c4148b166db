"""RSS 2.0 and Atom 1.0 feeds: the whole site, a section, a tag or an author, per language.

Items carry the full body (absolute URLs), the standfirst as summary, every byline author,
categories (section, countries, tags), publication and update dates, a guid that survives edits,
and the lead image as enclosure and media:content with its credit.
"""

from __future__ import annotations

import html
import mimetypes
import re
from dataclasses import dataclass

import lxml.html
from django.contrib.syndication.views import Feed
from django.db.models import Max, Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.translation import get_language, gettext
from taggit.models import Tag
from wagtail.models import Site

from news.models import COUNTRY_NAMES, ArticleAuthor, ArticlePage, Author, HomePage, NewsImage, SectionPage
from news.renditions import FEED_RENDITION

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"

# Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, lone
# surrogates, U+FFFE/U+FFFF). Text pasted from word processors brings them in; one of them
# would otherwise make the feed writer raise and every feed listing that article answer 500.
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """The value with characters XML 1.0 forbids removed, inside lists and dicts too."""
    if isinstance(value, str):
        return _NOT_XML_CHARS.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_text(part) for part in value)
    if isinstance(value, dict):
        return {key: xml_text(part) for key, part in value.items()}
    return value


def image_type(file_name: str) -> str:
    """A rendition keeps its source's format (PNG, WebP, GIF...) unless the spec converts it."""
    return mimetypes.guess_type(file_name)[0] or "image/jpeg"


class MediaMixin:
    """Cleans text for XML and writes media:content (with media:credit)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_text(args), **xml_text(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_text(args), **xml_text(kwargs))

    def add_media_elements(self, handler, item) -> None:
        image = item.get("image")
        if image:
            attrs = {
                "url": image["url"],
                "medium": "image",
                "type": image["type"],
                "width": str(image["width"]),
                "height": str(image["height"]),
            }
            handler.startElement("media:content", attrs)
            if image.get("credit"):
                handler.addQuickElement("media:credit", image["credit"])
            if image.get("caption"):
                handler.addQuickElement("media:description", image["caption"])
            handler.endElement("media:content")


class SteppeRssFeed(MediaMixin, Rss201rev2Feed):
    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs.update(
            {
                "xmlns:content": CONTENT_NS,
                "xmlns:media": MEDIA_NS,
                "xmlns:dc": DC_NS,
                "xmlns:dcterms": DCTERMS_NS,
            }
        )
        return attrs

    def add_root_elements(self, handler):
        # Django's atom:link rel="self" has no type; the W3C validator and the RSS Advisory
        # Board's profile want type="application/rss+xml" on it.
        feed_url, self.feed["feed_url"] = self.feed["feed_url"], None
        try:
            super().add_root_elements(handler)
        finally:
            self.feed["feed_url"] = feed_url
        if feed_url:
            handler.addQuickElement(
                "atom:link", None, {"rel": "self", "href": feed_url, "type": "application/rss+xml"}
            )

    def add_item_elements(self, handler, item):
        # One dc:creator per byline author below, not Django's single comma-joined one as well.
        super().add_item_elements(handler, {**item, "author_name": None})
        for name in item.get("creators", []):
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        # RSS 2.0 has no updated element: Dublin Core's dcterms:modified (W3C-DTF) carries what
        # Atom's <updated> does (a correction, a substantive update), and feed readers read it.
        if item.get("updateddate"):
            handler.addQuickElement("dcterms:modified", rfc3339_date(item["updateddate"]))
        self.add_media_elements(handler, item)


class SteppeAtomFeed(MediaMixin, Atom1Feed):
    def root_attributes(self):
        attrs = super().root_attributes()
        attrs.update({"xmlns:media": MEDIA_NS})
        return attrs

    def add_item_elements(self, handler, item):
        # Atom has a person construct: one <author> per byline author, with their page as uri.
        # Without a byline the feed's own <author> applies (RFC 4287 4.2.1).
        super().add_item_elements(handler, {**item, "author_name": None})
        for name, uri in item.get("bylines", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", uri)
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        self.add_media_elements(handler, item)


@dataclass
class Scope:
    """What a feed covers, in which language."""

    kind: str  # site | section | tag | author
    home: HomePage
    title: str
    link: str
    articles: object  # ArticleQuerySet
    slug: str = ""
    key: str = ""  # what the feed's id is built from: ids, never slugs or titles, which change


def absolute_html(html: str, base_url: str) -> str:
    """Feed readers show content out of the site's context: every link and image must be absolute."""
    if not html.strip():
        return html
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    fragment.make_links_absolute(base_url, resolve_base_href=False)
    inner = (fragment.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in fragment.iterchildren()
    )
    return inner


def site_base_url(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def _host(base_url: str) -> str:
    return base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def guid_for(article: ArticlePage, base_url: str) -> str:
    """Stable across edits, slug changes and moves: the page's id never changes."""
    return f"tag:{_host(base_url)},2025:article:{article.pk}"


class ArticleFeed(Feed):
    feed_type = SteppeRssFeed
    kind = "rss"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, scope: str = "site", slug: str = "") -> Scope:
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=get_language()).first()
        home = HomePage.objects.live().filter(locale=locale).first() if locale else None
        if home is None:
            raise Http404("No home page for this language")
        self.home = home  # author pages (Atom <author><uri>) live under it
        published = home.articles()
        if scope == "site":
            return Scope("site", home, home.title, home.url, published)
        if scope == "section":
            section = get_object_or_404(SectionPage.objects.live().child_of(home), slug=slug)
            return Scope(
                "section",
                home,
                f"{section.title} — {home.title}",
                section.url,
                section.articles(),
                slug,
                f"section:{section.translation_key}",
            )
        if scope == "tag":
            tag = get_object_or_404(Tag, slug=slug)
            title = gettext("Tag: %(name)s") % {"name": tag.name}
            articles = published.filter(tagged_items__tag=tag)
            return Scope(
                "tag",
                home,
                f"{title} — {home.title}",
                f"{home.url}tags/{tag.slug}/",
                articles,
                slug,
                f"tag:{tag.pk}",
            )
        if scope == "author":
            author = get_object_or_404(Author.objects.localized(locale.language_code), slug=slug)
            articles = published.filter(article_authors__author=author)
            return Scope(
                "author",
                home,
                f"{author.name_for(locale.language_code)} — {home.title}",
                f"{home.url}authors/{slug}/",
                articles,
                slug,
                f"author:{author.pk}",
            )
        raise Http404("Unknown feed")

    # -- channel -------------------------------------------------------------------------------

    def title(self, obj: Scope) -> str:
        return obj.title

    def link(self, obj: Scope) -> str:
        # On the site's own origin, like every item link (Django would use the request's host).
        return self._absolute(obj.link)

    def feed_guid(self, obj: Scope) -> str:
        """Atom's feed id: a tag URI that survives renames, moves and a change of scheme or host alias."""
        host = _host(site_base_url(self.request))
        return f"tag:{host},2025:feed:{obj.home.locale.language_code}:{obj.key or obj.kind}"

    def author_name(self, obj: Scope) -> str:
        # Atom needs an author for every entry; the publication stands in where a byline is empty.
        return obj.home.title

    def description(self, obj: Scope) -> str:
        return gettext("The newest articles from %(title)s") % {"title": obj.title}

    def feed_url(self, obj: Scope) -> str:
        return self._absolute(self.request.path)

    # -- items ---------------------------------------------------------------------------------

    def item_limit(self) -> int:
        from syndication.models import SyndicationSettings

        return SyndicationSettings.for_request(self.request).feed_items

    def items(self, obj: Scope):
        return list(
            obj.articles.select_related("locale")
            .prefetch_related(
                Prefetch("article_authors", queryset=ArticleAuthor.with_local_names()),
                "tags",
                "corrections",  # an item with a correction shows as updated, with the notice on top
                Prefetch("lead_image", queryset=NewsImage.objects.prefetch_renditions(FEED_RENDITION)),
            )
            .newest_first()[: self.item_limit()]
        )

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        # The standfirst is plain text, but RSS <description> and Atom <summary type="html"> are
        # HTML: a literal "<b>" or "&amp;" in it must reach readers as text, not markup.
        return html.escape(item.standfirst, quote=False)

    def item_link(self, item: ArticlePage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: ArticlePage) -> str:
        return guid_for(item, site_base_url(self.request))

    def item_guid_is_permalink(self, item: ArticlePage) -> bool:
        return False

    def item_pubdate(self, item: ArticlePage):
        return item.date_published

    def item_updateddate(self, item: ArticlePage):
        return item.date_modified or item.date_published

    def item_author_name(self, item: ArticlePage) -> str | None:
        names = [author.display_name for author in item.byline()]
        return ", ".join(names) or None

    def item_categories(self, item: ArticlePage) -> list[str]:
        names = [str(name) for _code, name in item.country_names] + [tag.name for tag in item.tags.all()]
        return list(dict.fromkeys(names))

    def item_enclosures(self, item: ArticlePage) -> list[Enclosure]:
        rendition = self._rendition(item)
        if rendition is None:
            return []
        try:
            length = rendition.file.size
        except OSError:
            length = 0
        return [Enclosure(self._absolute(rendition.url), str(length), image_type(rendition.file.name))]

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        base = site_base_url(self.request)
        body = render_to_string("syndication/feed_body.html", {"page": item})
        authors = item.byline()
        home_url = self._absolute(self.home.url)
        extra = {
            "content": absolute_html(body, base + "/"),
            "creators": [author.display_name for author in authors],
            "bylines": [(author.display_name, f"{home_url}authors/{author.slug}/") for author in authors],
        }
        rendition = self._rendition(item)
        if rendition is not None:
            extra["image"] = {
                "url": self._absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "type": image_type(rendition.file.name),
                "credit": item.lead_credit,
                "caption": item.lead_caption,
            }
        return extra

    def _rendition(self, item: ArticlePage):
        return item.lead_image.get_rendition(FEED_RENDITION) if item.lead_image else None

    def _absolute(self, url: str) -> str:
        return url if "://" in url else site_base_url(self.request) + url

    def last_modified(self, obj: Scope):
        return obj.articles.aggregate(latest=Max("last_published_at"))["latest"]


class ArticleAtomFeed(ArticleFeed):
    feed_type = SteppeAtomFeed
    kind = "atom"

    def subtitle(self, obj: Scope) -> str:
        return self.description(obj)


def rss_feed(request: HttpRequest, **kwargs):
    # A new feed object per request: the methods read self.request.
    return ArticleFeed()(request, **kwargs)


def atom_feed(request: HttpRequest, **kwargs):
    return ArticleAtomFeed()(request, **kwargs)


def country_name(code: str) -> str:
    return str(COUNTRY_NAMES.get(code, code))
