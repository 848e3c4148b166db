from django import template

from mirror.conf import label, mirror_urls, onion_base

register = template.Library()


@register.inclusion_tag("mirror/links.html")
def mirror_links() -> dict:
    """The footer's other addresses of the site: its mirrors and its onion service."""
    onion = onion_base()
    return {
        "mirrors": [{"url": url, "label": label(url)} for url in mirror_urls()],
        "onion": {"url": onion + "/", "label": label(onion)} if onion else None,
    }
