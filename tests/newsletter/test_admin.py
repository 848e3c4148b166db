"""Editors compose an issue in the admin, preview it as it will arrive, then send or schedule it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsletter.models import Issue, Subscriber
from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/newsletter/issue/"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "correct horse 1")
    client.force_login(user)
    return user


def issue_form(articles, **fields) -> dict:
    return nested_form_data(
        {
            "subject": "Evening edition",
            "language": "en",
            "edition": "all",
            "intro": "Tonight's picks.",
            "content": "chosen",
            "top_count": 6,
            "chosen_articles": inline_formset([{"article": a.pk} for a in articles]),
            **fields,
        }
    )


def test_compose_preview_and_send_an_issue(newsroom, smtp, client, editor):
    first = newsroom.add_article("Wheat prices climb")
    second = newsroom.add_article("New border crossing")
    Subscriber.objects.create(email="reader@example.org", language="en", status="active")
    Subscriber.objects.create(email="kz@example.org", language="en", editions=",KZ,", status="active")

    form = client.get(f"{ADMIN}add/")
    assert form.status_code == 200
    body = form.content.decode()
    assert 'value="KZ"' in body and f'value="t:{newsroom.sections["politics"].translation_key}"' in body

    response = client.post(f"{ADMIN}add/", issue_form([first, second]))
    assert response.status_code == 302, response.content.decode()[:3000]
    issue = Issue.objects.get()
    assert [link.article_id for link in issue.chosen_articles.all()] == [first.pk, second.pk]
    assert issue.status == "draft"

    # The preview panel: the mail as it will arrive, HTML and plain text, with unsaved changes.
    preview = f"{ADMIN}preview/{issue.pk}/"
    links = list(issue.chosen_articles.all())
    revised = issue_form([], subject="Evening edition, revised")
    revised.update(
        nested_form_data(
            {
                "chosen_articles": inline_formset(
                    [
                        {"id": links[0].pk, "article": first.pk, "DELETE": "1", "ORDER": 0},
                        {"id": links[1].pk, "article": second.pk, "ORDER": 1},
                    ],
                    initial=2,
                )
            }
        )
    )
    state = client.post(preview, revised)
    assert state.json()["is_valid"] is True
    html = client.get(preview, {"mode": "html"})
    assert html["Content-Type"].startswith("text/html")
    assert "Evening edition, revised" in html.content.decode() and second.title in html.content.decode()
    assert first.title not in html.content.decode()
    text = client.get(preview, {"mode": "text"})
    assert text["Content-Type"].startswith("text/plain")
    assert text.content.decode().startswith("Subject: Evening edition, revised\nFrom: The Test Courier")
    assert second.get_full_url() in text.content.decode()
    assert "/newsletter/unsubscribe/" in text.content.decode()

    # The edit view and the listing lead to the send page.
    assert f"{ADMIN}send/{issue.pk}/" in client.get(f"{ADMIN}edit/{issue.pk}/").content.decode()
    assert f"{ADMIN}send/{issue.pk}/" in client.get(ADMIN).content.decode()
    page = client.get(f"{ADMIN}send/{issue.pk}/")
    assert page.status_code == 200
    assert "Send now to 1 subscriber" in page.content.decode(), "the KZ-only subscriber is not in it"

    response = client.post(f"{ADMIN}send/{issue.pk}/", {"action": "send_now"})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == "scheduled" and smtp.received == []
    waiting = client.get(f"{ADMIN}send/{issue.pk}/").content.decode()
    assert "Sending starts in a few seconds" in waiting and "Send now" not in waiting
    run_queued_tasks()
    issue.refresh_from_db()
    assert issue.status == "sent"
    (mail,) = smtp.received
    assert mail.to == "reader@example.org" and mail.message["Subject"] == "Evening edition"
    report = client.get(f"{ADMIN}send/{issue.pk}/").content.decode()
    assert 'data-status="sent">1<' in report

    # A sent issue cannot be changed or sent again.
    response = client.post(f"{ADMIN}edit/{issue.pk}/", issue_form([first], subject="Changed"))
    assert response.status_code == 200 and "can no longer be changed" in response.content.decode()
    assert Issue.objects.get().subject == "Evening edition"
    client.post(f"{ADMIN}send/{issue.pk}/", {"action": "send_now"})
    run_queued_tasks()
    assert len(smtp.received) == 1


def test_schedule_and_cancel(newsroom, smtp, client, editor):
    article = newsroom.add_article("Scheduled story")
    client.post(f"{ADMIN}add/", issue_form([article]))
    issue = Issue.objects.get()
    url = f"{ADMIN}send/{issue.pk}/"

    past = client.post(url, {"action": "schedule", "send_at": "2020-01-01T09:00"})
    assert past.status_code == 400 and "Choose a time in the future" in past.content.decode()
    junk = client.post(url, {"action": "schedule", "send_at": "tomorrow-ish"})
    assert junk.status_code == 400 and "Enter a valid date/time." in junk.content.decode()
    assert client.post(url, {"action": "explode"}).status_code == 302
    assert Issue.objects.get().status == "draft"

    when = timezone.localtime(timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    assert (
        client.post(url, {"action": "schedule", "send_at": when.strftime("%Y-%m-%dT%H:%M")}).status_code
        == 302
    )
    issue.refresh_from_db()
    assert issue.status == "scheduled" and issue.send_at == when
    task = DBTaskResult.objects.get(task_path="newsletter.tasks.send_issue")
    assert abs((task.run_after - when).total_seconds()) < 2, "queued to run at its time"

    assert client.post(url, {"action": "cancel"}).status_code == 302
    issue.refresh_from_db()
    assert issue.status == "draft" and issue.send_at is None
    task.run_after = timezone.now()
    task.save()
    run_queued_tasks()  # the old task finds a draft: nothing goes out
    assert smtp.received == [] and Issue.objects.get().status == "draft"


def test_an_issue_without_stories_cannot_be_sent(newsroom, smtp, client, editor):
    client.post(f"{ADMIN}add/", issue_form([], intro=""))
    issue = Issue.objects.get()
    page = client.get(f"{ADMIN}send/{issue.pk}/").content.decode()
    assert "Choose at least one published article" in page and "Send now" not in page
    client.post(f"{ADMIN}send/{issue.pk}/", {"action": "send_now"})
    assert Issue.objects.get().status == "draft"


def test_sending_needs_its_own_permission(newsroom, client):
    issue = Issue.objects.create(subject="x", language="en", intro="Hi")
    writer = get_user_model().objects.create_user("writer", "w@example.org", "correct horse 1")
    group = Group.objects.create(name="Newsletter writers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=["add_issue", "change_issue"]
        ),
    )
    writer.groups.add(group)
    client.force_login(writer)
    assert client.get(f"{ADMIN}edit/{issue.pk}/").status_code == 200
    # Wagtail answers a refused admin page by sending the editor to the dashboard with a message.
    for response in (
        client.get(f"{ADMIN}send/{issue.pk}/"),
        client.post(f"{ADMIN}send/{issue.pk}/", {"action": "send_now"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert f"{ADMIN}send/{issue.pk}/" not in client.get(f"{ADMIN}edit/{issue.pk}/").content.decode()
    assert Issue.objects.get().status == "draft"
