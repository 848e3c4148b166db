from django.apps import AppConfig


class LiteConfig(AppConfig):
    """Lite mode (?lite=1): text-first pages for slow connections, cached as their own entries."""

    name = "lite"
    verbose_name = "Lite mode"
