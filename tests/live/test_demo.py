"""The demo newsroom's live page: entries (one pinned, one with an image), demo text, idempotent."""

from __future__ import annotations

import pytest

from live.demo import DEMO_SLUG, ENTRIES, load_demo_live
from live.models import LivePage
from news.models import Author

pytestmark = pytest.mark.django_db


def test_demo_live_page(client, newsroom):
    Author.objects.create(name="Aigerim Sadykova", slug="aigerim-sadykova")
    section = newsroom.sections["politics"]
    url = load_demo_live(section)
    assert url == f"{section.url}{DEMO_SLUG}/"
    page = LivePage.objects.get(slug=DEMO_SLUG)
    assert page.live and page.is_live_coverage and page.title.startswith("Demo")
    entries = page.entry_list
    assert len(entries) == len(ENTRIES) >= 5
    assert [e.pinned for e in entries].count(True) == 1
    assert sum(1 for e in entries if e.image_id) == 1
    assert all(e.text.startswith("Demo content.") for e in entries)
    assert {e.author.name for e in entries if e.author} == {"Aigerim Sadykova"}
    response = client.get(url)
    assert response.status_code == 200 and b"Demo content." in response.content
    # Loaded once: a second run adds nothing.
    assert load_demo_live(section) is None
    assert LivePage.objects.filter(slug=DEMO_SLUG).count() == 1


def test_load_demo_adds_the_live_page_and_a_demo_loaded_before_gets_it(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    page = LivePage.objects.get(slug=DEMO_SLUG, locale__language_code="en")
    assert page.url == "/en/politics/demo-live-election-night/"
    assert client.get(page.url).status_code == 200
    assert {e.author.slug for e in page.entry_list if e.author} <= {
        "aigerim-sadykova", "bakyt-toktogulov", "farrukh-nazarov"
    }  # fmt: skip
    assert all(e.author for e in page.entry_list)
    # A demo newsroom loaded before live coverage existed: its next run adds the page, once.
    page.delete()
    call_command("load_demo", verbosity=0)
    assert LivePage.objects.filter(slug=DEMO_SLUG).count() == 1
