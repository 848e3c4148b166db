"""Prometheus-format metrics kept in the Django cache, so every worker process and every app server
adds to the same counters (Redis INCR in production; see docs/deploy.md "Metrics").

Each process counts in memory and adds its counts to the cache at most every
STEPPE_METRICS_FLUSH_SECONDS (default 5) and at exit, so serving a request costs no cache round
trip. The list of series lives under one cache key; values under one key each. A reader of
/metrics sees counts up to a few seconds old. Losing the cache (a Redis restart without
persistence) resets the counters, which Prometheus' rate() handles as a counter reset.

Things that already live in the database (the FX sources' last success, the scheduler's last
fire) are read from it when /metrics is scraped, by the gauges each app registers
(`register_gauges`).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("steppe.metrics")

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
INDEX_KEY = "metrics:index"

_lock = threading.Lock()
_pending: dict[str, int] = defaultdict(int)
_last_flush = time.monotonic()
_gauge_sources: list[Callable[[], list[str]]] = []


def _key(series: str) -> str:
    return "metrics:" + hashlib.sha1(series.encode(), usedforsecurity=False).hexdigest()


def _add(series: str, amount: int = 1) -> None:
    with _lock:
        _pending[series] += amount


def status_class(status: int) -> str:
    return f"{status // 100}xx" if 100 <= status < 600 else "other"


def observe_request(status: int, seconds: float, page_cache: str | None) -> None:
    klass = status_class(status)
    _add(f"req|{klass}")
    _add(f"req_sum_us|{klass}", int(seconds * 1_000_000))
    bucket = next((i for i, bound in enumerate(BUCKETS) if seconds <= bound), len(BUCKETS))
    _add(f"req_bucket|{klass}|{bucket}")
    if page_cache in ("HIT", "MISS"):
        _add(f"pagecache|{page_cache.lower()}")
    flush()


def observe_task(task_path: str, status: str) -> None:
    _add(f"task|{task_path}|{status}")
    flush(force=True)  # tasks are rare and the worker may then sit idle for a long time


def flush(force: bool = False) -> None:
    """Add this process's counts to the shared counters; never raises."""
    global _last_flush
    now = time.monotonic()
    if not force and now - _last_flush < settings.STEPPE_METRICS_FLUSH_SECONDS:
        return
    with _lock:
        if not _pending:
            _last_flush = now
            return
        pending = dict(_pending)
        _pending.clear()
        _last_flush = now
    try:
        index = set(cache.get(INDEX_KEY) or ())
        if not index.issuperset(pending):
            cache.set(INDEX_KEY, sorted(index | set(pending)), None)
        for series, amount in pending.items():
            key = _key(series)
            try:
                cache.incr(key, amount)
            except ValueError:  # a new series (or the cache was emptied)
                if not cache.add(key, amount, None):
                    cache.incr(key, amount)
    except Exception:  # the cache being down must not break requests; these counts are lost
        logger.warning("metrics: could not write counters to the cache", exc_info=True)


atexit.register(flush, True)


def reset_local() -> None:
    """Forget counts not yet flushed (tests)."""
    with _lock:
        _pending.clear()


def read_counters() -> dict[str, int]:
    index = cache.get(INDEX_KEY) or []
    values = cache.get_many([_key(series) for series in index])
    return {series: int(values.get(_key(series)) or 0) for series in index}


def connect_task_signals() -> None:
    from django_tasks.signals import task_finished

    def on_finished(sender, task_result, **kwargs):
        observe_task(
            task_result.task.module_path, str(getattr(task_result.status, "value", task_result.status))
        )

    task_finished.connect(on_finished, weak=False, dispatch_uid="steppe-ops-task-metrics")


# Rendering -------------------------------------------------------------------------------------


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def labels(**labels: str) -> str:
    return "{" + ",".join(f'{name}="{_escape(str(value))}"' for name, value in labels.items()) + "}"


def number(value: float) -> str:
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


def render() -> str:
    flush(force=True)
    counters = read_counters()
    lines: list[str] = []

    def family(name: str, kind: str, help_text: str) -> None:
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} {kind}")

    requests = {s.split("|")[1]: v for s, v in counters.items() if s.startswith("req|")}
    family("steppe_http_requests_total", "counter", "HTTP requests served, by status class.")
    for klass in sorted(requests):
        lines.append(f"steppe_http_requests_total{labels(status=klass)} {requests[klass]}")

    family("steppe_http_request_duration_seconds", "histogram", "Time to serve a request, by status class.")
    for klass in sorted(requests):
        cumulative = 0
        for index, bound in enumerate(BUCKETS):
            cumulative += counters.get(f"req_bucket|{klass}|{index}", 0)
            lines.append(
                f"steppe_http_request_duration_seconds_bucket{labels(status=klass, le=number(bound))} {cumulative}"
            )
        cumulative += counters.get(f"req_bucket|{klass}|{len(BUCKETS)}", 0)
        lines.append(
            f"steppe_http_request_duration_seconds_bucket{labels(status=klass, le='+Inf')} {cumulative}"
        )
        seconds = counters.get(f"req_sum_us|{klass}", 0) / 1_000_000
        lines.append(f"steppe_http_request_duration_seconds_sum{labels(status=klass)} {number(seconds)}")
        lines.append(f"steppe_http_request_duration_seconds_count{labels(status=klass)} {cumulative}")

    hits, misses = counters.get("pagecache|hit", 0), counters.get("pagecache|miss", 0)
    family("steppe_page_cache_requests_total", "counter", "Anonymous page requests by page-cache result.")
    lines.append(f'steppe_page_cache_requests_total{{result="hit"}} {hits}')
    lines.append(f'steppe_page_cache_requests_total{{result="miss"}} {misses}')
    family(
        "steppe_page_cache_hit_ratio", "gauge", "Page-cache hits / (hits + misses) since the counters began."
    )
    lines.append(f"steppe_page_cache_hit_ratio {number(hits / (hits + misses)) if hits + misses else 0}")

    tasks = sorted(s.split("|")[1:] for s in counters if s.startswith("task|"))
    family(
        "steppe_task_runs_total",
        "counter",
        "Background task runs finished by the worker, by task and result.",
    )
    for path, status in tasks:
        lines.append(
            f"steppe_task_runs_total{labels(task=path, status=status)} {counters[f'task|{path}|{status}']}"
        )
    family("steppe_task_failures_total", "counter", "Background task runs that failed, by task.")
    for path, status in tasks:
        if status == "FAILED":
            lines.append(f"steppe_task_failures_total{labels(task=path)} {counters[f'task|{path}|{status}']}")

    lines.extend(_database_gauges())
    return "\n".join(lines) + "\n"


def register_gauges(source: Callable[[], list[str]]) -> None:
    """Add gauges read when /metrics is scraped (each app registers its own in ready()).

    ``source`` returns exposition lines (HELP, TYPE, samples); the helpers `labels` and `number`
    format them. One that raises is logged and left out, and the rest are still served.
    """
    if source not in _gauge_sources:
        _gauge_sources.append(source)


def _database_gauges() -> list[str]:
    lines: list[str] = []
    for source in _gauge_sources:
        try:
            lines.extend(source())
        except Exception:
            logger.warning("metrics: could not read the gauges of %s", source.__qualname__, exc_info=True)
    return lines
