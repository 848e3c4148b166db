"""Fixtures for the banner tests: the desk (Editors, Moderators), an outsider, and set/clear
helpers that run what a committed change runs (the cached banner, page generation, purges)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from breaking import actions
from tests.browser.conftest import browser  # noqa: F401 - shared fixtures
from tests.pagecache.conftest import purge_server  # noqa: F401

PASSWORD = "x-long-password-1"


def make_user(username: str, *groups: str, superuser: bool = False):
    model = get_user_model()
    if superuser:
        return model.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def people(newsroom) -> dict:
    """An editor and a moderator as Wagtail's groups make them (given the permission by this app's
    migration), and a user who may enter the admin but is in neither."""
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {"editor": make_user("editor", "Editors"), "moderator": make_user("moderator", "Moderators"),
            "outsider": outsider}  # fmt: skip


@pytest.fixture
def english(newsroom) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def desk(django_capture_on_commit_callbacks, people):
    """put_up/take_down as the editor, with the on-commit work run as a commit would."""

    class Desk:
        def put_up(self, locale, text="Polls have closed", minutes=60, seconds=None, **kwargs):
            expires = timezone.now() + (timedelta(seconds=seconds) if seconds else timedelta(minutes=minutes))
            with django_capture_on_commit_callbacks(execute=True):
                return actions.set_banner(locale, people["editor"], text, expires, **kwargs)

        def take_down(self, locale):
            with django_capture_on_commit_callbacks(execute=True):
                return actions.clear_banner(locale, people["editor"])

    return Desk()
