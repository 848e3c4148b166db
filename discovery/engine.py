"""The Django side of "Suggested articles": a live in-process index, kept current and stored.

Where the index lives (the choice, and why)
-------------------------------------------
Re-analysing every article per task run costs minutes at 100,000 articles, so each worker process keeps
one :class:`~discovery.ranking.SuggestionIndex` in memory and applies changes to it incrementally
(~20 ms per article). A pickled snapshot of it (``STEPPE_SUGGESTIONS_SNAPSHOT``, default
``$STEPPE_VAR_DIR/suggestions-index.pickle``) is written by ``manage.py rebuild_suggestions`` and by
the worker at most every ``SNAPSHOT_EVERY`` seconds, so a restarted worker starts from it in a second or
two instead of re-reading the archive. The snapshot is only a cache: before each use the index is
synchronised with the database by :func:`LiveIndex.sync` (one aggregate query; articles published
since its watermark are re-read; a count mismatch, e.g. after an unpublish another worker handled,
triggers a full id diff), so several workers, a stale or missing snapshot all converge on the same
lists. Without a snapshot the first task builds the index from the database.

Stored lists are rows of :class:`discovery.models.StoredSuggestion`, read with one join by
``news.article_context.suggested_articles``.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import threading
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from discovery.documents import documents_for
from discovery.ranking import SuggestionIndex

logger = logging.getLogger(__name__)

STORED_COUNT = 8  # stored per article; 4 are shown, the rest cover later unpublishing
RELATED_REFRESH = 10  # lists refreshed besides the changed article's own (ranking.related_to)
SNAPSHOT_EVERY = 300.0  # seconds between snapshot writes by a worker
SNAPSHOT_FORMAT = 1


def snapshot_path() -> Path | None:
    value = getattr(settings, "STEPPE_SUGGESTIONS_SNAPSHOT", None)
    return Path(value) if value else None


def published_articles():
    from news.models import ArticlePage

    return ArticlePage.objects.published()


class LiveIndex:
    """A SuggestionIndex plus what it needs to catch up with the database."""

    def __init__(self) -> None:
        self.index = SuggestionIndex()
        self.stamps: dict[int, datetime | None] = {}  # pk -> last_published_at when indexed
        self.watermark: datetime | None = None
        self.saved_at = 0.0

    # -- building ---------------------------------------------------------------------------------
    def build(self, progress=None) -> None:
        self.index = SuggestionIndex()
        self.stamps = {}
        self.watermark = None
        rows = published_articles()
        total = rows.count()
        stamps = dict(rows.values_list("pk", "last_published_at"))
        for n, doc in enumerate(documents_for(rows), 1):
            self.index.add_or_update(doc)
            self.stamps[doc.id] = stamps.get(doc.id)
            if progress and (n % 1000 == 0 or n == total):
                progress(n, total)
        self.watermark = max((s for s in self.stamps.values() if s), default=None)

    def _apply(self, ids: Iterable[int]) -> set[int]:
        """Re-read ``ids`` from the database: published ones are (re)indexed, the rest removed."""
        ids = set(ids)
        if not ids:
            return set()
        live = published_articles().filter(pk__in=ids)
        stamps = dict(live.values_list("pk", "last_published_at"))
        for doc in documents_for(live):
            self.index.add_or_update(doc)
            self.stamps[doc.id] = stamps.get(doc.id)
        for pk in ids - set(stamps):
            self.index.remove(pk)
            self.stamps.pop(pk, None)
        newest = max((s for s in stamps.values() if s), default=None)
        if newest and (self.watermark is None or newest > self.watermark):
            self.watermark = newest
        return ids

    def sync(self) -> set[int]:
        """Bring the index up to date with the database; returns the ids that changed."""
        live = published_articles()
        summary = live.aggregate(n=Count("pk"), newest=Max("last_published_at"))
        changed: set[int] = set()
        if summary["newest"] and (self.watermark is None or summary["newest"] > self.watermark):
            fresh = live.filter(last_published_at__gt=self.watermark) if self.watermark else live
            changed |= self._apply(fresh.values_list("pk", flat=True))
        if summary["n"] != len(self.index):
            # Something left (unpublished, deleted, restricted) or arrived by the clock (a future
            # date_published that is now past): compare all ids and their publication stamps.
            current = dict(live.values_list("pk", "last_published_at"))
            stale = {pk for pk in self.stamps if pk not in current}
            stale |= {
                pk for pk, stamp in current.items() if pk not in self.stamps or self.stamps[pk] != stamp
            }
            changed |= self._apply(stale)
        return changed

    # -- snapshot ---------------------------------------------------------------------------------
    def save(self, path: Path | None = None) -> None:
        path = path or snapshot_path()
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "format": SNAPSHOT_FORMAT,
            "index": self.index,
            "stamps": self.stamps,
            "watermark": self.watermark,
        }
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        self.saved_at = time.monotonic()

    @classmethod
    def load(cls, path: Path | None = None) -> LiveIndex | None:
        path = path or snapshot_path()
        if path is None or not path.exists():
            return None
        try:
            with path.open("rb") as fh:
                state = pickle.load(fh)  # our own file, written by save() above
            if state.get("format") != SNAPSHOT_FORMAT:
                return None
        except Exception:  # noqa: BLE001 - a corrupt or old snapshot is rebuilt, never fatal
            logger.warning("suggestions: ignoring unreadable snapshot %s", path, exc_info=True)
            return None
        live = cls()
        live.index, live.stamps, live.watermark = state["index"], state["stamps"], state["watermark"]
        live.saved_at = time.monotonic()
        return live

    def maybe_save(self) -> None:
        if time.monotonic() - self.saved_at >= SNAPSHOT_EVERY:
            self.save()


_lock = threading.Lock()
_live: LiveIndex | None = None


def live_index() -> LiveIndex:
    """This process's index: from the snapshot if there is one, else built; always synced."""
    global _live
    if _live is None:
        _live = LiveIndex.load()
        if _live is None:
            _live = LiveIndex()
            _live.build()
            _live.save()
    _live.sync()
    return _live


