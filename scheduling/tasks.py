"""Tasks the scheduler enqueues that are management commands or housekeeping."""

from __future__ import annotations

import io
import os
import socket

from django.core.management import call_command
from django_tasks import task

# Ahead of the queue: an article due at 9:00 must not wait behind a backlog of index updates
# (a demo load or an import queues hundreds).
PUBLISH_PRIORITY = 20


@task(priority=PUBLISH_PRIORITY)
def publish_scheduled() -> str:
    """Wagtail's scheduled publishing: publish pages whose go-live time has come, expire others."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()[-2000:]


@task()
def prune_task_results() -> str:
    out = io.StringIO()
    call_command("prune_db_task_results", min_age_days=14, stdout=out)
    return out.getvalue()[-2000:]


@task()
def heartbeat() -> str:
    """Does nothing but prove the scheduler and the worker run (used by the deploy tests)."""
    return f"{socket.gethostname()}:{os.getpid()}"
