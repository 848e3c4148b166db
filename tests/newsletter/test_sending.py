"""Issues go out through a real SMTP server: both parts, the unsubscribe headers, links that work."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter.mailer import Mailer
from newsletter.models import Delivery, Issue, IssueArticle, Subscriber
from newsletter.sending import SendSettings, run_slice
from newsletter.tasks import queue_send, resume_sends
from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db

FAST = SendSettings(rate=0, batch_size=100, batch_pause=0, slice_seconds=60, lease_seconds=60)


def subscribers(
    count: int, language: str = "en", editions: str = ",all,", prefix: str = "r"
) -> list[Subscriber]:
    return Subscriber.objects.bulk_create(
        Subscriber(email=f"{prefix}{n}@example.org", language=language, editions=editions, status="active")
        for n in range(count)
    )


def issue_with(articles, **fields) -> Issue:
    issue = Issue.objects.create(subject=fields.pop("subject", "The morning brief"), language="en", **fields)
    for order, article in enumerate(articles):
        IssueArticle.objects.create(issue=issue, article=article, sort_order=order)
    return issue


def start(issue: Issue) -> None:
    """What "Send now" in the admin does: scheduled for now, one slice queued."""
    Issue.objects.filter(pk=issue.pk).update(status="scheduled", send_at=timezone.now())
    queue_send(issue.pk)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_an_issue_arrives_with_both_parts_and_one_click_unsubscribe(newsroom, smtp):
    first = newsroom.add_article("Grain harvest sets a record", countries=["KZ"])
    second = newsroom.add_article("Dam talks resume in Tashkent", countries=["UZ"])
    issue = issue_with([first, second], intro="Good morning.\nTwo stories today.")
    reader, other = subscribers(2)
    Subscriber.objects.create(email="pending@example.org", language="en", status="pending")
    Subscriber.objects.create(email="gone@example.org", language="en", status="unsubscribed")
    Subscriber.objects.create(email="russian@example.org", language="ru", status="active")
    start(issue)
    assert smtp.received == []
    assert "newsletter.tasks.send_issue" in run_queued_tasks()

    assert sorted(r.to for r in smtp.received) == ["r0@example.org", "r1@example.org"]
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.finished_at is not None and issue.frozen_articles == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}

    mail = smtp.to("r0@example.org")[0]
    headers = mail.message
    unsubscribe_url = f"http://localhost/en/newsletter/unsubscribe/{reader.unsubscribe_token}/"
    assert headers["Subject"] == "The morning brief"
    assert headers["From"] == "The Test Courier <news@example.org>"
    assert headers["To"] == "r0@example.org"
    # (Long header lines are folded, which a mail client unfolds: hence strip.)
    assert headers["List-Unsubscribe"].strip() == f"<{unsubscribe_url}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Id"] == '"Test Courier en" <en.newsletter.localhost>'
    assert headers["Message-ID"] and headers["Date"]
    assert headers.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in headers.iter_parts()] == ["text/plain", "text/html"]

    text, html = mail.text, mail.html
    for article in (first, second):
        assert article.title in text and article.title in html
        assert article.standfirst in text
        assert article.get_full_url() in text and f'href="{article.get_full_url()}"' in html
    assert "Good morning.\nTwo stories today." in text and "Good morning.<br>Two stories today." in html
    assert text.index(first.title) < text.index(second.title), "in the editor's order"
    assert f"Unsubscribe: {unsubscribe_url}" in text and f'href="{unsubscribe_url}"' in html
    assert "POLITICS" in text, "each story says its section"

    # No tracking: nothing to load, and the copies differ only by the reader's unsubscribe link.
    assert "<img" not in html.lower() and "background=" not in html.lower() and "url(" not in html
    other_mail = smtp.to("r1@example.org")[0]
    assert other_mail.html.replace(other.unsubscribe_token, "TOKEN") == html.replace(
        reader.unsubscribe_token, "TOKEN"
    )
    assert other_mail.text.replace(other.unsubscribe_token, "TOKEN") == text.replace(
        reader.unsubscribe_token, "TOKEN"
    )

    # The links work against the site.
    client = Client()
    for link in mail.links():
        assert client.get(path_of(link)).status_code == 200, link
    # One click (RFC 8058): the mail client POSTs the header's body to the URL, no page, no cookie.
    response = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(pk=reader.pk).status == "unsubscribed"
    assert "no-store" in response["Cache-Control"]
    # Unsubscribing again, or opening the link later, is harmless.
    assert client.post(path_of(unsubscribe_url)).status_code == 200
    assert "already unsubscribed" in client.get(path_of(unsubscribe_url)).content.decode()
    assert client.post("/en/newsletter/unsubscribe/not-a-token/").status_code == 404

    # Running the task again sends nothing more.
    queue_send(issue.pk)
    run_queued_tasks()
    assert len(smtp.received) == 2


def test_the_unsubscribe_page_asks_first(newsroom, smtp):
    (reader,) = subscribers(1)
    page = Client().get(f"/en/newsletter/unsubscribe/{reader.unsubscribe_token}/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert Subscriber.objects.get(pk=reader.pk).status == "active", "opening the link unsubscribes nobody"
    assert b'method="post"' in page.content and b"r0@example.org" in page.content


def test_editions_and_languages_choose_the_recipients(newsroom, smtp):
    article = newsroom.add_article("Steppe railway opens", countries=["KZ"])
    subscribers(2, prefix="general")
    subscribers(1, editions=",KZ,", prefix="kz")
    subscribers(1, editions=",all,KZ,", prefix="both")
    subscribers(1, editions=",UZ,", prefix="uz")
    subscribers(1, language="ru", editions=",KZ,", prefix="ru")
    issue = issue_with([article], subject="Kazakhstan this week", edition="KZ")
    start(issue)
    run_queued_tasks()
    assert sorted(r.to for r in smtp.received) == ["both0@example.org", "kz0@example.org"]
    assert "Test Courier · Kazakhstan" in smtp.received[0].text


def test_the_days_top_stories_are_filled_in_when_it_is_sent(newsroom, smtp):
    now = timezone.now()
    old = newsroom.add_article("Yesterday's news", published=now - timedelta(hours=30))
    plain = newsroom.add_article("A quiet story", published=now - timedelta(hours=2))
    lead = newsroom.add_article("The big story", published=now - timedelta(hours=5), featured=True)
    newest = newsroom.add_article("Just in", published=now - timedelta(minutes=10))
    newsroom.add_article("A draft", live=False)
    subscribers(1)
    issue = Issue.objects.create(subject="Today", language="en", content="top", top_count=3)
    start(issue)
    run_queued_tasks()
    text = smtp.received[0].text
    assert old.title not in text and "A draft" not in text
    assert text.index(lead.title) < text.index(newest.title) < text.index(plain.title)


def test_an_issue_with_nothing_to_send_goes_back_to_draft_with_the_reason(newsroom, smtp):
    subscribers(1)
    issue = Issue.objects.create(subject="Empty", language="en", content="top")
    start(issue)
    run_queued_tasks()
    issue.refresh_from_db()
    assert smtp.received == [] and issue.status == "draft"
    assert "No published stories in the last 24 hours" in issue.last_error
    chosen = issue_with([newsroom.add_article("Unpublished", live=False)], subject="Chosen")
    start(chosen)
    run_queued_tasks()
    chosen.refresh_from_db()
    assert chosen.status == "draft" and "Choose at least one published article" in chosen.last_error
    assert Delivery.objects.count() == 0


def test_a_scheduled_issue_waits_for_its_time(newsroom, smtp):
    article = newsroom.add_article("Later")
    subscribers(1)
    issue = issue_with([article])
    when = timezone.now() + timedelta(minutes=30)
    Issue.objects.filter(pk=issue.pk).update(status="scheduled", send_at=when, wake_at=when)
    queue_send(issue.pk, (when - timezone.now()).total_seconds())
    assert "newsletter.tasks.send_issue" not in run_queued_tasks(), "the task waits in the queue (run_after)"
    # Even if it ran early (a moved schedule leaves the old task), nothing goes before its time.
    assert run_slice(issue.pk, conf=FAST).state == "not due"
    assert resume_sends.call() == {"started": [], "resumed": []}
    assert smtp.received == []
    # Its time comes: the queued task runs.
    Issue.objects.filter(pk=issue.pk).update(send_at=timezone.now())
    DBTaskResult.objects.update(run_after=timezone.now())
    run_queued_tasks()
    assert len(smtp.received) == 1


def test_someone_who_unsubscribes_during_a_send_is_skipped(newsroom, smtp):
    article = newsroom.add_article("Midway")
    readers = subscribers(3)
    issue = issue_with([article])
    Issue.objects.filter(pk=issue.pk).update(status="scheduled", send_at=timezone.now())

    class UnsubscribingMailer(Mailer):
        def send(self, message):
            result = super().send(message)
            Subscriber.objects.filter(pk=readers[2].pk).update(status="unsubscribed")  # meanwhile
            return result

    report = run_slice(issue.pk, conf=FAST, mailer_factory=UnsubscribingMailer)
    assert report.state == "sent" and report.counts["sent"] == 2 and report.counts["skipped"] == 1
    assert [r.to for r in smtp.received] == ["r0@example.org", "r1@example.org"]


def test_the_rate_and_the_slice_limit_hold(newsroom, smtp):
    article = newsroom.add_article("Paced")
    subscribers(10)
    issue = issue_with([article])
    Issue.objects.filter(pk=issue.pk).update(status="scheduled", send_at=timezone.now())
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    conf = SendSettings(rate=10, batch_size=3, batch_pause=0.5, slice_seconds=0.65, lease_seconds=60)
    queued = []
    report = run_slice(
        issue.pk, conf=conf, clock=lambda: now[0], sleep=sleep, on_continue=lambda s: queued.append(s)
    )
    # 10 a second: messages at 0.0, 0.1, 0.2, then the pause between connections, then 0.7 > 0.65.
    assert report.state == "continue" and report.sent == 3 and queued == [0]
    assert slept == pytest.approx([0.1, 0.1, 0.5])
    assert smtp.handler.connections == 1
    report = run_slice(issue.pk, conf=FAST)
    assert report.state == "sent" and report.counts["sent"] == 10
    assert smtp.handler.connections == 2, "FAST sends the other seven over one connection"
    assert len({r.to for r in smtp.received}) == len(smtp.received) == 10


def test_refusals_are_recorded_and_retried_only_when_the_server_says_so(newsroom, smtp):
    article = newsroom.add_article("Refused")
    subscribers(4)
    smtp.handler.refuse_rcpt.update(
        {"r1@example.org": "550 5.1.1 no such user", "r2@example.org": "450 4.2.1 busy"}
    )
    issue = issue_with([article])
    Issue.objects.filter(pk=issue.pk).update(status="scheduled", send_at=timezone.now())
    queued = []
    report = run_slice(issue.pk, conf=FAST, on_continue=queued.append)
    assert report.state == "retry later" and queued == [60.0]
    assert report.counts == {**report.counts, "sent": 2, "failed": 1, "pending": 1}
    smtp.handler.refuse_rcpt.clear()
    report = run_slice(issue.pk, conf=FAST)
    assert report.state == "sent" and report.counts["sent"] == 3 and report.counts["failed"] == 1
    assert sorted(r.to for r in smtp.received) == ["r0@example.org", "r2@example.org", "r3@example.org"]
    failed = Delivery.objects.get(status="failed")
    assert failed.subscriber.email == "r1@example.org" and "550" in failed.error
