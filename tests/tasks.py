"""Run what the database task backend has queued, as `manage.py db_worker` would, in this process.

For tests inside pytest-django's transaction, where a `db_worker` subprocess would not see the
rows (and closes the test's PostgreSQL connection). Tasks that enqueue more tasks are run too.
"""

from __future__ import annotations

from django_tasks_db.models import DBTaskResult


def run_queued_tasks(limit: int = 1000) -> list[str]:
    """Run every READY task, oldest first, marking each as the worker does; their task paths."""
    ran = []
    while len(ran) < limit:
        row = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if row is None:
            return ran
        try:
            value = row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        except Exception as error:  # noqa: BLE001 - recorded on the row, as the worker does
            row.set_failed(error)
        else:
            row.set_successful(value)
        ran.append(row.task_path)
    raise AssertionError(f"more than {limit} tasks: one keeps enqueueing another")
