"""The periodic jobs: each a django-tasks task enqueued once per slot of `every` seconds.

Slots are aligned to the clock (a job every 1800 s fires at :00 and :30 UTC), so every
scheduler agrees on them without talking to the others. A slot missed while no scheduler ran is
not made up later; the next slot fires as usual.

STEPPE_SCHEDULE (JSON) changes or adds jobs without code changes, e.g.
`{"fx_fetch": {"every": 900}, "nightly_report": {"task": "myapp.tasks.report", "every": 86400}}`;
`{"fx_fetch": null}` switches one off.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

logger = logging.getLogger("steppe.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django-tasks task
    every: int  # seconds
    args: tuple = ()  # positional arguments of the task (JSON values)

    def load(self):
        return import_string(self.task)


DEFAULT_JOBS = {
    "fx_fetch": {"task": "fx.tasks.fetch_rates", "every": 1800},
    "publish_scheduled": {"task": "scheduling.tasks.publish_scheduled", "every": 60},
    # Buffered article view counts into the database (readership, "most read").
    "flush_views": {"task": "readership.tasks.flush_views", "every": 60},
    # Suggested articles: publishing refreshes them at once (discovery.signals); this hourly pass
    # syncs the index with anything an event missed (an empty list = only what changed).
    "refresh_suggestions": {"task": "discovery.tasks.refresh_suggestions", "every": 3600, "args": [[]]},
    # Telegram posts a killed worker or a lost follow-up left waiting (nothing when Telegram is off).
    "telegram_sweep": {"task": "telegram.tasks.sweep_posts", "every": 300},
    # Newsletter issues that are due, and sends whose sender stopped (killed, restarted).
    "newsletter_resume": {"task": "newsletter.tasks.resume_sends", "every": 60},
    "prune_task_results": {"task": "scheduling.tasks.prune_task_results", "every": 86400},
    "heartbeat": {"task": "scheduling.tasks.heartbeat", "every": 300},
}


def configured_jobs() -> dict[str, Job]:
    specs = {name: dict(spec) for name, spec in DEFAULT_JOBS.items()}
    if settings.STEPPE_SCHEDULE:
        try:
            overrides = json.loads(settings.STEPPE_SCHEDULE)
        except ValueError as error:
            raise ImproperlyConfigured(f"STEPPE_SCHEDULE is not valid JSON: {error}") from error
        for name, spec in overrides.items():
            if spec is None:
                specs.pop(name, None)
            else:
                specs[name] = {**specs.get(name, {}), **spec}
    jobs = {}
    for name, spec in specs.items():
        if "task" not in spec or int(spec.get("every", 0)) < 1:
            raise ImproperlyConfigured(f"scheduled job {name!r} needs a task and every >= 1 second")
        jobs[name] = Job(
            name=name, task=spec["task"], every=int(spec["every"]), args=tuple(spec.get("args", ()))
        )
    return jobs
