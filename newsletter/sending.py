"""Sending an issue: in slices, at a steady rate, resumable, and at most once per subscriber.

How a send survives a crash, a restart or a dropped connection:

- **Freezing.** The first slice renders the issue once and creates one Delivery row per recipient
  (the active subscribers of its language and edition at that moment), in the same transaction
  that marks it ``sending``. A resumed send mails the same content to the same list.
- **Claim, send, record.** Each delivery is claimed (``pending`` → ``sending``) and committed
  *before* its message is handed to the SMTP server, and marked ``sent`` after the server accepted
  it. A claim succeeds only from ``pending``, so no two senders (or runs) ever take the same row.
  A process killed between the claim and the record leaves ``sending``; the next slice turns it
  into ``unknown`` and never sends it again: the server may have taken it, and the rule is that
  nobody gets an issue twice. The price is at most one message lost per crash (the one in flight).
- **Errors the server makes certain** (refused at RCPT, an error answer to DATA, a connection
  dropped before DATA) send the row back to ``pending`` for a later slice (up to MAX_ATTEMPTS) or
  mark it ``failed``; a dropped connection during DATA is ``unknown`` (newsletter.mailer).
- **Slices and the lease.** One slice sends for at most STEPPE_NEWSLETTER_SLICE_SECONDS, then
  queues the next slice and returns, so the task worker runs other jobs in between. An issue is
  held by one sender at a time through a lease (owner and expiry on the Issue row), renewed while
  it sends; a killed sender's lease is taken over when it expires, or at once when its process on
  this host is gone. The scheduler's ``newsletter_resume`` job queues issues whose sender vanished.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from newsletter import editions
from newsletter.compose import RenderedMail, issue_message, list_id_for
from newsletter.content import IssueNotReady, absolute, render, site_host, site_name
from newsletter.mailer import Mailer, Outcome, ServerUnavailable
from newsletter.models import Delivery, Issue, Subscriber

logger = logging.getLogger("newsletter")

MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class SendSettings:
    rate: float  # messages a second; 0 = as fast as the server takes them
    batch_size: int  # messages per SMTP connection
    batch_pause: float  # seconds between two connections
    slice_seconds: float  # how long one task sends before it queues the next slice
    lease_seconds: float  # how long a silent sender keeps the issue
    retry_seconds: float = 60.0  # when deliveries wait for a retry, or the server was unavailable

    @classmethod
    def from_settings(cls) -> SendSettings:
        return cls(
            rate=settings.STEPPE_NEWSLETTER_RATE,
            batch_size=settings.STEPPE_NEWSLETTER_BATCH_SIZE,
            batch_pause=settings.STEPPE_NEWSLETTER_BATCH_PAUSE,
            slice_seconds=settings.STEPPE_NEWSLETTER_SLICE_SECONDS,
            lease_seconds=settings.STEPPE_NEWSLETTER_LEASE_SECONDS,
            retry_seconds=settings.STEPPE_NEWSLETTER_RETRY_SECONDS,
        )


@dataclass
class SliceReport:
    issue_id: int
    state: str  # sent | continue | retry later | server unavailable | busy | not due | not ready | <status>
    sent: int = 0  # messages this slice handed over
    again_in: float | None = None  # seconds until the next slice should run, when one should
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


# -- the lease --------------------------------------------------------------------------------


def new_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"[:128]


def owner_is_dead(owner: str) -> bool:
    """True for a lease taken by a process of this host that no longer exists (a killed worker)."""
    host, _sep, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def acquire_lease(issue_id: int, owner: str, now: datetime, seconds: float) -> bool:
    until = now + timedelta(seconds=seconds)
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now) | Q(lease_owner=owner)
    if Issue.objects.filter(free, pk=issue_id).update(lease_owner=owner, lease_until=until):
        return True
    holder = Issue.objects.filter(pk=issue_id).values_list("lease_owner", flat=True).first()
    if holder and owner_is_dead(holder):
        logger.warning("newsletter: issue %s: taking over from %s, which is gone", issue_id, holder)
        return bool(
            Issue.objects.filter(pk=issue_id, lease_owner=holder).update(lease_owner=owner, lease_until=until)
        )
    return False


def renew_lease(issue_id: int, owner: str, seconds: float) -> bool:
    until = timezone.now() + timedelta(seconds=seconds)
    return bool(Issue.objects.filter(pk=issue_id, lease_owner=owner).update(lease_until=until))


def release_lease(issue_id: int, owner: str) -> None:
    Issue.objects.filter(pk=issue_id, lease_owner=owner).update(lease_owner="", lease_until=None)


# -- freezing ---------------------------------------------------------------------------------


def recipients(issue: Issue):
    return Subscriber.objects.filter(
        status=Subscriber.Status.ACTIVE,
        language=issue.language,
        editions__contains=editions.contains_pattern(issue.edition),
    )


def freeze(issue: Issue, now: datetime) -> int:
    """Render the issue and list its recipients, once; how many deliveries it has."""
    rendered, story_count = render(issue, now)  # IssueNotReady goes up to the caller
    with transaction.atomic():
        if not Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(
            status=Issue.Status.SENDING,
            started_at=now,
            frozen_subject=rendered.subject,
            frozen_html=rendered.html,
            frozen_text=rendered.text,
            frozen_articles=story_count,
            last_error="",
        ):
            return Delivery.objects.filter(issue=issue).count()  # someone else froze it
        ids = list(recipients(issue).order_by("pk").values_list("pk", flat=True))
        Delivery.objects.bulk_create(
            (Delivery(issue_id=issue.pk, subscriber_id=pk) for pk in ids),
            batch_size=500,
            ignore_conflicts=True,
        )
    logger.info("newsletter: issue %s frozen: %d stories, %d recipients", issue.pk, story_count, len(ids))
    return len(ids)


def delivery_counts(issue_id: int) -> dict[str, int]:
    rows = Delivery.objects.filter(issue_id=issue_id).values("status").annotate(n=Count("id")).order_by()
    counts = {status: 0 for status in Delivery.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


# -- one slice --------------------------------------------------------------------------------


@dataclass
class _Context:
    issue: Issue
    rendered: RenderedMail
    from_email: str
    list_id: str
    mailto: str
    unsubscribe_paths: dict[str, str] = field(default_factory=dict)  # language -> URL with TOKEN

    def unsubscribe_url(self, subscriber: Subscriber) -> str:
        # The URL in the subscriber's own language, made once per language, not once per message.
        if subscriber.language not in self.unsubscribe_paths:
            self.unsubscribe_paths[subscriber.language] = absolute(
                subscriber.language, "newsletter-unsubscribe", "TOKEN"
            )
        return self.unsubscribe_paths[subscriber.language].replace("TOKEN", subscriber.unsubscribe_token)

    def message(self, subscriber: Subscriber):
        return issue_message(
            self.rendered,
            to=subscriber.email,
            unsubscribe_url=self.unsubscribe_url(subscriber),
            from_email=self.from_email,
            list_id=self.list_id,
            mailto=self.mailto,
        )


def _claim(delivery: Delivery) -> bool:
    """pending → sending, committed before SMTP; False when not pending or no longer subscribed."""
    claimed = Delivery.objects.filter(
        pk=delivery.pk, status=Delivery.Status.PENDING, subscriber__status=Subscriber.Status.ACTIVE
    ).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SKIPPED
        )
    return bool(claimed)


def _record(delivery: Delivery, status: str, error: str = "") -> None:
    # From "sending", or "unknown" if a newer slice already judged this sender dead (it was not).
    Delivery.objects.filter(
        pk=delivery.pk, status__in=[Delivery.Status.SENDING, Delivery.Status.UNKNOWN]
    ).update(status=status, error=error[:300])


class _Outcomes:
    """The last message's outcome, held to be written in the same transaction as the next claim
    (one commit a message instead of two). Crash-wise nothing changes: the outcome is written after
    the server's answer either way, and a crash before it leaves the row "sending" (unknown)."""

    def __init__(self) -> None:
        self.waiting: tuple[Delivery, str, str] | None = None

    def hold(self, delivery: Delivery, status: str, error: str = "") -> None:
        self.write()
        self.waiting = (delivery, status, error)

    def write(self) -> None:
        if self.waiting is not None:
            _record(*self.waiting)
            self.waiting = None


