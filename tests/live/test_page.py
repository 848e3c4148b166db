"""The live page: entries newest first, each with its anchor, author, text and image; the Pinned
box; the coverage's start and end; a preview with unsaved entries; search and sitemap."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from live.models import LivePage
from news.models import AuthorLocalName
from tests.factories import make_image
from tests.live.conftest import add_live_page, post_entry

pytestmark = pytest.mark.django_db


def doc(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def entry_ids(tree, where: str = ".live-entries") -> list[str]:
    return [e.get("id") for e in tree.select(f"{where} article.live-entry")]


def test_entries_are_newest_first_with_anchors_authors_and_pinned_box(client, live_room):
    room, page = live_room
    entries = {e.body: e for e in page.entries.all()}
    tree = doc(client, page.url)
    expected = [f"entry-{entries[b].pk}" for b in (
        "<p>Turnout passes 40 percent.</p>", "<p>How to read the numbers tonight.</p>",
        "<p>Polls open across the country.</p>")]  # fmt: skip
    assert entry_ids(tree) == expected
    # Each entry links to its own anchor, and says who wrote it.
    first = tree.select(f"#{expected[0]}")[0]
    assert first.select(".live-entry-time")[0].get("href") == f"#{expected[0]}"
    assert "Aida Test" in first.select(".live-entry-author")[0].get_text()
    assert first.select("time")[0].get("datetime")
    # The pinned entry: first, in the Pinned box (a copy without a second id), and in its place.
    box = tree.select(".live-pinned")[0]
    assert box.select("h2")[0].get_text() == "Pinned"
    copies = box.select("article.live-entry")
    assert len(copies) == 1 and copies[0].get("id") is None
    assert "How to read the numbers" in copies[0].get_text()
    assert copies[0].select("a")[0].get("href") == f"#{expected[1]}"
    assert len(tree.select(f"#{expected[1]}")) == 1  # ids stay unique
    # The headline is shown when given.
    assert tree.select(f"#{expected[2]} h3")[0].get_text() == "Polls open"
    # The page works without JavaScript: every entry is in the HTML, and the script is deferred.
    assert tree.select("script[src*='live/live.js'][defer]")
    assert tree.select("[data-live-poll]")[0].get("data-live-poll") == f"{page.url}entries.json"


def test_no_pinned_box_without_a_pinned_entry(client, newsroom):
    page = add_live_page(newsroom.sections["politics"], entries=[{"body": "<p>Only one.</p>"}])
    tree = doc(client, page.url)
    assert not tree.select(".live-pinned") and len(entry_ids(tree)) == 1


def test_an_entry_posted_later_comes_first_and_keeps_its_anchor_when_edited(client, live_room):
    room, page = live_room
    entry = post_entry(page, body="<p>First results from the east.</p>", author=room.authors[1])
    assert entry_ids(doc(client, page.url))[0] == f"entry-{entry.pk}"
    # An edit is a new revision; the entry keeps its id, so links to it keep working.
    live = LivePage.objects.get(pk=page.pk)
    rows = list(live.entries.all())
    for row in rows:
        if row.pk == entry.pk:
            row.body = "<p>First results from the east, corrected.</p>"
    live.entries = rows
    live.save_revision().publish()
    tree = doc(client, page.url)
    assert entry_ids(tree)[0] == f"entry-{entry.pk}"
    assert "corrected" in tree.select(f"#entry-{entry.pk}")[0].get_text()
    # Both versions are in the page's history.
    bodies = [
        [e["body"] for e in revision.content["entries"]] for revision in live.revisions.order_by("created_at")
    ]
    assert any("<p>First results from the east.</p>" in b for b in bodies)
    assert "<p>First results from the east, corrected.</p>" in bodies[-1]


def test_entry_image_and_author_in_the_page_language(client, newsroom):
    aida = newsroom.authors[0]
    AuthorLocalName.objects.create(author=aida, language="en", name="Aida Test-Local")
    page = add_live_page(
        newsroom.sections["politics"],
        entries=[
            {"body": "<p>A picture from the square.</p>", "author": aida, "image": make_image("Square")}
        ],
    )
    tree = doc(client, page.url)
    entry = tree.select("article.live-entry")[0]
    img = entry.select("figure img")[0]
    assert img.get("alt") == "Caption of Square" and img.get("width") and img.get("loading") == "lazy"
    assert "Image: Test Agency" in entry.select("figcaption")[0].get_text()
    assert "Aida Test-Local" in entry.get_text()


def test_coverage_live_then_ended(client, live_room):
    room, page = live_room
    tree = doc(client, page.url)
    assert tree.select(".live-status .live-badge")[0].get_text() == "Live"
    started = page.coverage_start
    assert started is not None and abs((started - page.first_published_at).total_seconds()) < 5
    page = LivePage.objects.get(pk=page.pk)
    page.ended_at = timezone.now()
    page.save_revision().publish()
    tree = doc(client, page.url)
    assert tree.select(".live-status .live-badge")[0].get_text() == "Coverage ended"
    assert tree.select(".live-status time")[0].get("datetime")
    # Nothing left to poll for: no script, no polling address.
    assert not tree.select("script[src*='live/live.js']") and not tree.select("[data-live-poll]")
    assert len(entry_ids(tree)) == 3


def test_preview_shows_unsaved_entries(admin_client, live_room):
    room, page = live_room
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    entries = [
        {"id": e.pk, "posted_at": e.posted_at.strftime("%Y-%m-%d %H:%M"), "title": e.title,
         "author": e.author_id or "", "body": rich_text(e.body), "image": "", "pinned": e.pinned}
        for e in page.entries.all()
    ]  # fmt: skip
    entries.append({"posted_at": timezone.now().strftime("%Y-%m-%d %H:%M"), "title": "Not yet posted",
                    "author": "", "body": rich_text("<p>A draft entry.</p>"), "image": "", "pinned": False})  # fmt: skip
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "entries": inline_formset(entries, initial=3),
        }  # fmt: skip
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    assert response.json()["is_valid"], response.content
    tree = BeautifulSoup(admin_client.get(f"/admin/pages/{page.pk}/edit/preview/").content, "html.parser")
    assert "A draft entry." in tree.get_text()
    assert tree.select("#entry-new-0")  # the newest, unsaved: no pk yet
    # Nothing reached readers.
    assert "A draft entry." not in doc(admin_client.__class__(), page.url).get_text()


def test_live_pages_are_in_the_sitemap_and_search(client, newsroom, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = add_live_page(
        newsroom.sections["politics"], entries=[{"body": "<p>Turnout passes 40 percent.</p>"}]
    )
    assert page.full_url.encode() in client.get("/sitemap.xml").content
    from wagtail.models import Page

    # Wagtail's search (the admin's, and the index other apps query) finds it by an entry's words.
    found = list(Page.objects.live().search("turnout"))
    assert page.pk in [p.pk for p in found]


def test_only_sections_hold_live_pages(newsroom):
    assert LivePage.can_create_at(newsroom.sections["politics"])
    assert not LivePage.can_create_at(newsroom.home)


def test_coverage_cannot_end_before_it_started(live_room):
    from django.core.exceptions import ValidationError

    room, page = live_room
    page = LivePage.objects.get(pk=page.pk)
    page.ended_at = page.coverage_start - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "ended_at" in error.value.message_dict


def test_russian_strings(live_room):
    from django.template.loader import render_to_string
    from django.utils import translation

    room, page = live_room
    with translation.override("ru"):
        assert "Онлайн" in render_to_string("live/status.html", {"page": page})
        assert "Закреплено" in render_to_string("live/pinned.html", {"pinned": ["x"]})


def test_entries_with_images_cost_no_query_each(client, newsroom, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.STEPPE_PAGE_CACHE = False

    def queries_for(count: int) -> int:
        page = add_live_page(
            newsroom.sections["politics"],
            title=f"Live {count}",
            entries=[
                {"body": f"<p>{n}</p>", "image": make_image(f"I{count}-{n}"), "author": newsroom.authors[0]}
                for n in range(count)
            ],  # fmt: skip
        )
        client.get(page.url)  # renditions made, fragments cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    assert queries_for(6) == queries_for(1)
