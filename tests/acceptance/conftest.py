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

SCREENSHOTS = Path(
    os.environ.get("STEPPE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots")
)


# These tests start their own server processes; no test database is needed in this process.
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.parent == Path(__file__).parent:
            item.add_marker(pytest.mark.acceptance)


@pytest.fixture(scope="session")
def rates_source() -> Iterator[RatesSource]:
    from django.utils import timezone

    source = RatesSource(timezone.localdate())  # the newsroom's day (its TIME_ZONE), as the banks see it
    source.start()
    yield source
    source.stop()


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory, rates_source) -> Iterator[product.Newsroom]:
    root = tmp_path_factory.mktemp("newsroom")
    extra = {"STEPPE_FX_BASE_URLS": json.dumps(rates_source.base_urls())}
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


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
