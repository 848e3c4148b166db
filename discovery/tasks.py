"""Background work for suggested articles (run by `manage.py db_worker`, or inline with the immediate
task backend). Enqueued by discovery.signals when an article is published, unpublished or deleted."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_suggestions(page_ids: list[int]) -> dict[str, object]:
    from discovery.engine import refresh

    return refresh(page_ids)
