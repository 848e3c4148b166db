"""One newsroom for the acceptance suite, started by `make run` exactly as a user starts it.

The suite is black-box: it talks to the newsroom over HTTP and through Chromium only. In the
PostgreSQL pass of `.ci/run` (DATABASE_URL and REDIS_URL set) the newsroom gets a new database of
its own on that server and a cache prefix of its own in that Redis; otherwise it runs the embedded
default (SQLite and the file cache in its var directory), as `make run` does on a new machine.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.acceptance import product
from tests.acceptance.banks import RatesSource
from tests.conftest import CHROMIUM, launch_chromium, require_or_skip
from tests.deploy.helpers import free_port, scratch_database
from tests.newsletter.smtp import SMTPServer
from tests.telegram.fake_bot_api import TOKEN, FakeBotAPI

SCREENSHOTS = product.SCREENSHOTS


# These tests start their own server processes; no test database is needed in this process.
# The order the suite uses the one newsroom in. What waits on the clock (a scheduled article,
# the minute's flush of views) starts first and is checked later, so the waits overlap the other
# tests; the drill compares two sites once nothing else changes the first; the shutdown ends it.
ORDER = (
    "test_editing.py::test_an_editor_schedules_an_article",
    "test_reading.py::test_readers_open_articles",
    "test_crawl.py::",
    "test_search.py::",
    "test_rates.py::",
    "test_editing.py::test_an_article_published_in_the_admin",
    "test_reading.py::test_articles_readers_opened_appear_in_most_read",
    "test_telegram.py::",  # overlaps the scheduled article's wait
    "test_editing.py::test_the_scheduled_article_goes_live_on_time",
    "test_newsletter.py::",
    "test_workflow.py::",
    "test_disaster_recovery.py::",
    "test_fault_drill.py::",
    "test_shutdown.py::",
)


def acceptance_rank(item: pytest.Item) -> int:
    name = f"{item.path.name}::{item.name}"
    return next((rank for rank, prefix in enumerate(ORDER) if name.startswith(prefix)), len(ORDER))


def pytest_collection_modifyitems(config, items):
    ours = [item for item in items if item.path.parent == Path(__file__).parent]
    for item in ours:
        item.add_marker(pytest.mark.acceptance)
    if ours:
        first = items.index(ours[0])
        rest = [item for item in items if item not in ours]
        items[:] = rest[:first] + sorted(ours, key=acceptance_rank) + rest[first:]


@pytest.fixture(scope="session")
def rates_source() -> Iterator[RatesSource]:
    from django.utils import timezone

    source = RatesSource(timezone.localdate())  # the newsroom's day (its TIME_ZONE), as the banks see it
    source.start()
    yield source
    source.stop()


@pytest.fixture(scope="session")
def telegram_api():
    """The Bot API the newsroom posts to: the loopback fake of tests/telegram."""
    api = FakeBotAPI().start()
    yield api
    api.stop()


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SMTPServer]:
    """The mail server the newsroom sends through (EMAIL_HOST/EMAIL_PORT): a real one on loopback."""
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory, rates_source, telegram_api, smtp_server) -> Iterator[product.Newsroom]:
    root = tmp_path_factory.mktemp("newsroom")
    extra = {"STEPPE_FX_BASE_URLS": json.dumps(rates_source.base_urls())}
    extra.update(
        STEPPE_TELEGRAM_BOT_TOKEN=TOKEN,
        STEPPE_TELEGRAM_CHANNELS=json.dumps({"en": "@steppe_en", "ru": "@steppe_ru"}),
        STEPPE_TELEGRAM_API_URL=telegram_api.url,
    )
    extra.update(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
        DEFAULT_FROM_EMAIL="The Steppe Courier <news@example.org>",
    )
    with scratch_database(root, "acceptance") as database_url:
        if database_url.startswith("postgres"):
            extra["DATABASE_URL"] = database_url
            if os.environ.get("REDIS_URL"):
                extra["REDIS_URL"] = os.environ["REDIS_URL"]
        newsroom = product.start(root / "var", free_port(), root / "make-run.log", **extra)
        try:
            yield newsroom
        finally:
            if newsroom.processes():
                product.stop(newsroom)
            # The newsroom's own output, kept where CI keeps its screenshots.
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(newsroom.log, SCREENSHOTS / "acceptance-make-run.log")


@pytest.fixture(scope="session")
def browser():
    require_or_skip(shutil.which("chromium") is not None and os.path.exists(CHROMIUM), "Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def editor(newsroom, browser):
    """The demo editor, logged in to the admin in a desktop-sized browser (one per module)."""
    from tests.acceptance.editor import log_in

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    log_in(page, newsroom)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
