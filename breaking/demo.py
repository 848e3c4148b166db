"""The demo newsroom's banner, so a newcomer sees one: English, up for the longest time allowed."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from wagtail.models import Locale

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

DEMO_TEXT = (
    "Demo content: this is the breaking-news banner. Editors set it in the admin; "
    "this one comes down by itself after 7 days."
)


def load_demo_banner(language: str = "en", user: AbstractBaseUser | None = None) -> str | None:
    """Put up the demo banner in `language`; its text, or None when a banner is up already (a
    demo loaded twice, or an editor's own banner: never replaced)."""
    from breaking.actions import LONGEST, current, set_banner

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or current(locale) is not None:
        return None
    # A minute short of the longest, so the check made a moment later still allows it.
    expires_at = timezone.now() + LONGEST - timedelta(minutes=1)
    return set_banner(locale, user, DEMO_TEXT, expires_at).text
