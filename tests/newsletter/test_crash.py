"""A send interrupted at the worst moments resumes without mailing anyone twice.

The SMTP server cuts the connection after taking a message, loses one, goes away mid-send; the
sender crashes between the server's "250" and recording it; and, with real processes, the task
worker is SIGKILLed while the server holds its message, then a new worker and the scheduler's
resume job finish the send.
"""

from __future__ import annotations

import collections
import os
import signal

import pytest
from django.utils import timezone

from newsletter import sending
from newsletter.mailer import Mailer
from newsletter.models import Delivery, Issue, Subscriber
from newsletter.sending import SendSettings, run_slice
from newsletter.tasks import queue_send, resume_sends
from tests.deploy.helpers import manage, process_env, scratch_database, sql, start, stop, wait_for
from tests.newsletter.smtp import SMTPServer
from tests.tasks import run_queued_tasks

FAST = SendSettings(rate=0, batch_size=100, batch_pause=0, slice_seconds=60, lease_seconds=60)


def ready_issue(count: int) -> Issue:
    Subscriber.objects.bulk_create(
        Subscriber(email=f"r{n}@example.org", language="en", status="active") for n in range(count)
    )
    return Issue.objects.create(
        subject="Brief",
        language="en",
        intro="Only an introduction today.",
        status="scheduled",
        send_at=timezone.now(),
    )


def per_address(smtp: SMTPServer) -> collections.Counter:
    return collections.Counter(r.to for r in smtp.received)


@pytest.mark.django_db
def test_a_connection_cut_after_the_server_took_a_message_does_not_resend_it(smtp):
    issue = ready_issue(6)
    smtp.handler.on_data = lambda n: "drop" if n == 3 else "ok"  # keeps the 3rd, never says 250
    report = run_slice(issue.pk, conf=FAST)
    assert report.state == "sent"
    assert report.counts["sent"] == 5 and report.counts["unknown"] == 1
    assert set(per_address(smtp).values()) == {1} and len(per_address(smtp)) == 6, "each got exactly one"
    unknown = Delivery.objects.get(status="unknown")
    assert unknown.subscriber.email == "r2@example.org" and "Disconnected" in unknown.error
    assert run_slice(issue.pk, conf=FAST).state == "sent" and len(smtp.received) == 6


@pytest.mark.django_db
def test_a_message_lost_in_the_handover_is_not_sent_twice_either(smtp):
    issue = ready_issue(4)
    smtp.handler.on_data = lambda n: "lose" if n == 2 else "ok"  # cut before keeping it
    report = run_slice(issue.pk, conf=FAST)
    assert report.counts["sent"] == 3 and report.counts["unknown"] == 1
    assert sorted(per_address(smtp)) == ["r0@example.org", "r2@example.org", "r3@example.org"]
    assert max(per_address(smtp).values()) == 1, "at most once, even for the one that may have gone"


@pytest.mark.django_db
def test_the_server_going_away_mid_send_is_resumed_later(smtp):
    issue = ready_issue(8)

    class ServerDiesAfterThree(Mailer):
        handed = 0

        def send(self, message):
            result = super().send(message)
            ServerDiesAfterThree.handed += 1
            if ServerDiesAfterThree.handed == 3:
                smtp.stop()
            return result

    queued = []
    report = run_slice(issue.pk, conf=FAST, mailer_factory=ServerDiesAfterThree, on_continue=queued.append)
    assert report.state == "server unavailable" and queued == [60.0]
    assert report.counts["sent"] == 3 and report.counts["pending"] == 5
    issue.refresh_from_db()
    assert issue.status == "sending" and "mail server unavailable" in issue.last_error
    smtp.start()
    report = run_slice(issue.pk, conf=FAST)
    assert report.state == "sent" and report.counts["sent"] == 8
    assert set(per_address(smtp).values()) == {1} and len(per_address(smtp)) == 8


