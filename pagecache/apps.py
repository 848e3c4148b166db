from django.apps import AppConfig, apps


class PageCacheConfig(AppConfig):
    name = "pagecache"

    def ready(self) -> None:
        from pagecache import signals  # noqa: F401  (connects the receivers)

        if apps.is_installed("wagtail.contrib.frontend_cache"):
            drop_wagtail_page_purges()


def drop_wagtail_page_purges() -> None:
    """Disconnect Wagtail's purge of a published page: pagecache.signals purges it with its listings.

    Left connected, every publish would queue a second purge task for the page URL alone. The app
    is installed before pagecache (steppe/settings.py), so its receivers are connected by now.
    """
    from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purge
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(wagtail_purge.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(wagtail_purge.page_unpublished_signal_handler, sender=model)
