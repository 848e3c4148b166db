"""The desk's page in the admin: who sees it (403 otherwise), errors by field, CSRF, messages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from breaking import actions
from breaking.forms import DATETIME_LOCAL
from breaking.models import BreakingNews

pytestmark = pytest.mark.django_db


def expiry(delta: timedelta) -> str:
    return (timezone.localtime() + delta).strftime(DATETIME_LOCAL)


def form_data(locale, **fields) -> dict:
    data = {"action": "set", "text": "Polls have closed", "link_url": "", "link_page": "",
            "expires_at": expiry(timedelta(hours=2))} | fields  # fmt: skip
    return {(f"l{locale.pk}-{k}" if k != "action" else k): v for k, v in data.items()}


def test_only_the_desk_sees_the_menu_item_and_the_page(client, people, english):
    client.force_login(people["outsider"])
    assert client.get(reverse("breaking_index")).status_code == 403
    assert client.post(reverse("breaking_set", args=[english.pk]), form_data(english)).status_code == 403
    assert reverse("breaking_index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not BreakingNews.objects.exists()
    for who in ("editor", "moderator"):
        client.force_login(people[who])
        assert reverse("breaking_index") in client.get(reverse("wagtailadmin_home")).content.decode()
        page = client.get(reverse("breaking_index"))
        assert page.status_code == 200 and "No banner is up in this language." in page.content.decode()


def test_an_editor_sets_and_clears_it_with_messages(
    client, people, english, django_capture_on_commit_callbacks
):
    client.force_login(people["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("breaking_set", args=[english.pk]),
            form_data(english, link_url="https://example.org/results"),
            follow=True,
        )
    page = response.content.decode()
    assert "The English banner is up on every page of that language." in page
    banner = BreakingNews.objects.current().get()
    assert (banner.text, banner.link_url, banner.created_by) == (
        "Polls have closed",
        "https://example.org/results",
        people["editor"],
    )
    assert "Up now:" in page and "Take the banner down" in page
    assert "Polls have closed" in client.get("/en/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("breaking_set", args=[english.pk]), {"action": "clear"}, follow=True)
    assert "The English banner is down" in response.content.decode()
    assert not BreakingNews.objects.current().exists()
    assert "Polls have closed" not in client.get("/en/").content.decode()
    assert [e.action for e in ModelLogEntry.objects.order_by("pk")] == [actions.SET, actions.CLEAR]
    # Reports → Site history lists both, by their labels.
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Set breaking news" in history and "Clear breaking news" in history


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": ""}, "text", "This field is required."),
        ({"text": "x" * 141}, "text", "at most 140 characters"),
        ({"link_url": "ftp://example.org/"}, "link_url", "must start with https://"),
        ({"expires_at": "tomorrow-ish"}, "expires_at", "Enter a valid date/time."),
        ({"expires_at": "2020-01-01T10:00"}, "expires_at", "must be in the future"),
        ({"expires_at": "PLACEHOLDER_LATE"}, "expires_at", "At most 7 days from now."),
        ({"link_page": "999999"}, "link_page", "Select a valid choice."),
    ],
)
def test_errors_are_shown_by_field_and_nothing_is_set(client, people, english, fields, field, message):
    if fields.get("expires_at") == "PLACEHOLDER_LATE":
        fields["expires_at"] = expiry(timedelta(days=8))
    client.force_login(people["editor"])
    response = client.post(reverse("breaking_set", args=[english.pk]), form_data(english, **fields))
    assert response.status_code == 400
    page = response.content.decode()
    # The message sits in the field's own block (Wagtail's formattedfield), by the input.
    block = page[
        page.index(f'name="l{english.pk}-{field}"') - 3000 : page.index(f'name="l{english.pk}-{field}"')
        + 3000
    ]
    assert message.lower() in block.lower(), message
    assert not BreakingNews.objects.exists()


def test_nothing_to_clear_is_a_message_not_an_error(client, people, english):
    client.force_login(people["editor"])
    response = client.post(reverse("breaking_set", args=[english.pk]), {"action": "clear"}, follow=True)
    assert (
        response.status_code == 200 and "There is no banner up in this language." in response.content.decode()
    )


def test_a_post_without_the_csrf_token_is_refused(people, english):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["editor"])
    response = client.post(reverse("breaking_set", args=[english.pk]), form_data(english))
    assert response.status_code == 403 and not BreakingNews.objects.exists()


def test_an_unknown_language_is_404(client, people):
    client.force_login(people["editor"])
    # Django's LocaleMiddleware first tries the address under /en/ (a redirect); it ends in a 404.
    response = client.post(reverse("breaking_set", args=[999999]), {"action": "clear"}, follow=True)
    assert response.status_code == 404
