"""A task worker killed in the middle of a task: the next worker on the host runs the task again."""

from __future__ import annotations

import io
import os
import signal
import socket

import pytest

from scheduling.worker import MAX_CLAIMS, abandoned_on_host, worker_id_for
from tests.deploy.helpers import manage, process_env, scratch_database, sql, start, stop, wait_for


def test_only_tasks_of_dead_workers_of_this_host_are_abandoned():
    alive = {101}
    running = [
        ("dead here", [worker_id_for("news-1", 100)]),
        ("alive here", [worker_id_for("news-1", 101)]),
        ("dead elsewhere", [worker_id_for("news-2", 100)]),
        ("claimed before by a dead one, now by a live one", [worker_id_for("news-1", 100), "news-1:101"]),
        ("random id of a plain db_worker", ["Zq3xT8bK0aLmN1oP2rS3tU4vW5xY6zA7"]),
        ("no claim", []),
    ]
    assert abandoned_on_host(running, "news-1", alive=lambda pid: pid in alive) == ["dead here"]


def status_of(database_url: str, notes) -> str:
    rows = sql(database_url, "SELECT status, args_kwargs FROM django_tasks_database_dbtaskresult")
    return next(status for status, args in rows if str(notes) in str(args))


def enqueue(env, notes, seconds: float) -> None:
    manage(
        env,
        "shell",
        "-c",
        f"from tests.scheduling.slow_tasks import note_and_wait; note_and_wait.enqueue({str(notes)!r}, {seconds})",
    )


def test_a_task_whose_worker_was_killed_runs_again_and_one_that_keeps_killing_it_fails(tmp_path):
    with scratch_database(tmp_path, "recovery") as database_url:
        env = process_env(tmp_path, database_url)
        manage(env, "migrate", "--noinput", "-v0", timeout=300)

        # Killed once in the middle: the next worker runs it again, to the end.
        notes = tmp_path / "once.txt"
        enqueue(env, notes, 3)
        first = start(env, "run_worker", "--interval", "0.2", log=tmp_path / "worker1.log")
        try:
            wait_for(lambda: notes.exists() and "started" in notes.read_text(), 60, "the task to start")
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
            assert status_of(database_url, notes) == "RUNNING", "the killed worker's task is left running"
        finally:
            stop(first)
        second = start(env, "run_worker", "--interval", "0.2", log=tmp_path / "worker2.log")
        try:
            wait_for(lambda: status_of(database_url, notes) == "SUCCESSFUL", 60, "the task to finish")
        finally:
            stop(second)
        assert notes.read_text() == "started\nstarted\nfinished\n"
        assert "1 requeued" in (tmp_path / "worker2.log").read_text()
        assert f"{socket.gethostname()}:{first.pid}" in str(
            sql(database_url, "SELECT worker_ids FROM django_tasks_database_dbtaskresult")
        )

        # Killed every time: after MAX_CLAIMS starts it is failed, not run for ever.
        notes = tmp_path / "poison.txt"
        enqueue(env, notes, 60)
        for attempt in range(1, MAX_CLAIMS + 1):
            worker = start(env, "run_worker", "--interval", "0.2", log=tmp_path / f"poison{attempt}.log")
            try:
                wait_for(
                    lambda n=attempt: notes.exists() and notes.read_text().count("started") == n,
                    60,
                    "a start",
                )
                os.kill(worker.pid, signal.SIGKILL)
                worker.wait(timeout=10)
            finally:
                stop(worker)
        last = start(env, "run_worker", "--interval", "0.2", log=tmp_path / "last.log")
        try:
            wait_for(lambda: status_of(database_url, notes) == "FAILED", 60, "the task to be failed")
        finally:
            stop(last)
        assert notes.read_text().count("started") == MAX_CLAIMS


@pytest.mark.django_db
def test_recover_host_requeues_every_running_task_of_a_server_gone_for_good(tmp_path):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from tests.scheduling.slow_tasks import note_and_wait

    results = [
        note_and_wait.using(backend="default").enqueue(str(tmp_path / f"{n}.txt"), 0) for n in range(3)
    ]
    rows = DBTaskResult.objects.filter(id__in=[r.id for r in results]).order_by("enqueued_at")
    for row, worker in zip(
        rows, ["gone:11", "gone:12", f"{socket.gethostname()}:{os.getpid()}"], strict=True
    ):
        row.claim(worker)
    out = io.StringIO()
    call_command("run_worker", recover_host="gone", stdout=out)
    assert out.getvalue().strip() == "gone: 2 tasks requeued, 0 failed"
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["READY", "READY", "RUNNING"]


@pytest.mark.django_db
def test_scheduled_publishing_runs_before_a_backlog_of_other_tasks(tmp_path):
    from django_tasks_db.models import DBTaskResult

    from scheduling.tasks import publish_scheduled
    from tests.scheduling.slow_tasks import note_and_wait

    for number in range(20):
        note_and_wait.using(backend="default").enqueue(str(tmp_path / f"{number}.txt"), 0)
    due = publish_scheduled.using(backend="default").enqueue()
    # What the worker takes next (django-tasks' own query, as db_worker runs it).
    assert str(DBTaskResult.objects.ready().get_locked().id) == str(due.id)
