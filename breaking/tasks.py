"""The task deferred to a banner's expiry (breaking.actions.schedule_expiry)."""

from __future__ import annotations

from django_tasks import task

from scheduling.tasks import PUBLISH_PRIORITY


@task(priority=PUBLISH_PRIORITY)
def expire_banner(banner_id: int) -> str:
    from breaking.actions import expire

    return expire(banner_id)
