import logging

from django.apps import AppConfig
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


class TelegramConfig(AppConfig):
    """Articles posted to the newsroom's Telegram channels (one per language) by the task worker."""

    name = "telegram"
    verbose_name = "Telegram"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from telegram import signals  # noqa: F401  (connects the receivers)

        checks.register(check_settings)
        # httpx logs every request URL at INFO, and a Bot API URL holds the bot token.
        for name in ("httpx", "httpcore"):
            log = logging.getLogger(name)
            if log.level == logging.NOTSET or log.level < logging.WARNING:
                log.setLevel(logging.WARNING)


def check_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from django.conf import settings

    from telegram.conf import config

    try:
        cfg = config()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="telegram.E001")]
    if cfg is None:
        return []
    found = []
    if not cfg.channels:
        found.append(
            checks.Warning(
                "STEPPE_TELEGRAM_BOT_TOKEN is set but STEPPE_TELEGRAM_CHANNELS names no channel: nothing is posted.",
                id="telegram.W001",
            )
        )
    site_languages = {code for code, _name in settings.LANGUAGES}
    for language in sorted(set(cfg.channels) - site_languages):
        found.append(
            checks.Warning(
                f"STEPPE_TELEGRAM_CHANNELS has a channel for {language!r}, which is not in STEPPE_LANGUAGES.",
                id="telegram.W002",
            )
        )
    return found
