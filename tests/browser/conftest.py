import os
from pathlib import Path

import pytest

from tests.conftest import launch_chromium

SCREENSHOTS = Path(
    os.environ.get("STEPPE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots")
)


@pytest.fixture
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test are
    # still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
