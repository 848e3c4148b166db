"""`manage.py reset_2fa USERNAME`: turn off 2FA for an editor who lost their phone.

The editor then logs in with the password alone (or, with STEPPE_REQUIRE_2FA on, is sent to set
up a new device); their sessions verified with the old device stop counting as verified.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twofactor.devices import remove_devices

logger = logging.getLogger("steppe.twofactor")


class Command(BaseCommand):
    help = "Remove the two-factor devices of a user, so they can log in and set up 2FA again."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        removed = remove_devices(user)
        logger.warning("two-factor authentication reset for user %s (%d devices removed)", user.pk, removed)
        if removed:
            self.stdout.write(
                f"Removed {removed} two-factor device(s) of {username}; 2FA is off for them now."
            )
        else:
            self.stdout.write(f"{username} had no two-factor device; nothing to reset.")
