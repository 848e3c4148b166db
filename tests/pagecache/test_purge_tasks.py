"""Purges reach the task queue only when there is somewhere to send them (STEPPE_PURGE_URL).

These use the database task backend, as production does: the queue is what is looked at.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

ROOT = Path(__file__).resolve().parents[2]
PURGE_TASK = "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"
INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def queued() -> list[str]:
    return list(DBTaskResult.objects.values_list("task_path", flat=True))


def test_publishing_without_a_purge_target_queues_no_purge(newsroom, db_queue):
    settings = db_queue
    if hasattr(settings, "WAGTAILFRONTENDCACHE"):
        del settings.WAGTAILFRONTENDCACHE
    DBTaskResult.objects.all().delete()
    article = newsroom.add_article("Quiet story", tags=["trade"])
    article.title = "Quiet story, revised"
    article.save_revision().publish()
    article.unpublish()
    paths = queued()
    assert INDEX_TASK in paths  # the queue is in use: publishing indexed the article
    assert PURGE_TASK not in paths, [p for p in paths if "purge" in p]


def test_publishing_with_a_purge_target_queues_one_purge_that_reaches_it(newsroom, db_queue, purge_server):
    settings = db_queue
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    DBTaskResult.objects.all().delete()
    article = newsroom.add_article("Purged story", tags=["trade"])
    purges = DBTaskResult.objects.filter(task_path=PURGE_TASK)
    assert purges.count() == 1  # the article and its listings, in one task
    queued_purge = purges.get()
    urls = queued_purge.args_kwargs["args"][0]
    assert article.full_url in urls and article.full_url.replace(article.url, "/en/kazakhstan/") in urls
    assert received == []  # queued, not sent from the request
    # What the worker does with the row (db_worker itself would close the test's connection).
    queued_purge.task.call(*queued_purge.args_kwargs["args"], **queued_purge.args_kwargs["kwargs"])
    paths = [path for _host, path in received]
    assert article.url in paths and "/en/tags/trade/" in paths


def installed_purging(**env: str) -> str:
    """In a fresh process: is Wagtail's frontend-cache app installed, and does it purge on publish?"""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STEPPE_"))}
    environment.update(DJANGO_SETTINGS_MODULE="steppe.settings", **env)
    script = (
        "import django; django.setup();"
        "from django.apps import apps; from wagtail.signals import page_published;"
        "from news.models import ArticlePage;"
        "from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purge;"
        "sync, _async = page_published._live_receivers(ArticlePage);"
        "print(apps.is_installed('wagtail.contrib.frontend_cache'),"
        " wagtail_purge.page_published_signal_handler in sync)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_wagtail_purges_nothing_of_its_own_without_a_target(tmp_path):
    # Without a target the app is not installed: neither publishing nor redirects queue purges.
    assert installed_purging(STEPPE_VAR_DIR=str(tmp_path)) == "False False"
    # With one, its redirect purges stay; its page purges are pagecache's (page and listings, once).
    assert (
        installed_purging(STEPPE_VAR_DIR=str(tmp_path), STEPPE_PURGE_URL="http://127.0.0.1:9") == "True False"
    )
