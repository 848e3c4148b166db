from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running steppe in production: health checks, request logs, metrics, migration safety."""

    name = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from ops import metrics

        metrics.connect_task_signals()
