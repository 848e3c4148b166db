"""The newsletter's background work, run by the task worker (`manage.py db_worker`)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from newsletter import subscriptions
from newsletter.models import Issue
from newsletter.sending import owner_is_dead, run_slice

logger = logging.getLogger("newsletter")

# A queued slice that has not started this long after it was due is taken to be lost.
WAKE_GRACE = timedelta(minutes=5)
# Ahead of the bulk of the queue (index updates, suggestions, posts after a big import): a reader
# waits for the confirmation mail, and an issue is due at its time. A send yields the worker
# between slices, so it never holds the others back for long.
CONFIRMATION_PRIORITY = 20
SEND_PRIORITY = 10


def queue_send(issue_id: int, delay: float = 0) -> None:
    """Queue one slice of an issue's send (now, or in `delay` seconds)."""
    if delay > 0:
        send_issue.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(issue_id)
    else:
        send_issue.enqueue(issue_id)


@task(priority=SEND_PRIORITY)
def send_issue(issue_id: int) -> dict:
    """One slice of an issue's send; it queues the next one itself until the issue is sent."""
    report = run_slice(issue_id, on_continue=lambda seconds: queue_send(issue_id, seconds))
    return {"issue": issue_id, "state": report.state, "sent": report.sent, "counts": report.counts}


@task()
def resume_sends() -> dict:
    """Every minute (scheduling/jobs.py): start scheduled issues that are due and pick up sends
    whose sender stopped (killed, restarted) without queueing the next slice."""
    now = timezone.now()
    due = list(
        Issue.objects.filter(status=Issue.Status.SCHEDULED, send_at__lte=now)
        .filter(Q(wake_at__isnull=True) | Q(wake_at__lt=now - WAKE_GRACE))
        .values_list("pk", flat=True)
    )
    stalled = []
    for pk, owner, until, wake_at in Issue.objects.filter(status=Issue.Status.SENDING).values_list(
        "pk", "lease_owner", "lease_until", "wake_at"
    ):
        held = owner and until and until >= now and not owner_is_dead(owner)
        waiting = wake_at is not None and wake_at >= now - WAKE_GRACE
        if not held and not waiting:
            stalled.append(pk)
    for pk in due + stalled:
        Issue.objects.filter(pk=pk).update(wake_at=now)
        queue_send(pk)
    if stalled:
        logger.warning("newsletter: resuming the send of issue(s) %s", stalled)
    return {"started": due, "resumed": stalled}


@task(priority=CONFIRMATION_PRIORITY)
def send_confirmation(subscriber_id: int, token: str, attempt: int = 1) -> str:
    """The double opt-in mail for one request (at most once per token)."""
    return subscriptions.mail_confirmation(subscriber_id, token, attempt, retry=_retry_confirmation)


def _retry_confirmation(subscriber_id: int, token: str, attempt: int, delay: float) -> None:
    send_confirmation.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        subscriber_id, token, attempt
    )
