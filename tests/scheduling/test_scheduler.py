import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import ArticlePage
from scheduling.jobs import configured_jobs
from scheduling.management.commands.run_scheduler import fire
from scheduling.models import ScheduledRun
from tests.deploy.helpers import (
    check_fired_once_per_slot,
    manage,
    process_env,
    scheduler_report,
    scratch_database,
    start,
    stop,
    wait_for,
)
from tests.tasks import run_queued_tasks

MIGRATE_TASK_TABLES = (
    "from django.core.management import call_command; "
    "call_command('migrate', 'django_tasks_database', verbosity=0); call_command('migrate', 'scheduling', verbosity=0)"
)


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_default_jobs_cover_fx_and_scheduled_publishing(settings):
    jobs = configured_jobs()
    assert jobs["fx_fetch"].task == "fx.tasks.fetch_rates" and jobs["fx_fetch"].every == 1800
    assert jobs["publish_scheduled"].every == 60
    for job in jobs.values():
        assert callable(job.load().enqueue)
    settings.STEPPE_SCHEDULE = '{"fx_fetch": {"every": 900}, "heartbeat": null}'
    jobs = configured_jobs()
    assert jobs["fx_fetch"].every == 900 and "heartbeat" not in jobs


@pytest.mark.django_db
def test_a_slot_fires_once(immediate_tasks):
    job = configured_jobs()["heartbeat"]
    assert fire(job, 1_800_000_000, "a:1") is True
    assert fire(job, 1_800_000_000, "b:2") is False
    assert fire(job, 1_800_000_300, "b:2") is True
    assert list(ScheduledRun.objects.values_list("slot", "fired_by").order_by("slot")) == [
        (1_800_000_000, "a:1"),
        (1_800_000_300, "b:2"),
    ]
    assert all(ScheduledRun.objects.values_list("task_id", flat=True))


@pytest.mark.django_db
def test_run_scheduler_once_publishes_scheduled_pages(newsroom, client):
    """The shipped path, on the database task backend: the scheduler enqueues, the worker publishes."""
    soon = timezone.now() + timedelta(seconds=2)
    article = newsroom.add_article("The scheduled harvest report", go_live_at=soon)
    assert not ArticlePage.objects.get(pk=article.pk).live
    call_command("run_scheduler", "--once", "--job", "publish_scheduled", "--every", "1")
    run_queued_tasks()
    assert not ArticlePage.objects.get(pk=article.pk).live, "published before its time"
    ScheduledRun.objects.all().delete()
    time.sleep(max((soon - timezone.now()).total_seconds(), 0) + 0.1)  # its time comes
    assert client.get(article.url).status_code == 404
    call_command("run_scheduler", "--once", "--job", "publish_scheduled")
    assert ScheduledRun.objects.filter(job="publish_scheduled").count() == 1
    call_command("run_scheduler", "--once", "--job", "publish_scheduled")  # same slot: nothing more
    assert ScheduledRun.objects.filter(job="publish_scheduled").count() == 1
    assert not ArticlePage.objects.get(pk=article.pk).live  # enqueued, not run by the scheduler
    assert "scheduling.tasks.publish_scheduled" in run_queued_tasks()
    assert ArticlePage.objects.get(pk=article.pk).live
    assert client.get(article.url).status_code == 200


def test_two_schedulers_started_at_once_fire_each_slot_once(tmp_path):
    """Real processes sharing one database: two schedulers and two workers started together."""
    with scratch_database(tmp_path, "sched") as url:
        env = process_env(tmp_path, url, STEPPE_TASKS_BACKEND=None)
        manage(env, "shell", "-c", MIGRATE_TASK_TABLES)
        schedulers = [
            start(
                env,
                "run_scheduler",
                "--job",
                "heartbeat",
                "--every",
                "1",
                "--for",
                "4",
                log=tmp_path / f"s{i}.log",
            )
            for i in range(2)
        ]
        workers = [
            start(
                env,
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
                log=tmp_path / f"w{i}.log",
            )
            for i in range(2)
        ]
        try:
            for i, process in enumerate(schedulers):
                assert process.wait(timeout=90) == 0, (tmp_path / f"s{i}.log").read_text()

            def all_ran():
                report = scheduler_report(url)
                return report if {t["status"] for t in report["tasks"]} == {"SUCCESSFUL"} else None

            report = wait_for(all_ran, 60, "the workers to run every heartbeat")
        finally:
            stop(*schedulers, *workers)
        check_fired_once_per_slot(report, at_least=3)
