"""`manage.py telegram_check` and the start-up checks of the settings: clear one-line errors."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from telegram.apps import check_settings


def check(**kwargs) -> str:
    out = io.StringIO()
    call_command("telegram_check", stdout=out, **kwargs)
    return out.getvalue()


def test_a_ready_setup_is_reported_channel_by_channel(telegram):
    assert check().splitlines() == [
        "bot @steppe_test_bot (id 123456789)",
        "en: @steppe_en (Steppe EN): ready",
        "ru: @steppe_ru (Steppe RU): ready",
    ]
    assert telegram.methods() == ["getMe", "getChat", "getChatMember", "getChat", "getChatMember"]


def test_a_channel_the_bot_cannot_post_in_is_named(telegram):
    telegram.chats_the_bot_is_admin_of.discard(-1001000000002)
    with pytest.raises(
        CommandError, match=r"^1 of 2 channels not ready: ru @steppe_ru: the bot is not an administrator"
    ):
        check()
    telegram.chats_the_bot_is_admin_of.add(-1001000000002)
    telegram.admin_rights["can_delete_messages"] = False
    with pytest.raises(CommandError, match="lack: delete messages of others"):
        check()


def test_a_channel_telegram_does_not_know(telegram, settings):
    settings.STEPPE_TELEGRAM_CHANNELS = "en=@steppe_en,ru=@no_such_channel"
    with pytest.raises(CommandError, match="ru @no_such_channel: Telegram says: Bad Request: chat not found"):
        check()


def test_a_wrong_token(telegram, settings):
    settings.STEPPE_TELEGRAM_BOT_TOKEN = "42:not-the-bots-token"
    with pytest.raises(CommandError, match="^Telegram refused the bot token: Unauthorized$"):
        check()


def test_off_and_broken_settings_are_one_line_errors(settings):
    settings.STEPPE_TELEGRAM_BOT_TOKEN = ""
    with pytest.raises(CommandError, match="^Telegram is off: STEPPE_TELEGRAM_BOT_TOKEN is not set.$"):
        check()
    settings.STEPPE_TELEGRAM_BOT_TOKEN = "42:x"
    settings.STEPPE_TELEGRAM_CHANNELS = '{"en": "@steppe_en",'
    with pytest.raises(CommandError, match="^STEPPE_TELEGRAM_CHANNELS is not valid JSON"):
        check()


@pytest.mark.parametrize(
    ("channels", "problem"),
    [
        ('{"en": "@steppe_en",', "not valid JSON"),
        ('["@steppe_en"]', "must map languages to channels"),
        ('{"xx": "@steppe_en"}', "'xx' is not a language steppe knows"),
        ("en=steppe_en", "neither an @channelname nor a numeric chat id"),
        ("en", "must be JSON like"),
    ],
)
def test_the_start_up_check_names_a_broken_channel_setting(settings, channels, problem):
    settings.STEPPE_TELEGRAM_BOT_TOKEN = "42:x"
    settings.STEPPE_TELEGRAM_CHANNELS = channels
    [found] = check_settings()
    assert found.id == "telegram.E001" and problem in found.msg


def test_the_start_up_check_warns_of_a_token_without_channels_or_a_channel_for_no_site_language(settings):
    settings.STEPPE_TELEGRAM_BOT_TOKEN = "42:x"
    settings.STEPPE_TELEGRAM_CHANNELS = ""
    assert [m.id for m in check_settings()] == ["telegram.W001"]
    settings.STEPPE_TELEGRAM_CHANNELS = '{"en": "@steppe_en", "tk": "-1001234567890"}'
    assert [m.id for m in check_settings()] == ["telegram.W002"]  # tk is not in STEPPE_LANGUAGES
    settings.STEPPE_TELEGRAM_BOT_TOKEN = ""
    assert check_settings() == []


def test_a_broken_setting_never_breaks_publishing(settings, newsroom, django_capture_on_commit_callbacks):
    settings.STEPPE_TELEGRAM_BOT_TOKEN = "42:x"
    settings.STEPPE_TELEGRAM_CHANNELS = "not json {"
    with django_capture_on_commit_callbacks(execute=True):
        article = newsroom.add_article("Published anyway")
    assert article.live
