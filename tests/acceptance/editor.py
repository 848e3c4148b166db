"""An editor's steps in the Wagtail admin, done in Chromium the way an editor does them."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import subprocess
from dataclasses import dataclass

from PIL import Image
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.acceptance.product import BASE_DIR, SCREENSHOTS, Newsroom, wait_until

# Milliseconds a publish may take to come back to the explorer: a publish runs Wagtail's signals
# in the request, and CI runs two passes (two newsrooms, two test suites) on two cores at once.
PUBLISH_TIMEOUT = 60_000


@dataclass
class Draft:
    title: str
    standfirst: str
    paragraphs: list[str]
    countries: list[str]  # the labels of the country checkboxes, e.g. "Kazakhstan"
    tags: list[str]
    image_title: str
    credit: str
    go_live_at: str = ""  # "YYYY-MM-DD HH:MM" in the site's time zone: scheduled, not published now


def log_in(page: Page, newsroom: Newsroom, login: tuple[str, str] | None = None) -> None:
    """Log in as the demo editor `make run` printed, or with the given (username, password)."""
    username, password = login or newsroom.login()
    page.goto(newsroom.url("/admin/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def admin_id_of(page: Page, newsroom: Newsroom, path: str) -> int:
    """The admin id of the page at `path`, from the userbar the site shows a logged-in editor."""
    page.goto(newsroom.url(path))
    href = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute("href")
    return int(re.search(r"/admin/pages/(\d+)/edit/", href).group(1))


def jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def colour_of(text: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(text.encode()).digest()
    return digest[0], digest[1], digest[2]


def write_article(page: Page, newsroom: Newsroom, section_id: int, draft: Draft) -> None:
    """Fill in a new article under the section, with an uploaded lead image, and publish it."""
    page.goto(newsroom.url(f"/admin/pages/add/news/articlepage/{section_id}/"))
    page.fill("#id_title", draft.title)
    page.fill("#id_standfirst", draft.standfirst)
    # The lead image, uploaded in the chooser as editors do.
    page.click("text=Choose an image")
    page.click("#tab-label-upload")
    page.set_input_files(
        "#id_image-chooser-upload-file",
        # A colour of its own per article: Wagtail asks before taking a duplicate of an image.
        files=[{"name": "lead.jpg", "mimeType": "image/jpeg", "buffer": jpeg(colour_of(draft.title))}],
    )
    page.fill("#id_image-chooser-upload-title", draft.image_title)
    page.fill("#id_image-chooser-upload-credit", draft.credit)
    page.fill("#id_image-chooser-upload-alt_text", draft.image_title)
    page.click(".modal-dialog button[type=submit]:has-text('Upload')")
    page.wait_for_selector(".modal-dialog", state="detached")
    page.fill("#id_lead_image_credit", draft.credit)
    # The body: one paragraph block per paragraph.
    for number, text in enumerate(draft.paragraphs):
        page.locator("button[title='Insert a block']").last.click()
        page.locator(
            "[role=option]:has-text('Paragraph'), .w-combobox__option:has-text('Paragraph')"
        ).first.click()
        # The new block's editor, once Draftail has made it (under load it comes late, and text
        # typed before lands nowhere: the block is then empty and "This field is required").
        editors = page.locator("[contenteditable=true][role=textbox]")
        expect(editors).to_have_count(number + 1)
        editor = editors.nth(number)
        editor.click()
        editor.type(text)
        expect(editor).to_contain_text(text)
    for country in draft.countries:
        page.get_by_label(country, exact=True).check()
    for tag in draft.tags:
        tag_input = page.locator("#id_tags + * input, .tagit-new input").first
        tag_input.fill(tag)
        tag_input.press("Enter")
    if draft.go_live_at:
        # Wagtail keeps the go-live time in the status side panel's "Set schedule" dialog.
        # The admin remembers an open side panel from the last edit page: open it only if closed.
        toggle = page.locator("[data-side-panel-toggle='status']")
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        page.click("button:has-text('Set schedule'), a:has-text('Set schedule')")
        dialog = page.locator("#schedule-publishing-dialog")
        dialog.locator("#id_go_live_at").fill(draft.go_live_at)
        # The date picker the field opened can stay over the dialog's button (seen under load): the
        # click goes to the button itself, as a keyboard user's Enter would.
        dialog.locator("button:has-text('Save schedule')").dispatch_event("click")
        dialog.wait_for(state="hidden")  # it closes with an animation that would swallow the next click
    wait_for_autosave(page)
    # "Publish" (or "Schedule to publish") sits in the menu beside "Save draft".
    try:
        publish_from_edit_view(page)
    except AssertionError as refused:
        # Wagtail 8 autosaves the form half a second after a change, and the first autosave
        # creates the page: a Publish posted while that autosave is on its way posts a second
        # create, which Wagtail refuses ("slug already in use", or a 500 when the two race in the
        # database; seen in the fault drill). The editor then publishes the draft the autosave made.
        shot = SCREENSHOTS / f"failed-publish-{re.sub(r'[^a-z0-9]+', '-', draft.title.lower())[:40]}.png"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=shot, full_page=True)
        if publish_autosaved_draft(page, newsroom, section_id, draft.title):
            return
        raise AssertionError(f"{draft.title!r}: {refused} (see {shot})") from None


def publish_autosaved_draft(page: Page, newsroom: Newsroom, section_id: int, title: str) -> bool:
    """Publish the draft titled `title` under the section from its edit view; False if none."""
    page.goto(newsroom.url(f"/admin/pages/{section_id}/?ordering=-latest_revision_created_at"))
    row = page.locator("table tbody tr", has_text=title).first
    if not row.count() or "draft" not in row.inner_text().lower():
        return False
    row.locator("a[href*='/edit/']").first.click()
    publish_from_edit_view(page)
    return True


def wait_for_autosave(page: Page) -> None:
    """Until Wagtail's autosave has stored the last change, as an editor sees "Saved" first.

    Wagtail 8 autosaves half a second after a change, and its first autosave creates the page. A
    Publish clicked while that is on its way posts a second create, which fails; and the draft it
    left may lack what was typed last (an empty body block: "This field is required"). Where
    autosave is off this returns after the timeout and the editor publishes as before.
    """
    page.wait_for_timeout(1_500)
    try:
        page.get_by_text("Saving", exact=True).first.wait_for(state="hidden", timeout=20_000)
        page.get_by_text("Saved", exact=True).first.wait_for(state="visible", timeout=20_000)
    except PlaywrightTimeout:
        pass


def publish_from_edit_view(page: Page) -> None:
    """Publish the page open in its edit view; an error names what the admin said instead."""
    page.locator("footer button[data-w-dropdown-target='toggle'], .footer .dropdown-toggle").first.click()
    page.click("button[name=action-publish]")
    try:
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"), timeout=PUBLISH_TIMEOUT)
    except PlaywrightTimeout:
        said = page.locator(".messages, .error-message, .help-critical").all_inner_texts()
        raise AssertionError(f"publishing did not finish: {said}") from None


def unpublish(page: Page, newsroom: Newsroom, page_id: int) -> None:
    page.goto(newsroom.url(f"/admin/pages/{page_id}/unpublish/"))
    page.click("main button[type=submit], form button[type=submit]:has-text('unpublish')")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"), timeout=PUBLISH_TIMEOUT)


# A publish as the admin's Publish button does it (a revision published: Wagtail's signals, the
# tasks they enqueue), in a manage.py process of the site's own. Idempotent, as an editor who
# retries is: an article already live or scheduled is left alone.
PUBLISH = """
import datetime
from news.models import ArticlePage, SectionPage
from tests.factories import create_article
title, go_live_at = {title!r}, {go_live_at!r}
if not ArticlePage.objects.filter(title=title).exists():
    section = SectionPage.objects.get(url_path__endswith="/society/", locale__language_code="en")
    when = datetime.datetime.fromisoformat(go_live_at) if go_live_at else None
    create_article(section, title, countries=["KG"], tags=["winter"], live=True, go_live_at=when)
"""


def publish_article(site: Newsroom, title: str, go_live_at: datetime.datetime | None = None) -> None:
    """Publish (or, with a future go_live_at, schedule) an article under /en/society/."""
    script = PUBLISH.format(title=title, go_live_at=go_live_at.isoformat() if go_live_at else "")
    env = {"STEPPE_LANGUAGES": "en,ru,kk,uz", **site.env}

    def run() -> bool:
        done = subprocess.run(
            [str(BASE_DIR / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", script],
            cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        return done.returncode == 0

    wait_until(run, 60, f"publishing {title!r}", interval=1)
