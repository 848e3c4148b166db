"""Template helpers: the site chrome (navigation, footer), localised dates, image markup."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date, format_datetime, format_timedelta
from django import template
from django.utils import timezone
from django.utils.translation import get_language, to_locale

from news.chrome import chrome_for_locale

register = template.Library()


def babel_locale() -> str:
    return to_locale(get_language() or "en")


@register.filter
def local_date(value: datetime | None, fmt: str = "long") -> str:
    """ "25 February 2025" / "25 февраля 2025 г." per the reader's language (CLDR via Babel)."""
    if not value:
        return ""
    return format_date(timezone.localtime(value).date(), format=fmt, locale=babel_locale())


@register.filter
def local_datetime(value: datetime | None, fmt: str = "medium") -> str:
    if not value:
        return ""
    return format_datetime(timezone.localtime(value), format=fmt, locale=babel_locale())


@register.filter
def time_ago(value: datetime | None, now: datetime | None = None) -> str:
    """ "3 hours ago" / "3 часа назад" / "3 soat oldin" (CLDR via Babel), for the last two days.

    Cached pages (10 minutes at most, purged on publish) may lag by a few minutes.
    Older times return "" so templates show only the absolute date.
    """
    if not value:
        return ""
    delta = value - (now or timezone.now())
    if abs(delta.total_seconds()) > 2 * 86400:
        return ""
    return format_timedelta(
        delta, granularity="minute", threshold=1.5, add_direction=True, format="long", locale=babel_locale()
    )


@register.filter
def iso(value: datetime | None) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=get_language()).first()
        locale_id = locale.pk if locale else None
    return chrome_for_locale(locale_id)


@register.simple_tag(takes_context=True)
def language_alternates(context) -> dict:
    """The switcher's entries and the hreflang links for the current page."""
    from news.languages import alternates, x_default

    page = context.get("page")
    request = context.get("request")
    sub_path = ""
    if page is not None and request is not None and getattr(page, "_routed", False):
        # A routable sub-page (author, tag): the same route under each language's home.
        page_url = page.url or ""
        sub_path = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
    if page is None and request is not None:
        # A Django view inside the language prefixes (e.g. /en/fx/): the same path in each language.
        from news.languages import same_path_alternates

        entries = same_path_alternates(request.path)
    else:
        # A tag or author page exists only where it lists articles (HomePage.listing_languages).
        entries = alternates(page, sub_path, context.get("listing_languages") if sub_path else None)
    return {"entries": entries, "x_default": x_default(entries)}


@register.simple_tag
def correction_anchor(correction, position: int = 0) -> str:
    """The id of a correction on its article page, as the corrections page links to it."""
    from news.corrections import anchor

    return anchor(correction, position)