def run_slice(
    issue_id: int,
    *,
    conf: SendSettings | None = None,
    mailer_factory: Callable[[], Mailer] = Mailer,
    on_continue: Callable[[float], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> SliceReport:
    """Send what one slice may of an issue that is due; `on_continue(seconds)` queues the next
    slice (called in the transaction that releases the lease, so a crash cannot lose it)."""
    conf = conf or SendSettings.from_settings()
    owner = new_owner()
    now = timezone.now()
    if not acquire_lease(issue_id, owner, now, conf.lease_seconds):
        if not Issue.objects.filter(pk=issue_id).exists():
            return SliceReport(issue_id, "missing")
        return SliceReport(issue_id, "busy")
    report = SliceReport(issue_id, "")
    try:
        report = _slice(issue_id, owner, now, conf, mailer_factory, clock, sleep)
    finally:
        with transaction.atomic():
            release_lease(issue_id, owner)
            Issue.objects.filter(pk=issue_id).update(
                wake_at=(timezone.now() + timedelta(seconds=report.again_in))
                if report.again_in is not None
                else None
            )
            if report.again_in is not None and on_continue is not None:
                on_continue(report.again_in)
    report.counts = delivery_counts(issue_id)
    return report


def _slice(issue_id, owner, now, conf, mailer_factory, clock, sleep) -> SliceReport:
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None:  # deleted in the admin meanwhile (its deliveries with it)
        return SliceReport(issue_id, "missing")
    if issue.status == Issue.Status.SCHEDULED:
        if issue.send_at and issue.send_at > now:
            return SliceReport(issue_id, "not due")
        try:
            freeze(issue, now)
        except IssueNotReady as problem:
            # Nothing was sent: back to draft, with the reason on the issue for the editor.
            Issue.objects.filter(pk=issue_id, status=Issue.Status.SCHEDULED).update(
                status=Issue.Status.DRAFT, send_at=None, last_error=str(problem)
            )
            logger.warning("newsletter: issue %s not sent: %s", issue_id, problem)
            return SliceReport(issue_id, "not ready", error=str(problem))
        issue.refresh_from_db()
    if issue.status != Issue.Status.SENDING:
        return SliceReport(issue_id, issue.status)

    # Rows a previous sender claimed and never recorded: it stopped while handing them over.
    lost = Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.UNKNOWN, error="the sender stopped while handing it to the mail server"
    )
    if lost:
        logger.warning(
            "newsletter: issue %s: %d deliveries of a stopped sender are not sent again", issue_id, lost
        )

    context = _Context(
        issue=issue,
        rendered=RenderedMail(issue.frozen_subject, issue.frozen_html, issue.frozen_text),
        from_email=settings.DEFAULT_FROM_EMAIL,
        list_id=list_id_for(site_name(issue.language), site_host(), issue.language),
        mailto=settings.STEPPE_NEWSLETTER_UNSUBSCRIBE_MAILTO,
    )
    started = clock()
    deadline = started + conf.slice_seconds
    renew_every = max(min(conf.lease_seconds / 4, 15.0), 0.5)
    renewed = started
    handed = 0  # messages this slice gave the server (paces the rate)
    sent = 0
    after_id = 0
    outcomes = _Outcomes()
    try:
        while True:
            batch = list(
                Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING, pk__gt=after_id)
                .select_related("subscriber")
                .order_by("pk")[: conf.batch_size]
            )
            if not batch:
                break
            mailer = mailer_factory()
            try:
                for delivery in batch:
                    if clock() >= deadline:
                        return SliceReport(issue_id, "continue", sent=sent, again_in=0)
                    if clock() - renewed >= renew_every:
                        if not renew_lease(issue_id, owner, conf.lease_seconds):
                            logger.warning(
                                "newsletter: issue %s: lease lost, another sender goes on", issue_id
                            )
                            return SliceReport(issue_id, "lease lost", sent=sent)
                        renewed = clock()
                    if conf.rate > 0:
                        wait = started + handed / conf.rate - clock()
                        if wait > 0:
                            sleep(wait)
                    after_id = delivery.pk
                    with transaction.atomic():
                        # The previous message's outcome and this claim: one commit, before SMTP.
                        outcomes.write()
                        claimed = _claim(delivery)
                    if not claimed:
                        continue
                    try:
                        result = mailer.send(context.message(delivery.subscriber))
                    except ServerUnavailable as error:
                        # Not handed over: the row goes back as it was, the attempt does not count.
                        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
                            status=Delivery.Status.PENDING, attempts=F("attempts") - 1, error=str(error)[:300]
                        )
                        Issue.objects.filter(pk=issue_id).update(
                            last_error=f"mail server unavailable: {error}"[:2000]
                        )
                        logger.warning("newsletter: issue %s: mail server unavailable (%s)", issue_id, error)
                        return SliceReport(
                            issue_id,
                            "server unavailable",
                            sent=sent,
                            again_in=conf.retry_seconds,
                            error=str(error),
                        )
                    handed += 1
                    if result.outcome is Outcome.SENT:
                        outcomes.hold(delivery, Delivery.Status.SENT)
                        sent += 1
                        continue
                    if result.outcome is Outcome.RETRY:
                        attempts = (
                            Delivery.objects.filter(pk=delivery.pk).values_list("attempts", flat=True).first()
                        )
                        final = (attempts or 0) >= MAX_ATTEMPTS
                        status = Delivery.Status.FAILED if final else Delivery.Status.PENDING
                    elif result.outcome is Outcome.FAILED:
                        status = Delivery.Status.FAILED
                    else:
                        status = Delivery.Status.UNKNOWN
                    outcomes.hold(delivery, status, result.error)
                    logger.warning(
                        "newsletter: issue %s, subscriber %s: %s (%s)",
                        issue_id, delivery.subscriber_id, result.outcome.value, result.error,
                    )  # fmt: skip
            finally:
                mailer.close()
            if conf.batch_pause > 0:
                sleep(conf.batch_pause)
    finally:
        outcomes.write()  # on every way out: a held outcome is never left for the next slice to doubt

    if Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).exists():
        # Only deliveries that wait for another attempt are left.
        return SliceReport(issue_id, "retry later", sent=sent, again_in=conf.retry_seconds)
    Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
        status=Issue.Status.SENT, finished_at=timezone.now()
    )
    logger.info("newsletter: issue %s sent", issue_id)
    return SliceReport(issue_id, "sent", sent=sent)
