"""An editor publishes, schedules and unpublishes articles in the admin (Chromium); readers then
find them, or no longer find them, everywhere the newsroom shows articles."""

from __future__ import annotations

import datetime
import re
import uuid
import zoneinfo

import requests
from django.conf import settings

from tests.acceptance.editor import Draft, admin_id_of, unpublish, write_article
from tests.acceptance.product import wait_until
from tests.acceptance.reader import feed_links, paths_linked, search_paths, suggestions_on

WITHIN = 60  # seconds: the README's promise from publishing to everywhere
SCHEDULE_GRACE = 75  # the scheduler fires publish_scheduled once a minute


def places(newsroom, article: str, tag_slug: str, word: str) -> dict[str, object]:
    """Where readers should find the article: a check each, True when it is there."""
    return {
        "home page": lambda: article in paths_linked(newsroom, "/en/"),
        "its section": lambda: article in paths_linked(newsroom, "/en/economy/"),
        "its country": lambda: article in paths_linked(newsroom, "/en/kazakhstan/"),
        "its tag page": lambda: article in paths_linked(newsroom, f"/en/tags/{tag_slug}/"),
        "search": lambda: article in search_paths(newsroom, "en", word),
        "RSS": lambda: article in feed_links(newsroom, "/en/feeds/rss.xml"),
        "Atom": lambda: article in feed_links(newsroom, "/en/feeds/atom.xml"),
        "news sitemap": lambda: (
            newsroom.url(article) in requests.get(newsroom.url("/news-sitemap.xml"), timeout=30).text
        ),
    }


SCHEDULED: dict[str, object] = {}
SCHEDULED_WORD = "Shaulder"  # another real town no demo article mentions


def test_an_editor_schedules_an_article(newsroom, editor):
    """Scheduled first, so its wait overlaps the next test; the test after that checks it."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    # The admin takes minutes: the next minute but one, at least a minute from now.
    go_live = (datetime.datetime.now(zone) + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
    draft = Draft(
        title=f"{SCHEDULED_WORD} orchard growers schedule the first apricot market of the season",
        standfirst="Demo content: a fictional market, scheduled by the acceptance tests.",
        paragraphs=["Demo content: this article is fictional and was scheduled to publish itself."],
        countries=["Kazakhstan"],
        tags=["trade"],
        image_title=f"{SCHEDULED_WORD} orchards",
        credit="steppe acceptance tests",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    write_article(editor, newsroom, admin_id_of(editor, newsroom, "/en/economy/"), draft)
    assert not any(SCHEDULED_WORD.lower() in p for p in paths_linked(newsroom, "/en/economy/")), (
        "live at once"
    )
    SCHEDULED["go_live"] = go_live


def test_an_article_published_in_the_admin_reaches_readers_everywhere_then_leaves_on_unpublish(
    newsroom, editor, screenshot_dir
):
    word = "Zhanakorgan"  # a real town no demo article mentions
    assert not search_paths(newsroom, "en", word), f"{word!r} already finds something"
    tag = f"solar cooperatives {uuid.uuid4().hex[:4]}"
    tag_slug = re.sub(r"[^a-z0-9]+", "-", tag).strip("-")
    draft = Draft(
        title=f"{word} bakers share a solar oven and the Syr Darya water bill",
        standfirst="Demo content: a fictional bakers' cooperative in southern Kazakhstan tries solar baking.",
        paragraphs=[
            "Demo content: this article is fictional, written by the acceptance tests.",
            "Bakers in Zhanakorgan on the Syr Darya share one solar oven, and the water and energy bills.",
        ],
        countries=["Kazakhstan"],
        tags=["energy", "water", tag],
        image_title=f"{word} solar oven",
        credit="steppe acceptance tests",
    )
    section = admin_id_of(editor, newsroom, "/en/economy/")
    write_article(editor, newsroom, section, draft)
    published_at = datetime.datetime.now()
    article = wait_until(
        lambda: next((p for p in paths_linked(newsroom, "/en/economy/") if word.lower() in p), None),
        WITHIN,
        "the new article on its section page",
    )
    for place, check in places(newsroom, article, tag_slug, word).items():
        remaining = WITHIN - (datetime.datetime.now() - published_at).total_seconds()
        wait_until(check, max(remaining, 1), f"the new article on {place}")

    # Its page shows what the editor wrote, with the uploaded lead image and its credit.
    page = editor.context.new_page()
    page.goto(newsroom.url(article))
    assert page.locator("main h1").inner_text() == draft.title
    assert draft.credit in page.locator("main").inner_text()
    assert page.locator("main img").first.evaluate("img => img.complete && img.naturalWidth > 0")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshot_dir / f"acceptance-article-{width}.png", full_page=True)
    # A related article (one the new one suggests) comes to suggest it in turn.
    related = suggestions_on(newsroom, article)
    assert related, "the new article has no suggestions"
    wait_until(
        lambda: any(article in suggestions_on(newsroom, other) for other in related),
        WITHIN,
        "the new article among the suggestions of a related article",
    )
    page.close()

    article_id = admin_id_of(editor, newsroom, article)
    unpublish(editor, newsroom, article_id)
    assert requests.get(newsroom.url(article), timeout=30).status_code == 404
    for place, check in places(newsroom, article, tag_slug, word).items():
        if place == "its tag page":  # the tag now lists nothing in English: the page is gone
            continue
        wait_until(lambda check=check: not check(), 10, f"the unpublished article gone from {place}")


def test_the_scheduled_article_goes_live_on_time(newsroom):
    assert SCHEDULED, "nothing was scheduled"
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    go_live = SCHEDULED["go_live"]
    wait = (go_live - datetime.datetime.now(zone)).total_seconds()
    word = SCHEDULED_WORD
    article = wait_until(
        lambda: next((p for p in paths_linked(newsroom, "/en/economy/") if word.lower() in p), None),
        max(wait, 0) + SCHEDULE_GRACE,
        "the scheduled article on its section page",
        interval=2,
    )
    assert datetime.datetime.now(zone) >= go_live - datetime.timedelta(seconds=5), "published before its time"
    assert requests.get(newsroom.url(article), timeout=30).status_code == 200
    wait_until(
        lambda: article in search_paths(newsroom, "en", word), WITHIN, "the scheduled article in search"
    )
