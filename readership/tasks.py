"""Flushing buffered view counts as a task: `manage.py flush_views --enqueue` (cron/systemd timer),
or run `manage.py flush_views` itself from the timer; see README "Discovery"."""

from django_tasks import task


@task()
def flush_views() -> int:
    from readership.counter import flush
    from readership.queries import renew_all

    written = flush()
    renew_all()  # a changed most-read list reaches the cached pages (readership.queries.renew)
    return written
