"""Embargo: before an article's embargo time nothing makes it public.

One rule, checked where an article would go live (ArticlePage.publish and ArticlePage.save), so
every path meets it: the Publish button, the page action menu, bulk actions, a moderation
workflow's approval, Wagtail's scheduled publishing, imports and code. The admin refuses earlier,
with a message (news.embargo_admin); the model's check is what holds when a path is missed.

Which embargo counts: the latest of the page row's, the revision being published and the page's
newest revision. A draft saved later with a later embargo therefore also holds a version that was
scheduled before it; lifting an embargo is a deliberate edit (clear the field, then publish).
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext

log = logging.getLogger(__name__)

# Wagtail's publish_scheduled passes this log action; such a publish waits instead of failing.
SCHEDULED = "wagtail.publish.scheduled"


class EmbargoError(PermissionDenied):
    """Publishing refused: the article is under embargo. A 403 if it ever reaches a view."""


def as_datetime(value: datetime | str | None) -> datetime | None:
    """A datetime from a page field or from a revision's JSON content (an ISO string)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    parsed = parse_datetime(value)
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def latest(*times: datetime | None) -> datetime | None:
    known = [t for t in times if t is not None]
    return max(known) if known else None


def revision_field(revision, name: str) -> datetime | None:
    return as_datetime((revision.content or {}).get(name)) if revision is not None else None


def held_until(page, revision=None) -> datetime | None:
    """The embargo that applies to publishing `revision` of `page` (see the module's docstring)."""
    newest = None
    latest_id = getattr(page, "latest_revision_id", None)
    if latest_id and (revision is None or latest_id != revision.pk):
        newest = page.latest_revision
    return latest(
        getattr(page, "embargo", None),
        revision_field(revision, "embargo"),
        revision_field(newest, "embargo"),
    )


def local_time(moment: datetime) -> str:
    """The time as the current user reads it: their language's format, the active time zone."""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def refusal(page, revision=None, now: datetime | None = None) -> str | None:
    """Why publishing `revision` of `page` now must not happen, or None when it may.

    Publishing with a go-live time at or after the embargo is allowed: that only schedules it.
    """
    now = now or timezone.now()
    until = held_until(page, revision)
    if until is None or until <= now:
        return None
    # What publishing will act on: the revision's own go-live time (Wagtail publishes its copy).
    if revision is not None:
        go_live = revision_field(revision, "go_live_at")
    else:
        go_live = getattr(page, "go_live_at", None)
    if go_live is not None and go_live > now:
        if go_live >= until:
            return None
        return go_live_refusal(go_live, until)
    return gettext(
        "This article is embargoed until %(time)s, so it was not published. Your changes are "
        "saved as a draft. To have it published when the embargo ends, set its go-live time "
        "(Set schedule) to %(time)s or later, then publish."
    ) % {"time": local_time(until)}


def go_live_refusal(go_live: datetime, until: datetime) -> str:
    return gettext(
        "The go-live time (%(go_live)s) is before the embargo (%(time)s): set it to the embargo "
        "time or later."
    ) % {"go_live": local_time(go_live), "time": local_time(until)}


def holds(page, now: datetime | None = None) -> bool:
    """Whether the page's own embargo field is still in the future."""
    embargo = getattr(page, "embargo", None)
    return bool(embargo and embargo > (now or timezone.now()))


def check_publish(page, revision, log_action) -> bool:
    """Called by ArticlePage.publish: True to go ahead.

    A scheduled publish that meets an embargo waits (returns False): its revision keeps its
    approved go-live time, so the first scheduler run after the embargo ends publishes it.
    Every other caller gets EmbargoError.
    """
    reason = refusal(page, revision)
    if reason is None:
        return True
    if log_action == SCHEDULED:
        log.info("scheduled publish held by embargo: page %s until %s", page.pk, held_until(page, revision))
        return False
    raise EmbargoError(reason)


def check_save(page, update_fields) -> None:
    """Called by ArticlePage.save: a live row never carries an embargo in the future."""
    if update_fields is not None and not {"live", "embargo"} & set(update_fields):
        return  # e.g. save_revision of a live page: the row's own fields do not change
    if page.live and holds(page) and page._state.adding:
        # Wagtail's create view inserts the row as live before it publishes the first revision:
        # a new embargoed article starts as a draft instead (and the publish is then refused).
        page.live = False
        return
    if page.live and holds(page):
        raise EmbargoError(
            gettext("This article is embargoed until %(time)s and cannot be made public.")
            % {"time": local_time(page.embargo)}
        )


def finish_workflow(workflow_state, user=None) -> None:
    """WAGTAIL_FINISH_WORKFLOW_ACTION: a moderation workflow's final approval publishes.

    An approval cannot be refused once given (Wagtail has already recorded it), so an embargoed
    article's approved version is scheduled for the embargo's end instead of published now.
    """
    from wagtail.workflows import publish_workflow_state

    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    revision = obj.get_latest_revision()
    if revision is None or not hasattr(obj, "embargo") or refusal(obj, revision) is None:
        publish_workflow_state(workflow_state, user=user)
        return
    schedule_at_embargo(obj, revision, user=user)


def schedule_at_embargo(page, revision, user=None) -> datetime:
    """Schedule `revision` for when the embargo ends (the scheduler publishes it then)."""
    from wagtail.log_actions import log as audit_log
    from wagtail.utils.timestamps import ensure_utc

    until = held_until(page, revision)
    go_live = latest(until, revision_field(revision, "go_live_at"))
    revision.approved_go_live_at = go_live
    # The version's own go-live too, so the edit page's status panel shows the time.
    revision.content = {**revision.content, "go_live_at": go_live.isoformat()}
    revision.save(update_fields=["approved_go_live_at", "content"])
    page.revisions.exclude(pk=revision.pk).update(approved_go_live_at=None)
    audit_log(
        instance=page,
        action="wagtail.publish.schedule",
        user=user,
        revision=revision,
        data={
            "revision": {
                "id": revision.pk,
                "created": ensure_utc(revision.created_at),
                "go_live_at": ensure_utc(go_live),
                "has_live_version": page.live,
            }
        },
    )
    return go_live
