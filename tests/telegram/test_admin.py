"""Editors see each post's status in the admin and make the calls only a person can make."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from telegram.models import TelegramPost
from tests.factories import make_image
from tests.telegram.fake_bot_api import Fault

pytestmark = pytest.mark.django_db
Status = TelegramPost.Status


@pytest.fixture
def chief(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "correct horse 1")
    client.force_login(user)
    return user


def unconfirmed_post(newsroom, telegram, worker):
    telegram.fail("sendPhoto", Fault(delay=1.5))  # posted, but the answer comes after the timeout
    article = worker.add(newsroom, "Did it go out?", image=make_image())
    worker.run_until_idle()
    post = TelegramPost.objects.get(article=article)
    assert post.status == Status.UNCONFIRMED
    return article, post


def test_the_posts_page_lists_each_post_with_its_status_and_error(client, chief, newsroom, telegram, worker):
    posted = worker.add(newsroom, "Went out fine")
    worker.run()
    telegram.chats_the_bot_is_admin_of.clear()
    failed = worker.add(newsroom, "Refused")
    worker.run()
    html = client.get("/admin/telegram/").content.decode()
    assert "<h1" in html and "Telegram posts" in html.split("<h1", 1)[1].split("</h1>")[0]
    rows = dict(re.findall(r'data-telegram-post="\d+" data-status="(\w+)">\s*<td><a [^>]*>([^<]+)</a>', html))
    assert rows == {"posted": "Went out fine", "failed": "Refused"}
    assert "Forbidden: bot is not a member of the channel chat" in html
    message_id = TelegramPost.objects.get(article=posted).message_id
    assert f"https://t.me/steppe_en/{message_id}" in html
    attention = client.get("/admin/telegram/?status=attention").content.decode()
    assert "Refused" in attention and "Went out fine" not in attention
    assert failed.title in client.get("/admin/").content.decode(), (
        "the dashboard does not show the failed post"
    )


def test_the_article_header_says_where_its_post_stands(client, chief, newsroom, telegram, worker):
    article = worker.add(newsroom, "Header status")
    edit = f"/admin/pages/{article.pk}/edit/"
    assert "Telegram: Queued" in client.get(edit).content.decode()  # published, the worker not yet run
    draft = worker.add(newsroom, "Header status draft", live=False)
    assert "Telegram: posted when published" in client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    worker.run()
    html = client.get(edit).content.decode()
    assert "Telegram: Posted" in html and f"/admin/telegram/?article={article.pk}" in html


def test_not_in_the_channel_post_again(client, chief, newsroom, telegram, worker):
    article, post = unconfirmed_post(newsroom, telegram, worker)
    telegram.delete_in_telegram(
        "@steppe_en", telegram.channel("@steppe_en")[0].message_id
    )  # it was not there
    response = client.post(f"/admin/telegram/{post.pk}/retry/", {"next": "/admin/telegram/"})
    assert response.status_code == 302 and response["Location"] == "/admin/telegram/"
    worker.run_until_idle()
    assert len(telegram.channel("@steppe_en")) == 1
    assert TelegramPost.objects.get(pk=post.pk).status == Status.POSTED


def test_it_is_in_the_channel_link_it_and_edits_reach_it(client, chief, newsroom, telegram, worker):
    article, post = unconfirmed_post(newsroom, telegram, worker)
    [message] = telegram.channel("@steppe_en")
    wrong = client.post(
        f"/admin/telegram/{post.pk}/adopt/", {"link": "https://t.me/other_channel/5"}, follow=True
    )
    assert wrong.status_code == 200 and "not in @steppe_en" in wrong.content.decode()
    assert TelegramPost.objects.get(pk=post.pk).status == Status.UNCONFIRMED
    link = f"https://t.me/steppe_en/{message.message_id}"
    assert client.post(f"/admin/telegram/{post.pk}/adopt/", {"link": link}).status_code == 302
    worker.run_until_idle()
    post.refresh_from_db()
    assert (post.status, post.message_id) == (Status.POSTED, message.message_id)
    worker.publish(article, title="Did it go out? Yes")
    worker.run_until_idle()
    [message] = telegram.channel("@steppe_en")
    assert message.visible.startswith("Did it go out? Yes")
    assert telegram.methods().count("sendPhoto") == 1


def test_only_publishers_decide(client, newsroom, telegram, worker):
    article, post = unconfirmed_post(newsroom, telegram, worker)
    editor = get_user_model().objects.create_user("writer", "w@example.org", "correct horse 2")
    editor.groups.add(Group.objects.get(name="Editors"))  # may edit, may not publish
    client.force_login(editor)
    assert client.get("/admin/telegram/").status_code == 200  # seeing is fine
    refused = client.post(f"/admin/telegram/{post.pk}/retry/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]  # Wagtail's answer to a permission error
    assert "Sorry, you do not have permission" in refused.content.decode()
    assert client.get(f"/admin/telegram/{post.pk}/retry/").status_code == 405
    assert client.post("/admin/telegram/999999/retry/", follow=True).status_code == 404
    client.logout()
    assert client.get("/admin/telegram/").status_code == 302  # to the login page
    assert TelegramPost.objects.get(pk=post.pk).status == Status.UNCONFIRMED
