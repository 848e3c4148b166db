"""The scheduled fetch as a django-tasks task (run by `manage.py db_worker`).

django-tasks has no scheduler of its own: cron or a systemd timer enqueues it every 30 minutes
(`manage.py fx_fetch --enqueue`), or runs `manage.py fx_fetch` directly (README "Exchange rates").
"""

from __future__ import annotations

from django_tasks import task

from fx.sync import run_fetch


@task()
def fetch_rates(sources: list[str] | None = None) -> dict[str, object]:
    """Fetch today's rates from every source; each source succeeds or fails on its own."""
    summary = run_fetch(sources)
    return {
        "changed": summary.changed,
        "failed": [o.source for o in summary.failed],
        "lines": [o.line() for o in summary.outcomes],
    }
