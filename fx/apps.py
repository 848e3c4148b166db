import logging

from django.apps import AppConfig


class FxConfig(AppConfig):
    name = "fx"
    verbose_name = "Exchange rates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from fx import signals  # noqa: F401 - connects the settings-change handler
        from fx.metrics import source_gauges
        from ops.metrics import register_gauges

        register_gauges(source_gauges)

        # httpx logs every request at INFO; fx_fetch reports each source's outcome itself.
        httpx_log = logging.getLogger("httpx")
        if httpx_log.level == logging.NOTSET:
            httpx_log.setLevel(logging.WARNING)
