"""Setting and clearing a language's banner: the one place both happen (admin views, tests).

Each change is logged in Wagtail's audit log (Reports → Site history) and, once committed,
reaches readers at once: the cached banner is rewritten, the language's cached pages are retired
(news.cache page generation: only that language's) and its nginx/CDN copies purged
(breaking.purge). The expiry needs no action to be exact in the app (pages showing a banner are
cached until its expiry only, pagecache.middleware.fresh_until); a task deferred to the expiry
purges nginx/CDN copies too, since nginx may answer once from an expired copy while it refetches.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from breaking.banner import read_from_database, store
from breaking.models import TEXT_MAX, BreakingNews
from news.cache import bump_page_generation

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

logger = logging.getLogger("steppe.breaking")

SET = "breaking.set"
CLEAR = "breaking.clear"
EXPIRE = "breaking.expire"
PERMISSION = "breaking.manage_breakingnews"
# A banner is for news that is breaking now: a typo in the year must not pin one for months.
LONGEST = timedelta(days=7)


class BannerError(Exception):
    """Said to the editor as it is: why this banner cannot be set or cleared."""


def can_manage(user: AbstractBaseUser | None) -> bool:
    return bool(user and user.has_perm(PERMISSION))


def problems(
    text: str, link_url: str, link_page: Page | None, expires_at: datetime | None, now: datetime
) -> dict[str, str]:
    """What is wrong with a banner, by field ({} when nothing is)."""
    found = {}
    text = (text or "").strip()
    if not text:
        found["text"] = _("Write the banner's text.")
    elif len(text) > TEXT_MAX:
        found["text"] = _("At most %(max)d characters (this has %(count)d).") % {
            "max": TEXT_MAX,
            "count": len(text),
        }
    elif "\n" in text or "\r" in text:
        found["text"] = _("One line only.")
    if link_url and link_page is not None:
        found["link_url"] = _("Give a page or an address, not both.")
    elif link_url and (urlsplit(link_url).scheme not in ("http", "https") or not urlsplit(link_url).netloc):
        found["link_url"] = _("The address must start with https:// or http://.")
    elif link_page is not None and not link_page.live:
        found["link_page"] = _("That page is not published: readers could not open it.")
    if expires_at is None:
        found["expires_at"] = _("Say when the banner comes down.")
    elif expires_at <= now:
        found["expires_at"] = _("The expiry must be in the future.")
    elif expires_at > now + LONGEST:
        found["expires_at"] = _("At most %(days)d days from now.") % {"days": LONGEST.days}
    return found


def current(locale: Locale) -> BreakingNews | None:
    return BreakingNews.objects.current().filter(locale=locale).select_related("link_page").first()


def set_banner(
    locale: Locale,
    user: AbstractBaseUser | None,
    text: str,
    expires_at: datetime,
    link_url: str = "",
    link_page: Page | None = None,
) -> BreakingNews:
    """Put up the language's banner (replacing the one up, if any)."""
    text = (text or "").strip()
    link_url = (link_url or "").strip()
    found = problems(text, link_url, link_page, expires_at, timezone.now())
    if found:
        raise BannerError(" ".join(found.values()))
    try:
        with transaction.atomic():
            # Locks the language's uncleared row, so two editors setting at once cannot both win.
            for previous in BreakingNews.objects.select_for_update().filter(
                locale=locale, cleared_at__isnull=True
            ):
                _take_down(previous, user, replaced=True)
            banner = BreakingNews.objects.create(
                locale=locale, text=text, link_url=link_url, link_page=link_page,
                expires_at=expires_at, created_by=user,
            )  # fmt: skip
            log(
                instance=banner,
                action=SET,
                user=user,
                data={"language": locale.language_code, "text": text, "expires_at": expires_at.isoformat()},
            )
            transaction.on_commit(lambda: retire(locale.language_code))
            transaction.on_commit(lambda: schedule_expiry(banner))
    except IntegrityError as error:  # another editor's banner committed first
        raise BannerError(
            _("Another editor has just set this language's banner: reload and try again.")
        ) from error
    return banner


def _take_down(banner: BreakingNews, user: AbstractBaseUser | None, replaced: bool = False) -> None:
    banner.cleared_at = timezone.now()
    banner.cleared_by = user
    banner.save(update_fields=["cleared_at", "cleared_by"])
    if banner.expires_at > banner.cleared_at:  # an expired banner was logged when it expired
        log(
            instance=banner, action=CLEAR, user=user, data={"language": banner.language, "replaced": replaced}
        )


def clear_banner(locale: Locale, user: AbstractBaseUser | None) -> BreakingNews:
    """Take the language's banner down now."""
    with transaction.atomic():
        banner = (
            BreakingNews.objects.select_for_update()
            .filter(locale=locale, cleared_at__isnull=True, expires_at__gt=timezone.now())
            .first()
        )
        if banner is None:
            raise BannerError(_("There is no banner up in this language."))
        _take_down(banner, user)
        transaction.on_commit(lambda: retire(locale.language_code))
    return banner


def retire(language: str) -> None:
    """After a change: the new banner (or none) in the cache, the language's cached pages retired,
    its nginx/CDN copies purged."""
    from breaking.purge import purge_language

    store(language, read_from_database(language))
    bump_page_generation(language)
    purge_language(language)


def schedule_expiry(banner: BreakingNews) -> None:
    from django_tasks import default_task_backend

    from breaking.tasks import expire_banner

    if not default_task_backend.supports_defer:
        # The immediate backend (tests, some set-ups) cannot wait: pages still stop at the expiry.
        logger.info("breaking: the task backend cannot defer; no purge at the expiry of %s", banner.pk)
        return
    expire_banner.using(run_after=banner.expires_at).enqueue(banner.pk)


def expire(banner_id: int) -> str:
    """At the expiry (a deferred task): log it, and purge nginx/CDN copies of the language."""
    banner = BreakingNews.objects.select_related("locale").filter(pk=banner_id).first()
    if banner is None or banner.cleared_at is not None:
        return "cleared before its expiry"
    if banner.expires_at > timezone.now():  # run early (clocks apart): wait for it
        schedule_expiry(banner)
        return "not yet"
    with transaction.atomic():
        banner.cleared_at = banner.expires_at
        banner.save(update_fields=["cleared_at"])
        log(instance=banner, action=EXPIRE, user=None, data={"language": banner.language})
    retire(banner.language)
    return f"expired; {banner.language} purged"
