from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from news import signals  # noqa: F401  (connects the receivers)
