"""The Telegram settings, read at call time (tests override them) and checked once at start-up.

Telegram is off unless STEPPE_TELEGRAM_BOT_TOKEN is set. STEPPE_TELEGRAM_CHANNELS says which
channel gets which language's articles, as JSON (`{"en": "@steppe_en", "ru": "-1001234567890"}`)
or as `en=@steppe_en,ru=@steppe_ru`; a language without a channel is not posted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_API_URL = "https://api.telegram.org"
# A public channel's @username (5-32 letters, digits, underscores) or a numeric chat id (-100…).
CHANNEL = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{5,20})$")


@dataclass(frozen=True)
class TelegramConfig:
    token: str = field(repr=False)  # never in logs, errors or reprs
    channels: dict[str, str]
    api_url: str = DEFAULT_API_URL
    timeout: float = 10.0  # seconds, per connect / write / read
    retry_seconds: float = 10.0  # the first retry's wait; doubled each time
    max_attempts: int = 8  # calls for one action before it is marked failed
    max_age_hours: float = 24.0  # an article dated earlier than this is not news for the channel (0: any)

    def channel_for(self, language: str) -> str | None:
        return self.channels.get(language)

    @property
    def lease_seconds(self) -> float:
        """How long a call in flight may take before another worker presumes it died.

        Connect, write and read each have `timeout`; the margin covers the database writes around
        the call.
        """
        return 3 * self.timeout + 5


def parse_channels(raw: str | dict | None) -> dict[str, str]:
    """{"en": "@steppe_en"} from JSON or `en=@steppe_en,ru=@steppe_ru`; a clear error otherwise."""
    if not raw:
        return {}
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith(("{", "[", '"')):
            try:
                raw = json.loads(text)
            except json.JSONDecodeError as error:
                raise ImproperlyConfigured(f"STEPPE_TELEGRAM_CHANNELS is not valid JSON: {error}") from error
        else:
            pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
            if any(len(pair) != 2 for pair in pairs):
                raise ImproperlyConfigured(
                    'STEPPE_TELEGRAM_CHANNELS must be JSON like {"en": "@steppe_en"} or en=@steppe_en,ru=@steppe_ru'
                )
            raw = {language.strip(): channel.strip() for language, channel in pairs}
    if not isinstance(raw, dict):
        raise ImproperlyConfigured(
            'STEPPE_TELEGRAM_CHANNELS must map languages to channels: {"en": "@steppe_en"}'
        )
    known = {code for code, _name in settings.ALL_LANGUAGES}
    channels = {}
    for language, channel in raw.items():
        if language not in known:
            raise ImproperlyConfigured(
                f"STEPPE_TELEGRAM_CHANNELS: {language!r} is not a language steppe knows ({', '.join(sorted(known))})"
            )
        channel = str(channel).strip()
        if not CHANNEL.match(channel):
            raise ImproperlyConfigured(
                f"STEPPE_TELEGRAM_CHANNELS: {channel!r} for {language!r} is neither an @channelname nor a numeric chat id"
            )
        channels[language] = channel
    return channels


def _number(name: str, default: float, minimum: float) -> float:
    raw = getattr(settings, name, default)
    try:
        value = float(raw)
    except (TypeError, ValueError) as error:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from error
    if not value >= minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum:g}, got {raw!r}")
    return value


def config() -> TelegramConfig | None:
    """The current configuration, or None when Telegram is off (no bot token)."""
    token = (getattr(settings, "STEPPE_TELEGRAM_BOT_TOKEN", "") or "").strip()
    if not token:
        return None
    return TelegramConfig(
        token=token,
        channels=parse_channels(getattr(settings, "STEPPE_TELEGRAM_CHANNELS", "")),
        api_url=(getattr(settings, "STEPPE_TELEGRAM_API_URL", "") or DEFAULT_API_URL).rstrip("/"),
        timeout=_number("STEPPE_TELEGRAM_TIMEOUT", 10.0, 0.1),
        retry_seconds=_number("STEPPE_TELEGRAM_RETRY_SECONDS", 10.0, 0.0),
        max_attempts=int(_number("STEPPE_TELEGRAM_MAX_ATTEMPTS", 8, 1)),
        max_age_hours=_number("STEPPE_TELEGRAM_MAX_AGE_HOURS", 24, 0),
    )


def enabled() -> bool:
    """Whether to queue Telegram work; a broken setting is logged (and `manage.py check` names it),
    never raised into an editor's publish."""
    try:
        return config() is not None
    except ImproperlyConfigured as error:
        import logging

        logging.getLogger("steppe.telegram").error("telegram: %s", error)
        return False
