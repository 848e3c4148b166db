"""A reader sees the ticker on a news page in Chromium: five dated, attributed rates; then the rates page."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.browser.conftest import browser, screenshot_dir  # noqa: F401 - shared Playwright fixtures

# serialized_rollback keeps Wagtail's root page and collection across the live-server flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(live_server):
    from tests.factories import create_newsroom

    create_newsroom()
    call_command("fx_load_recorded", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_ticker_shows_five_dated_attributed_rates(browser, site, screenshot_dir, width, height):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": height})
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("console", lambda m: failed.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{site}/en/")
    ticker = page.get_by_role("list", name="Official exchange rates")
    items = ticker.get_by_role("listitem")
    assert items.count() == 5
    pairs = [items.nth(i).locator(".fx-pair").inner_text() for i in range(5)]
    assert pairs == ["KGS/USD", "KZT/USD", "TJS/USD", "UZS/USD", "TMT/USD"]
    for i in range(5):
        item = items.nth(i)
        assert item.is_visible()
        title = item.get_attribute("title")
        assert " · " in title and ("rate for March" in title or "fixed rate since" in title)
        assert "Bank" in item.locator("abbr").get_attribute("title")  # who published it
        meta = item.locator(".fx-meta").inner_text()
        assert meta.split(" · ")[1].split()[0] in {"NBKR", "NBK", "NBT", "CBU", "CBT"}
    kzt = items.nth(1)
    assert kzt.locator(".fx-value").inner_text() == "0.002077"
    assert kzt.locator("time").get_attribute("datetime") == "2026-03-13"
    assert kzt.locator(".fx-change").inner_text().endswith("-0.54%")
    assert kzt.locator(".fx-change .visually-hidden").inner_text() == "down"
    assert items.nth(3).locator(".fx-value").inner_text() == "0.00008162"
    assert "0.00%" in items.nth(0).locator(".fx-change").inner_text()
    # The recorded demo rates are from March: the ticker says they are out of date.
    assert items.nth(1).locator(".fx-stale").is_visible()
    # Colour is not the only signal, and the strip is readable: light text on the dark strip.
    down_colour = kzt.locator(".fx-change").evaluate("e => getComputedStyle(e).color")
    assert down_colour != items.nth(0).locator(".fx-change").evaluate("e => getComputedStyle(e).color")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot = screenshot_dir / f"ticker-{width}.png"
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": width, "height": min(height, 420)})

    kzt.locator("a").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/fx/#rate-KZT")
    assert page.locator("h1").inner_text() == "Official exchange rates"
    assert page.locator("svg.fx-chart").count() == 5
    page.fill("#fx-amount", "100")
    page.select_option("#fx-from", "USD")
    page.select_option("#fx-to", "KZT")
    page.click("form.fx-converter button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".fx-result strong").inner_text() == "100 USD = 48,135 KZT"
    page.screenshot(path=str(screenshot_dir / f"fx-page-{width}.png"), full_page=True)
    widest = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth
                         && !e.parentElement.closest('.fx-table-wrap'))
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, widest
    assert not failed, failed
    print(f"screenshots: {shot} {screenshot_dir / f'fx-page-{width}.png'}")


def test_ticker_in_russian(browser, site, screenshot_dir):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/ru/fx/")
    items = page.get_by_role("list", name="Официальные курсы валют").get_by_role("listitem")
    assert items.count() == 5
    assert items.nth(1).locator(".fx-value").inner_text() == "0,002077"
    assert items.nth(1).locator("time").inner_text() == "13 мар."
    page.screenshot(path=str(screenshot_dir / "fx-page-ru.png"), full_page=False)
