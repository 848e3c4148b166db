"""A fault drill under readers' load: PostgreSQL restarts, Redis is gone for 30 s, the task worker
is SIGKILLed twice, while articles are published and the scheduler publishes what was scheduled.

The newsroom is started by `make run` on a PostgreSQL server and a Redis of its own (so the drill
can restart them), with the same settings as the PostgreSQL pass otherwise. Afterwards:
- every publish made during the drill is live exactly once (one page, one publish in its history,
  listed once);
- no 5xx was served outside the PostgreSQL restart, and none for longer than it lasted (pages
  from the cache, even stale, are fine);
- the task queue drains within a minute of the last fault.
The figures are printed (docs/fault-drill.md holds a run's).
"""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.acceptance import product
from tests.acceptance.crawl import sitemap_urls
from tests.acceptance.editor import publish_article
from tests.acceptance.load import ReaderLoad, percentile
from tests.acceptance.reader import feed_links, paths_linked
from tests.deploy.helpers import free_port
from tests.support.postgres import private_cluster
from tests.telegram.fake_bot_api import TOKEN

# Runs in the PostgreSQL pass of .ci/run: the production shape (PostgreSQL, Redis, the worker).
pytestmark = pytest.mark.shared_servers

REDIS_OUTAGE = 30.0  # seconds
DRAIN_WITHIN = 60.0  # seconds after the last fault
FIGURES = product.SCREENSHOTS / "fault-drill.json"


class RedisServer:
    """A Redis of the drill's own, stopped and started again on the same port."""

    def __init__(self, log: Path):
        self.port = free_port()
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        handle = self.log.open("ab")
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        handle.close()
        product.wait_until(lambda: self._answers(), 10, "redis-server to answer", interval=0.1)

    def _answers(self) -> bool:
        import redis

        return redis.Redis(port=self.port, socket_timeout=1).ping()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def next_minute(moment: datetime.datetime, seconds: float) -> datetime.datetime:
    """The first whole minute at least `seconds` after `moment` (the scheduler fires by minute)."""
    later = moment + datetime.timedelta(seconds=seconds)
    return later.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1 if later.second else 0)


def worker_pid(site: product.Newsroom) -> int | None:
    """The task worker's process id; None between its death and supervisor's restart."""
    pids = [pid for pid, command in site.processes().items() if "manage.py run_worker" in command]
    assert len(pids) <= 1, f"more than one task worker: {pids}"
    return pids[0] if pids else None


def queued(cluster, database: str) -> int:
    ((count,),) = cluster.sql(
        "SELECT count(*) FROM django_tasks_database_dbtaskresult "
        "WHERE status = 'RUNNING' OR (status = 'READY' AND run_after <= now())",
        database=database,
    )
    return count


@pytest.fixture(scope="module")
def drill_site(tmp_path_factory, rates_source, telegram_api):
    root = tmp_path_factory.mktemp("fault-drill")
    with private_cluster("drill") as cluster:
        database_url = cluster.create_database("steppe")
        redis_server = RedisServer(root / "redis.log")
        redis_server.start()
        site = product.start(
            root / "var",
            free_port(),
            root / "make-run.log",
            DATABASE_URL=database_url,
            REDIS_URL=redis_server.url,
            STEPPE_FX_BASE_URLS=json.dumps(rates_source.base_urls()),
            # Each publish posts to the channel through the worker: a post made twice would show.
            STEPPE_TELEGRAM_BOT_TOKEN=TOKEN,
            STEPPE_TELEGRAM_CHANNELS=json.dumps({"en": "@steppe_en"}),
            STEPPE_TELEGRAM_API_URL=telegram_api.url,
        )
        try:
            yield site, cluster, redis_server
        finally:
            product.stop(site)
            redis_server.stop()


