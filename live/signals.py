"""A live page's JSON is refreshed in nginx (live.refresh) whenever readers could see a change:
publish, unpublish, move (old and new address) and delete. The page and its feed are purged with
the page (pagecache.signals, LivePage.extra_cached_urls)."""

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from live.entries import json_url
from live.models import LivePage
from live.refresh import refresh

# The JSON's address before a move or delete, by page id (post_page_move gets another object).
_before: dict[int, str] = {}


@receiver(page_published, sender=LivePage)
@receiver(page_unpublished, sender=LivePage)
def live_page_changed(sender, instance, **kwargs) -> None:
    refresh([json_url(instance)])


@receiver(pre_page_move)
@receiver(pre_delete, sender=LivePage)
def remember_address(sender, instance, **kwargs) -> None:
    # The address must be known before the page moves or disappears.
    if issubclass(sender, LivePage) or isinstance(instance, LivePage):
        _before[instance.pk] = json_url(instance)


@receiver(post_page_move)
def live_page_moved(sender, instance, **kwargs) -> None:
    if issubclass(sender, LivePage) or isinstance(instance, LivePage):
        refresh([_before.pop(instance.pk, ""), json_url(instance)])


@receiver(post_delete, sender=LivePage)
def live_page_deleted(sender, instance, **kwargs) -> None:
    refresh([_before.pop(instance.pk, "")])
