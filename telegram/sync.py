"""Bring each article's Telegram post in line with the article: post, edit, delete, or wait.

Everything runs in the task worker (telegram.tasks); the request that publishes only queues a task.
A run reads the post's record and the article, decides one step (`plan`, a pure function), does
it, and looks again, so running a task twice, or two workers running it at once, does nothing
twice:

- every write to a record is conditional on the `version` it read (`_write`), so of two workers
  only one claims a step;
- before a call that could post, the record says SENDING with a lease, committed. A worker that
  dies in the call leaves it so; whoever finds it after the lease cannot know whether Telegram
  took the post (the Bot API has no way to look it up and no idempotency key), so a send is never
  repeated on its own: the post becomes UNCONFIRMED and an editor looks at the channel and says
  "it is there" (its link) or "post again". Edits and deletes are simply done again.
- failures Telegram or the network give a reason to retry (429, 5xx, no connection) are retried by
  a follow-up task that waits (`run_after`): Telegram's retry_after, else a doubling backoff.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError
from django.utils import timezone, translation
from django.utils.translation import gettext

from telegram import botapi
from telegram.conf import TelegramConfig, config
from telegram.formatting import CAPTION_LIMIT, TEXT_LIMIT, compose_article, compose_notice
from telegram.models import TelegramPost

logger = logging.getLogger("steppe.telegram")

Status = TelegramPost.Status
Action = TelegramPost.Action
Kind = TelegramPost.Kind

# Telegram lets a bot delete its own channel posts for 48 hours; after that a post is edited to a
# notice instead (and when Telegram refuses a delete anyway: "message can't be deleted").
DELETE_WINDOW = timedelta(hours=48)
BACKOFF_CAP = timedelta(minutes=15)
PHOTO_RENDITION = "width-1200|format-jpeg"  # Telegram shows photos at most 1280 px wide
MAX_STEPS = 6  # steps one run takes (send, then an edit if the article changed meanwhile, …)


@dataclass(frozen=True)
class Wanted:
    """What the channel should show for an article now."""

    present: bool
    text: str = ""
    kind: str = ""
    until: datetime | None = None  # not yet: live after this time (embargo, scheduled publishing)
    recheck: bool = False  # nothing else will wake us at `until` (Wagtail's go-live sends a signal)


@dataclass(frozen=True)
class Step:
    kind: str  # "call", "later", "mark", "nothing"
    action: str = ""
    at: datetime | None = None
    status: str = ""
    fields: dict = field(default_factory=dict)


NOTHING = Step("nothing")
DONE = {"posted", "edited", "deleted", "withdrawn"}  # outcomes after which a run looks again


def article_language(article) -> str:
    return article.locale.language_code


def not_before(article) -> datetime | None:
    """The earliest time readers may see the article: its publication date, or an embargo."""
    times = [t for t in (article.date_published, getattr(article, "embargo", None)) if t]
    return max(times) if times else None


def is_public(article) -> bool:
    """Live and not behind a view restriction (those pages are not for the channel's readers)."""
    from news.cache import restricted_paths

    return article.live and not any(article.path.startswith(path) for path in restricted_paths())


def too_old(article, cfg: TelegramConfig, now: datetime) -> bool:
    """Whether the article's date is too far back for a first post (its later edits still go out)."""
    dated = article.date_published
    return bool(cfg.max_age_hours and dated and now - dated > timedelta(hours=cfg.max_age_hours))


def article_text(article, kind: str) -> str:
    from translit.uzbek import cyrillic_to_latin

    language = article_language(article)
    headline, standfirst = article.title, article.standfirst or ""
    if language == "uz":  # the site shows Uzbek in Latin unless a reader asks for Cyrillic
        headline, standfirst = cyrillic_to_latin(headline), cyrillic_to_latin(standfirst)
    with translation.override(language):
        label = gettext("Read the article")
    limit = CAPTION_LIMIT if kind == Kind.PHOTO else TEXT_LIMIT
    return compose_article(headline, standfirst, article.get_full_url(), label, limit)


def notice_text(language: str) -> str:
    with translation.override(language):
        return compose_notice(gettext("This article has been withdrawn."))


def wanted_for(article, post: TelegramPost | None, now: datetime) -> Wanted:
    if article is None:
        return Wanted(present=False)
    if not article.live:
        if article.go_live_at and article.go_live_at > now:
            return Wanted(present=False, until=article.go_live_at)
        return Wanted(present=False)
    if not is_public(article):
        return Wanted(present=False)
    start = not_before(article)
    if start and start > now:
        return Wanted(present=False, until=start, recheck=True)
    # A post keeps the form it was sent in: a caption stays a caption.
    kind = (
        post.kind
        if post and post.message_id and post.kind
        else (Kind.PHOTO if article.lead_image_id else Kind.TEXT)
    )
    return Wanted(present=True, text=article_text(article, kind), kind=kind)


def plan(post: TelegramPost, wanted: Wanted, now: datetime) -> Step:
    """The next step for a post, from its record and what should be shown. No I/O."""
    if post.status == Status.SENDING:
        if post.lease_until and post.lease_until > now:
            return Step("later", at=post.lease_until)  # another worker is in a call
        if post.action == Action.SEND:
            return Step(
                "mark",
                status=Status.UNCONFIRMED,
                fields={
                    "last_error": "The worker stopped while posting: Telegram may or may not have the post."
                },
            )
        # An edit or delete cut short: doing it again does no harm.
    if post.status in (Status.UNCONFIRMED, Status.REMOVED, Status.FAILED):
        return NOTHING  # an editor decides (admin: post again / it is there / try again)
    step = _plan_call(post, wanted, now)
    if step.kind == "call" and post.status == Status.RETRYING and post.retry_at and post.retry_at > now:
        return Step("later", at=post.retry_at)  # Telegram asked us to wait, or we back off
    return step


def _plan_call(post: TelegramPost, wanted: Wanted, now: datetime) -> Step:
    if wanted.present:
        if post.message_id is None:
            return Step("call", action=Action.SEND)
        if post.shows_notice or post.posted_text != wanted.text:
            return Step("call", action=Action.EDIT)
        return NOTHING if post.status == Status.POSTED else Step("mark", status=Status.POSTED)
    if post.message_id is not None:
        if post.shows_notice:
            return NOTHING if post.status == Status.WITHDRAWN else Step("mark", status=Status.WITHDRAWN)
        if post.sent_at and now - post.sent_at >= DELETE_WINDOW:
            return Step("call", action=Action.NOTICE)
        return Step("call", action=Action.DELETE)
    if wanted.until:
        if post.status == Status.WAITING and post.retry_at == wanted.until:
            return NOTHING
        return Step("mark", status=Status.WAITING, at=wanted.until if wanted.recheck else None,
                    fields={"retry_at": wanted.until})  # fmt: skip
    if post.status in (Status.QUEUED, Status.WAITING, Status.RETRYING, Status.SENDING):
        return Step("mark", status=Status.NOT_POSTED, fields={"retry_at": None})
    return NOTHING


def backoff(attempts: int, base_seconds: float) -> timedelta:
    """10 s, 20 s, 40 s … (with the default base), at most 15 minutes."""
    return min(timedelta(seconds=base_seconds * 2 ** max(attempts - 1, 0)), BACKOFF_CAP)


# --- the impure part: records, calls, follow-up tasks ---


def _write(post: TelegramPost, **changes) -> bool:
    """Apply `changes` if nobody changed the record since it was read; update `post` to match."""
    changes = {**changes, "version": post.version + 1, "updated_at": timezone.now()}
    written = TelegramPost.objects.filter(pk=post.pk, version=post.version).update(**changes)
    if written:
        for name, value in changes.items():
            setattr(post, name, value)
    return bool(written)


def schedule(post_id: int, at: datetime | None = None) -> None:
    from telegram.tasks import sync_post

    task = sync_post.using(run_after=at) if at else sync_post
    task.enqueue(post_id)


def load_article(article_id: int | None):
    from news.models import ArticlePage

    if article_id is None:
        return None
    return ArticlePage.objects.select_related("locale").filter(pk=article_id).first()


def sync_article(article_id: int, *, fresh: bool = True) -> str:
    """After a publish, unpublish, move or restriction: create the record if needed, then run it.

    `fresh` (an editor's action) lets a post that failed for good try again.
    """
    cfg = config()
    if cfg is None:
        return "telegram is off"
    article = load_article(article_id)
    post = TelegramPost.objects.filter(article_id=article_id).first()
    if post is None:
        if article is None:
            return "no article, no post"
        channel = cfg.channel_for(article_language(article))
        wanted = wanted_for(article, None, timezone.now())
        if channel is None:
            return f"no channel for {article_language(article)}"
        if not wanted.present and not wanted.until:
            return "not public: nothing to post"
        if too_old(article, cfg, timezone.now()):
            # Imports, the demo, a late translation of an old story: archives, not news.
            return f"dated more than {cfg.max_age_hours:g} h ago: not posted"
        try:
            post = TelegramPost.objects.create(
                article=article,
                headline=article.title[:255],
                language=article_language(article),
                channel=channel,
            )
        except IntegrityError:  # another worker created it a moment ago
            post = TelegramPost.objects.get(article_id=article_id)
    elif fresh and post.status == Status.FAILED:
        _write(post, status=Status.QUEUED, attempts=0, retry_at=None)
    return run(post.pk, cfg)


def run(post_id: int, cfg: TelegramConfig | None = None) -> str:
    """Take steps for one post until there is nothing to do now; what happened, for the task result."""
    cfg = cfg or config()
    if cfg is None:
        return "telegram is off"
    done = []
    for _ in range(MAX_STEPS):
        post = TelegramPost.objects.filter(pk=post_id).first()
        if post is None:
            return "no such post"
        article = load_article(post.article_id)
        now = timezone.now()
        step = plan(post, wanted_for(article, post, now), now)
        if step.kind == "nothing":
            break
        if step.kind == "later":
            schedule(post.pk, step.at)
            done.append(f"later at {step.at:%H:%M:%S}")
            break
        if step.kind == "mark":
            fields = {"lease_until": None, **step.fields}
            if article is not None:
                fields["headline"] = article.title[:255]
            if _write(post, status=step.status, **fields):
                done.append(step.status)
                if step.at:
                    schedule(post.pk, step.at)
            break
        outcome = perform(post, step.action, article, cfg)
        done.append(outcome)
        if outcome not in DONE:
            break  # a failure, a wait (its follow-up is scheduled) or another worker's turn
    return ", ".join(done) or "nothing to do"


def perform(post: TelegramPost, action: str, article, cfg: TelegramConfig) -> str:
    """Claim the post for one call, make it, and record what Telegram said."""
    if action == Action.SEND:
        try:
            request = _send_request(post, article)
        except Exception as error:  # noqa: BLE001 - an unreadable image: nothing was sent, say why
            logger.exception("telegram: could not prepare the post of article %s", post.article_id)
            _write(post, status=Status.FAILED, last_error=f"Could not prepare the post: {error}")
            return "failed"
    now = timezone.now()
    attempts = post.attempts + 1 if post.action == action else 1
    claimed = _write(
        post,
        status=Status.SENDING,
        action=action,
        attempts=attempts,
        lease_until=now + timedelta(seconds=cfg.lease_seconds),
        retry_at=None,
        **({"headline": article.title[:255]} if article is not None else {}),
    )
    if not claimed:
        return "taken by another worker"
    try:
        if action == Action.SEND:
            return _send(post, request, cfg)
        if action == Action.EDIT:
            return _edit(post, article_text(article, post.kind), cfg, Status.POSTED)
        if action == Action.DELETE:
            return _delete(post, cfg)
        return _edit(post, notice_text(post.language), cfg, Status.WITHDRAWN)
    except botapi.FloodWait as error:
        return _retry(post, cfg, str(error), timedelta(seconds=error.retry_after))
    except botapi.NotDelivered as error:
        return _retry(post, cfg, str(error), backoff(post.attempts, cfg.retry_seconds))
    except botapi.Uncertain as error:
        if post.action == Action.SEND:
            _write(post, status=Status.UNCONFIRMED, lease_until=None, last_error=str(error))
            logger.warning("telegram: post %s may or may not be in %s: %s", post.pk, post.channel, error)
            return "unconfirmed"
        return _retry(post, cfg, str(error), backoff(post.attempts, cfg.retry_seconds))
    except botapi.Refused as error:
        _write(post, status=Status.FAILED, lease_until=None, last_error=str(error))
        logger.warning("telegram: %s of post %s refused: %s", post.action, post.pk, error)
        return "failed"


def _retry(post: TelegramPost, cfg: TelegramConfig, error: str, wait: timedelta) -> str:
    if post.attempts >= cfg.max_attempts:
        _write(
            post,
            status=Status.FAILED,
            lease_until=None,
            last_error=f"Gave up after {post.attempts} attempts: {error}",
        )
        logger.warning("telegram: gave up on post %s: %s", post.pk, error)
        return "failed"
    at = timezone.now() + wait
    _write(post, status=Status.RETRYING, lease_until=None, retry_at=at, last_error=error)
    schedule(post.pk, at)
    logger.info("telegram: post %s retries at %s: %s", post.pk, at.isoformat(timespec="seconds"), error)
    return f"retry in {wait.total_seconds():g}s"


def _photo(article) -> tuple[str, bytes, str] | None:
    image = article.lead_image
    if image is None:
        return None
    rendition = image.get_rendition(PHOTO_RENDITION)
    with rendition.file.open("rb") as handle:
        return (f"{article.slug[:60] or 'photo'}.jpg", handle.read(), "image/jpeg")


@dataclass(frozen=True)
class SendRequest:
    kind: str
    text: str
    photo: tuple[str, bytes, str] | None


def _send_request(post: TelegramPost, article) -> SendRequest:
    kind = Kind.PHOTO if article.lead_image_id else Kind.TEXT
    return SendRequest(kind=kind, text=article_text(article, kind), photo=_photo(article))


def _send(post: TelegramPost, request: SendRequest, cfg: TelegramConfig) -> str:
    params = {"chat_id": post.channel, "parse_mode": "HTML"}
    if request.kind == Kind.PHOTO:
        message = botapi.call(
            cfg, "sendPhoto", {**params, "caption": request.text}, files={"photo": request.photo}
        )
    else:
        message = botapi.call(cfg, "sendMessage", {**params, "text": request.text})
    sent = message.get("date")
    _write(
        post,
        status=Status.POSTED,
        kind=request.kind,
        message_id=int(message["message_id"]),
        chat_id=(message.get("chat") or {}).get("id"),
        sent_at=datetime.fromtimestamp(sent, tz=UTC) if sent else timezone.now(),
        posted_text=request.text,
        shows_notice=False,
        lease_until=None,
        last_error="",
    )
    logger.info(
        "telegram: posted article %s to %s as message %s", post.article_id, post.channel, post.message_id
    )
    return "posted"


def _target(post: TelegramPost) -> dict:
    return {"chat_id": post.chat_id or post.channel, "message_id": post.message_id}


def _edit(post: TelegramPost, text: str, cfg: TelegramConfig, status: str) -> str:
    if post.kind == Kind.PHOTO:
        method, params = "editMessageCaption", {"caption": text}
    else:
        method, params = "editMessageText", {"text": text}
    try:
        botapi.call(cfg, method, {**_target(post), **params, "parse_mode": "HTML"})
    except botapi.Refused as error:
        description = error.description.lower()
        if "message is not modified" in description:
            pass  # it already says this (a repeated edit)
        elif "message to edit not found" in description or "message_id_invalid" in description:
            # Someone deleted it in Telegram: posting it again is an editor's call.
            _write(post, status=Status.REMOVED, message_id=None, posted_text="", lease_until=None,
                   last_error=error.description)  # fmt: skip
            return "removed in telegram"
        else:
            raise
    _write(
        post,
        status=status,
        posted_text=text,
        shows_notice=status == Status.WITHDRAWN,
        lease_until=None,
        last_error="",
    )
    logger.info(
        "telegram: %s message %s in %s",
        "withdrew" if status == Status.WITHDRAWN else "edited",
        post.message_id,
        post.channel,
    )
    return "withdrawn" if status == Status.WITHDRAWN else "edited"


def _delete(post: TelegramPost, cfg: TelegramConfig) -> str:
    try:
        botapi.call(cfg, "deleteMessage", _target(post))
    except botapi.Refused as error:
        description = error.description.lower()
        if "message to delete not found" in description:
            pass  # already gone
        elif "can't be deleted" in description or "cannot be deleted" in description:
            # Too old (or not ours to delete): say it is withdrawn instead, under the same claim.
            _write(post, action=Action.NOTICE, attempts=1,
                   lease_until=timezone.now() + timedelta(seconds=cfg.lease_seconds))  # fmt: skip
            return _edit(post, notice_text(post.language), cfg, Status.WITHDRAWN)
        else:
            raise
    _write(
        post,
        status=Status.DELETED,
        message_id=None,
        posted_text="",
        shows_notice=False,
        lease_until=None,
        last_error="",
    )
    logger.info("telegram: deleted the post of article %s from %s", post.article_id, post.channel)
    return "deleted"


def sweep(now: datetime | None = None) -> int:
    """Queue a run for every post something should have woken and nothing did; how many.

    A worker killed mid-call leaves SENDING behind and its task marked running for ever; a follow-up
    task can be lost with a restored database. Runs twice over are harmless (see the module text).
    """
    if config() is None:
        return 0
    from django.db.models import Q

    now = now or timezone.now()
    stale = now - timedelta(minutes=2)
    due = TelegramPost.objects.filter(
        Q(status=Status.SENDING, lease_until__lt=now)
        | Q(status__in=[Status.RETRYING, Status.WAITING], retry_at__lt=stale)
        | Q(status=Status.QUEUED, updated_at__lt=stale)
    ).values_list("pk", flat=True)
    count = 0
    for post_id in due:
        schedule(post_id)
        count += 1
    return count
