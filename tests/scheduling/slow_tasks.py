"""A task for the worker-recovery test: it notes each start in a file, then takes its time."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def note_and_wait(path: str, seconds: float) -> str:
    with open(path, "a") as handle:
        handle.write("started\n")
    time.sleep(seconds)
    with open(path, "a") as handle:
        handle.write("finished\n")
    return Path(path).read_text()
