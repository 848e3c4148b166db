"""In Chromium: light and dark mode, 320 px to wide screens, print, and lite mode (screenshots)."""

from __future__ import annotations

import pytest

from tests.audit.pages import build_site
from tests.browser.conftest import browser, screenshot_dir  # noqa: F401 - shared Playwright fixtures

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OVERFLOW_JS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.fx-table-wrap, .fx-ticker-list'))
  .map(e => e.tagName + '.' + e.className).slice(0, 5)"""

LUMINANCE_JS = """() => { const c = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);
  return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255; }"""


@pytest.fixture
def site(live_server):
    _room, article = build_site()
    return {"home": f"{live_server.url}/en/", "article": f"{live_server.url}{article.url}",
            "section": f"{live_server.url}/en/politics/", "fx": f"{live_server.url}/en/fx/"}  # fmt: skip


def test_modes(browser, site, screenshot_dir):  # noqa: F811
    shots = []
    # Light and dark, phone and desktop: the colours follow the reader's setting, nothing overflows.
    for scheme in ("light", "dark"):
        for width, height in ((320, 700), (390, 844), (1280, 900)):
            context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": height})
            page = context.new_page()
            for name, url in site.items():
                page.goto(url)
                luminance = page.evaluate(LUMINANCE_JS)
                assert (luminance < 0.2) if scheme == "dark" else (luminance > 0.9), (scheme, name, luminance)
                assert page.evaluate("document.documentElement.scrollWidth") <= width, page.evaluate(
                    OVERFLOW_JS
                )
                if name in ("home", "article") and width != 320:
                    shot = screenshot_dir / f"audit-{name}-{width}-{scheme}.png"
                    page.screenshot(path=str(shot), full_page=width == 390)
                    shots.append(shot)
            context.close()

    # Print: the article alone, black on white, without navigation, ticker or sidebars.
    page = browser.new_page(viewport={"width": 800, "height": 1000}, color_scheme="dark")
    page.goto(site["article"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.site-header', '.ticker-strip', '.sidebar', '.suggested', '.site-footer', '.skip-link']
             .map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none')
             .map(e => e.className)"""
    )
    assert not hidden, hidden
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in (
        "rgb(255, 255, 255)",
        "rgba(0, 0, 0, 0)",
    )
    page.pdf(path=str(screenshot_dir / "audit-article-print.pdf"))
    page.close()

    # Lite mode at 320 px: text only, readable, and following a link stays in lite mode.
    for scheme in ("light", "dark"):
        page = browser.new_page(viewport={"width": 320, "height": 700}, color_scheme=scheme)
        page.goto(site["article"] + "?lite=1")
        assert page.locator("img").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.evaluate(OVERFLOW_JS)
        shot = screenshot_dir / f"audit-article-lite-{scheme}.png"
        page.screenshot(path=str(shot), full_page=True)
        shots.append(shot)
        page.locator("nav[aria-label='Sections'] a").first.click()
        page.wait_for_load_state()
        assert "lite=1" in page.url and page.locator("img").count() == 0
        page.close()
    print("screenshots:", *shots, sep="\n  ")
