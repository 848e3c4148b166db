"""Keep a takedown in force: no publish path brings the article back; its notice stays current.

Redirects need nothing here: the 410 is answered before Wagtail's redirect middleware sees the
404 (takedown.middleware), so no Redirect from the address, made by hand or by Wagtail when a
section is renamed, can lead readers anywhere.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

logger = logging.getLogger("steppe.takedown")


@receiver(page_published)
def keep_taken_down(sender, instance, **kwargs) -> None:
    # The edit view, moves and bulk publishing refuse a taken-down article (wagtail_hooks); this
    # catches any other path (a workflow approval, a script): the article goes straight back down.
    # A reversal marks the takedown reversed before it publishes.
    from wagtail.actions.unpublish_page import UnpublishPageAction

    from takedown.actions import active_takedown

    takedown = active_takedown(instance.pk)
    if takedown is None:
        return
    logger.warning("takedown: page %s was published while taken down; unpublished again", instance.pk)
    UnpublishPageAction(instance, log_action=False).execute(skip_permission_checks=True)


@receiver(post_save, sender="takedown.TakedownNotice")
def notice_changed(sender, instance, **kwargs) -> None:
    # Cached 410 pages show the notice: retire them here and in nginx/CDNs.
    from news.signals import bump_content_version
    from takedown.models import Takedown

    bump_content_version()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = [
        takedown.site.root_url.rstrip("/") + takedown.url
        for takedown in Takedown.objects.active().select_related("site")
        if takedown.site
    ]
    if urls:
        purge_urls_from_cache(urls)
