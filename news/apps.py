from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from news import signals  # noqa: F401  (connects the receivers)
        from news.corrections import listing_urls as corrections_urls
        from pagecache.purge import LISTING_URL_PROVIDERS

        LISTING_URL_PROVIDERS.append(corrections_urls)
