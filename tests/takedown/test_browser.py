"""In Chromium: an editor takes an article down through the admin; a reader then gets the 410
notice, on a phone and a desktop. The demo's taken-down address answers 410 too.

Screenshots for the editors' guide go to docs/screenshots/ (takedown-*.png).
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from news.models import ArticlePage
from takedown.demo import DEMO_REASON
from takedown.models import Takedown
from tests.support.docs_screenshots import DOCS_SHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "x-long-password-1"


@pytest.fixture
def demo(live_server, settings):
    settings.STEPPE_SERVE_MEDIA = True
    call_command("load_demo", verbosity=0)
    get_user_model().objects.create_superuser("counsel", "counsel@example.org", PASSWORD)
    return live_server.url


def test_editor_takes_an_article_down_and_readers_get_the_notice(browser, demo):
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    # The demo's own taken-down address.
    demo_takedown = Takedown.objects.get()
    assert demo_takedown.reason == DEMO_REASON
    reader = browser.new_page(viewport={"width": 1280, "height": 900})
    response = reader.goto(f"{demo}{demo_takedown.url}")
    assert response.status == 410
    assert reader.locator("main h1").inner_text() == "Article removed"
    assert "demo:" not in reader.content()

    article = (
        ArticlePage.objects.live().filter(locale__language_code="en").order_by("-date_published").first()
    )
    url = article.url
    editor = browser.new_page(viewport={"width": 1280, "height": 900})
    editor.goto(f"{demo}/admin/login/")
    editor.fill("input[name=username]", "counsel")
    editor.fill("input[name=password]", PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_load_state()
    editor.goto(f"{demo}/admin/pages/{article.pk}/edit/")
    # The "Take down…" entry of the page's header menu (the ⋮ button next to the title).
    editor.get_by_role("button", name="Actions").first.click()
    editor.get_by_role("link", name="Take down…").first.click()
    editor.wait_for_load_state()
    assert editor.locator("h1").first.inner_text().startswith("Take down")
    editor.fill("textarea[name=reason]", "Court order 17/2026 (fictional, for the test)")
    editor.screenshot(path=str(DOCS_SHOTS / "takedown-confirm-1280.png"))
    editor.click("[data-takedown-action=confirm]")
    editor.wait_for_load_state()
    assert "is taken down" in editor.content()

    for width, height in [(390, 844), (1280, 900)]:
        page = browser.new_page(viewport={"width": width, "height": height})
        response = page.goto(f"{demo}{url}")
        assert response.status == 410
        assert page.locator("main h1").inner_text() == "Article removed"
        assert page.locator("main p").first.inner_text() == "This article has been removed for legal reasons."
        assert "Court order 17/2026" not in page.content() and article.title not in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(DOCS_SHOTS / f"takedown-reader-{width}.png"))

    # The admin's list of takedowns, with the internal reason and the reversal.
    editor.goto(f"{demo}/admin/takedown/")
    assert editor.locator("table.takedowns tbody tr").count() == 2
    editor.screenshot(path=str(DOCS_SHOTS / "takedown-list-1280.png"))
    editor.locator(
        f"tr[data-takedown='{Takedown.objects.get(page=article).pk}'] a", has_text="Reverse"
    ).click()
    editor.click("[data-takedown-action=reverse]")
    editor.wait_for_load_state()
    assert "published again" in editor.content()
    assert browser.new_page().goto(f"{demo}{url}").status == 200


def test_the_notice_page_passes_axe_in_light_and_dark(browser, demo):
    from tests.audit.conftest import AXE
    from tests.audit.test_lighthouse import AXE_TAGS
    from tests.conftest import require_or_skip

    require_or_skip(AXE.exists(), "node_modules/axe-core (run `npm ci --ignore-scripts`)")
    url = f"{demo}{Takedown.objects.get().url}"
    for scheme in ("light", "dark"):
        context = browser.new_context(
            bypass_csp=True, color_scheme=scheme, viewport={"width": 390, "height": 844}
        )
        page = context.new_page()
        assert page.goto(url).status == 410
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        assert result["violations"] == [], (scheme, [v["id"] for v in result["violations"]])
        assert result["passes"], "axe checked nothing"
        context.close()
