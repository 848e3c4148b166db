"""Flushing buffered view counts as a task: `manage.py flush_views --enqueue` (cron/systemd timer),
or run `manage.py flush_views` itself from the timer; see README "Discovery"."""

from django_tasks import task


@task()
def flush_views() -> int:
    from readership.counter import flush

    return flush()
