from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """Suggested articles: the pure engine (ranking, text, evaluation) plus its Django side."""

    name = "discovery"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from discovery import signals  # noqa: F401  (connects the receivers)
