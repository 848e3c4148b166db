from django.apps import AppConfig


class BreakingConfig(AppConfig):
    name = "breaking"
    verbose_name = "Breaking news"
    default_auto_field = "django.db.models.BigAutoField"
