"""What the recovery test asks of steppe itself, each in a process of its own with the
environment it is given (DATABASE_URL naming the primary or a recovered server):

    python -m tests.backups.newsroom '[["prepare"], ["publish", "Title"], ["read", "/en/politics/"]]'

prints RESULT=<a JSON list, one result a step>.
"""

from __future__ import annotations

import json
import sys


def prepare() -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from tests.factories import create_newsroom

    room = create_newsroom()
    return {"section": room.sections["politics"].url}


def publish(title: str) -> dict:
    from news.models import SectionPage
    from tests.factories import create_article

    article = create_article(SectionPage.objects.get(slug="politics"), title)
    return {"url": article.url}


def read(path: str) -> dict:
    """An anonymous reader's GET, through the page cache like any other."""
    from django.conf import settings
    from django.test import Client, override_settings

    # Static files by name: no collectstatic (and so no manifest) for this test's processes.
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain_static}):
        response = Client().get(path)
    return {
        "status": response.status_code,
        "cache": response.get("X-Cache", ""),
        "body": response.content.decode(errors="replace"),
    }


def state() -> dict:
    """What this database is to steppe: `manage.py migrate --check` (exit 1 when a migration is
    missing) and the live articles."""
    from django.core.management import call_command
    from wagtail.models import PageLogEntry

    from news.models import ArticlePage

    try:
        call_command("migrate", check_unapplied=True, verbosity=0)
        migrations_complete = True
    except SystemExit:
        migrations_complete = False
    # The guide's way to see the last change kept: Wagtail's log of page actions, newest first.
    newest = PageLogEntry.objects.order_by("-timestamp").first()
    return {
        "migrations_complete": migrations_complete,
        "live_articles": sorted(ArticlePage.objects.live().values_list("title", flat=True)),
        "newest_log_entry": [newest.action, newest.label] if newest else None,
    }


def mark(name: str) -> dict:
    """The server's time now, and a restore point of that name: the two recovery targets."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()::text, pg_create_restore_point(%s)::text", [name])
        time, lsn = cursor.fetchone()
    return {"time": time, "lsn": lsn}


def bump() -> dict:
    from news.cache import bump_content_version

    return {"content_version": bump_content_version()}


STEPS = {"prepare": prepare, "publish": publish, "mark": mark, "read": read, "state": state, "bump": bump}

if __name__ == "__main__":
    import django

    django.setup()
    results = [STEPS[name](*args) for name, *args in json.loads(sys.argv[1])]
    print("RESULT=" + json.dumps(results))
