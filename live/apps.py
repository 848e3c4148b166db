from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Live coverage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from live import signals  # noqa: F401  (refreshes a live page's JSON in nginx)
