from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """The reader-facing search page (Wagtail search, with en/ru morphology)."""

    name = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"
