from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pagecache.purge import LISTING_URL_PROVIDERS
        from syndication.urls_for import listing_urls

        LISTING_URL_PROVIDERS.append(listing_urls)
