"""The task worker's recovery from its own death: tasks a killed worker left RUNNING run again.

django-tasks' database worker marks a task RUNNING when it claims it and SUCCESSFUL or FAILED
when it ends. A worker that is SIGKILLed (or whose machine loses power) in between leaves the row
RUNNING for ever, and whatever it was doing (a scheduled publish, a newsletter batch) never ends.
`manage.py run_worker` names each worker `<host>:<pid>`, so the next worker started on the same
host can tell which RUNNING rows belong to a process that no longer exists, and hands them back
to the queue. Every task steppe enqueues is safe to run again (each records what it has done),
so running one twice repeats no effect; a task whose worker died under it MAX_CLAIMS times is
failed instead, so one that kills its worker cannot loop for ever.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterable

logger = logging.getLogger("steppe.worker")

MAX_CLAIMS = 3


def worker_id_for(host: str, pid: int) -> str:
    return f"{host}:{pid}"[:64]  # django-tasks' limit for a worker id


def this_worker_id() -> str:
    return worker_id_for(socket.gethostname(), os.getpid())


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def abandoned_on_host(
    running: Iterable[tuple[object, list[str]]], host: str, alive: Callable[[int], bool] = process_exists
) -> list[object]:
    """The ids of RUNNING tasks (id, worker ids) last claimed by a dead worker of this host."""
    found = []
    for task_id, worker_ids in running:
        claimer = worker_ids[-1] if worker_ids else ""
        claimed_host, _, pid = claimer.rpartition(":")
        if claimed_host == host and pid.isdigit() and not alive(int(pid)):
            found.append(task_id)
    return found


def requeue_abandoned_tasks(host: str | None = None, whole_host: bool = False) -> tuple[int, int]:
    """Give the tasks of this host's dead workers back to the queue; (requeued, failed).

    With `whole_host`, every RUNNING task of `host`'s workers counts as abandoned: for a server
    that is gone for good (its process ids mean nothing here)."""
    from django.db import transaction
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    host = host or socket.gethostname()
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
        alive = (lambda pid: False) if whole_host else process_exists
        ids = abandoned_on_host(running.values_list("id", "worker_ids"), host, alive)
        requeued = failed = 0
        for result in DBTaskResult.objects.filter(id__in=ids):
            if len(result.worker_ids) >= MAX_CLAIMS:
                result.status = TaskResultStatus.FAILED
                result.exception_class_path = "scheduling.worker.AbandonedTask"
                result.traceback = f"its worker died while running it {len(result.worker_ids)} times"
                result.save(update_fields=["status", "exception_class_path", "traceback"])
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    if requeued or failed:
        logger.warning("tasks left running by a dead worker: %d requeued, %d failed", requeued, failed)
    return requeued, failed


class AbandonedTask(Exception):
    """Recorded (by name) on a task whose worker died under it too often."""