def set_live_index(live: LiveIndex | None) -> None:
    """Replace (or with None, forget) this process's index: rebuilds and tests."""
    global _live
    _live = live


# -- storing ------------------------------------------------------------------------------------------
def _bump_content_version() -> None:
    """Retire cached pages and fragments: now, and again once the new lists are committed."""
    from news.cache import bump_content_version

    bump_content_version()
    transaction.on_commit(bump_content_version)


def store(lists: dict[int, list[int]]) -> bool:
    """Replace the stored lists of the given pages (an empty list deletes a page's rows).

    Returns whether any list changed; if one did, the content version is bumped: an article page
    rendered before the change (in the page cache, e.g. right after the publish that queued this
    refresh) would show the old suggestions for the page cache's whole lifetime otherwise.
    """
    from discovery.models import StoredSuggestion

    now = timezone.now()
    rows = [
        StoredSuggestion(page_id=page_id, article_id=article_id, rank=rank, computed_at=now)
        for page_id, ids in lists.items()
        for rank, article_id in enumerate(ids)
    ]
    with transaction.atomic():
        before: dict[int, list[int]] = {}
        for page_id, article_id in (
            StoredSuggestion.objects.filter(page_id__in=list(lists))
            .order_by("page_id", "rank")
            .values_list("page_id", "article_id")
        ):
            before.setdefault(page_id, []).append(article_id)
        changed = any(before.get(page_id, []) != list(ids) for page_id, ids in lists.items())
        StoredSuggestion.objects.filter(page_id__in=list(lists)).delete()
        StoredSuggestion.objects.bulk_create(rows, batch_size=1000)
    if changed:
        _bump_content_version()
    return changed


def shown_count() -> int:
    from news.article_context import SUGGESTION_COUNT

    return SUGGESTION_COUNT


def suggested_by(lists: dict[int, list[int]], page_ids: Iterable[int]) -> dict[int, set[int]]:
    """Article -> the articles that suggest it among their first SHOWN - 1 places.

    Those places are never the reciprocal one (see with_reciprocal), so this relation is the
    plain ranking's and placing reciprocals cannot cascade. ``lists`` (being computed) win over
    the stored rows of the same pages.
    """
    from discovery.models import StoredSuggestion

    first = shown_count() - 1
    wanted = set(page_ids)
    found: dict[int, set[int]] = {}
    rows = StoredSuggestion.objects.filter(article_id__in=list(wanted), rank__lt=first).exclude(
        page_id__in=list(lists)
    )
    for page_id, article_id in rows.values_list("page_id", "article_id"):
        found.setdefault(article_id, set()).add(page_id)
    for page_id, ids in lists.items():
        for article_id in ids[:first]:
            if article_id in wanted:
                found.setdefault(article_id, set()).add(page_id)
    return found


