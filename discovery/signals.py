"""Publishing, unpublishing or deleting an article queues a refresh of the suggestions it touches."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)


def queue_refresh(page_id: int) -> None:
    from discovery.tasks import refresh_suggestions

    def enqueue() -> None:
        try:
            refresh_suggestions.enqueue([page_id])
        except Exception:  # noqa: BLE001 - publishing must never fail because of suggestions
            logger.exception("suggestions: could not queue a refresh for page %s", page_id)

    transaction.on_commit(enqueue)  # the worker must see the committed article


@receiver(page_published)
@receiver(page_unpublished)
def article_changed(sender, instance, **kwargs) -> None:
    from news.models import ArticlePage

    if isinstance(instance, ArticlePage):
        queue_refresh(instance.pk)


@receiver(post_delete)
def article_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from news.models import ArticlePage

    # Django sends one post_delete per table of the page; the wagtailcore_page one comes for every
    # way of deleting (the page itself, or a whole section with its children).
    if sender is Page and instance.specific_class is ArticlePage:
        queue_refresh(instance.pk)
