"""A reader opens the home page, follows a link into an article, on a phone and a desktop."""

import pytest
from django.core.management import call_command

# serialized_rollback: the flush after a live-server test must not take Wagtail's root page and
# collection (made by migrations) with it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(live_server, settings):
    settings.STEPPE_SERVE_MEDIA = True
    call_command("load_demo", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_reader_goes_from_home_to_article(browser, demo, screenshot_dir, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors = []
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    page.goto(f"{demo}/en/")
    assert page.locator("h1").count() == 1
    home_shot = screenshot_dir / f"home-{width}.png"
    page.screenshot(path=str(home_shot), full_page=True)

    link = page.locator(".lead-story .card-title a").first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text() == title
    assert page.locator(".dateline time").first.get_attribute("datetime")
    assert page.locator(".lead-image img").is_visible()
    assert page.locator(".lead-image .credit").inner_text().startswith("Image:")
    assert page.locator(".article-body p").count() >= 3
    assert page.locator(".suggested .card").count() >= 1
    assert page.locator("aside.sidebar .latest li").count() >= 3
    # Nothing overflows the viewport sideways: the page reads without horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    article_shot = screenshot_dir / f"article-{width}.png"
    page.screenshot(path=str(article_shot), full_page=False)
    assert not errors, errors
    print(f"screenshots: {home_shot} {article_shot}")
