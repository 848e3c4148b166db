"""The worst moment to die: Telegram has taken the post and the worker is killed before it records
the message id. Real processes (`manage.py run_worker`) on a database of their own."""

from __future__ import annotations

import os
import signal
import threading

from tests.deploy.helpers import manage, process_env, scratch_database, sql, start, stop, wait_for
from tests.telegram.fake_bot_api import TOKEN, Fault

CREATE_ARTICLE = (
    "from tests.factories import create_newsroom, make_image; "
    "create_newsroom().add_article('Killed mid-post', image=make_image())"
)


def post_status(database_url: str) -> str | None:
    rows = sql(database_url, "SELECT status FROM telegram_telegrampost")
    return rows[0][0] if rows else None


def test_a_worker_killed_after_telegram_took_the_post_does_not_post_it_again(tmp_path, bot_api):
    with scratch_database(tmp_path, "telegram") as database_url:
        env = process_env(
            tmp_path,
            database_url,
            STEPPE_TELEGRAM_BOT_TOKEN=TOKEN,
            STEPPE_TELEGRAM_CHANNELS='{"en": "@steppe_en"}',
            STEPPE_TELEGRAM_API_URL=bot_api.url,
            STEPPE_TELEGRAM_TIMEOUT="2",  # a call's lease: 3 × 2 + 5 = 11 s
        )
        manage(env, "migrate", "--noinput", "-v0", timeout=300)
        answer = threading.Event()
        bot_api.fail("sendPhoto", Fault(hold=answer))  # posted at once, answered when we say
        manage(env, "shell", "-c", CREATE_ARTICLE)  # publishing queues the task
        first = start(env, "run_worker", "--interval", "0.2", log=tmp_path / "worker1.log")
        try:
            assert bot_api.received.wait(60), (tmp_path / "worker1.log").read_text()
            os.kill(first.pid, signal.SIGKILL)  # before Telegram's answer reaches it
            first.wait(timeout=10)
        finally:
            answer.set()
            stop(first)
        assert len(bot_api.channel("@steppe_en")) == 1, "Telegram has the post"
        assert post_status(database_url) == "sending", "nothing recorded the outcome"

        second = start(env, "run_worker", "--interval", "0.2", log=tmp_path / "worker2.log")
        try:
            # It runs the killed worker's task again, waits out the call's lease, then marks the
            # post unconfirmed for an editor instead of posting it a second time.
            wait_for(lambda: post_status(database_url) == "unconfirmed", 60, "the post to be unconfirmed")
        finally:
            stop(second)
        assert "1 requeued" in (tmp_path / "worker2.log").read_text()
        assert bot_api.methods() == ["sendPhoto"]
        assert len(bot_api.channel("@steppe_en")) == 1
