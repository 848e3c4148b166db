from django import template
from django.utils.translation import get_language

from readership.queries import most_read

register = template.Library()


def _locale_id(context) -> int | None:
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale_id
    from wagtail.models import Locale

    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


@register.inclusion_tag("readership/most_read.html", takes_context=True)
def most_read_list(context):
    locale_id = _locale_id(context)
    return {"most_read": most_read(locale_id) if locale_id else [], "LANGUAGE_CODE": get_language()}


@register.inclusion_tag("readership/beacon.html", takes_context=True)
def view_beacon(context, page):
    request = context.get("request")
    preview = getattr(request, "is_preview", False) if request is not None else False
    return {"page_id": page.pk if page is not None and not preview else None}
