"""In Chromium: an editor sees an embargoed article marked in the page listing and on its edit
page, clicks Publish, and is told it was not published (the draft kept); a reader still gets 404.

Screenshots for the editors' guide go to docs/screenshots/ (embargo-*.png).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from news.models import ArticlePage
from tests.support.docs_screenshots import docs_shot as shot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "x-long-password-1"
TITLE = "Budget talks: the ministry's draft (demo story under embargo)"


@pytest.fixture
def site(live_server, settings, newsroom):
    settings.STEPPE_PAGE_CACHE = True
    newsroom.add_article("Grain prices steady")
    held = newsroom.add_article(TITLE, live=False, embargo=timezone.now() + timedelta(hours=5))
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    return live_server.url, newsroom, held


def log_in(browser, base: str):
    editor = browser.new_page(viewport={"width": 1280, "height": 900})
    editor.goto(f"{base}/admin/login/")
    editor.fill("input[name=username]", "desk")
    editor.fill("input[name=password]", PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_url(re.compile(r"/admin/$"))
    return editor


def test_editor_sees_the_embargo_and_publishing_is_refused(browser, site):
    base, newsroom, held = site
    reader = browser.new_page()
    assert reader.goto(f"{base}/en/politics/{held.slug}/").status == 404

    editor = log_in(browser, base)
    # The section's listing: the article's status says until when it is embargoed.
    editor.goto(f"{base}/admin/pages/{newsroom.sections['politics'].pk}/")
    row = editor.locator("tr", has_text=TITLE)
    status = row.locator(".w-status").first.inner_text().lower()
    assert "draft" in status and "embargoed until" in status
    shot(editor, "embargo-listing-1280.png")

    # The edit page opens on a notice saying the same.
    editor.goto(f"{base}/admin/pages/{held.pk}/edit/")
    notice = editor.locator(".embargo-status")
    assert notice.is_visible() and notice.inner_text().startswith("Embargoed until")
    editor.fill("#id_title", TITLE + ", revised")
    editor.locator("footer button[data-w-dropdown-target='toggle'], .footer .dropdown-toggle").first.click()
    editor.click("button[name=action-publish]")
    editor.wait_for_url(re.compile(rf"/admin/pages/{held.pk}/edit/$"), timeout=60_000)
    editor.wait_for_load_state()
    message = editor.locator(".messages .error, .messages [class*=error]").first
    assert message.is_visible()
    text = message.inner_text()
    assert "embargoed until" in text and "not published" in text and "saved as a draft" in text
    editor.evaluate("window.scrollTo(0, 0)")
    shot(editor, "embargo-refused-1280.png")

    page = ArticlePage.objects.get(pk=held.pk)
    assert not page.live
    assert page.get_latest_revision().content["title"] == TITLE + ", revised"  # the draft is kept
    # The Settings tab holds the embargo field, where the editor changes or clears it.
    editor.click("a[href='#tab-settings'], [role=tab]:has-text('Settings')")
    field = editor.locator("#id_embargo")
    assert field.is_visible() and field.input_value()
    field.scroll_into_view_if_needed()
    shot(editor, "embargo-settings-1280.png")

    # The reader, on a new visit, still finds nothing.
    fresh = browser.new_page()
    response = fresh.goto(f"{base}/en/politics/{held.slug}/")
    assert response.status == 404 and "Budget talks" not in fresh.content()
    fresh.goto(f"{base}/en/")
    assert "Budget talks" not in fresh.content()
