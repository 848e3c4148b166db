"""Telegram busy, broken or slow: retried by follow-up tasks that wait, and never posted twice."""

from __future__ import annotations

import threading
import time

import pytest
from django.utils import timezone

from telegram import sync
from telegram.models import TelegramPost
from tests.deploy.helpers import free_port
from tests.factories import make_image
from tests.telegram.fake_bot_api import Fault, error

pytestmark = pytest.mark.django_db
Status = TelegramPost.Status


def test_429_waits_as_long_as_telegram_says(newsroom, telegram, worker):
    telegram.fail("sendPhoto", error(429, "Too Many Requests: retry after 2", retry_after=2))
    article = worker.add(newsroom, "Flood control", image=make_image())
    worker.run()
    post = TelegramPost.objects.get(article=article)
    assert post.status == Status.RETRYING and "retry after 2" in post.last_error
    [follow_up] = worker.waiting()
    assert follow_up.task_path == "telegram.tasks.sync_post"
    assert 1.5 < (follow_up.run_after - timezone.now()).total_seconds() <= 2.0
    assert worker.run() == [] and telegram.methods() == ["sendPhoto"], "retried before the wait was over"
    worker.run_until_idle()
    first, second = telegram.calls
    assert second.at - first.at >= 2.0
    assert len(telegram.channel("@steppe_en")) == 1
    post.refresh_from_db()
    assert (post.status, post.attempts, post.last_error) == (Status.POSTED, 2, "")


def test_a_republish_during_the_wait_still_waits(newsroom, telegram, worker):
    telegram.fail("sendMessage", error(429, "Too Many Requests: retry after 2", retry_after=2))
    article = worker.add(newsroom, "Impatient editor")
    worker.run()
    worker.publish(article, title="Impatient editor, again")
    worker.run()
    assert telegram.methods() == ["sendMessage"]
    worker.run_until_idle()
    assert telegram.methods() == ["sendMessage", "sendMessage"]
    assert telegram.calls[1].at - telegram.calls[0].at >= 2.0
    [message] = telegram.channel("@steppe_en")
    assert message.visible.startswith("Impatient editor, again")


def test_5xx_answers_are_retried_with_a_growing_wait(newsroom, telegram, worker):
    telegram.fail(
        "sendPhoto",
        error(500, "Internal Server Error"),
        Fault(status=502, body=b"<html><body>502 Bad Gateway</body></html>"),
    )
    article = worker.add(newsroom, "Server trouble", image=make_image())
    worker.run_until_idle()
    assert len(telegram.channel("@steppe_en")) == 1
    first, second, third = (call.at for call in telegram.calls)
    assert second - first >= 0.3 and third - second >= 0.6  # STEPPE_TELEGRAM_RETRY_SECONDS=0.3, doubled
    post = TelegramPost.objects.get(article=article)
    assert (post.status, post.attempts) == (Status.POSTED, 3)


def test_no_connection_is_retried_until_telegram_answers(newsroom, telegram, worker, settings):
    settings.STEPPE_TELEGRAM_API_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    article = worker.add(newsroom, "Offline newsroom")
    worker.run()
    post = TelegramPost.objects.get(article=article)
    assert post.status == Status.RETRYING and "could not connect" in post.last_error
    assert telegram.calls == []
    settings.STEPPE_TELEGRAM_API_URL = telegram.url  # the network is back
    worker.run_until_idle()
    assert len(telegram.channel("@steppe_en")) == 1
    assert TelegramPost.objects.get(article=article).status == Status.POSTED


def test_a_send_whose_answer_never_came_is_not_posted_again(newsroom, telegram, worker):
    """Telegram took the post but answered after our timeout: the post is in the channel."""
    telegram.fail("sendPhoto", Fault(delay=1.5))  # STEPPE_TELEGRAM_TIMEOUT=1
    article = worker.add(newsroom, "Slow answer", image=make_image())
    worker.run_until_idle()
    time.sleep(0.6)  # the fake finishes its slow answer
    post = TelegramPost.objects.get(article=article)
    assert post.status == Status.UNCONFIRMED and "no answer within 1s" in post.last_error
    assert len(telegram.channel("@steppe_en")) == 1
    # Neither the worker, nor the sweep, nor the editor republishing posts it a second time.
    sync.sweep()
    worker.publish(article, title="Slow answer, with a new headline")
    worker.run_until_idle()
    assert telegram.methods() == ["sendPhoto"]
    assert len(telegram.channel("@steppe_en")) == 1
    assert TelegramPost.objects.get(article=article).status == Status.UNCONFIRMED


def test_a_gateway_timeout_on_send_is_unconfirmed_too(newsroom, telegram, worker):
    telegram.fail("sendMessage", Fault(status=504, body=b"<html>504 Gateway Time-out</html>", performed=True))
    article = worker.add(newsroom, "Gateway")
    worker.run_until_idle()
    assert TelegramPost.objects.get(article=article).status == Status.UNCONFIRMED
    assert telegram.methods() == ["sendMessage"] and len(telegram.channel("@steppe_en")) == 1


