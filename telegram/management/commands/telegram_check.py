"""`manage.py telegram_check`: is the bot token right, and is the bot an admin of every channel
with the rights posting, editing and deleting need? Read-only: posts nothing."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from telegram import botapi
from telegram.conf import config

RIGHTS = {
    "can_post_messages": "post messages",
    "can_edit_messages": "edit messages of others",
    "can_delete_messages": "delete messages of others",
}


def channel_problem(cfg, channel: str, bot_id: int) -> tuple[str, str | None]:
    """(the channel's title, what is wrong or None)."""
    try:
        chat = botapi.call(cfg, "getChat", {"chat_id": channel})
        member = botapi.call(cfg, "getChatMember", {"chat_id": channel, "user_id": bot_id})
    except botapi.Refused as error:
        return channel, f"Telegram says: {error.description}"
    except botapi.BotAPIError as error:
        return channel, f"no answer from Telegram: {error}"
    title = chat.get("title") or channel
    if chat.get("type") != "channel":
        return title, f"it is a {chat.get('type', 'chat')}, not a channel"
    if member.get("status") == "creator":
        return title, None
    if member.get("status") != "administrator":
        return title, "the bot is not an administrator of the channel"
    missing = [label for right, label in RIGHTS.items() if not member.get(right)]
    if missing:
        return title, "the bot's admin rights lack: " + ", ".join(missing)
    return title, None


class Command(BaseCommand):
    help = "Check the Telegram bot token and that the bot may post, edit and delete in every channel."

    def handle(self, *args, **options):
        try:
            cfg = config()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if cfg is None:
            raise CommandError("Telegram is off: STEPPE_TELEGRAM_BOT_TOKEN is not set.")
        if not cfg.channels:
            raise CommandError("STEPPE_TELEGRAM_CHANNELS names no channel.")
        try:
            bot = botapi.call(cfg, "getMe", {})
        except botapi.Refused as error:
            raise CommandError(f"Telegram refused the bot token: {error.description}") from None
        except botapi.BotAPIError as error:
            raise CommandError(f"Telegram did not answer ({cfg.api_url}): {error}") from None
        self.stdout.write(f"bot @{bot.get('username')} (id {bot.get('id')})")
        problems = []
        for language, channel in sorted(cfg.channels.items()):
            title, problem = channel_problem(cfg, channel, bot["id"])
            self.stdout.write(f"{language}: {channel} ({title}): {problem or 'ready'}")
            if problem:
                problems.append(f"{language} {channel}: {problem}")
        if problems:
            raise CommandError(
                f"{len(problems)} of {len(cfg.channels)} channels not ready: " + "; ".join(problems)
            )
