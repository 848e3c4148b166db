"""Through the shipped nginx config: the JSON readers poll is cached by nginx, and an entry posted
in the admin reaches a reader of that cached JSON within 10 s (the publish refreshes it there)."""

from __future__ import annotations

import json
import time

import pytest

from tests.live.conftest import add_live_page, post_entry
from tests.pagecache.test_nginx import fetch, nginx  # noqa: F401  (the shipped config, purges on)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_new_entry_reaches_pollers_of_the_nginx_cached_json_within_10_s(nginx, newsroom):  # noqa: F811
    page = add_live_page(newsroom.sections["politics"], entries=[{"body": "<p>Polls open.</p>"}])
    url = f"{nginx.url}{page.url}entries.json"
    feed = f"{nginx.url}{page.url}feed/"
    # Publishing the page already put its JSON in nginx (the refresh): the first reader hits it.
    assert [fetch(url)[1]["X-Cache-Status"] for _ in range(2)] == ["HIT", "HIT"]
    assert [fetch(feed)[1]["X-Cache-Status"] for _ in range(2)] == ["MISS", "HIT"]
    # nginx would keep it for s-maxage (minutes): only the refresh can bring the entry sooner.
    assert int(fetch(url)[1]["Cache-Control"].split("s-maxage=")[1].split(",")[0]) > 10

    entry = post_entry(page, body="<p>First results from the east.</p>")
    posted = time.monotonic()
    seen, first_status = None, fetch(url)[1]["X-Cache-Status"]
    while time.monotonic() - posted < 10:
        status, headers, body = fetch(url)
        if status == 200 and json.loads(body)["entries"][0]["id"] == f"entry-{entry.pk}":
            seen = time.monotonic() - posted
            break
        time.sleep(0.2)
    assert seen is not None and seen < 10, "the new entry did not reach the nginx-cached JSON in 10 s"
    # The first poll after the publish was already a HIT: nginx stored the new JSON before any
    # reader asked, so no reader's poll had to wait for the app.
    assert first_status == "HIT" and fetch(url)[1]["X-Cache-Status"] == "HIT"
    assert b"First results from the east." in fetch(feed)[2]
