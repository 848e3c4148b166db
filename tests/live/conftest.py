"""A newsroom with a live page: entries published through Wagtail's revisions, as the admin does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from live.models import LiveEntry, LivePage


def add_live_page(
    section, title: str = "Election night, live", entries: list[dict] = (), **fields
) -> LivePage:
    page = LivePage(title=title, standfirst=f"Standfirst of {title}.", **fields)
    now = timezone.now()
    page.entries = [
        LiveEntry(**{"posted_at": now - timedelta(minutes=10 * (len(entries) - n)), **spec})
        for n, spec in enumerate(entries)
    ]
    section.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def post_entry(page: LivePage, **spec) -> LiveEntry:
    """What an editor does: add an entry to the latest revision and publish it."""
    page = LivePage.objects.get(pk=page.pk)
    entries = list(page.entries.all())
    entry = LiveEntry(**{"posted_at": timezone.now(), **spec})
    page.entries = [*entries, entry]
    page.save_revision().publish()
    return LivePage.objects.get(pk=page.pk).entries.get(body=spec["body"])


@pytest.fixture
def live_room(newsroom):
    aida, timur = newsroom.authors
    page = add_live_page(
        newsroom.sections["politics"],
        entries=[
            {"body": "<p>Polls open across the country.</p>", "author": aida, "title": "Polls open"},
            {"body": "<p>How to read the numbers tonight.</p>", "author": timur, "pinned": True},
            {"body": "<p>Turnout passes 40 percent.</p>", "author": aida},
        ],
    )
    return newsroom, page


@pytest.fixture
def frontend(settings):
    """A loopback HTTP frontend cache (STEPPE_PURGE_URL): records (method, Host, path, refresh header)."""
    import http.server
    import threading

    received: list[tuple[str, str, str, str | None]] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def record(self) -> None:
            received.append(
                (self.command, self.headers["Host"], self.path, self.headers.get("X-Steppe-Refresh"))
            )
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PURGE = record  # noqa: N815 (HTTP verbs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    yield received
    server.shutdown()
