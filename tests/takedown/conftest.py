"""Fixtures for the takedown tests: people with and without the takedown permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.browser.conftest import browser  # noqa: F401 - shared fixtures
from tests.discovery.conftest import live_suggestions  # noqa: F401
from tests.pagecache.conftest import purge_server  # noqa: F401
from tests.telegram.conftest import bot_api, telegram, worker  # noqa: F401


def make_user(username: str, *groups: str, superuser: bool = False):
    model = get_user_model()
    if superuser:
        return model.objects.create_superuser(username, f"{username}@example.org", "x-long-password-1")
    user = model.objects.create_user(username, f"{username}@example.org", "x-long-password-1")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def people(newsroom) -> dict:
    """An admin; an editor and a moderator as Wagtail's groups make them (the Moderators group
    may take down, by this app's migration); a lawyer in Editors and Legal. Only the admin may
    reverse."""
    return {
        "admin": make_user("chief", superuser=True),
        "editor": make_user("editor", "Editors"),
        "moderator": make_user("moderator", "Moderators"),
        "lawyer": make_user("lawyer", "Editors", "Legal"),
    }
