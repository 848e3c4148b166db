"""The task worker as the newsroom runs it: django-tasks' `db_worker`, plus two things it lacks.

- It is named `<host>:<pid>`, and on start it hands back to the queue what a dead worker of this
  host left RUNNING (scheduling.worker).
- It outlives the database: when PostgreSQL restarts or the connection drops, `db_worker` raises
  and exits; this waits and starts it again in the same process, so a database restart does not
  use up the process manager's restart attempts.
"""

from __future__ import annotations

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections

from scheduling.worker import requeue_abandoned_tasks, this_worker_id

logger = logging.getLogger("steppe.worker")
RETRY_SECONDS = (0.5, 1, 2, 4, 5)  # then every 5 s until the database answers


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Run the task worker (db_worker) and recover what a killed worker left running."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")
        parser.add_argument(
            "--recover-host",
            metavar="HOST",
            help="requeue every task left running by the workers of HOST (a server gone for good), then exit",
        )

    def handle(self, *args, interval: float, recover_host: str | None, **options):
        if recover_host:
            requeued, failed = requeue_abandoned_tasks(recover_host, whole_host=True)
            self.stdout.write(f"{recover_host}: {requeued} tasks requeued, {failed} failed")
            return
        worker_id = this_worker_id()
        failures = 0
        while True:
            try:
                requeue_abandoned_tasks()
                failures = 0
                call_command(
                    "db_worker",
                    reload=False,
                    startup_delay=False,
                    interval=interval,
                    worker_id=worker_id,
                    verbosity=options["verbosity"],
                )
                return
            except DatabaseError as error:
                connections.close_all()  # a connection broken by the outage is not reused
                wait = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                logger.warning(
                    "worker: database unavailable (%s); retrying in %s s", str(error).strip()[:200], wait
                )
                time.sleep(wait)
