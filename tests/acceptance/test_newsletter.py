"""The newsletter as readers and editors use it: subscribe from a page's footer, confirm from the
mail, an editor sends the day's top stories from the admin, the mail arrives, one click unsubscribes.

Mail goes through the session's loopback SMTP server (conftest `smtp_server`, the newsroom's
EMAIL_HOST/EMAIL_PORT), sent by the newsroom's own task worker.
"""

from __future__ import annotations

import re
import uuid

import requests

from tests.acceptance.editor import log_in

MAIL_WITHIN = 60  # seconds: the worker polls every second; the scheduler's resume job is a backstop


def test_a_reader_subscribes_confirms_receives_an_issue_and_unsubscribes(
    newsroom, browser, smtp_server, screenshot_dir
):
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    reader = browser.new_context(viewport={"width": 390, "height": 844})
    page = reader.new_page()
    page.set_default_timeout(20_000)

    # From the footer of the home page (served from the page cache).
    page.goto(newsroom.url("/en/"))
    page.fill("#newsletter-signup-email", address)
    page.click(".newsletter-signup button[type=submit]")
    page.wait_for_url(re.compile(r"/en/newsletter/subscribe/$"))
    assert page.locator("main h1").inner_text() == "Check your inbox"

    smtp_server.wait_for(lambda got: any(address in r.rcpt_tos for r in got), MAIL_WITHIN)
    (confirmation,) = smtp_server.to(address)
    assert confirmation.message["Subject"].startswith("Confirm your subscription to ")
    link = next(link for link in confirmation.links() if "/newsletter/confirm/" in link)
    assert link.startswith(newsroom.base_url + "/en/newsletter/confirm/"), "links name the site's own address"
    page.goto(link)
    page.click("main button[type=submit]")
    assert page.locator("main h1").inner_text() == "You are subscribed"
    reader.close()

    # An editor sends the day's top stories.
    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    editor.set_default_timeout(20_000)
    log_in(editor, newsroom)
    subject = f"Today on the steppe {uuid.uuid4().hex[:6]}"
    editor.goto(newsroom.url("/admin/snippets/newsletter/issue/add/"))
    editor.fill("#id_subject", subject)
    editor.select_option("#id_language", "en")
    editor.select_option("#id_edition", "all")
    editor.check("input[name=content][value=top]")  # "the day's top stories, filled in when it is sent"
    editor.locator("footer button[type=submit]:has-text('Save'), button:has-text('Save')").first.click()
    editor.wait_for_url(re.compile(r"/admin/snippets/newsletter/issue/(edit/\d+/)?$"))
    editor.goto(newsroom.url("/admin/snippets/newsletter/issue/"))
    editor.click(f"a:has-text('{subject}')")
    editor.click("a:has-text('Send or schedule')")
    send_now = editor.locator("[data-newsletter-action=send-now]")
    assert re.fullmatch(r"Send now to \d+ subscribers?", send_now.inner_text().strip())
    send_now.click()
    assert "Sending has started" in editor.locator(".messages").inner_text()
    editor.screenshot(path=screenshot_dir / "acceptance-newsletter-send.png", full_page=True)

    smtp_server.wait_for(
        lambda got: any(address in r.rcpt_tos and r.message["Subject"] == subject for r in got), MAIL_WITHIN
    )
    (issue,) = [r for r in smtp_server.to(address) if r.message["Subject"] == subject]
    unsubscribe = issue.message["List-Unsubscribe"].strip()
    assert re.fullmatch(
        re.escape(f"<{newsroom.base_url}/en/newsletter/unsubscribe/") + r"[\w-]+/>", unsubscribe
    )
    assert issue.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<img" not in issue.html and "/newsletter/unsubscribe/" in issue.html
    stories = [
        link
        for link in issue.links()
        if "/newsletter/" not in link and link.rstrip("/") != newsroom.url("/en")
    ]
    assert stories, issue.text
    for story in stories:
        assert requests.get(story, timeout=30).status_code == 200, story
    editor.reload()
    assert editor.locator("td[data-status=sent]").inner_text() != "0"
    editor.context.close()

    # One click in the mail client (RFC 8058): a POST with no cookie and no page.
    url = unsubscribe.strip("<>")
    response = requests.post(url, data="List-Unsubscribe=One-Click",
                             headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=30)  # fmt: skip
    assert response.status_code == 200
    assert "already unsubscribed" in requests.get(url, timeout=30).text
