"""Enqueue the periodic jobs for `manage.py db_worker`; safe to run on every app server at once.

Each job fires once per slot: the scheduler that inserts the (job, slot) row first enqueues the
task in the same transaction; the others hit the unique constraint and do nothing. That works the
same on PostgreSQL and SQLite and survives a scheduler dying at any moment (its transaction rolls
back, another one fires the slot).
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone

from scheduling.jobs import Job, configured_jobs
from scheduling.models import ScheduledRun

logger = logging.getLogger("steppe.scheduler")
KEEP_DAYS = 7


def fire(job: Job, slot: int, fired_by: str) -> bool:
    """Enqueue `job` for `slot` unless some scheduler already did; True when this call did."""
    task = job.load()
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, slot=slot, fired_by=fired_by)
            result = task.enqueue(*job.args)
            run.task_id = str(result.id)
            run.save(update_fields=["task_id"])
    except IntegrityError:
        return False
    logger.info("scheduler: enqueued %s for slot %s (task %s)", job.name, slot, run.task_id)
    return True


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Enqueue periodic jobs (FX fetch, scheduled publishing, …) once per slot across all servers."

    def add_arguments(self, parser):
        parser.add_argument("--job", action="append", default=[], help="only this job (repeatable)")
        parser.add_argument("--every", type=int, help="override the interval (seconds) of the chosen jobs")
        parser.add_argument("--once", action="store_true", help="fire what is due now, then exit (cron)")
        parser.add_argument("--for", dest="duration", type=float, help="stop after this many seconds")
        parser.add_argument("--list", action="store_true", help="print the jobs and exit")

    def handle(self, *args, **options):
        jobs = configured_jobs()
        if options["job"]:
            unknown = set(options["job"]) - set(jobs)
            if unknown:
                raise CommandError(f"unknown job(s): {', '.join(sorted(unknown))}; known: {', '.join(jobs)}")
            jobs = {name: jobs[name] for name in options["job"]}
        if options["every"]:
            jobs = {name: Job(job.name, job.task, options["every"], job.args) for name, job in jobs.items()}
        for job in jobs.values():
            job.load()  # fail now, not at the first slot, on a wrong task path
        if options["list"]:
            for job in jobs.values():
                self.stdout.write(f"{job.name}\tevery {job.every}s\t{job.task}")
            return

        fired_by = f"{socket.gethostname()}:{os.getpid()}"[:255]
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        deadline = time.monotonic() + options["duration"] if options["duration"] else None
        done: dict[str, int] = {}
        last_prune = 0.0
        logger.info("scheduler %s: %s", fired_by, ", ".join(f"{j.name}/{j.every}s" for j in jobs.values()))
        while not stopping:
            now = time.time()
            if not connection.in_atomic_block:  # (tests call the command inside a transaction)
                close_old_connections()  # a long-running process: drop broken or expired connections
            for job in jobs.values():
                slot = int(now // job.every) * job.every
                if done.get(job.name) == slot:
                    continue
                try:
                    fire(job, slot, fired_by)
                    done[job.name] = slot
                except DatabaseError:
                    logger.exception("scheduler: could not fire %s (will retry)", job.name)
            if now - last_prune > 3600:
                try:
                    ScheduledRun.objects.filter(
                        fired_at__lt=timezone.now() - timedelta(days=KEEP_DAYS)
                    ).delete()
                    last_prune = now
                except DatabaseError:
                    logger.exception("scheduler: could not prune old runs")
            if options["once"] or (deadline and time.monotonic() >= deadline):
                break
            next_due = min((int(now // j.every) + 1) * j.every for j in jobs.values())
            pause = min(max(next_due - time.time(), 0) + 0.01, 5.0)
            if deadline:
                pause = min(pause, max(deadline - time.monotonic(), 0))
            # Short naps, so a stop signal ends the loop within half a second.
            wake = time.monotonic() + pause
            while not stopping and time.monotonic() < wake:
                time.sleep(min(0.5, max(wake - time.monotonic(), 0)))
