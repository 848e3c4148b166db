from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    """Privacy-respecting page-view counts and the "Most read" list."""

    name = "readership"
    default_auto_field = "django.db.models.BigAutoField"