def test_an_edit_whose_answer_never_came_is_simply_done_again(newsroom, telegram, worker):
    article = worker.add(newsroom, "Edit me", image=make_image())
    worker.run()
    telegram.fail("editMessageCaption", Fault(delay=1.5))  # it is edited, the answer comes too late
    worker.publish(article, title="Edited headline")
    worker.run_until_idle()
    assert telegram.methods() == [
        "sendPhoto",
        "editMessageCaption",
        "editMessageCaption",
    ]  # 2nd: not modified
    [message] = telegram.channel("@steppe_en")
    assert message.visible.startswith("Edited headline") and message.edits == 1
    assert TelegramPost.objects.get(article=article).status == Status.POSTED


def test_the_same_task_run_twice_posts_once(newsroom, telegram, worker):
    from telegram.tasks import sync_article

    article = worker.add(newsroom, "Twice queued")
    sync_article.enqueue(article.pk)  # a duplicate, as a requeued task would be
    ran = worker.run()
    assert ran.count("telegram.tasks.sync_article") == 2
    assert telegram.methods() == ["sendMessage"] and len(telegram.channel("@steppe_en")) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # a flushed database has no root page
def test_two_workers_at_once_post_once(telegram, worker):
    """One worker is in the call (Telegram holds its answer) when the other runs the same post."""
    from tests.factories import create_newsroom

    with worker.capture(execute=False):  # committed (transactional test) but no tasks queued
        newsroom = create_newsroom()
        article = newsroom.add_article("Raced")
    post = TelegramPost.objects.create(
        article=article, headline=article.title, language="en", channel="@steppe_en"
    )
    release = threading.Event()
    telegram.fail("sendMessage", Fault(hold=release))
    first = threading.Thread(target=sync.run, args=(post.pk,))
    first.start()
    try:
        assert telegram.received.wait(10)
        assert sync.run(post.pk).startswith("later at"), "the second worker did not wait for the first"
    finally:
        release.set()
        first.join(10)
    assert telegram.methods() == ["sendMessage"] and len(telegram.channel("@steppe_en")) == 1
    post.refresh_from_db()
    assert post.status == Status.POSTED
    # The second worker's look-again after the lease finds nothing left to do.
    assert sync.run(post.pk) == "nothing to do"


def test_a_refusal_fails_the_post_until_the_editor_publishes_again(newsroom, telegram, worker):
    telegram.chats_the_bot_is_admin_of.clear()  # the bot was never made an admin of the channel
    article = worker.add(newsroom, "Bot not admin")
    worker.run_until_idle()
    post = TelegramPost.objects.get(article=article)
    assert post.status == Status.FAILED and "bot is not a member" in post.last_error
    telegram.chats_the_bot_is_admin_of.update(telegram.channels.values())  # fixed in Telegram
    worker.publish(article)
    worker.run_until_idle()
    assert len(telegram.channel("@steppe_en")) == 1
    assert TelegramPost.objects.get(article=article).status == Status.POSTED


def test_it_gives_up_after_the_configured_attempts(newsroom, telegram, worker):
    telegram.fail("sendMessage", *[error(500, "Internal Server Error")] * 4)  # STEPPE_TELEGRAM_MAX_ATTEMPTS=4
    article = worker.add(newsroom, "Never")
    worker.run_until_idle()
    post = TelegramPost.objects.get(article=article)
    assert post.status == Status.FAILED and post.last_error.startswith("Gave up after 4 attempts")
    assert telegram.methods() == ["sendMessage"] * 4 and telegram.channel("@steppe_en") == []


def test_unpublishing_while_a_send_waits_to_retry_cancels_it(newsroom, telegram, worker):
    telegram.fail("sendMessage", error(500, "Internal Server Error"))
    article = worker.add(newsroom, "Cancelled")
    worker.run()
    worker.unpublish(article)
    worker.run_until_idle()
    assert telegram.methods() == ["sendMessage"] and telegram.channel("@steppe_en") == []
    assert TelegramPost.objects.get(article=article).status == Status.NOT_POSTED


def test_the_sweep_wakes_a_post_whose_follow_up_was_lost(newsroom, telegram, worker):
    from datetime import timedelta

    from django_tasks_db.models import DBTaskResult

    telegram.fail("sendMessage", error(500, "Internal Server Error"))
    article = worker.add(newsroom, "Lost follow-up")
    worker.run()
    DBTaskResult.objects.all().delete()  # the follow-up is gone (a restored database, say)
    TelegramPost.objects.filter(article=article).update(retry_at=timezone.now() - timedelta(minutes=5))
    assert worker.run() == []
    assert sync.sweep() == 1
    worker.run_until_idle()
    assert len(telegram.channel("@steppe_en")) == 1
