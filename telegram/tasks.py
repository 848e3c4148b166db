"""The Telegram tasks, run by `manage.py db_worker` (telegram.sync says how they stay idempotent)."""

from __future__ import annotations

from django_tasks import task

from telegram import sync

# Ahead of bulk work (search indexing, reference index) queued by the same publish or an import:
# the channel's readers should not wait behind it.
PRIORITY = 10


@task(priority=PRIORITY)
def sync_article(article_id: int, fresh: bool = True) -> str:
    """After an editor published, unpublished, moved or restricted the article (telegram.signals)."""
    return sync.sync_article(article_id, fresh=fresh)


@task(priority=PRIORITY)
def sync_post(post_id: int) -> str:
    """A follow-up (a retry, an embargo's end), the sweep, or an editor's button in the admin."""
    return sync.run(post_id)


@task()
def sweep_posts() -> int:
    """Periodic (scheduling.jobs): wake posts a killed worker or a lost follow-up left waiting."""
    return sync.sweep()
