"""In Chromium: an editor adds a correction to a published article in the admin and publishes it; a
reader, who had the article and the corrections page in the page cache, then sees the notice at
the top of the article and first on /en/corrections/, on a phone and a desktop.

Screenshots for the editors' guide go to docs/screenshots/ (corrections-*.png).
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from news.models import ArticleCorrection, ArticlePage
from tests.support.docs_screenshots import DOCS_SHOTS
from tests.support.docs_screenshots import docs_shot as shot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "x-long-password-1"
NOTICE = "An earlier version of this article gave the wrong day for the vote. It was on Tuesday."


@pytest.fixture
def demo(live_server, settings):
    settings.STEPPE_SERVE_MEDIA = True
    settings.STEPPE_PAGE_CACHE = True
    call_command("load_demo", verbosity=0)
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    return live_server.url


def test_editor_adds_a_correction_and_readers_see_it_at_once(browser, demo):
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en", corrections__isnull=True)
        .order_by("-date_published")
        .first()
    )
    reader = browser.new_page(viewport={"width": 1280, "height": 900})
    # The reader has read the article, and the corrections page is in the page cache (the
    # article's own entry may be retired by its view beacon changing the most-read list).
    reader.goto(f"{demo}{article.url}")
    assert NOTICE not in reader.content()
    reader.goto(f"{demo}/en/corrections/")
    assert NOTICE not in reader.content()

    editor = browser.new_page(viewport={"width": 1280, "height": 1000})
    editor.goto(f"{demo}/admin/login/")
    editor.fill("input[name=username]", "desk")
    editor.fill("input[name=password]", PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_url(re.compile(r"/admin/$"))
    editor.goto(f"{demo}/admin/pages/{article.pk}/edit/")
    editor.click("#id_corrections-ADD")
    form = editor.locator("#id_corrections-FORMS > *").last
    form.locator("select[name$='-kind']").select_option("correction")
    form.locator("textarea[name$='-text']").fill(NOTICE)
    assert form.locator("input[name$='-date']").input_value()  # today, filled in for the editor
    form.scroll_into_view_if_needed()
    shot(editor, "corrections-admin-1280.png")
    editor.set_viewport_size({"width": 390, "height": 844})
    form.locator("textarea[name$='-text']").scroll_into_view_if_needed()
    shot(editor, "corrections-admin-390.png")
    editor.locator("footer button[data-w-dropdown-target='toggle'], .footer .dropdown-toggle").first.click()
    editor.click("button[name=action-publish]")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"), timeout=60_000)
    correction = ArticleCorrection.objects.get(page=article, text=NOTICE)
    # Kept in the revision history: the published revision holds it.
    latest = ArticlePage.objects.get(pk=article.pk).live_revision
    assert NOTICE in [c["text"] for c in latest.content["corrections"]]

    # An empty text is refused with a message on the field, not a server error.
    editor.goto(f"{demo}/admin/pages/{article.pk}/edit/")
    editor.click("#id_corrections-ADD")
    editor.locator("#id_corrections-FORMS > *").last.locator("textarea[name$='-text']").fill("")
    editor.locator("footer button[data-w-dropdown-target='toggle'], .footer .dropdown-toggle").first.click()
    editor.click("button[name=action-publish]")
    editor.wait_for_load_state()
    assert "/edit/" in editor.url
    assert editor.locator(".error-message, .help-critical, [role=alert]").count() >= 1
    assert ArticleCorrection.objects.filter(page=article).count() == 1

    # A new reader (the first one's browser may keep its copy for STEPPE_BROWSER_MAX_AGE seconds,
    # as HTTP allows; the page cache and nginx do not: they were retired by the publish).
    reader.close()
    reader = browser.new_page()
    for width, height in ((390, 844), (1280, 900)):
        reader.set_viewport_size({"width": width, "height": height})
        response = reader.goto(f"{demo}{article.url}")
        assert response.status == 200
        box = reader.locator("article section.corrections")
        assert box.is_visible()
        assert box.locator("h2").inner_text() == "Correction"
        assert box.locator(".correction-text").inner_text() == NOTICE
        assert box.locator("time").get_attribute("datetime")
        # Under the headline block, above the lead image: on screen without scrolling.
        header_bottom = reader.locator(".article-header").bounding_box()
        box_top = box.bounding_box()
        image_top = reader.locator(".lead-image").bounding_box()
        assert header_bottom["y"] + header_bottom["height"] <= box_top["y"] < image_top["y"]
        assert box_top["y"] < height
        assert reader.locator(".dateline .corrected-label").inner_text().lower() == "corrected"
        assert reader.evaluate("document.documentElement.scrollWidth") <= width
        shot(reader, f"corrections-article-{width}.png")

        reader.goto(f"{demo}/en/corrections/")
        first = reader.locator(".corrections-entry").first
        assert first.locator(".correction-text").inner_text() == NOTICE
        link = first.locator("h2 a")
        assert link.inner_text() == article.title
        assert link.get_attribute("href") == f"{article.url}#correction-{correction.pk}"
        assert reader.evaluate("document.documentElement.scrollWidth") <= width
        shot(reader, f"corrections-page-{width}.png")
        # The link lands on the notice.
        link.click()
        reader.wait_for_load_state()
        assert reader.url.endswith(f"#correction-{correction.pk}")
        assert reader.locator(f"#correction-{correction.pk}").is_visible()

    # The footer leads to the page from anywhere, in lite mode too.
    reader.goto(f"{demo}/en/?lite=1")
    reader.locator("footer a", has_text="Corrections").click()
    reader.wait_for_load_state()
    assert reader.locator("h1").inner_text() == "Corrections and clarifications"
    assert NOTICE in reader.content()
