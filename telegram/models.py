"""One record per article and channel: what was posted, what is in flight, what went wrong.

Every change to a record is a conditional update on its `version` (telegram.sync), so two
workers, or a worker and an editor's button, never both act on one post. `status` SENDING with
`lease_until` is written, and committed, before a call that could post, and tells a worker
that finds it later that the outcome of that call is unknown.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TelegramPost(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to go live")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRYING = "retrying", _("Retrying")
        POSTED = "posted", _("Posted")
        UNCONFIRMED = "unconfirmed", _("Unconfirmed: check the channel")
        FAILED = "failed", _("Failed")
        DELETED = "deleted", _("Deleted")
        WITHDRAWN = "withdrawn", _("Withdrawn (notice shown)")
        REMOVED = "removed", _("Removed in Telegram")
        NOT_POSTED = "not_posted", _("Not posted (unpublished first)")

    class Action(models.TextChoices):
        SEND = "send", _("post")
        EDIT = "edit", _("edit")
        DELETE = "delete", _("delete")
        NOTICE = "notice", _("withdrawal notice")

    class Kind(models.TextChoices):
        PHOTO = "photo", "photo with caption"
        TEXT = "text", "text"

    # Kept when the article is deleted: the post still has to be taken down.
    article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="telegram_posts",
        verbose_name="article",
    )
    headline = models.CharField("headline", max_length=255, blank=True)  # for the admin, once deleted
    language = models.CharField("language", max_length=8)
    channel = models.CharField("channel", max_length=64)
    chat_id = models.BigIntegerField("chat id", null=True, blank=True)  # Telegram's number for the channel
    message_id = models.BigIntegerField("message id", null=True, blank=True)
    kind = models.CharField("kind", max_length=8, choices=Kind.choices, blank=True)
    posted_text = models.TextField("text in Telegram", blank=True)  # caption or text as last accepted
    shows_notice = models.BooleanField("shows the withdrawal notice", default=False)
    status = models.CharField("status", max_length=16, choices=Status.choices, default=Status.QUEUED)
    action = models.CharField("action", max_length=8, choices=Action.choices, blank=True)
    attempts = models.PositiveIntegerField("attempts", default=0)  # calls made for the current action
    last_error = models.TextField("last error", blank=True)
    retry_at = models.DateTimeField("next attempt", null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField("posted at", null=True, blank=True)  # Telegram's date of the message
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    class Meta:
        verbose_name = "Telegram post"
        verbose_name_plural = _("Telegram posts")
        ordering = ["-updated_at"]
        constraints = [
            # One post per article; a deleted article's records keep article = NULL.
            models.UniqueConstraint(fields=["article"], name="telegram_one_post_per_article"),
        ]
        indexes = [models.Index(fields=["status", "retry_at"], name="telegram_status_retry")]

    def __str__(self) -> str:
        return f"{self.headline or self.article_id} → {self.channel} ({self.status})"

    @property
    def message_link(self) -> str:
        """The post's t.me link, when the channel is public or its chat id is known."""
        if not self.message_id:
            return ""
        if self.channel.startswith("@"):
            return f"https://t.me/{self.channel[1:]}/{self.message_id}"
        chat = str(self.chat_id or self.channel)
        if chat.startswith("-100"):
            return f"https://t.me/c/{chat[4:]}/{self.message_id}"
        return ""

    @property
    def needs_editor(self) -> bool:
        return self.status in {self.Status.UNCONFIRMED, self.Status.FAILED, self.Status.REMOVED}
