"""In Chromium: an editor of the demo newsroom (the Editors group) replaces the demo's banner in
the admin, a reader whose pages were cached sees it at once on a phone and a desktop, in light and
dark, with and without JavaScript; the editor takes it down and readers no longer see it.

Screenshots for the editors' guide go to docs/screenshots/ (breaking-*.png).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from breaking.demo import DEMO_TEXT
from breaking.forms import DATETIME_LOCAL
from breaking.models import BreakingNews
from news.models import ArticlePage
from tests.breaking.conftest import PASSWORD, make_user
from tests.support.docs_screenshots import DOCS_SHOTS
from tests.support.docs_screenshots import docs_shot as shot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TEXT = "Flooding closes the Almaty–Bishkek road: what we know"

# WCAG contrast of the banner's text on its background, from the computed colours.
CONTRAST_JS = """() => { const el = document.querySelector('.breaking-news');
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = c => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  const style = getComputedStyle(el), a = lum(rgb(style.color)), b = lum(rgb(style.backgroundColor));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }"""


@pytest.fixture
def demo(live_server, settings):
    settings.STEPPE_SERVE_MEDIA = True
    settings.STEPPE_PAGE_CACHE = True
    call_command("load_demo", verbosity=0)
    make_user("desk", "Editors")
    return live_server.url


def test_editor_sets_and_clears_the_banner_and_readers_see_it_at_once(browser, demo):
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    article = (
        ArticlePage.objects.live().filter(locale__language_code="en").order_by("-date_published").first()
    )
    reader = browser.new_page(viewport={"width": 1280, "height": 900})
    # The demo's own banner, on pages now in the page cache.
    for url in ("/en/", article.url):
        reader.goto(f"{demo}{url}")
        assert reader.locator(".breaking-news-text").inner_text() == DEMO_TEXT

    editor = browser.new_page(viewport={"width": 1280, "height": 1000})
    editor.goto(f"{demo}/admin/login/")
    editor.fill("input[name=username]", "desk")
    editor.fill("input[name=password]", PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_url(re.compile(r"/admin/$"))
    assert editor.locator('a[href="/admin/breaking/"]').count() >= 1  # the menu item
    editor.goto(f"{demo}/admin/breaking/")
    english = editor.locator("section#language-en")
    assert DEMO_TEXT in english.locator("[data-breaking=current]").inner_text()
    form = english.locator("form[data-breaking-form=en]")

    form.locator("input[name$='-text']").fill(TEXT)
    expires = (timezone.localtime() + timedelta(hours=4)).strftime(DATETIME_LOCAL)
    form.locator("input[name$='-expires_at']").fill(expires)
    form.locator("input[name$='-text']").scroll_into_view_if_needed()
    shot(editor, "breaking-admin-1280.png")

    # A mistake is named by its field, and nothing changes for readers.
    form.locator("input[name$='-link_url']").fill("www.example.org")
    form.locator("button[data-breaking-action=set]").click()
    editor.wait_for_load_state()
    english = editor.locator("section#language-en")
    assert "must start with https://" in english.inner_text()
    assert BreakingNews.objects.current().get().text == DEMO_TEXT

    form = english.locator("form[data-breaking-form=en]")
    form.locator("input[name$='-text']").fill(TEXT)
    form.locator("input[name$='-link_url']").fill("")
    form.locator("input[name$='-expires_at']").fill(expires)
    form.locator("button[data-breaking-action=set]").click()
    editor.wait_for_url(re.compile(r"/admin/breaking/(#language-en)?$"))
    assert "The English banner is up on every page of that language." in editor.content()
    banner = BreakingNews.objects.current().get()
    assert banner.text == TEXT and banner.created_by.username == "desk"
    editor.set_viewport_size({"width": 390, "height": 844})
    editor.locator("section#language-en [data-breaking=current]").scroll_into_view_if_needed()
    shot(editor, "breaking-admin-390.png")

    # Readers: a new browser page (the first one may keep its copy for STEPPE_BROWSER_MAX_AGE
    # seconds, as HTTP allows; the page cache does not).
    reader.close()
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
        reader = context.new_page()
        for width, height in ((390, 844), (1280, 900)):
            reader.set_viewport_size({"width": width, "height": height})
            for url in ("/en/", article.url):
                reader.goto(f"{demo}{url}")
                box = reader.locator("section.breaking-news")
                assert box.locator(".breaking-news-text").inner_text() == TEXT
                assert box.get_attribute("aria-labelledby") == "breaking-news-label"
                top = box.bounding_box()
                assert top["y"] < 80 and top["width"] >= width - 20  # at the top, full width
                assert reader.evaluate(CONTRAST_JS) >= 4.5, (scheme, width)
                assert reader.evaluate("document.documentElement.scrollWidth") <= width
            if scheme == "light":
                shot(reader, f"breaking-reader-{width}.png")
        context.close()
    # No JavaScript needed: it is in the page as served.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{demo}/en/?lite=1")
    assert TEXT in plain.locator("body").inner_text()
    context.close()

    # The editor takes it down; a reader no longer sees it on any page.
    editor.set_viewport_size({"width": 1280, "height": 1000})
    editor.locator("section#language-en button[data-breaking-action=clear]").click()
    editor.wait_for_url(re.compile(r"/admin/breaking/(#language-en)?$"))
    assert "The English banner is down" in editor.content()
    reader = browser.new_page(viewport={"width": 1280, "height": 900})
    for url in ("/en/", article.url):
        reader.goto(f"{demo}{url}")
        assert reader.locator(".breaking-news").count() == 0
