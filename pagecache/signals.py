"""Purge external caches when readers could see a change."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from pagecache.purge import purge_page


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_changed_page(sender, instance, **kwargs) -> None:
    purge_page(instance)


@receiver(pre_page_move)
@receiver(pre_delete)
def purge_before_it_goes(sender, instance, **kwargs) -> None:
    # The old URL and listings must be known before the page moves or disappears.
    if isinstance(instance, Page) and instance.live:
        purge_page(instance)
