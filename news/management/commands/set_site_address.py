"""Point the default Site at STEPPE_BASE_URL (`make run` runs it at every start)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from news.site_address import set_default_site_address


class Command(BaseCommand):
    help = "Set the default Site's hostname and port from STEPPE_BASE_URL (or --url)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default=settings.WAGTAILADMIN_BASE_URL, help="e.g. https://example.org")

    def handle(self, *args, **options):
        try:
            site = set_default_site_address(options["url"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        if site is None:
            self.stderr.write("No default Site yet; nothing to change.")
        elif options["verbosity"] > 1:
            self.stdout.write(f"Default site: {site.hostname}:{site.port}")
