from django import template
from django.utils.translation import get_language

from translit.script import LANGUAGE, requested_script, script_links, uzbek_enabled

register = template.Library()


@register.simple_tag(takes_context=True)
def uzbek_script_links(context) -> list[dict]:
    """Latin/Cyrillic links for an Uzbek page; empty elsewhere."""
    request = context.get("request")
    if request is None or get_language() != LANGUAGE or not uzbek_enabled():
        return []
    return script_links(request.path, requested_script(request))
