"""Subscribers, issues and one delivery row per (issue, subscriber).

The delivery row is what makes a send safe to interrupt: it is claimed (``sending``) and committed
before the message goes to the SMTP server, and marked ``sent`` after the server accepted it. A
sender that dies in between leaves ``sending``, which no later run sends again (it becomes
``unknown``): every subscriber gets an issue at most once (newsletter.sending, docs/newsletter.md).
"""

from __future__ import annotations

import secrets

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

from newsletter import editions


def new_token() -> str:
    """A secret for a link in an email: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=16, choices=language_choices)
    editions = models.CharField(_("editions"), max_length=2000, default=editions.stored([editions.ALL]))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # In every issue's List-Unsubscribe link; never changes, so old issues' links keep working.
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)
    # The open request (a subscribe, or a change of language or editions) its confirmation link
    # applies. A new request replaces the token and unsubscribing clears it: an older link does nothing.
    confirm_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    confirm_requested_at = models.DateTimeField(null=True, blank=True)
    requested_language = models.CharField(max_length=16, blank=True)
    requested_editions = models.CharField(max_length=2000, blank=True)
    # The token whose confirmation mail was handed to the mail server (or is being): the
    # confirmation task claims it first, so a retried task never mails the same link twice.
    confirm_mailed_token = models.CharField(max_length=64, blank=True)
    # Confirmation mails sent to this address in the current hour (no mail bombing through the form).
    mails_window_start = models.DateTimeField(null=True, blank=True)
    mails_in_window = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("subscriber")
        indexes = [models.Index(fields=["status", "language"], name="newsletter_sub_status_lang")]

    def __str__(self) -> str:
        return self.email

    @property
    def edition_keys(self) -> list[str]:
        return editions.parse(self.editions)


class Issue(PreviewableMixin, ClusterableModel):
    """One email to the subscribers of a language and edition."""

    class Content(models.TextChoices):
        CHOSEN = "chosen", _("the articles chosen below")
        TOP = "top", _("the day's top stories, filled in when it is sent")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    subject = models.CharField(_("subject"), max_length=200)
    language = models.CharField(_("language"), max_length=16, choices=language_choices)
    edition = models.CharField(
        _("edition"), max_length=80, default=editions.ALL,
        help_text=_("Who receives it: everyone in this language, or the subscribers of one country or topic."),
    )  # fmt: skip
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A few lines above the stories."))
    content = models.CharField(_("stories"), max_length=8, choices=Content.choices, default=Content.CHOSEN)
    top_count = models.PositiveSmallIntegerField(
        _("number of top stories"), default=6, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Rendered once when sending starts, so every recipient (and a resumed send) gets the same mail.
    frozen_subject = models.CharField(max_length=255, blank=True)
    frozen_html = models.TextField(blank=True)
    frozen_text = models.TextField(blank=True)
    frozen_articles = models.PositiveSmallIntegerField(default=0)
    # One sender at a time (newsletter.sending.acquire_lease): who holds the issue and until when.
    lease_owner = models.CharField(max_length=128, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    # When the queued next slice is due (newsletter_resume leaves an issue alone until then).
    wake_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    panels = [
        FieldPanel("subject"),
        MultiFieldPanel([FieldPanel("language"), FieldPanel("edition")], heading=_("Recipients")),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("content", widget=forms.RadioSelect),
                FieldPanel("top_count"),
                InlinePanel("chosen_articles", label=_("Articles")),
            ],
            heading=_("Stories"),
        ),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at"]
        permissions = [("send_issue", "Can send and schedule newsletter issues")]

    def __str__(self) -> str:
        return self.subject

    @property
    def edition_name(self) -> str:
        from newsletter.content import edition_label

        return edition_label(self.edition, self.language) or str(_("General"))

    edition_name.fget.short_description = _("edition")

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    # -- the admin's preview: the mail as it will arrive ------------------------------------

    @property
    def preview_modes(self):
        return [("html", _("Email (HTML)")), ("text", _("Email (plain text)"))]

    def serve_preview(self, request, mode_name):
        from newsletter.content import IssueNotReady, preview_mail

        try:
            subject, html, text = preview_mail(self, timezone.now())
        except IssueNotReady as problem:
            return HttpResponse(str(problem), content_type="text/plain; charset=utf-8")
        if mode_name == "text":
            head = f"Subject: {subject}\nFrom: {settings.DEFAULT_FROM_EMAIL}\n\n"
            return HttpResponse(head + text, content_type="text/plain; charset=utf-8")
        return HttpResponse(html, content_type="text/html; charset=utf-8")


class IssueArticle(Orderable):
    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="chosen_articles")
    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )
    panels = [FieldPanel("article")]


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("refused by the mail server")
        SKIPPED = "skipped", _("unsubscribed before their turn")
        UNKNOWN = "unknown", _("unknown: the sender stopped while handing it over")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery_per_issue")
        ]
        indexes = [models.Index(fields=["issue", "status", "id"], name="newsletter_delivery_queue")]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