def with_reciprocal(index: SuggestionIndex, pk: int, ids: list[int], sources: Iterable[int]) -> list[int]:
    """``ids`` with the newest article that suggests ``pk`` (``sources``) among its shown places.

    Readers who find a related article under a new one expect the new one under it in turn; the
    ranking alone does not promise that (a short new piece scores lower in a long article's query
    than in its own). The newest eligible source takes the last shown place if it is not shown
    already; the editor's pinned picks are never displaced.
    """
    shown = shown_count()
    newest = index.newest_eligible(pk, sources)
    if newest is None or newest in ids[:shown]:
        return ids
    me_pinned = set(index.pinned_of(pk))
    if sum(1 for i in ids[:shown] if i in me_pinned) >= shown:
        return ids
    rest = [i for i in ids if i != newest]
    return (rest[: shown - 1] + [newest] + rest[shown - 1 :])[:STORED_COUNT]


def compute(live: LiveIndex, page_ids: Iterable[int]) -> dict[int, list[int]]:
    index = live.index
    forward = {pk: index.suggest(pk, STORED_COUNT) if pk in index else [] for pk in page_ids}
    sources = suggested_by(forward, forward)
    return {
        pk: with_reciprocal(index, pk, ids, sources.get(pk, ())) if ids else ids
        for pk, ids in forward.items()
    }


def refresh(page_ids: Iterable[int]) -> dict[str, object]:
    """Bring the index up to date and recompute every stored list the change may have touched.

    Touched: the changed articles' own lists; the lists of their closest matches (whose top
    suggestions a new article most likely enters) and of the articles they suggest first, now or
    before (which suggest them back, see with_reciprocal); and every list that currently shows them.
    The changed articles' own lists are computed first, so the others see them.
    """
    from discovery.models import StoredSuggestion

    started = time.perf_counter()
    with _lock:
        live = live_index()
        changed = set(page_ids) | live.sync()
        own = compute(live, changed)
        affected: set[int] = set()
        for pk in changed:
            if pk in live.index:
                affected.update(live.index.related_to(pk, RELATED_REFRESH))
            affected.update(own.get(pk, [])[: shown_count() - 1])
        affected.update(
            StoredSuggestion.objects.filter(article_id__in=changed).values_list("page_id", flat=True)
        )
        affected.update(
            StoredSuggestion.objects.filter(page_id__in=changed, rank__lt=shown_count() - 1).values_list(
                "article_id", flat=True
            )
        )
        affected -= changed
        store(own)  # first: the lists below read who suggests them from the stored rows
        lists = compute(live, affected)
        store(lists)
        live.maybe_save()
    return {
        "changed": sorted(changed),
        "refreshed": len(own) + len(lists),
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


def settle(live: LiveIndex, page_ids: Iterable[int], batch: int = 500) -> int:
    """Recompute the lists among ``page_ids`` that miss their reciprocal place (after a rebuild,
    whose early batches read the relation before later batches stored it); returns how many."""
    from discovery.models import StoredSuggestion

    page_ids = sorted(page_ids)
    shown = shown_count()
    fixed = 0
    for start in range(0, len(page_ids), batch):
        chunk = [pk for pk in page_ids[start : start + batch] if pk in live.index]
        sources = suggested_by({}, chunk)
        stored: dict[int, list[int]] = {}
        for page_id, article_id in (
            StoredSuggestion.objects.filter(page_id__in=chunk, rank__lt=shown)
            .order_by("page_id", "rank")
            .values_list("page_id", "article_id")
        ):
            stored.setdefault(page_id, []).append(article_id)
        stale = []
        for pk in chunk:
            newest = live.index.newest_eligible(pk, sources.get(pk, ()))
            if newest is not None and newest not in stored.get(pk, []):
                stale.append(pk)
        if stale:
            store(compute(live, stale))
            fixed += len(stale)
    return fixed
