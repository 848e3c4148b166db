"""Head metadata: canonical URL, description, Open Graph, Twitter card, JSON-LD, feed links."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, to_locale

from news.cache import cached_fragment
from news.renditions import SOCIAL_RENDITION, STRUCTURED_DATA_RENDITIONS
from syndication import structured_data as sd

register = template.Library()


def _origin(request) -> str:
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


@register.simple_tag(takes_context=True)
def site_origin(context) -> str:
    """The site's own scheme and host (its Wagtail Site), for absolute links in the head."""
    return _origin(context["request"])


def _absolute(request, url: str) -> str:
    return url if "://" in url else _origin(request) + url


def _site_name(request) -> str:
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


# The built-in logo's file is 600 x 60 (static/img/logo.png).
BUILT_IN_LOGO = ("img/logo.png", 600, 60)
# Google's publisher logo guidance: no wider than 600 px, no taller than 60 px.
LOGO_RENDITION = "max-600x60"


def _logo(request) -> dict:
    """The logo chosen in Settings → "Feeds and search engines", else the built-in one.

    A cached fragment: every uncached article needs it, and reading the setting and its
    rendition would cost two queries a render (saving the settings bumps the content version).
    """
    from syndication.models import SyndicationSettings

    def build() -> dict:
        chosen = SyndicationSettings.for_request(request).publisher_logo
        if chosen is not None:
            rendition = chosen.get_rendition(LOGO_RENDITION)
            return {
                "url": _absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        path, width, height = BUILT_IN_LOGO
        return {"url": _absolute(request, static(path)), "width": width, "height": height}

    return cached_fragment("publisher-logo", build, _origin(request))


def _search_url(request) -> str | None:
    try:
        return _absolute(request, reverse("search")) + "?q="
    except NoReverseMatch:
        return None


@register.inclusion_tag("syndication/head.html", takes_context=True)
def article_head(context) -> dict:
    request, page = context["request"], context["page"]
    url = page.get_full_url(request)
    home_url = _absolute(request, context.get("home_url", "/"))
    authors = [
        {"name": a.display_name, "url": f"{home_url}authors/{a.slug}/"} for a in context.get("authors", [])
    ]
    tags = [tag.name for tag in context.get("tags", [])]
    parent = page.get_parent() if page.pk else None
    section = parent.title if parent else ""
    images, social = [], None
    if page.lead_image:
        for spec in STRUCTURED_DATA_RENDITIONS:
            rendition = page.lead_image.get_rendition(spec)
            images.append(
                {
                    "url": _absolute(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                }
            )
        rendition = page.lead_image.get_rendition(SOCIAL_RENDITION)
        social = {
            "url": _absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": page.lead_image.default_alt_text,
        }
    site_name = _site_name(request)
    # A correction or clarification later than the last substantive update moves dateModified.
    published, modified = page.display_date, page.date_modified
    json_ld = sd.news_article(
        url=url,
        headline=page.title,
        description=page.standfirst,
        images=images,
        published=published,
        modified=modified,
        authors=authors,
        publisher=sd.organization(site_name, _origin(request), _logo(request)),
        language=get_language(),
        section=section,
        keywords=tags,
        corrections=[sd.correction_comment(c.text, c.date) for c in page.correction_list],
    )
    og = sd.open_graph_article(
        title=page.title,
        description=page.standfirst,
        url=url,
        image=social,
        locale=to_locale(get_language()),
        site_name=site_name,
        published=published,
        modified=modified,
        author_urls=[a["url"] for a in authors],
        section=section,
        tags=tags,
    )
    blocks = [json_ld]
    if parent is not None:
        trail = [(site_name, home_url)]
        if parent.specific_class.__name__ != "HomePage":  # from the content type: no query
            # A Wagtail page's URL is its parent's plus its slug: derived, no site/route lookup.
            trail.append((parent.title, url[: url.rstrip("/").rfind("/") + 1]))
        blocks.append(sd.breadcrumbs([*trail, (page.title, url)]))
    return {
        "canonical": url,
        "description": page.search_description or page.standfirst,
        "og": og,
        "twitter_image": social,
        "title": page.title,
        "json_ld": [mark_safe(sd.json_for_script(block)) for block in blocks],
    }


@register.inclusion_tag("syndication/head.html", takes_context=True)
def listing_head(context) -> dict:
    request, page = context["request"], context.get("page")
    if page is None:
        return {}
    # Routed listings (tag, author) on the site's origin like every other canonical URL,
    # not on whatever Host the request came with.
    url = _absolute(request, request.path) if getattr(page, "_routed", False) else page.get_full_url(request)
    site_name, language = _site_name(request), get_language()
    description = str(
        context.get("listing_description")
        or getattr(page, "search_description", "")
        or getattr(page, "intro", "")
        or site_name
    )
    if context.get("listing_title"):  # a routed listing with a title of its own (corrections)
        title = str(context["listing_title"])
    elif context.get("author") is not None:
        title = context["author"].display_name
    elif context.get("tag") is not None:
        title = gettext("Tag: %(name)s") % {"name": context["tag"].name}
    else:
        title = page.title
    blocks = []
    if page.specific_class.__name__ == "HomePage" and not getattr(page, "_routed", False):
        blocks.append(sd.website(site_name, url, language, _search_url(request)))
    else:
        blocks.append(sd.collection_page(title, url, description, language))
        home_url = _absolute(request, context.get("home_url") or f"/{language}/")
        blocks.append(sd.breadcrumbs([(site_name, home_url), (title, url)]))
    og = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:url", url),
        ("og:description", description),
        ("og:locale", to_locale(language)),
    ]
    return {
        "canonical": url,
        "description": description,
        "og": og,
        "title": title,
        "json_ld": [mark_safe(sd.json_for_script(block)) for block in blocks],
    }


@register.inclusion_tag("syndication/feed_links.html", takes_context=True)
def feed_links(context) -> dict:
    """Site-wide feeds on every page, plus the page's own (section, tag, author) where it has one."""
    language = get_language()
    base = f"/{language}/feeds/"
    links = [(gettext("All articles"), f"{base}rss.xml", f"{base}atom.xml")]
    page = context.get("page")
    scope = None
    if context.get("tag") is not None:
        scope = ("tag", context["tag"].slug, context["tag"].name)
    elif context.get("author") is not None:
        scope = ("author", context["author"].slug, context["author"].display_name)
    elif page is not None and page.specific_class.__name__ == "SectionPage":
        scope = ("section", page.slug, page.title)
    elif page is not None and page.specific_class.__name__ == "ArticlePage" and page.pk:
        parent = page.get_parent()
        scope = ("section", parent.slug, parent.title)
    if scope:
        kind, slug, name = scope
        links.append((name, f"{base}{kind}/{slug}/rss.xml", f"{base}{kind}/{slug}/atom.xml"))
    return {"links": links}
