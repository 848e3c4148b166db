"""The export as the scheduler runs it: a job enqueues the task, the worker's step exports and pushes."""

import json
import sys

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from mirror.store import MirrorStore
from mirror.tasks import export_static
from tests.factories import translate
from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_newsroom(newsroom):
    translate(newsroom.home, "ru", title="Курьер")
    newsroom.add_article("Scheduled export story")
    DBTaskResult.objects.all().delete()  # what publishing queued (search index, suggestions)
    return newsroom


def test_the_scheduled_job_exports_and_pushes(small_newsroom, settings, tmp_path):
    copy, pushed = tmp_path / "copy", tmp_path / "pushed.txt"
    # The push is any program (rclone, rsync, aws): here one that records it ran after the export.
    push = [
        sys.executable,
        "-c",
        f"import os; open({str(pushed)!r}, 'w').write(str(len(os.listdir({str(copy)!r}))))",
    ]
    settings.STEPPE_SCHEDULE = json.dumps(
        {"mirror_export": {"task": "mirror.tasks.export_static", "every": 900, "args": [str(copy), "", push]}}
    )
    call_command("run_scheduler", "--once", "--job", "mirror_export")
    assert not copy.exists()  # enqueued, not run by the scheduler
    assert run_queued_tasks() == ["mirror.tasks.export_static"]
    row = DBTaskResult.objects.get(task_path="mirror.tasks.export_static")
    assert row.status == "SUCCESSFUL", row.traceback
    assert row.return_value["written"] > 10 and row.return_value["push"]["returncode"] == 0
    assert int(pushed.read_text()) > 3  # the push saw the finished copy
    assert (copy / "en/politics/scheduled-export-story/index.html").is_file()

    # The next slot: the same copy, nothing rewritten.
    export_static.enqueue(str(copy))
    run_queued_tasks()
    latest = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert latest.status == "SUCCESSFUL" and latest.return_value["written"] == 0


def test_a_failed_push_fails_the_task_and_keeps_the_export(small_newsroom, tmp_path):
    export_static.enqueue(str(tmp_path), "", [sys.executable, "-c", "import sys; sys.exit('bucket refused')"])
    run_queued_tasks()
    row = DBTaskResult.objects.get(task_path="mirror.tasks.export_static")
    assert row.status == "FAILED" and "bucket refused" in row.traceback
    assert (tmp_path / "en/index.html").is_file()


def test_an_export_already_writing_the_directory_is_skipped(small_newsroom, tmp_path):
    with MirrorStore(tmp_path):
        export_static.enqueue(str(tmp_path))
        run_queued_tasks()
    row = DBTaskResult.objects.get(task_path="mirror.tasks.export_static")
    assert row.status == "SUCCESSFUL" and "another export" in row.return_value["skipped"]
    assert not (tmp_path / "en").exists()
