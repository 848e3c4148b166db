"""A post appears when readers can see the article: at its go-live time or embargo, never for a
page behind a view restriction; a move edits its link."""

from __future__ import annotations

import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from telegram.models import TelegramPost
from telegram.sync import not_before

pytestmark = pytest.mark.django_db
Status = TelegramPost.Status


def test_a_scheduled_article_is_posted_when_the_scheduler_publishes_it(newsroom, telegram, worker):
    from scheduling.tasks import publish_scheduled

    go_live = timezone.now() + timedelta(seconds=2)
    article = worker.add(newsroom, "Scheduled harvest report", go_live_at=go_live)
    worker.run()
    assert telegram.calls == []
    post = TelegramPost.objects.get(article=article)
    assert (post.status, post.retry_at) == (Status.WAITING, go_live)  # the editor sees when
    time.sleep(max((go_live - timezone.now()).total_seconds(), 0) + 0.1)
    worker.run()
    assert telegram.calls == [], "posted before Wagtail published it"
    with worker.capture(execute=True):
        publish_scheduled.enqueue()  # the scheduler's minute job
    worker.run_until_idle()  # it publishes, which queues the post
    [message] = telegram.channel("@steppe_en")
    assert message.visible.startswith("Scheduled harvest report")
    assert telegram.calls[0].at >= go_live.timestamp()


def test_a_live_article_dated_in_the_future_waits_for_its_date(newsroom, telegram, worker):
    article = worker.add(newsroom, "Embargoed statement", live=False)
    release = timezone.now() + timedelta(seconds=1.5)
    worker.publish(article, date_published=release)
    worker.run()
    assert telegram.calls == []
    assert TelegramPost.objects.get(article=article).status == Status.WAITING
    worker.run_until_idle()  # the follow-up queued for the date runs
    assert telegram.calls[0].at >= release.timestamp()
    assert len(telegram.channel("@steppe_en")) == 1


def test_an_embargo_field_counts_when_articles_get_one():
    now = timezone.now()
    article = SimpleNamespace(date_published=now, embargo=now + timedelta(hours=2))
    assert not_before(article) == now + timedelta(hours=2)
    assert not_before(SimpleNamespace(date_published=now)) == now


def test_an_article_behind_a_view_restriction_is_not_posted(newsroom, telegram, worker):
    PageViewRestriction.objects.create(page=newsroom.sections["economy"], restriction_type="login")
    worker.add(newsroom, "Members only", section="economy")
    worker.run_until_idle()
    assert telegram.calls == [] and not TelegramPost.objects.exists()


def test_restricting_a_posted_article_takes_its_post_down(newsroom, telegram, worker):
    article = worker.add(newsroom, "Soon private")
    worker.run()
    with worker.capture(execute=True):
        PageViewRestriction.objects.create(page=article, restriction_type="password", password="pw")
    worker.run_until_idle()
    assert telegram.channel("@steppe_en") == []
    assert TelegramPost.objects.get(article=article).status == Status.DELETED


def test_moving_an_article_edits_the_link(newsroom, telegram, worker):
    article = worker.add(newsroom, "Filed in the wrong section")
    worker.run()
    with worker.capture(execute=True):
        article.move(newsroom.sections["economy"], pos="last-child")
    worker.run_until_idle()
    article.refresh_from_db()
    assert "/economy/" in article.get_full_url()
    [message] = telegram.channel("@steppe_en")
    assert f'href="{article.get_full_url()}"' in message.content


def test_an_article_dated_more_than_a_day_back_is_not_news_for_the_channel(
    newsroom, telegram, worker, settings
):
    """Imports and the demo publish whole archives: only what is dated within a day is posted."""
    old = worker.add(newsroom, "Archive piece", published=timezone.now() - timedelta(hours=25))
    fresh = worker.add(newsroom, "Today's piece", published=timezone.now() - timedelta(hours=23))
    worker.run_until_idle()
    assert [m.visible.split("\n")[0] for m in telegram.channel("@steppe_en")] == ["Today's piece"]
    assert list(TelegramPost.objects.values_list("article_id", flat=True)) == [fresh.pk]
    settings.STEPPE_TELEGRAM_MAX_AGE_HOURS = "0"  # no limit
    worker.publish(old)
    worker.run_until_idle()
    assert len(telegram.channel("@steppe_en")) == 2


def test_a_scheduled_article_published_early_by_hand_is_posted_at_once(newsroom, telegram, worker):
    article = worker.add(newsroom, "Ready early", go_live_at=timezone.now() + timedelta(hours=3))
    worker.run()
    assert TelegramPost.objects.get(article=article).status == Status.WAITING
    worker.publish(article, go_live_at=None)
    worker.run()
    assert len(telegram.channel("@steppe_en")) == 1
