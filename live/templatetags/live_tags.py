"""The live page's head: canonical URL, Open Graph, JSON-LD LiveBlogPosting and breadcrumbs."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale

from live import structured_data as live_sd
from live.entries import anchor, localised_author
from news.renditions import SOCIAL_RENDITION, STRUCTURED_DATA_RENDITIONS
from syndication import structured_data as sd
from syndication.templatetags.syndication_tags import _absolute, _logo, _origin, _site_name

register = template.Library()

# An entry's text in the structured data: enough to say what it reports, not the whole of it.
BODY_CHARACTERS = 500


@register.inclusion_tag("syndication/head.html", takes_context=True)
def live_head(context) -> dict:
    request, page = context["request"], context["page"]
    url = page.get_full_url(request) if page.pk else request.build_absolute_uri()
    language = get_language()
    images, social = [], None
    if page.lead_image:
        images = [
            _absolute(request, page.lead_image.get_rendition(spec).url) for spec in STRUCTURED_DATA_RENDITIONS
        ]
        rendition = page.lead_image.get_rendition(SOCIAL_RENDITION)
        social = {"url": _absolute(request, rendition.url), "width": rendition.width,
                  "height": rendition.height, "alt": page.lead_image.default_alt_text}  # fmt: skip
    updates = []
    for position, entry in enumerate(page.entry_list):
        author = localised_author(entry, language)
        image = _absolute(request, entry.image.get_rendition("width-800").url) if entry.image else None
        updates.append(
            live_sd.blog_posting(
                url=f"{url}#{anchor(entry, position)}",
                headline=entry.headline,
                body=entry.text[:BODY_CHARACTERS],
                published=entry.posted_at,
                author=author.display_name if author else None,
                image=image,
            )
        )
    site_name = _site_name(request)
    ended = not page.is_live_coverage
    json_ld = live_sd.live_blog_posting(
        url=url,
        headline=page.title,
        description=page.standfirst,
        images=images,
        published=page.started_at,
        modified=page.updated_at,
        coverage_start=page.started_at,
        coverage_end=page.ended_at if ended else None,
        publisher=sd.organization(site_name, _origin(request), _logo(request)),
        language=language,
        updates=updates,
    )
    og = sd.open_graph_article(
        title=page.title,
        description=page.standfirst,
        url=url,
        image=social,
        locale=to_locale(language),
        site_name=site_name,
        published=page.started_at,
        modified=page.updated_at,
        author_urls=[],
        section="",
        tags=[],
    )
    blocks = [json_ld]
    parent = page.get_parent() if page.pk else None
    home_url = _absolute(request, context.get("home_url", "/"))
    if parent is not None and parent.specific_class.__name__ != "HomePage":
        trail = [(site_name, home_url), (parent.title, url[: url.rstrip("/").rfind("/") + 1])]
        blocks.append(sd.breadcrumbs([*trail, (page.title, url)]))
    return {
        "canonical": url,
        "description": page.search_description or page.standfirst,
        "og": og,
        "twitter_image": social,
        "title": page.title,
        "json_ld": [mark_safe(sd.json_for_script(block)) for block in blocks],
    }
