from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Max


class ScheduledRun(models.Model):
    """One row per (job, slot): the unique constraint lets exactly one scheduler insert it, and
    only the scheduler whose insert won enqueues the job (in the same transaction)."""

    job = models.CharField(max_length=64)
    slot = models.BigIntegerField(help_text="Start of the slot, in seconds since 1970 (UTC).")
    fired_at = models.DateTimeField(auto_now_add=True, db_index=True)
    task_id = models.CharField(max_length=64, blank=True)
    fired_by = models.CharField(max_length=255, blank=True, help_text="host:pid of the scheduler")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduling_one_run_per_slot")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot}"


def last_fires() -> dict[str, datetime]:
    return {
        row["job"]: row["last"]
        for row in ScheduledRun.objects.values("job").annotate(last=Max("fired_at")).order_by()
    }