@pytest.mark.django_db
def test_a_sender_that_crashes_after_the_servers_250_is_resumed_by_the_scheduler(smtp, monkeypatch):
    issue = ready_issue(6)
    record = sending._record
    calls = []

    def crash_on_third(delivery, status, error=""):
        calls.append(delivery.pk)
        if len(calls) >= 3:  # the worker is dead from here on: nothing more is written
            raise RuntimeError("the worker died here")  # the server has it; the row says "sending"
        record(delivery, status, error)

    monkeypatch.setattr(sending, "_record", crash_on_third)
    queue_send(issue.pk)
    assert "newsletter.tasks.send_issue" in run_queued_tasks()
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get(task_path="newsletter.tasks.send_issue").status == "FAILED"
    assert len(smtp.received) == 3
    assert Delivery.objects.filter(status="sending").count() == 1
    monkeypatch.setattr(sending, "_record", record)

    # The scheduler's minute job finds the send without a sender and queues it again.
    assert resume_sends.call() == {"started": [], "resumed": [issue.pk]}
    run_queued_tasks()
    issue.refresh_from_db()
    assert issue.status == "sent"
    counts = sending.delivery_counts(issue.pk)
    assert counts["sent"] == 5 and counts["unknown"] == 1
    assert set(per_address(smtp).values()) == {1} and len(per_address(smtp)) == 6, "each got exactly one"
    assert resume_sends.call() == {"started": [], "resumed": []}


SETUP = """
from django.utils import timezone
from newsletter.models import Issue, Subscriber
from newsletter.tasks import queue_send
Subscriber.objects.bulk_create(
    Subscriber(email=f"r{n}@example.org", language="en", status="active") for n in range(%(count)d)
)
issue = Issue.objects.create(subject="Brief", language="en", intro="Hello.", status="scheduled",
                             send_at=timezone.now())
queue_send(issue.pk)
"""


def test_a_killed_worker_and_a_new_one_mail_everyone_exactly_once(tmp_path):
    """Real processes: db_worker sends, is SIGKILLed while the server holds its 5th message, and
    a new worker, woken by `run_scheduler --once --job newsletter_resume`, finishes the send."""
    count = 12
    server = SMTPServer().start()
    worker = None
    try:
        with scratch_database(tmp_path, "newsletter") as database_url:
            env = process_env(
                tmp_path,
                database_url,
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=str(server.port),
                EMAIL_TIMEOUT="10",
                STEPPE_NEWSLETTER_RATE="0",
                STEPPE_TASKS_BACKEND=None,
                STEPPE_LOG_TASKS="1",
            )
            manage(env, "migrate", "--noinput", "-v0", timeout=300)
            manage(env, "shell", "-c", SETUP % {"count": count})
            victim: dict[str, int] = {}

            def kill_worker():
                os.kill(victim["pid"], signal.SIGKILL)  # before the server answers 250

            server.handler.on_data = lambda n: kill_worker if n == 5 else "ok"
            worker = start(env, "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
                           log=tmp_path / "worker1.log")  # fmt: skip
            victim["pid"] = worker.pid
            wait_for(lambda: worker.poll() is not None, 60, "the worker to be killed at the 5th message")
            assert worker.returncode == -signal.SIGKILL
            rows = dict(sql(database_url, "SELECT status, COUNT(*) FROM newsletter_delivery GROUP BY status"))
            assert rows == {"sent": 4, "sending": 1, "pending": count - 5}, rows
            assert len(server.received) == 5

            worker = start(env, "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
                           log=tmp_path / "worker2.log")  # fmt: skip
            manage(env, "run_scheduler", "--once", "--job", "newsletter_resume")
            wait_for(
                lambda: sql(database_url, "SELECT status FROM newsletter_issue") == [("sent",)],
                60,
                "the second worker to finish the send",
            )
            rows = dict(sql(database_url, "SELECT status, COUNT(*) FROM newsletter_delivery GROUP BY status"))
            assert rows == {"sent": count - 1, "unknown": 1}, rows
            received = collections.Counter(r.to for r in server.received)
            assert len(received) == count and set(received.values()) == {1}, received
            assert "taking over" in (tmp_path / "worker2.log").read_text()
    finally:
        if worker is not None:
            stop(worker)
        server.stop()
