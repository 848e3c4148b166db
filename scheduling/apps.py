from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    """Periodic jobs enqueued for the task worker, once per slot however many schedulers run."""

    name = "scheduling"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ops.metrics import register_gauges
        from scheduling.metrics import last_fire_gauges

        register_gauges(last_fire_gauges)
