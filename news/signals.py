"""Keep cached fragments honest: any change readers could see bumps the content version."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.cache import bump_content_version as bump_now
from news.cache import forget_restricted_paths
from news.models import Author, NewsImage


def bump_content_version() -> None:
    """Bump now and again once the change is committed.

    The signals fire inside the publishing transaction: a reader rendering between the first bump
    and the commit still sees the old content and would cache it under the new version.
    """
    bump_now()
    transaction.on_commit(bump_now)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs) -> None:
    bump_content_version()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page | Author | Tag | NewsImage):
        bump_content_version()


@receiver(post_save, sender=Author)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=NewsImage)
def shown_object_saved(sender, **kwargs) -> None:
    bump_content_version()


@receiver(post_save, sender="syndication.SyndicationSettings")
def shown_settings_saved(sender, created: bool, **kwargs) -> None:
    # The publisher logo is in every article. The row Wagtail creates with defaults on first read
    # changes nothing readers see.
    if not created:
        bump_content_version()


@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def restrictions_changed(sender, **kwargs) -> None:
    forget_restricted_paths()
    bump_content_version()
