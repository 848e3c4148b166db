"""Drafts, pending revisions, scheduled and unpublished articles never reach the public, in any
channel: pages, listings, author and tag routes, feeds, sitemaps, suggestions, most read, search
and the anonymous page cache (an editor previewing must not poison it)."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

SECRET = re.compile(rb"secret", re.IGNORECASE)


@pytest.fixture
def room(newsroom):
    """Public articles and secret ones that share their tags, authors and section."""
    shared = {"tags": ["trade"], "authors": newsroom.authors[:1]}
    public = newsroom.add_article("Grain prices steady", **shared)
    newsroom.add_article("Second public story", section="economy", **shared)
    draft = newsroom.add_article("Secretdraft never published", live=False, **shared)
    scheduled = newsroom.add_article(
        "Secretscheduled for tomorrow", go_live_at=timezone.now() + timedelta(days=1), **shared
    )
    unpublished = newsroom.add_article("Secretunpublished taken down", **shared)
    unpublished.unpublish()
    pending = newsroom.add_article("Pending public title", **shared)
    pending.title = "Secretpending revision title"
    pending.standfirst = "Secretpending standfirst."
    pending.save_revision()  # saved, not published
    return {
        "newsroom": newsroom,
        "public": public,
        "pending": pending,
        "hidden": [draft, scheduled, unpublished],
        "author_slug": newsroom.authors[0].slug,
    }


def public_get(client, url: str, expect: int = 200):
    response = client.get(url)
    assert response.status_code == expect, (url, response.status_code)
    body = response.content
    if expect == 404:  # the 404 page may echo the address asked for (language links), nothing else
        path = url.split("?")[0].strip("/").split("/", 1)[-1].encode()
        body = body.replace(path, b"")
    assert not SECRET.search(body), f"{url} leaks: {SECRET.findall(body)[:3]}"
    return response


def test_hidden_articles_answer_404_and_pending_text_stays_private(client, room):
    for page in room["hidden"]:
        url = page.get_url(None) or f"/en/politics/{page.slug}/"
        public_get(client, url, expect=404)
        public_get(client, url, expect=404)  # and again, from whatever the cache holds
    body = public_get(client, room["pending"].url).content.decode()
    assert "Pending public title" in body


def test_listings_author_and_tag_routes(client, room):
    urls = [
        "/en/",
        "/en/politics/",
        "/en/politics/?page=2",
        "/en/kazakhstan/",
        f"/en/authors/{room['author_slug']}/",
        "/en/tags/trade/",
        room["public"].url,  # its "suggested" and "latest" lists share tags with the secrets
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not SECRET.search(response.content), url


def test_feeds(client, room):
    slug = room["author_slug"]
    for url in [
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        "/en/feeds/section/politics/rss.xml",
        "/en/feeds/tag/trade/atom.xml",
        f"/en/feeds/author/{slug}/rss.xml",
    ]:
        body = public_get(client, url).content
        assert b"Grain prices steady" in body and b"Pending public title" in body, url


def test_sitemaps(client, room):
    index = public_get(client, "/sitemap.xml").content.decode()
    parts = re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", index)
    assert parts
    seen = ""
    for part in parts:
        if part.endswith(".xml"):
            seen += public_get(client, part).content.decode()
        else:
            seen += part
    assert room["public"].slug in seen
    news = public_get(client, "/news-sitemap.xml").content.decode()
    assert room["public"].slug in news and "Grain prices steady" in news


def test_suggestions_and_latest_exclude_hidden(room):
    from news.article_context import interim_suggestions, latest_articles, suggested_articles

    public = room["public"]
    tags = list(public.tags.values_list("pk", flat=True))
    hidden_ids = {p.pk for p in room["hidden"]}
    assert not hidden_ids & {a.pk for a in suggested_articles(public, tags)}
    assert not hidden_ids & {a.pk for a in interim_suggestions(public, tags)}
    latest = latest_articles(public.locale_id)
    assert not any(SECRET.search(str(item).encode()) for item in latest)


def test_most_read_excludes_hidden(client, room):
    from readership.models import HourlyViews
    from readership.queries import most_read_ids

    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    for page in room["hidden"]:
        HourlyViews.objects.create(page_id=page.pk, hour=hour, views=10_000)
    HourlyViews.objects.create(page_id=room["public"].pk, hour=hour, views=3)
    ids = [item["id"] for item in most_read_ids(room["public"].locale_id)]
    assert room["public"].pk in ids
    assert not {p.pk for p in room["hidden"]} & set(ids)
    public_get(client, room["public"].url)  # the sidebar's list as rendered: no secret in it


def test_search(client, room):
    url = reverse("search")
    for query in ["Secretdraft", "Secretscheduled", "Secretunpublished", "Secretpending", "never published"]:
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        # The query itself is echoed back; no result may carry the secret titles.
        body = response.content.decode()
        for page in room["hidden"]:
            assert page.title not in body and page.url_path.rstrip("/").rsplit("/", 1)[-1] not in body
        assert "Secretpending revision title" not in body


def test_editor_preview_does_not_poison_the_anonymous_cache(client, room):
    pending = room["pending"]
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "x-long-password-1")
    admin = client.__class__()
    admin.force_login(editor)
    # The editor looks at the draft in Wagtail's preview and at the live page while logged in.
    preview = admin.get(f"/{settings.STEPPE_ADMIN_PATH}/pages/{pending.pk}/edit/preview/")
    assert preview.status_code == 200
    draft = room["hidden"][0]
    admin.get(f"/{settings.STEPPE_ADMIN_PATH}/pages/{draft.pk}/edit/preview/")
    as_editor = admin.get(pending.url)
    assert "X-Cache" not in as_editor  # editors bypass the page cache entirely
    assert "private" in as_editor["Cache-Control"]
    # Readers, first and from the cache, see only the published version.
    for expected_cache in ("MISS", "HIT"):
        response = public_get(client, pending.url)
        assert response["X-Cache"] == expected_cache
        assert b"Pending public title" in response.content
    public_get(client, f"/en/politics/{draft.slug}/", expect=404)


def test_scheduled_article_appears_only_when_due(client, room):
    scheduled = room["hidden"][1]
    feed = public_get(client, "/en/feeds/rss.xml").content
    public_get(client, scheduled.url, expect=404)
    assert scheduled.slug.encode() not in feed
    # Its time comes: the scheduler publishes it, and it appears in the feed (the cache retired).
    past = timezone.now() - timedelta(seconds=1)
    revision = type(scheduled).objects.get(pk=scheduled.pk).latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert b"Secretscheduled for tomorrow" in client.get(scheduled.url).content
    assert scheduled.slug.encode() in client.get("/en/feeds/rss.xml").content
