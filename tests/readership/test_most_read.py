"""View counting: a beacon request is a cache increment (no SQL), flushed to the database in batches."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def beacon(client, page, agent=BROWSER, **headers):
    return client.get(f"/_util/hit/{page.pk}.gif", headers={"User-Agent": agent, **headers})


def test_beacon_is_rendered_and_counts_without_sql_or_cookies(client, newsroom):
    article = newsroom.add_article("Read me")
    html = client.get(article.url).content.decode()
    assert f'<img src="/_util/hit/{article.pk}.gif" alt="" width="1" height="1" hidden>' in html
    with CaptureQueriesContext(connection) as queries:
        response = beacon(client, article)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert "no-store" in response["Cache-Control"] and not response.cookies
    assert len(queries) == 0
    from readership.models import HourlyViews

    assert not HourlyViews.objects.exists()  # buffered, not written
    from readership.counter import flush

    assert flush() == 1
    assert HourlyViews.objects.get(page=article).views == 1


def test_bots_prefetch_and_opt_outs_are_not_counted(client, newsroom):
    from readership.counter import flush

    article = newsroom.add_article("Read me")
    for agent in ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.0", "python-requests/2.31",
                  "Mozilla/5.0 HeadlessChrome/120", "facebookexternalhit/1.1", ""]:  # fmt: skip
        beacon(client, article, agent)
    beacon(client, article, **{"Sec-Purpose": "prefetch"})
    beacon(client, article, **{"Sec-GPC": "1"})
    client.post(f"/_util/hit/{article.pk}.gif", headers={"User-Agent": BROWSER})
    client.get(f"/_util/hit/{10**12}.gif", headers={"User-Agent": BROWSER})
    assert flush() == 0


def test_the_beacon_counts_pages_served_from_the_page_cache(client, newsroom):
    from readership.counter import flush

    article = newsroom.add_article("Cached story")
    served = []
    for _ in range(3):
        served.append(client.get(article.url)["X-Cache"])
        beacon(client, article)
    assert served == ["MISS", "HIT", "HIT"]  # the second and third come from the page cache
    assert flush() == 3


def test_most_read_moves_when_pages_are_read(client, newsroom, settings):
    from news.cache import bump_content_version
    from readership.counter import flush

    quiet = newsroom.add_article("Quiet story")
    popular = newsroom.add_article("Popular story")
    page = newsroom.add_article("Reader")
    for _ in range(3):
        beacon(client, popular)
    beacon(client, quiet)
    call_command("flush_views", verbosity=0)
    bump_content_version()
    sidebar = client.get(page.url).content.decode().split('id="most-read-heading"')[1].split("</section>")[0]
    assert sidebar.index("Popular story") < sidebar.index("Quiet story")
    for _ in range(5):
        beacon(client, quiet)
    flush()
    bump_content_version()
    sidebar = (
        client.get(page.url + "?again=1")
        .content.decode()
        .split('id="most-read-heading"')[1]
        .split("</section>")[0]
    )
    assert sidebar.index("Quiet story") < sidebar.index("Popular story")


def test_most_read_falls_back_to_seven_days_and_is_per_language(newsroom):
    from news.models import ArticlePage
    from readership.models import HourlyViews
    from readership.queries import most_read_ids
    from tests.factories import translate

    old = newsroom.add_article("Read three days ago")
    fresh = newsroom.add_article("Read today")
    ancient = newsroom.add_article("Read last month")
    ru = translate(fresh, "ru", title="Прочитано сегодня", slug="segodnya")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    HourlyViews.objects.create(page=old, hour=now - timedelta(days=3), views=50)
    HourlyViews.objects.create(page=fresh, hour=now, views=2)
    HourlyViews.objects.create(page=ancient, hour=now - timedelta(days=30), views=500)
    HourlyViews.objects.create(page=ru, hour=now, views=9)
    en = [item["title"] for item in most_read_ids(fresh.locale_id)]
    assert en == ["Read today", "Read three days ago"]  # 24 h first, then the week fills
    assert [item["title"] for item in most_read_ids(ru.locale_id)] == ["Прочитано сегодня"]
    ArticlePage.objects.filter(pk=fresh.pk).update(live=False)
    assert [item["title"] for item in most_read_ids(fresh.locale_id)] == ["Read three days ago"]


def test_flush_adds_to_existing_rows_and_ignores_unknown_pages(newsroom):
    from readership.counter import flush, record_view
    from readership.models import HourlyViews

    article = newsroom.add_article("Counted")
    record_view(article.pk)
    record_view(article.pk)
    record_view(999_999)
    assert flush() == 2
    record_view(article.pk)
    assert flush() == 1
    assert HourlyViews.objects.get(page=article).views == 3
    assert flush() == 0


def test_a_flush_killed_after_its_commit_is_not_counted_twice(newsroom, monkeypatch):
    """The batch is deleted after the commit; if that never happens, the next flush drops it."""
    from readership import counter
    from readership.models import HourlyViews

    article = newsroom.add_article("Counted once")
    for _ in range(3):
        counter.record_view(article.pk)
    real_delete = counter._delete_batches
    monkeypatch.setattr(counter, "_delete_batches", lambda source, names: None)  # died before this
    assert counter.flush() == 3
    monkeypatch.setattr(counter, "_delete_batches", real_delete)
    counter.record_view(article.pk)
    assert counter.flush() == 1  # the left-over batch is dropped, the new view counted
    assert HourlyViews.objects.get(page=article).views == 4
