"""Readers open articles in Chromium; "Most read" then lists them, with nobody running anything."""

from __future__ import annotations

import lxml.html
import requests

from tests.acceptance.product import wait_until
from tests.acceptance.test_search import articles_by_language

WITHIN = 300  # seconds: the README's promise for "Most read"
READER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def most_read_on(newsroom, path: str) -> list[str]:
    doc = lxml.html.fromstring(requests.get(newsroom.url(path), timeout=30).text)
    return [
        h.removeprefix(newsroom.base_url)
        for h in doc.xpath("//section[contains(@class, 'most-read')]//a/@href")
    ]


READ: dict[str, object] = {}


def test_readers_open_articles_in_a_phone_browser(newsroom, browser):
    """Read first: the suite runs other tests while the views wait for the minute's flush."""
    articles = articles_by_language(newsroom.base_url)["ru"]
    read, elsewhere = articles[-3:], articles[0]
    assert not set(read) & set(most_read_on(newsroom, elsewhere)), "already most read before anyone read them"
    # A reader's phone browser: "HeadlessChrome" is counted as a bot, on purpose (readership/).
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=READER_AGENT)
    page = context.new_page()
    for repeat in range(3):
        for path in read[: repeat + 1]:  # the last one read most
            with page.expect_response(lambda response: "/_util/hit/" in response.url):
                page.goto(newsroom.url(path))
    context.close()
    READ.update(read=read, elsewhere=elsewhere)


def test_articles_readers_opened_appear_in_most_read(newsroom):
    assert READ, "nobody read anything"
    read, elsewhere = READ["read"], READ["elsewhere"]
    listed = wait_until(
        lambda: (found := most_read_on(newsroom, elsewhere)) and set(read) <= set(found) and found,
        WITHIN,
        "the articles readers opened in the most-read list",
        interval=5,
    )
    assert listed.index(read[0]) < listed.index(read[1]) < listed.index(read[2])
