"""Fixtures for the Telegram tests: the fake Bot API on a real socket and the database task queue."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.telegram.fake_bot_api import TOKEN, FakeBotAPI


@pytest.fixture
def bot_api() -> Iterator[FakeBotAPI]:
    api = FakeBotAPI().start()
    try:
        yield api
    finally:
        api.stop()


@pytest.fixture
def telegram(settings, bot_api) -> FakeBotAPI:
    """Telegram on, pointed at the fake, with short timeouts and retries; tasks in the database."""
    settings.STEPPE_TELEGRAM_BOT_TOKEN = TOKEN
    settings.STEPPE_TELEGRAM_CHANNELS = '{"en": "@steppe_en", "ru": "@steppe_ru"}'
    settings.STEPPE_TELEGRAM_API_URL = bot_api.url
    settings.STEPPE_TELEGRAM_TIMEOUT = "1"
    settings.STEPPE_TELEGRAM_RETRY_SECONDS = "0.3"
    settings.STEPPE_TELEGRAM_MAX_ATTEMPTS = "4"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return bot_api


class Worker:
    """The task worker's step, in this process (tests.tasks), plus waiting for deferred tasks."""

    def __init__(self, capture) -> None:
        self.capture = capture

    def add(self, newsroom, title: str, **kwargs):
        """A new article, published as the admin does; the queued tasks are not run yet."""
        with self.capture(execute=True):
            return newsroom.add_article(title, **kwargs)

    def publish(self, page, **changes):
        """Publish a new revision of `page` as the admin does; the queued tasks are not run yet."""
        for name, value in changes.items():
            setattr(page, name, value)
        with self.capture(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    def unpublish(self, page) -> None:
        with self.capture(execute=True):
            page.refresh_from_db()
            page.unpublish()

    def run(self) -> list[str]:
        from tests.tasks import run_queued_tasks

        with self.capture(execute=True):
            return run_queued_tasks()

    def waiting(self):
        """Tasks queued to run later (run_after in the future)."""
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("run_after")

    def run_until_idle(self, limit: float = 15) -> list[str]:
        """Run tasks as they come due until none is queued (retries, follow-ups), within `limit` s."""
        ran = []
        deadline = time.monotonic() + limit
        while True:
            ran += self.run()
            if not self.waiting().exists():
                return ran
            assert time.monotonic() < deadline, f"tasks still queued after {limit}s: {list(self.waiting())}"
            time.sleep(0.05)


@pytest.fixture
def worker(django_capture_on_commit_callbacks) -> Worker:
    return Worker(django_capture_on_commit_callbacks)
