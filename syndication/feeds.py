"""RSS 2.0 and Atom 1.0 feeds: the whole site, a section, a tag or an author, per language.

Items carry the full body (absolute URLs), the standfirst as summary, every byline author,
categories (section, countries, tags), publication and update dates, a guid that survives edits,
and the lead image as enclosure and media:content with its credit.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from django.contrib.syndication.views import Feed
from django.db.models import Max, Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import get_language, gettext
from taggit.models import Tag
from wagtail.models import Site

from news.models import COUNTRY_NAMES, ArticleAuthor, ArticlePage, Author, HomePage, NewsImage, SectionPage
from news.renditions import FEED_RENDITION

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class MediaMixin:
    """Writes media:content (with media:credit) and one dc:creator per author."""

    def add_media_elements(self, handler, item) -> None:
        for name in item.get("creators", []):
            handler.addQuickElement("dc:creator", name)
        image = item.get("image")
        if image:
            attrs = {
                "url": image["url"],
                "medium": "image",
                "type": "image/jpeg",
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
        attrs.update({"xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS, "xmlns:dc": DC_NS})
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        self.add_media_elements(handler, item)


class SteppeAtomFeed(MediaMixin, Atom1Feed):
    def root_attributes(self):
        attrs = super().root_attributes()
        attrs.update({"xmlns:media": MEDIA_NS, "xmlns:dc": DC_NS})
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
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


def guid_for(article: ArticlePage, base_url: str) -> str:
    """Stable across edits, slug changes and moves: the page's id never changes."""
    host = base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"tag:{host},2025:article:{article.pk}"


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
        published = home.articles()
        if scope == "site":
            return Scope("site", home, home.title, home.url, published)
        if scope == "section":
            section = get_object_or_404(SectionPage.objects.live().child_of(home), slug=slug)
            return Scope(
                "section", home, f"{section.title} — {home.title}", section.url, section.articles(), slug
            )
        if scope == "tag":
            tag = get_object_or_404(Tag, slug=slug)
            title = gettext("Tag: %(name)s") % {"name": tag.name}
            articles = published.filter(tagged_items__tag=tag)
            return Scope(
                "tag", home, f"{title} — {home.title}", f"{home.url}tags/{tag.slug}/", articles, slug
            )
        if scope == "author":
            author = get_object_or_404(Author, slug=slug)
            articles = published.filter(article_authors__author=author)
            return Scope(
                "author", home, f"{author.name} — {home.title}", f"{home.url}authors/{slug}/", articles, slug
            )
        raise Http404("Unknown feed")

    # -- channel -------------------------------------------------------------------------------

    def title(self, obj: Scope) -> str:
        return obj.title

    def link(self, obj: Scope) -> str:
        return obj.link

    def author_name(self, obj: Scope) -> str:
        # Atom needs an author for every entry; the publication stands in where a byline is empty.
        return obj.home.title

    def description(self, obj: Scope) -> str:
        return gettext("The newest articles from %(title)s") % {"title": obj.title}

    def feed_url(self, obj: Scope) -> str:
        return self.request.build_absolute_uri(self.request.path)

    # -- items ---------------------------------------------------------------------------------

    def item_limit(self) -> int:
        from syndication.models import SyndicationSettings

        return SyndicationSettings.for_request(self.request).feed_items

    def items(self, obj: Scope):
        return list(
            obj.articles.select_related("locale")
            .prefetch_related(
                Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")),
                "tags",
                Prefetch("lead_image", queryset=NewsImage.objects.prefetch_renditions(FEED_RENDITION)),
            )
            .newest_first()[: self.item_limit()]
        )

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.standfirst

    def item_link(self, item: ArticlePage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: ArticlePage) -> str:
        return guid_for(item, site_base_url(self.request))

    def item_guid_is_permalink(self, item: ArticlePage) -> bool:
        return False

    def item_pubdate(self, item: ArticlePage):
        return item.date_published

    def item_updateddate(self, item: ArticlePage):
        return item.date_updated or item.last_published_at or item.date_published

    def item_author_name(self, item: ArticlePage) -> str | None:
        names = [link.author.name for link in item.article_authors.all()]
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
        return [Enclosure(self._absolute(rendition.url), str(length), "image/jpeg")]

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        base = site_base_url(self.request)
        body = render_to_string("syndication/feed_body.html", {"page": item})
        extra = {
            "content": absolute_html(body, base + "/"),
            "creators": [a.author.name for a in item.article_authors.all()],
        }
        rendition = self._rendition(item)
        if rendition is not None:
            extra["image"] = {
                "url": self._absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
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
