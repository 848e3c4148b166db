"""'Most read' reaches pages the page cache already holds within minutes, as the README promises.

As shipped: the page cache on, the database task backend, the scheduler's flush_views task run as
the worker runs it (tests.tasks), beacons sent as a browser sends them.
"""

import re

import pytest

from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.STEPPE_PAGE_CACHE = True


@pytest.fixture
def clock(monkeypatch):
    """The readership clock, moved by hand."""
    from readership import queries

    now = [1_000_000.0]
    monkeypatch.setattr(queries, "clock", lambda: now[0], raising=False)
    return now


def read(client, page, times=1):
    for _ in range(times):
        client.get(f"/_util/hit/{page.pk}.gif", headers={"User-Agent": BROWSER})


def scheduled_flush():
    """What the scheduler queues every minute, run as the worker runs it."""
    from readership.tasks import flush_views

    flush_views.enqueue()
    assert "readership.tasks.flush_views" in run_queued_tasks()


def most_read_on(client, page, query: str = "") -> list[str]:
    response = client.get(page.url + query)
    html = response.content.decode()
    if 'id="most-read-heading"' not in html:
        return []
    section = html.split('id="most-read-heading"', 1)[1].split("</section>")[0]
    return re.findall(r'href="([^"]+)"', section)


def test_most_read_reaches_a_page_cached_before_anyone_read(client, newsroom, queue, clock):
    from news.cache import content_version

    elsewhere = newsroom.add_article("Elsewhere")
    first, second = newsroom.add_article("Read most"), newsroom.add_article("Read less")
    assert most_read_on(client, elsewhere) == []
    assert client.get(elsewhere.url)["X-Cache"] == "HIT"  # cached for 10 minutes
    version = content_version()
    read(client, first, 3)
    read(client, second, 1)
    clock[0] += 60
    scheduled_flush()
    assert most_read_on(client, elsewhere) == [first.url, second.url]
    assert content_version() == version  # pages were retired, not every cached fragment

    # The order changes: shown at the latest a couple of minutes later, never a page per minute.
    read(client, second, 5)
    clock[0] += 60
    scheduled_flush()
    assert most_read_on(client, elsewhere) == [first.url, second.url]  # held back: just changed
    clock[0] += 120
    scheduled_flush()
    assert most_read_on(client, elsewhere) == [second.url, first.url]


def test_a_flush_that_changes_no_ranking_keeps_the_cached_pages(client, newsroom, queue, clock):
    from news.cache import page_generation

    elsewhere = newsroom.add_article("Elsewhere")
    popular = newsroom.add_article("Popular")
    read(client, popular, 2)
    scheduled_flush()
    assert most_read_on(client, elsewhere) == [popular.url]
    generation = page_generation("en")
    read(client, popular, 2)  # more views, same list
    clock[0] += 600
    scheduled_flush()
    assert page_generation("en") == generation
    assert client.get(elsewhere.url)["X-Cache"] == "HIT"


def test_without_a_worker_reading_pages_still_renews_the_list(client, newsroom, clock, settings):
    """Small installs without the scheduler: STEPPE_VIEWS_FLUSH_ON_READ, at most every 5 minutes."""
    settings.STEPPE_VIEWS_FLUSH_ON_READ = True
    elsewhere = newsroom.add_article("Elsewhere")
    popular = newsroom.add_article("Popular")
    assert most_read_on(client, elsewhere) == []
    read(client, popular, 2)
    clock[0] += 60
    assert most_read_on(client, elsewhere) == []  # cached, and the list is recomputed at most every 5 min
    clock[0] += 250
    assert most_read_on(client, elsewhere, "?q=not-cached-yet") == [popular.url]
