"""Publishing posts to the language's channel; a new headline edits, unpublishing deletes.

Through the real path: the signal queues a task in the database, the worker's step runs it, and
the fake Bot API (a real HTTP server on 127.0.0.1) is asked what its channels now show.
"""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from telegram.models import TelegramPost
from tests.factories import make_image, translate

pytestmark = pytest.mark.django_db
Status = TelegramPost.Status


def test_publishing_posts_the_article_with_its_lead_image_to_its_languages_channel(
    newsroom, telegram, worker
):
    article = worker.add(newsroom, "Wheat prices & <export> quotas", image=make_image())
    assert telegram.calls == [], "the editor's request called Telegram"
    assert "telegram.tasks.sync_article" in worker.run()
    [message] = telegram.channel("@steppe_en")
    assert message.kind == "photo" and message.photo_size == (1200, 675)  # the 1600 × 900 lead image
    assert message.visible.startswith("Wheat prices & <export> quotas\n\nStandfirst of Wheat prices")
    assert "<b>Wheat prices &amp; &lt;export&gt; quotas</b>" in message.content
    assert f'<a href="{article.get_full_url()}">Read the article</a>' in message.content
    assert telegram.channel("@steppe_ru") == []
    post = TelegramPost.objects.get(article=article)
    assert (post.status, post.message_id, post.chat_id, post.language, post.channel) == (
        Status.POSTED, message.message_id, -1001000000001, "en", "@steppe_en"
    )  # fmt: skip
    assert post.attempts == 1 and post.sent_at is not None and post.last_error == ""


def test_an_article_without_image_is_a_text_message_and_a_translation_goes_to_its_own_channel(
    newsroom, telegram, worker
):
    article = worker.add(newsroom, "Caspian ferry timetable")
    with worker.capture(execute=True):
        russian = translate(
            article, "ru", title="Расписание каспийского парома", standfirst="Паром ходит чаще."
        )
    worker.run()
    [english] = telegram.channel("@steppe_en")
    [message] = telegram.channel("@steppe_ru")
    assert english.kind == "text" and message.kind == "text"
    assert message.visible.startswith("Расписание каспийского парома\n\nПаром ходит чаще.")
    assert f'<a href="{russian.get_full_url()}">Читать статью</a>' in message.content


def test_no_channel_for_the_language_no_post_and_no_record(newsroom, telegram, worker, settings):
    settings.STEPPE_TELEGRAM_CHANNELS = '{"ru": "@steppe_ru"}'
    worker.add(newsroom, "Only in English")
    assert "telegram.tasks.sync_article" in worker.run()
    assert telegram.calls == [] and not TelegramPost.objects.exists()


def test_off_without_a_token_nothing_is_queued(newsroom, settings, worker):
    settings.STEPPE_TELEGRAM_BOT_TOKEN = ""
    worker.add(newsroom, "Quiet day")
    assert not DBTaskResult.objects.filter(task_path__startswith="telegram.").exists()


def test_a_new_headline_edits_the_post_and_an_unchanged_republish_does_nothing(newsroom, telegram, worker):
    article = worker.add(newsroom, "Dam opens", image=make_image())
    worker.run()
    worker.publish(article)  # same texts: a republish for another reason
    worker.run()
    assert telegram.methods() == ["sendPhoto"]
    worker.publish(article, title="Dam opens a month early")
    worker.run()
    worker.publish(article, standfirst="Farmers downstream get water for the sowing.")
    worker.run()
    assert telegram.methods() == ["sendPhoto", "editMessageCaption", "editMessageCaption"]
    [message] = telegram.channel("@steppe_en")
    assert message.visible.startswith(
        "Dam opens a month early\n\nFarmers downstream get water for the sowing."
    )
    assert TelegramPost.objects.get(article=article).status == Status.POSTED


def test_a_text_post_is_edited_as_text(newsroom, telegram, worker):
    article = worker.add(newsroom, "Border crossing hours")
    worker.run()
    worker.publish(article, title="Border crossing open at night")
    worker.run()
    assert telegram.methods() == ["sendMessage", "editMessageText"]
    assert telegram.channel("@steppe_en")[0].visible.startswith("Border crossing open at night")


