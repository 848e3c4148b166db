from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"

    def ready(self) -> None:
        from pagecache import signals  # noqa: F401  (connects the receivers)
