"""Publishing, unpublishing, moving, restricting or deleting an article queues a Telegram sync.

Only a task is queued here, once the transaction commits (the worker must see the change): the
editor's request never waits on Telegram.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, post_page_move

from telegram.conf import enabled

logger = logging.getLogger("steppe.telegram")


def _enqueue(task, *args) -> None:
    def enqueue() -> None:
        try:
            task.enqueue(*args)
        except Exception:  # noqa: BLE001 - publishing must never fail because of Telegram
            logger.exception("telegram: could not queue %s%r", task.name, args)

    transaction.on_commit(enqueue)


def queue_article(article_id: int) -> None:
    from telegram.tasks import sync_article

    _enqueue(sync_article, article_id)


def queue_posts(post_ids) -> None:
    from telegram.tasks import sync_post

    for post_id in post_ids:
        _enqueue(sync_post, post_id)


@receiver(page_published)
def article_published(sender, instance, **kwargs) -> None:
    from news.models import ArticlePage
    from telegram.conf import config
    from telegram.models import TelegramPost
    from telegram.sync import too_old

    if not isinstance(instance, ArticlePage) or not enabled():
        return
    # An import or the demo publishes whole archives: no task for an old article never posted.
    if (
        too_old(instance, config(), timezone.now())
        and not TelegramPost.objects.filter(article_id=instance.pk).exists()
    ):
        return
    queue_article(instance.pk)


@receiver(page_unpublished)
def article_unpublished(sender, instance, **kwargs) -> None:
    from news.models import ArticlePage
    from telegram.models import TelegramPost

    if (
        isinstance(instance, ArticlePage)
        and enabled()
        and TelegramPost.objects.filter(article_id=instance.pk).exists()
    ):
        queue_article(instance.pk)


def _posts_under(path: str) -> list[int]:
    from telegram.models import TelegramPost

    return list(
        TelegramPost.objects.filter(article__path__startswith=path, message_id__isnull=False).values_list(
            "pk", flat=True
        )
    )


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs) -> None:
    # A moved article (or section) has new URLs: its posts' links are edited.
    if enabled():
        queue_posts(_posts_under(instance.path))


@receiver(post_save, sender="wagtailcore.PageViewRestriction")
def restriction_added(sender, instance, raw: bool = False, **kwargs) -> None:
    # A post of an article that is now private is taken down. Lifting a restriction posts nothing:
    # republishing the article does (old articles are not pushed to the channel by a settings change).
    # A restriction loaded from a backup (raw) was already there: its posts are as they were.
    if enabled() and not raw:
        queue_posts(_posts_under(instance.page.path))


@receiver(pre_delete)
def article_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    # Django sends one pre_delete per table of the page; the wagtailcore_page one comes for every
    # way of deleting (the page itself, or a whole section with its children). Before the delete,
    # the posts still name the article (it is set to NULL with the row).
    if sender is not Page or not enabled():
        return
    from telegram.models import TelegramPost

    queue_posts(TelegramPost.objects.filter(article_id=instance.pk).values_list("pk", flat=True))