def test_unpublishing_deletes_the_post_and_republishing_posts_it_anew(newsroom, telegram, worker):
    article = worker.add(newsroom, "Rail link talks", image=make_image())
    worker.run()
    worker.unpublish(article)
    worker.run()
    assert telegram.channel("@steppe_en") == []
    post = TelegramPost.objects.get(article=article)
    assert (post.status, post.message_id) == (Status.DELETED, None)
    worker.publish(article)
    worker.run()
    assert [m.message_id for m in telegram.channel("@steppe_en")] != [post.message_id]
    assert len(telegram.channel("@steppe_en")) == 1
    assert TelegramPost.objects.get(article=article).status == Status.POSTED


def test_a_post_telegram_will_not_delete_is_edited_to_a_notice_and_back_on_republish(
    newsroom, telegram, worker
):
    article = worker.add(newsroom, "Old story", image=make_image())
    worker.run()
    [message] = telegram.channel("@steppe_en")
    telegram.age("@steppe_en", message.message_id, hours=49)  # Telegram now refuses to delete it
    worker.unpublish(article)
    worker.run()
    assert telegram.methods() == ["sendPhoto", "deleteMessage", "editMessageCaption"]
    [message] = telegram.channel("@steppe_en")
    assert message.visible == "This article has been withdrawn."
    assert TelegramPost.objects.get(article=article).status == Status.WITHDRAWN
    worker.publish(article)  # back: the notice becomes the article again
    worker.run()
    [message] = telegram.channel("@steppe_en")
    assert message.visible.startswith("Old story\n\n")
    assert TelegramPost.objects.get(article=article).status == Status.POSTED


def test_a_post_known_to_be_older_than_48_hours_goes_straight_to_the_notice(newsroom, telegram, worker):
    from datetime import timedelta

    article = worker.add(newsroom, "Last week's story")
    worker.run()
    TelegramPost.objects.filter(article=article).update(
        sent_at=TelegramPost.objects.get().sent_at - timedelta(hours=50)
    )
    worker.unpublish(article)
    worker.run()
    assert telegram.methods() == ["sendMessage", "editMessageText"]
    assert telegram.channel("@steppe_en")[0].visible == "This article has been withdrawn."


def test_deleting_the_article_deletes_the_post(newsroom, telegram, worker):
    article = worker.add(newsroom, "Short-lived", image=make_image())
    worker.run()
    with worker.capture(execute=True):
        article.delete()
    worker.run()
    assert telegram.channel("@steppe_en") == []
    post = TelegramPost.objects.get()
    assert (post.article_id, post.status, post.headline) == (None, Status.DELETED, "Short-lived")


def test_a_post_deleted_by_hand_in_telegram_is_not_posted_again_on_its_own(newsroom, telegram, worker):
    article = worker.add(newsroom, "Removed by the channel admin")
    worker.run()
    telegram.delete_in_telegram("@steppe_en", telegram.channel("@steppe_en")[0].message_id)
    worker.publish(article, title="Removed by the channel admin, updated")
    worker.run()
    worker.publish(article)
    worker.run()
    assert telegram.channel("@steppe_en") == []
    assert telegram.methods() == ["sendMessage", "editMessageText"]
    assert TelegramPost.objects.get().status == Status.REMOVED


def test_uzbek_written_in_cyrillic_is_posted_in_latin(newsroom, telegram, worker, settings):
    settings.STEPPE_TELEGRAM_CHANNELS = '{"en": "@steppe_en", "uz": "@steppe_ru"}'
    article = worker.add(newsroom, "Cotton")
    with worker.capture(execute=True):
        translate(article, "uz", title="Пахта ҳосили", standfirst="Фарғона водийсида терим бошланди.")
    worker.run()
    [message] = telegram.channel("@steppe_ru")
    assert message.visible.startswith("Paxta hosili\n\nFargʻona vodiysida terim boshlandi.")


def test_a_long_standfirst_is_shortened_to_the_caption_limit_keeping_the_link(newsroom, telegram, worker):
    standfirst = ("Herders on the Ustyurt plateau 🐪 count their camels again. " * 30).strip()
    article = worker.add(newsroom, "Camel census", image=make_image(), live=False)
    worker.publish(article, standfirst=standfirst)
    worker.run()
    [message] = telegram.channel("@steppe_en")  # the fake refuses captions over 1024 UTF-16 units
    assert message.visible.endswith("…\n\nRead the article")
    assert article.get_full_url() in message.content
