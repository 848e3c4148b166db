"""Handing one message to the mail server, and knowing whether it may have been delivered.

Sending is at most once per recipient, so what matters after an error is *when* it happened. Up
to the end of the envelope (MAIL FROM, RCPT TO) the server has accepted nothing: the message may
be tried again later. Once DATA has begun, a dropped connection or a timeout may come after the
server took the message (it answers only after the whole body): that one is never sent again. A
server that answers DATA with an error code has refused the message, which is certain.

Django's SMTP backend does the talking (EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS/SSL, …); the
connection class below only records which SMTP command is under way.
"""

from __future__ import annotations

import enum
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend


class Outcome(enum.Enum):
    SENT = "sent"  # the server accepted it
    RETRY = "retry"  # surely not accepted, and the reason may pass (4xx, a dropped connection)
    FAILED = "failed"  # refused for good (5xx for this recipient or this message)
    UNKNOWN = "unknown"  # the connection failed while the server may have been taking it


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    error: str = ""
    # True when the connection is unusable afterwards (the next message needs a new one).
    broken: bool = False


class ServerUnavailable(Exception):
    """No connection to the mail server could be made (or it refuses our sender): stop, try later."""


class _PhaseMixin:
    phase = "idle"

    def mail(self, *args, **kwargs):
        self.phase = "envelope"
        return super().mail(*args, **kwargs)

    def data(self, *args, **kwargs):
        self.phase = "data"
        return super().data(*args, **kwargs)


class PhasedSMTP(_PhaseMixin, smtplib.SMTP):
    pass


class PhasedSMTP_SSL(_PhaseMixin, smtplib.SMTP_SSL):  # noqa: N801 - smtplib's name
    pass


class PhasedSMTPBackend(DjangoSMTPBackend):
    """Django's SMTP backend, on a connection that knows which command it is in."""

    @property
    def connection_class(self):
        return PhasedSMTP_SSL if self.use_ssl else PhasedSMTP


def _code(error: Exception) -> int:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return min(codes) if codes else 0
    return int(getattr(error, "smtp_code", 0) or 0)


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:300]


class Mailer:
    """One connection to the mail server for a batch of messages; `send` classifies each outcome."""

    def __init__(self, connection=None):
        if connection is None:
            backend = settings.EMAIL_BACKEND
            if backend == "django.core.mail.backends.smtp.EmailBackend":
                connection = PhasedSMTPBackend(fail_silently=False)
            else:
                connection = get_connection(fail_silently=False)
        self.connection = connection
        self.phased = isinstance(connection, PhasedSMTPBackend)
        self.opened = False

    def open(self) -> None:
        try:
            self.connection.open()
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            raise ServerUnavailable(_describe(error)) from error
        self.opened = True

    def close(self) -> None:
        try:
            self.connection.close()
        except Exception:  # noqa: BLE001 - a broken connection may fail to say goodbye; it is gone anyway
            pass
        self.opened = False

    def __enter__(self) -> Mailer:
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(self, message) -> Result:
        if not self.opened:
            self.open()
        message.connection = self.connection
        smtp = getattr(self.connection, "connection", None)
        if self.phased and smtp is not None:
            smtp.phase = "idle"
        try:
            sent = self.connection.send_messages([message])
        except smtplib.SMTPSenderRefused as error:
            self.close()
            raise ServerUnavailable(_describe(error)) from error
        except smtplib.SMTPRecipientsRefused as error:
            # Refused at RCPT TO: nothing was sent. The connection is still usable (RSET follows).
            code = _code(error)
            return Result(Outcome.FAILED if code >= 500 else Outcome.RETRY, _describe(error))
        except smtplib.SMTPDataError as error:
            # The server answered DATA (or the end of the body) with an error: it did not take it.
            code = _code(error)
            return Result(Outcome.FAILED if code >= 500 else Outcome.RETRY, _describe(error))
        except (OSError, smtplib.SMTPException) as error:  # dropped, reset, timed out, …
            phase = getattr(smtp, "phase", "unknown") if self.phased else "unknown"
            self.close()
            if phase in ("idle", "envelope"):
                return Result(Outcome.RETRY, _describe(error), broken=True)
            return Result(Outcome.UNKNOWN, _describe(error), broken=True)
        if not sent:
            # Django returns 0 without raising only when the connection could not be used.
            self.close()
            return Result(Outcome.RETRY, "the mail connection was closed", broken=True)
        return Result(Outcome.SENT)
