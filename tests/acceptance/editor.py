"""An editor's steps in the Wagtail admin, done in Chromium the way an editor does them."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

from PIL import Image
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.acceptance.product import Newsroom


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


def log_in(page: Page, newsroom: Newsroom) -> None:
    username, password = newsroom.login()
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
        editor = page.locator("[contenteditable=true][role=textbox]").nth(number)
        editor.click()
        editor.type(text)
    for country in draft.countries:
        page.get_by_label(country, exact=True).check()
    for tag in draft.tags:
        tag_input = page.locator("#id_tags + * input, .tagit-new input").first
        tag_input.fill(tag)
        tag_input.press("Enter")
    if draft.go_live_at:
        # Wagtail keeps the go-live time in the status side panel's "Set schedule" dialog.
        page.click("[data-side-panel-toggle='status']")
        page.click("button:has-text('Set schedule'), a:has-text('Set schedule')")
        dialog = page.locator("#schedule-publishing-dialog")
        dialog.locator("#id_go_live_at").fill(draft.go_live_at)
        dialog.locator("button:has-text('Save schedule')").click()
        dialog.wait_for(state="hidden")  # it closes with an animation that would swallow the next click
    # "Publish" (or "Schedule to publish") sits in the menu beside "Save draft".
    page.locator("footer button[data-w-dropdown-target='toggle'], .footer .dropdown-toggle").first.click()
    page.click("button[name=action-publish]")
    try:
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    except PlaywrightTimeout:
        errors = page.locator(".messages, .error-message, .help-critical").all_inner_texts()
        raise AssertionError(f"publishing {draft.title!r} did not finish: {errors}") from None


def unpublish(page: Page, newsroom: Newsroom, page_id: int) -> None:
    page.goto(newsroom.url(f"/admin/pages/{page_id}/unpublish/"))
    page.click("main button[type=submit], form button[type=submit]:has-text('unpublish')")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
