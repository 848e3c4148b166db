"""Taking an article down and reversing it: the one place both happen (admin views, demo, tests).

A takedown is an unpublish plus a kept row: unpublishing sends Wagtail's page_unpublished signal,
which already takes the article out of search, feeds, sitemaps, suggestions, most read, the page
cache, nginx/CDN caches (purge) and Telegram. The row makes its address answer 410 and keeps the
address from being reused.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Site

from takedown.models import Takedown

TAKE_DOWN = "takedown.take_down"
REVERSE = "takedown.reverse"
REASON_MAX = 4000


class TakedownError(Exception):
    """Said to the editor as it is: why this takedown or reversal cannot be done."""


def can_take_down(user) -> bool:
    return user.has_perm("takedown.add_takedown")


def can_reverse(user) -> bool:
    return user.has_perm("takedown.reverse_takedown")


def active_takedown(page_id: int) -> Takedown | None:
    return Takedown.objects.active().filter(page_id=page_id).first()


def clean_reason(reason: str) -> str:
    reason = (reason or "").replace("\x00", "").strip()
    if not reason:
        raise TakedownError(_("Give the reason for the takedown (kept internal)."))
    if len(reason) > REASON_MAX:
        raise TakedownError(_("The reason is too long (at most %(max)d characters).") % {"max": REASON_MAX})
    return reason


def take_down(page: Page, user, reason: str) -> Takedown:
    """Unpublish a live article for legal reasons; from now on its address answers 410 Gone."""
    from news.models import ArticlePage

    reason = clean_reason(reason)
    page = Page.objects.get(pk=page.pk).specific  # as stored, not as the caller's copy has it
    if not isinstance(page, ArticlePage):
        raise TakedownError(_("Only articles can be taken down."))
    if active_takedown(page.pk):
        raise TakedownError(_("This article is already taken down."))
    if not page.live:
        raise TakedownError(_("Only a published article can be taken down."))
    parts = page.get_url_parts()
    if parts is None:
        raise TakedownError(_("This article has no public address."))
    site_id, _root, address = parts
    with transaction.atomic():
        takedown = Takedown.objects.create(
            page=page,
            revision=page.live_revision,
            title=page.title,
            site=Site.objects.filter(pk=site_id).first(),
            url=address,
            url_path=page.url_path,
            language=page.locale.language_code,
            reason=reason,
            taken_down_by=user,
        )
        # Wagtail's own unpublish: its signals do the rest (see the module docstring); it also
        # cancels a scheduled publish of a newer revision.
        UnpublishPageAction(page, user=user, log_action=False, include_descendants=False).execute(
            skip_permission_checks=True
        )
        # The reason stays out of the log, which everyone who can edit the page may read.
        log(instance=page, action=TAKE_DOWN, user=user, data={"takedown": takedown.pk, "url": address})
    return takedown


def reverse(takedown: Takedown, user) -> Page:
    """Publish again the revision that was live when the article was taken down."""
    if not takedown.active:
        raise TakedownError(_("This takedown has already been reversed."))
    page = takedown.page.specific if takedown.page_id else None
    if page is None:
        raise TakedownError(_("The article was deleted: there is nothing to publish again."))
    revision = takedown.revision or page.latest_revision
    if revision is None:
        raise TakedownError(_("The article has no revision to publish again."))
    with transaction.atomic():
        # Reversed first: the publish below must not be mistaken for a way round the takedown.
        takedown.reversed_at = timezone.now()
        takedown.reversed_by = user
        takedown.save(update_fields=["reversed_at", "reversed_by"])
        revision.publish(user=user, log_action=False, skip_permission_checks=True)
        page.refresh_from_db()
        log(instance=page, action=REVERSE, user=user, data={"takedown": takedown.pk, "url": takedown.url})
    return page


def blocking_takedown(url_path: str, page_id: int | None = None) -> Takedown | None:
    """The active takedown whose tree path another page would take (None: the path is free)."""
    queryset = Takedown.objects.active().filter(url_path=url_path)
    if page_id is not None:
        queryset = queryset.exclude(page_id=page_id)
    return queryset.first()


def taken_down_address(site: Site | None, path: str) -> Takedown | None:
    """The active takedown of this public address on this site, if any."""
    if "\x00" in path:  # no stored address holds NUL, and PostgreSQL refuses it in a query
        return None
    queryset = Takedown.objects.active().filter(url=path)
    if site is not None:
        queryset = queryset.filter(site__in=[site]) | queryset.filter(site__isnull=True)
    return queryset.first()