def test_fault_drill(drill_site, telegram_api):
    site, cluster, redis_server = drill_site

    def publish(word: str, go_live_at: datetime.datetime | None = None) -> None:
        """An editor's publish (or schedule), made the way Wagtail's publish button makes it."""
        publish_article(
            site, f"{word} cooperative keeps its bakery open through the winter storms", go_live_at
        )

    # Two articles scheduled to go live in the middle of the drill, by the scheduler and worker.
    first_slot = next_minute(datetime.datetime.now(datetime.UTC), 40)
    scheduled = {"Kochkor": first_slot, "Suusamyr": first_slot + datetime.timedelta(minutes=1)}
    for word, go_live in scheduled.items():
        publish(word, go_live)

    articles = [
        url.removeprefix(site.base_url)
        for url in sitemap_urls(requests.Session(), site.url("/sitemap.xml"))
        if url.removeprefix(site.base_url).count("/") >= 4
    ]
    load = ReaderLoad(site.base_url, articles).start()
    began = time.monotonic()
    faults: dict[str, tuple[float, float]] = {}
    try:
        time.sleep(5)
        # 1. PostgreSQL restarts.
        down = time.monotonic()
        cluster.stop(mode="fast")
        cluster.start()
        faults["postgresql restart"] = (down, time.monotonic())
        publish("Chychkan")
        # 2. Redis stops for 30 s; the editor publishes meanwhile.
        down = time.monotonic()
        redis_server.stop()
        publish("Jergalan")
        time.sleep(max(0.0, REDIS_OUTAGE - (time.monotonic() - down)))
        redis_server.start()
        faults["redis stopped"] = (down, time.monotonic())
        # 3. The task worker is SIGKILLed twice; supervisor starts it again each time.
        for number in (1, 2):
            victim = worker_pid(site)
            down = time.monotonic()
            os.kill(victim, signal.SIGKILL)
            product.wait_until(
                lambda v=victim: worker_pid(site) not in (None, v), 30, "the worker restarted", interval=0.2
            )
            faults[f"worker SIGKILL {number}"] = (down, time.monotonic())
            time.sleep(3)
        publish("Kyzyl-Oi")
        recovered = time.monotonic()
        drained = product.wait_until(
            lambda: queued(cluster, "steppe") == 0 and time.monotonic(),
            DRAIN_WITHIN,
            "the task queue to drain within a minute of the last fault",
            interval=1,
        )
        wait = (max(scheduled.values()) - datetime.datetime.now(datetime.UTC)).total_seconds()
        words = [*scheduled, "Chychkan", "Jergalan", "Kyzyl-Oi"]
        product.wait_until(
            lambda: all(any(w.lower() in p for p in paths_linked(site, "/en/society/")) for w in words),
            max(wait, 0) + 90,
            "every article of the drill on its section page",
            interval=2,
        )
    finally:
        responses = load.stop()

    # Exactly once: one page per article, published once, listed once.
    listed = paths_linked(site, "/en/society/")
    feed = feed_links(site, "/en/feeds/rss.xml")
    for word in words:
        rows = cluster.sql(
            "SELECT p.id, p.live, (SELECT count(*) FROM wagtailcore_pagelogentry l "
            "WHERE l.page_id = p.id AND l.action IN ('wagtail.publish', 'wagtail.publish.scheduled'))"
            " FROM wagtailcore_page p "
            "WHERE p.title LIKE %s",
            database="steppe",
            params=(f"{word} cooperative%",),
        )
        assert len(rows) == 1, f"{word}: {len(rows)} pages"
        ((_, live, publishes),) = rows
        assert live and publishes == 1, f"{word}: live={live}, published {publishes} times"
        assert sum(word.lower() in p for p in listed) == 1, f"{word} listed {listed}"
        assert sum(word.lower() in p for p in feed) == 1, f"{word} in the feed {feed}"

    # One post per article on the channel, whatever the worker went through.
    posts = {
        word: product.wait_until(
            lambda w=word: [m for m in telegram_api.channel("@steppe_en") if w in m.visible],
            DRAIN_WITHIN,
            f"the Telegram post of {word}",
        )
        for word in words
    }
    assert {word: len(found) for word, found in posts.items()} == dict.fromkeys(words, 1)

    # 5xx only inside the PostgreSQL restart, and never for longer than it.
    restart_from, restart_to = faults["postgresql restart"]
    errors = [r for r in responses if r.status >= 500]
    unanswered = [r for r in responses if r.status == 0]  # no answer within the load's 10 s
    # (a request is judged by when it was answered: one sent before the stop may be answered in it)
    outside = [r for r in errors if not (restart_from <= r.at + r.seconds <= restart_to + 1.0)]
    assert outside == [], [(round(r.at + r.seconds - began, 1), r.path, r.status) for r in outside[:10]]
    if errors:
        span = max(r.at + r.seconds for r in errors) - min(r.at + r.seconds for r in errors)
        assert span <= (restart_to - restart_from) + 1.0, f"5xx for {span:.1f} s"

    seconds = [r.seconds for r in responses if r.status == 200]
    figures = {
        "requests": len(responses),
        "rate_per_second": round(len(responses) / (responses[-1].at - responses[0].at), 1),
        "5xx": len(errors),
        "unanswered_in_10_s": len(unanswered),
        "5xx_span_seconds": round(span, 2) if errors else 0,
        "cache_hits": round(sum(r.cache == "HIT" for r in responses) / len(responses), 3),
        "p50_ms": round(percentile(seconds, 0.5) * 1000),
        "p95_ms": round(percentile(seconds, 0.95) * 1000),
        "p99_ms": round(percentile(seconds, 0.99) * 1000),
        "faults_seconds": {name: round(end - start, 1) for name, (start, end) in faults.items()},
        "queue_drained_after_recovery_seconds": round(drained - recovered, 1),
        "publishes": dict.fromkeys(words, 1),
        "telegram_posts": {word: len(found) for word, found in posts.items()},
    }
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(json.dumps(figures, indent=1))
    print("fault drill:", json.dumps(figures))
