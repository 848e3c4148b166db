"""In Chromium: an editor posts an entry to the demo's live page in the admin and publishes it; a
reader who already had the page open sees the entry appear at the top without reloading (the page's
script polls the cached JSON). Without JavaScript the page shows every entry on load; axe finds no
WCAG 2.2 A/AA (or best-practice) violation on it.

Screenshots for the editors' guide go to docs/screenshots/ (live-*.png).
"""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from live.demo import DEMO_SLUG
from live.models import LivePage
from tests.audit.conftest import AXE
from tests.audit.test_lighthouse import AXE_TAGS
from tests.support.docs_screenshots import DOCS_SHOTS
from tests.support.docs_screenshots import docs_shot as shot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "x-long-password-1"
TEXT = "Demo content. The first results from the eastern districts put the two parties level."


@pytest.fixture
def demo(live_server, settings):
    settings.STEPPE_SERVE_MEDIA = True
    settings.STEPPE_PAGE_CACHE = True
    call_command("load_demo", verbosity=0)
    get_user_model().objects.create_superuser("desk", "desk@example.org", PASSWORD)
    return live_server.url


def test_editor_posts_an_entry_and_an_open_page_shows_it_without_reloading(browser, demo):
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    page = LivePage.objects.get(slug=DEMO_SLUG, locale__language_code="en")
    count = page.entries.count()

    # Without JavaScript: every entry is on the page at load.
    plain = browser.new_context(java_script_enabled=False).new_page()
    plain.goto(f"{demo}{page.url}")
    assert plain.locator(".live-entries article.live-entry").count() == count
    assert plain.locator(".live-pinned article.live-entry").count() == 1
    plain.context.close()

    reader = browser.new_page(viewport={"width": 1280, "height": 900})
    reader.goto(f"{demo}{page.url}")
    assert reader.locator(".live-status .live-badge").inner_text().lower() == "live"
    reader.evaluate("window.__notReloaded = true")
    assert TEXT not in reader.content()

    editor = browser.new_page(viewport={"width": 1280, "height": 1000})
    editor.goto(f"{demo}/admin/login/")
    editor.fill("input[name=username]", "desk")
    editor.fill("input[name=password]", PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_url(re.compile(r"/admin/$"))
    editor.goto(f"{demo}/admin/pages/{page.pk}/edit/")
    editor.click("#id_entries-ADD")
    form = editor.locator("#id_entries-FORMS > *").last
    assert form.locator("input[name$='-posted_at']").input_value()  # now, filled in for the editor
    form.locator("input[name$='-title']").fill("First results")
    form.locator("[data-chooser-action-choose], button:has-text('Choose')").first.click()
    editor.locator(".modal-content a", has_text="Aigerim Sadykova").first.click()
    editor.wait_for_timeout(300)
    body = form.locator(".public-DraftEditor-content")
    body.click()
    editor.keyboard.type(TEXT)
    form.scroll_into_view_if_needed()
    shot(editor, "live-admin-1280.png")
    editor.set_viewport_size({"width": 390, "height": 844})
    body.scroll_into_view_if_needed()
    shot(editor, "live-admin-390.png")
    editor.locator("footer button[data-w-dropdown-target='toggle'], .footer .dropdown-toggle").first.click()
    editor.click("button[name=action-publish]")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"), timeout=60_000)
    published = time.monotonic()
    entry = LivePage.objects.get(pk=page.pk).entries.get(title="First results")
    assert entry.author.name == "Aigerim Sadykova"
    assert "First results" in [
        e["title"] for e in LivePage.objects.get(pk=page.pk).live_revision.content["entries"]
    ]

    # The open page: the entry appears at the top, by the script, within one poll; no reload.
    first = reader.locator(".live-entries .live-item").first
    first.locator(f"#entry-{entry.pk}").wait_for(timeout=20_000)
    assert time.monotonic() - published < 20
    assert reader.evaluate("window.__notReloaded") is True
    assert TEXT in first.inner_text() and "Aigerim Sadykova" in first.inner_text()
    assert reader.locator(".live-entries article.live-entry").count() == count + 1
    assert reader.locator(".live-announce").inner_text() == "New entries were added."
    shot(reader, "live-page-1280.png")

    reader.set_viewport_size({"width": 390, "height": 844})
    reader.goto(f"{demo}{page.url}#entry-{entry.pk}")
    assert reader.locator(f"#entry-{entry.pk}").is_visible()
    assert reader.evaluate("document.documentElement.scrollWidth") <= 390
    reader.goto(f"{demo}{page.url}")
    shot(reader, "live-page-390.png")

    # axe: no WCAG 2.2 A/AA violation, light and dark.
    for scheme in ("light", "dark"):
        context = browser.new_context(
            bypass_csp=True, color_scheme=scheme, viewport={"width": 390, "height": 844}
        )
        check = context.new_page()
        check.goto(f"{demo}{page.url}")
        check.add_script_tag(path=str(AXE))
        result = check.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        assert result["violations"] == [], [
            (v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
        ]
        context.close()
