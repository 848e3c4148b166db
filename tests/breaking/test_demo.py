"""The demo newsroom's banner: English, says it is a demo, up for the longest time, never twice
and never over an editor's own banner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from breaking.actions import LONGEST
from breaking.demo import DEMO_TEXT, load_demo_banner
from breaking.models import BreakingNews

pytestmark = pytest.mark.django_db


def test_the_demo_banner_is_english_says_demo_and_expires_within_7_days(client, newsroom, english):
    assert load_demo_banner("en") == DEMO_TEXT
    banner = BreakingNews.objects.current().get()
    assert banner.locale == english and banner.text.startswith("Demo content:")
    left = banner.expires_at - timezone.now()
    assert LONGEST - timedelta(minutes=2) < left <= LONGEST
    assert DEMO_TEXT in client.get("/en/").content.decode()
    assert load_demo_banner("en") is None and BreakingNews.objects.count() == 1  # loaded again
    assert load_demo_banner("kk") is None  # no such language on this site: nothing


def test_an_editors_own_banner_is_left_up(newsroom, english, desk):
    desk.put_up(english, "The desk's own")
    assert load_demo_banner("en") is None
    assert BreakingNews.objects.current().get().text == "The desk's own"
