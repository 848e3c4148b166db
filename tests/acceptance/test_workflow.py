"""The newsroom workflow on the running product: what the demo shows a newcomer, and an editor's
correction and takedown in the admin reaching readers through the real page cache and worker."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import requests

from tests.acceptance.editor import PUBLISH_TIMEOUT, admin_id_of, publish_from_edit_view
from tests.acceptance.product import wait_until
from tests.acceptance.reader import feed_links, paths_linked, search_paths

WITHIN = 60  # seconds: the README's promise from publishing to everywhere
BANNER_WITHIN = 10  # seconds: the promise for setting and clearing the banner
DEMO_TAKEN_DOWN = "/en/society/demo-taken-down-story/"


def html(newsroom, path: str) -> lxml.html.HtmlElement:
    response = requests.get(newsroom.url(path), timeout=30)
    assert response.status_code == 200, (path, response.status_code)
    return lxml.html.fromstring(response.text)


def articles_of(newsroom, section: str) -> list[str]:
    """The article paths a section page links, in its order (newest first)."""
    doc = html(newsroom, section)
    found = []
    for href in doc.xpath("//main//*[contains(@class, 'card-title')]/a/@href"):
        path = href.removeprefix(newsroom.base_url)
        if path.startswith(section) and path not in found:
            found.append(path)
    return found


def test_the_demo_shows_a_correction_and_a_taken_down_address(newsroom):
    listing = html(newsroom, "/en/corrections/")
    first = listing.xpath("//*[contains(@class, 'corrections-entry')]//h2/a/@href")
    assert first, "the demo's corrections page lists nothing"
    article, anchor = first[0].removeprefix(newsroom.base_url).split("#")
    page = html(newsroom, article)
    box = page.xpath("//section[contains(@class, 'corrections')]")
    assert box and box[0].xpath(f".//*[@id='{anchor}']"), "the correction is not at the top of its article"
    assert "demo" in box[0].text_content().lower()

    gone = requests.get(newsroom.url(DEMO_TAKEN_DOWN), timeout=30)
    assert gone.status_code == 410
    assert "removed for legal reasons" in gone.text
    assert "demo:" not in gone.text  # the reason is internal


def feed_updated(newsroom, path: str, article: str):
    feed = feedparser.parse(requests.get(newsroom.url(path), timeout=30).content)
    return next(e.updated_parsed for e in feed.entries if e.link.removeprefix(newsroom.base_url) == article)


def test_an_editor_corrects_an_article_and_readers_see_it(newsroom, editor):
    article = articles_of(newsroom, "/en/economy/")[2]
    notice = "Demo content: an earlier version of this article gave the wrong year for the first harvest."
    feed = "/en/feeds/section/economy/atom.xml"
    updated_before = feed_updated(newsroom, feed, article)
    assert notice not in requests.get(newsroom.url(article), timeout=30).text
    page_id = admin_id_of(editor, newsroom, article)
    editor.goto(newsroom.url(f"/admin/pages/{page_id}/edit/"))
    editor.click("#id_corrections-ADD")
    form = editor.locator("#id_corrections-FORMS > *").last
    form.locator("select[name$='-kind']").select_option("correction")
    form.locator("textarea[name$='-text']").fill(notice)
    publish_from_edit_view(editor)

    def corrected() -> bool:
        doc = lxml.html.fromstring(requests.get(newsroom.url(article), timeout=30).text)
        box = doc.xpath("//section[contains(@class, 'corrections')]")
        return bool(box) and notice in box[0].text_content()

    wait_until(corrected, WITHIN, "the correction at the top of the article")
    wait_until(
        lambda: notice in requests.get(newsroom.url("/en/corrections/"), timeout=30).text,
        WITHIN,
        "the correction on /en/corrections/",
    )
    wait_until(
        lambda: feed_updated(newsroom, feed, article) > updated_before, WITHIN, "the feed's item updated"
    )


def test_an_editor_takes_an_article_down_and_it_leaves_everywhere(newsroom, editor):
    article = articles_of(newsroom, "/en/culture/")[1]
    title = html(newsroom, article).xpath("//h1")[0].text_content().strip()
    # The worker indexes the demo after the start (tests/acceptance/test_search.py's allowance).
    wait_until(
        lambda: article in search_paths(newsroom, "en", title), 180, "the article found by search first"
    )
    page_id = admin_id_of(editor, newsroom, article)
    editor.goto(newsroom.url(f"/admin/pages/{page_id}/edit/"))
    editor.get_by_role("button", name="Actions").first.click()
    editor.get_by_role("link", name="Take down…").first.click()
    editor.fill("textarea[name=reason]", "Demo: a fictional court order, for the acceptance tests")
    editor.click("[data-takedown-action=confirm]")
    editor.wait_for_load_state()
    assert "is taken down" in editor.content()

    gone = requests.get(newsroom.url(article), timeout=30)
    assert gone.status_code == 410 and "removed for legal reasons" in gone.text
    assert title not in gone.text and "court order" not in gone.text
    wait_until(lambda: article not in paths_linked(newsroom, "/en/culture/"), WITHIN, "off its section")
    wait_until(lambda: article not in search_paths(newsroom, "en", title), WITHIN, "out of search")
    wait_until(lambda: article not in feed_links(newsroom, "/en/feeds/rss.xml"), WITHIN, "out of the feed")
    wait_until(
        lambda: newsroom.url(article) not in requests.get(newsroom.url("/sitemap.xml"), timeout=30).text,
        WITHIN,
        "out of the sitemap",
    )


def banner_text(newsroom, path: str) -> str | None:
    found = html(newsroom, path).xpath(
        "//section[contains(@class, 'breaking-news')]//*[contains(@class, 'breaking-news-text')]"
    )
    return found[0].text_content().strip() if found else None


def test_the_demo_banner_and_an_editor_replacing_and_clearing_it(newsroom, editor):
    article = articles_of(newsroom, "/en/politics/")[0]
    demo_text = banner_text(newsroom, "/en/")
    assert demo_text and "demo" in demo_text.lower(), "the demo newsroom has no English banner"
    assert banner_text(newsroom, article) == demo_text
    assert banner_text(newsroom, "/ru/") is None  # one language's banner only

    text = "Demo content: the border crossing at Dostuk reopens, the acceptance tests say"
    editor.goto(newsroom.url("/admin/breaking/"))
    form = editor.locator("form[data-breaking-form=en]")
    form.locator("input[name$='-text']").fill(text)
    expires = datetime.now(ZoneInfo("Asia/Almaty")) + timedelta(hours=2)  # the product's time zone
    form.locator("input[name$='-expires_at']").fill(expires.strftime("%Y-%m-%dT%H:%M"))
    form.locator("button[data-breaking-action=set]").click()
    editor.wait_for_url(re.compile(r"/admin/breaking/(#language-en)?$"), timeout=PUBLISH_TIMEOUT)
    for path in ("/en/", article, "/en/fx/"):
        wait_until(
            lambda path=path: banner_text(newsroom, path) == text, BANNER_WITHIN, f"the banner on {path}"
        )
    assert banner_text(newsroom, "/ru/") is None

    editor.goto(newsroom.url("/admin/breaking/"))
    editor.locator("section#language-en [data-breaking-action=clear]").click()
    editor.wait_for_url(re.compile(r"/admin/breaking/(#language-en)?$"), timeout=PUBLISH_TIMEOUT)
    for path in ("/en/", article):
        wait_until(
            lambda path=path: banner_text(newsroom, path) is None, BANNER_WITHIN, f"no banner on {path}"
        )


DEMO_LIVE = "/en/politics/demo-live-election-night/"


def test_the_demo_live_page_its_json_and_its_feed(newsroom, browser):
    """A newcomer's live page on the running product. An editor posting an entry in the admin and a
    reader seeing it appear is tests/browser/test_live.py (here it failed now and then with "This
    field is required", not yet explained: see the workflow issue)."""
    page = html(newsroom, DEMO_LIVE)
    entries = page.xpath("//*[contains(@class, 'live-entries')]//article[contains(@class, 'live-entry')]")
    assert len(entries) >= 3, "the demo's live page shows too few entries"
    assert page.xpath("//*[contains(@class, 'live-pinned')]//article"), "no pinned entry"
    assert "demo" in page.text_content().lower()
    anchors = page.xpath("//*[contains(@class, 'live-entries')]//*[starts-with(@id, 'entry-')]/@id")
    assert anchors, "the entries have no anchors"
    polled = requests.get(newsroom.url(DEMO_LIVE + "entries.json"), timeout=30)
    assert polled.status_code == 200 and anchors[0] in polled.text, "the newest entry is not in the JSON"
    feed = feedparser.parse(requests.get(newsroom.url(DEMO_LIVE + "feed/"), timeout=30).content)
    assert any(anchors[0] in entry.link for entry in feed.entries), "the newest entry is not in the feed"
    reader = browser.new_page(viewport={"width": 390, "height": 844})
    reader.goto(newsroom.url(DEMO_LIVE))
    assert reader.locator(".live-entries article.live-entry").count() == len(entries)
    reader.close()
