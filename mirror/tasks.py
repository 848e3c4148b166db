"""The export as a django-tasks task, for the scheduler (STEPPE_SCHEDULE) and the task worker.

Enqueued by `manage.py run_scheduler` with a job such as
`{"mirror_export": {"task": "mirror.tasks.export_static", "every": 900, "args": ["/srv/mirror"]}}`
(docs/mirrors.md). Safe to run again or twice at once: an export is incremental, and a second one
while the first still writes the directory is skipped (the directory's lock), not queued behind it.
"""

from __future__ import annotations

import logging
import subprocess

from django_tasks import task

from mirror.export import ExportBusy, export_site

logger = logging.getLogger("mirror")
PUSH_TIMEOUT = 3600  # seconds: a push that hangs (a dead network) must not hold the worker forever


@task()
def export_static(directory: str, base_url: str = "", push: list[str] | None = None) -> dict[str, object]:
    """Export the site into `directory`, then run `push` (argv, no shell), e.g. an rclone or rsync."""
    try:
        report = export_site(directory, base_url)
    except ExportBusy as error:
        logger.info("mirror export skipped: %s", error)
        return {"skipped": str(error)}
    result = report.as_dict()
    logger.info("mirror export: %s", report.summary())
    for url, status in report.failed:
        logger.warning("mirror export: %s answered %s; its previous copy is kept", url, status)
    if push:
        completed = subprocess.run(
            [str(part) for part in push], capture_output=True, text=True, timeout=PUSH_TIMEOUT, check=False
        )
        result["push"] = {
            "returncode": completed.returncode,
            "output": (completed.stdout + completed.stderr)[-2000:],
        }
        if completed.returncode != 0:
            # A failed push fails the task (visible in the task results); the export stays, and the
            # next run pushes it again.
            raise RuntimeError(f"push {push[0]} exited {completed.returncode}: {completed.stderr[-500:]}")
    return result
