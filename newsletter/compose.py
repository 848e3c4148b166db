"""The mails themselves: an issue (or a confirmation) rendered once, then one message per subscriber.

Nothing here reads the database: content.py gathers what an issue says, this turns it into a
subject, a plain-text and an HTML body, and sending.py puts each subscriber's own unsubscribe link
into the copy made for them. The bodies carry no images and no per-reader marks other than that
link: no tracking pixel, no tagged URLs, nothing loaded from anywhere when the mail is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

# Stands for the subscriber's unsubscribe URL in the rendered bodies. Nothing in it is changed by
# HTML escaping, so one replace() per copy personalises both parts.
UNSUBSCRIBE_MARK = "@@STEPPE-UNSUBSCRIBE-URL@@"


@dataclass(frozen=True)
class Story:
    title: str
    standfirst: str
    url: str
    section: str = ""
    published: datetime | None = None


@dataclass(frozen=True)
class IssueMail:
    subject: str
    language: str
    site_name: str
    site_url: str  # the home page of the issue's language, absolute
    manage_url: str  # the subscription page (change editions, subscribe a friend)
    intro: str = ""
    edition_label: str = ""  # "Kazakhstan"; empty for the general edition
    stories: list[Story] = field(default_factory=list)
    date: datetime | None = None


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    html: str
    text: str

    def personalised(self, unsubscribe_url: str) -> tuple[str, str]:
        """(text, html) with this subscriber's unsubscribe link."""
        return (
            self.text.replace(UNSUBSCRIBE_MARK, unsubscribe_url),
            self.html.replace(UNSUBSCRIBE_MARK, unsubscribe_url),
        )


def render_issue(mail: IssueMail) -> RenderedMail:
    context = {"mail": mail, "unsubscribe_url": UNSUBSCRIBE_MARK}
    with translation.override(mail.language):
        html = render_to_string("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
    return RenderedMail(subject=mail.subject.strip(), html=html, text=tidy_text(text))


def render_confirmation(
    *, language: str, site_name: str, confirm_url: str, editions: list[str], change: bool
) -> RenderedMail:
    """The double opt-in mail: one link, and what happens if the reader ignores it (nothing)."""
    context = {"site_name": site_name, "confirm_url": confirm_url, "editions": editions, "change": change}
    with translation.override(language):
        from django.utils.translation import gettext

        subject = (
            gettext("Confirm the change to your %(site)s newsletter")
            if change
            else gettext("Confirm your subscription to %(site)s")
        ) % {"site": site_name}
        html = render_to_string("newsletter/email/confirm.html", {**context, "subject": subject})
        text = render_to_string("newsletter/email/confirm.txt", context)
    return RenderedMail(subject=subject, html=html, text=tidy_text(text))


def tidy_text(text: str) -> str:
    """Template whitespace out of the plain-text part: no trailing spaces, at most one blank line."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"


def list_unsubscribe(url: str, mailto: str = "") -> str:
    """RFC 2369's List-Unsubscribe: the one-click https URL first, then an optional mailto."""
    value = f"<{url}>"
    if mailto:
        value += f", <mailto:{mailto}?subject={quote('unsubscribe ' + url.rstrip('/').rsplit('/', 1)[-1])}>"
    return value


def issue_message(
    rendered: RenderedMail,
    *,
    to: str,
    unsubscribe_url: str,
    from_email: str,
    list_id: str,
    mailto: str = "",
    connection=None,
) -> EmailMultiAlternatives:
    """One subscriber's copy: text and HTML parts, and the headers for one-click unsubscribing."""
    text, html = rendered.personalised(unsubscribe_url)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=from_email,
        to=[to],
        connection=connection,
        headers={
            "List-Unsubscribe": list_unsubscribe(unsubscribe_url, mailto),
            # RFC 8058: a POST of this body to the https URL unsubscribes, with no page in between.
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": list_id,
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(rendered: RenderedMail, *, to: str, from_email: str, connection=None):
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=from_email,
        to=[to],
        connection=connection,
        headers={"Auto-Submitted": "auto-generated"},  # RFC 3834: no vacation replies to it
    )
    message.attach_alternative(rendered.html, "text/html")
    return message


def list_id_for(site_name: str, host: str, language: str) -> str:
    """RFC 2919 List-Id, one list per language: '"The Steppe Courier en" <en.newsletter.example.org>'.

    The phrase is left out when it is not ASCII: an encoded word would hide the list's id from
    filters that read the header as it is.
    """
    list_id = f"<{language}.newsletter.{(host or 'localhost').split(':')[0]}>"
    phrase = f"{site_name} {language}".replace('"', "").replace("\\", "")
    return f'"{phrase}" {list_id}' if phrase.isascii() else list_id
