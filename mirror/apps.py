from django.apps import AppConfig


class MirrorConfig(AppConfig):
    """Static copies of the site (export_static), alternate addresses (Onion-Location, mirror links)."""

    name = "mirror"
    verbose_name = "Mirrors"
