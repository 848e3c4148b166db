from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    """Periodic jobs enqueued for the task worker, once per slot however many schedulers run."""

    name = "scheduling"
    default_auto_field = "django.db.models.BigAutoField"
