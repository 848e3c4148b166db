"""Subscribing (double opt-in), confirming and unsubscribing.

Every request to subscribe, or to change the language or editions of a subscription, is only a
request until the link mailed to the address is followed. Nothing a stranger types into the form
changes what an address receives, and the answer is the same whether or not the address is known
(no enumeration). A confirmation link works once, for the newest request only, for
CONFIRM_DAYS; unsubscribing retires it, so no link mailed earlier can re-subscribe an address.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from newsletter import editions
from newsletter.models import Subscriber, new_token

logger = logging.getLogger("newsletter")

CONFIRM_DAYS = 7
WINDOW = timedelta(hours=1)
RETRY_DELAYS = (60, 300, 1800)  # seconds before the 2nd, 3rd and 4th try of a confirmation mail

TOKEN_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_")


def normalise_email(raw: str) -> str:
    """The address as stored: trimmed, lower case (one row per mailbox however it is typed)."""
    email = (raw or "").strip().lower()
    if len(email) > 254:
        raise ValidationError("too long", code="invalid")
    validate_email(email)
    return email


def request_subscription(
    email: str, language: str, edition_keys: list[str], now: datetime | None = None
) -> bool:
    """Record a request and queue its confirmation mail; True when a mail was queued.

    The caller answers the same whatever this returns. No mail when the address already receives
    exactly this, or when it was sent STEPPE_NEWSLETTER_ADDRESS_LIMIT mails in the last hour.
    """
    from newsletter.tasks import send_confirmation

    now = now or timezone.now()
    wanted = editions.stored(edition_keys or [editions.ALL])
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language, "editions": wanted}
        )
        if (
            subscriber.status == Subscriber.Status.ACTIVE
            and subscriber.language == language
            and subscriber.editions == wanted
        ):
            return False
        if subscriber.mails_window_start is None or subscriber.mails_window_start <= now - WINDOW:
            subscriber.mails_window_start, subscriber.mails_in_window = now, 0
        if subscriber.mails_in_window >= settings.STEPPE_NEWSLETTER_ADDRESS_LIMIT:
            logger.info(
                "newsletter: confirmation mails to subscriber %s held back (hourly limit)", subscriber.pk
            )
            return False
        subscriber.mails_in_window += 1
        subscriber.confirm_token = new_token()
        subscriber.confirm_requested_at = now
        subscriber.requested_language = language
        subscriber.requested_editions = wanted
        subscriber.save()
        # The task row is written in this transaction (database task backend): request and mail
        # are recorded together or not at all.
        send_confirmation.enqueue(subscriber.pk, subscriber.confirm_token)
    return True


def is_token_shaped(token: str) -> bool:
    """What new_token() can make: up to 64 URL-safe characters (a NUL byte, say, would make
    PostgreSQL refuse the lookup with an error instead of finding nothing)."""
    return bool(token) and len(token) <= 64 and TOKEN_CHARACTERS.issuperset(token)


def pending_request(token: str, now: datetime | None = None) -> Subscriber | None:
    """The subscriber whose newest request this token confirms, while it is valid."""
    now = now or timezone.now()
    if not is_token_shaped(token):
        return None
    subscriber = Subscriber.objects.filter(confirm_token=token).first()
    if subscriber is None or subscriber.confirm_requested_at is None:
        return None
    if subscriber.confirm_requested_at < now - timedelta(days=CONFIRM_DAYS):
        return None
    return subscriber


def confirm(token: str, now: datetime | None = None) -> Subscriber | None:
    """Apply the request the token stands for; None when the link is unknown, old or replaced."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = pending_request(token, now)
        if subscriber is None:
            return None
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.confirm_token != token:  # replaced or retired meanwhile
            return None
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.language = subscriber.requested_language or subscriber.language
        subscriber.editions = subscriber.requested_editions or subscriber.editions
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.confirm_token = None
        subscriber.save()
    return subscriber


def by_unsubscribe_token(token: str) -> Subscriber | None:
    if not is_token_shaped(token):
        return None
    return Subscriber.objects.filter(unsubscribe_token=token).first()


def unsubscribe(token: str, now: datetime | None = None) -> Subscriber | None:
    """Stop every mail to the token's address; also retires any open confirmation link."""
    now = now or timezone.now()
    subscriber = by_unsubscribe_token(token)
    if subscriber is None:
        return None
    Subscriber.objects.filter(pk=subscriber.pk).exclude(status=Subscriber.Status.UNSUBSCRIBED).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=now
    )
    Subscriber.objects.filter(pk=subscriber.pk).update(
        confirm_token=None, requested_language="", requested_editions=""
    )
    subscriber.refresh_from_db()
    return subscriber


# -- the confirmation mail (run by newsletter.tasks.send_confirmation) ----------------------------


def mail_confirmation(
    subscriber_id: int, token: str, attempt: int, retry: Callable[[int, str, int, float], None]
) -> str:
    from newsletter.compose import confirmation_message, render_confirmation
    from newsletter.content import absolute, edition_labels, site_name
    from newsletter.mailer import Mailer, Outcome, ServerUnavailable

    # Claim the mail for this token: a retried or duplicated task finds it claimed and stops.
    claimed = (
        Subscriber.objects.filter(pk=subscriber_id, confirm_token=token)
        .exclude(confirm_mailed_token=token)
        .update(confirm_mailed_token=token)
    )
    if not claimed:
        return "nothing to do: mailed already, or the request was replaced"
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    language = subscriber.requested_language or subscriber.language
    rendered = render_confirmation(
        language=language,
        site_name=site_name(language),
        confirm_url=absolute(language, "newsletter-confirm", token),
        editions=edition_labels(editions.parse(subscriber.requested_editions), language),
        change=subscriber.status == Subscriber.Status.ACTIVE,
    )
    message = confirmation_message(rendered, to=subscriber.email, from_email=settings.DEFAULT_FROM_EMAIL)
    try:
        with Mailer() as mailer:
            result = mailer.send(message)
    except ServerUnavailable as error:
        result = None
        problem = str(error)
    else:
        problem = result.error
    if result is not None and result.outcome in (Outcome.SENT, Outcome.FAILED, Outcome.UNKNOWN):
        # Sent, refused for good, or perhaps taken: in every case never mailed again.
        if result.outcome is not Outcome.SENT:
            logger.warning(
                "newsletter: confirmation to subscriber %s: %s (%s)",
                subscriber_id,
                result.outcome.value,
                problem,
            )
        return result.outcome.value
    # Surely not handed over: give the claim back and try again later.
    Subscriber.objects.filter(pk=subscriber_id, confirm_mailed_token=token).update(confirm_mailed_token="")
    if attempt <= len(RETRY_DELAYS):
        retry(subscriber_id, token, attempt + 1, RETRY_DELAYS[attempt - 1])
        logger.warning(
            "newsletter: confirmation to subscriber %s not sent (%s); will retry", subscriber_id, problem
        )
        return f"retry: {problem}"
    logger.error(
        "newsletter: confirmation to subscriber %s not sent after %d tries: %s",
        subscriber_id,
        attempt,
        problem,
    )
    return f"gave up: {problem}"
