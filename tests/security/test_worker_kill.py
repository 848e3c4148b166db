"""A granian worker killed (SIGKILL) mid-request under load: no lost writes, no corrupted cache entries.

The production server (granian with the shipped systemd unit's flags, 2 workers) serves a small
newsroom from a real database and cache: SQLite + the file cache, or PostgreSQL + Redis when
DATABASE_URL / REDIS_URL are set. Reader threads fetch pages through the page cache, a beacon
thread counts views (buffered in the cache), an editor publishes drafts through the admin. Meanwhile
one worker is SIGKILLed at a time, a few times. Then: granian has respawned every worker and the site
answers; every write that got a success response is in the database; every page-cache entry is
whole and every cached page equals a fresh render; nothing answered 5xx. Connection errors of the
requests that were in flight on a killed worker are expected, and counted.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from contextlib import closing
from itertools import cycle
from pathlib import Path

import brotli
import pytest
import requests
from django.conf import settings as django_settings
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from pagecache.nginx import free_port
from readership.counter import FLUSH_LOCK
from tests.conftest import require_or_skip
from tests.deploy.helpers import BASE_DIR, manage, process_env, sql, stop, wait_for
from tests.pagecache.test_two_processes import database_url, login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GRANIAN = str(Path(sys.executable).with_name("granian"))
UNIT = BASE_DIR / "deploy" / "systemd" / "steppe-web.service"
KILLS = 3
FIRST_KILL_AFTER = 1.0
# granian gives up ("crash loop") when a worker dies within 5.5 s of its own respawn.
SAME_WORKER_GAP = 6.5
LOAD_SECONDS_AFTER_LAST_KILL = 2.0
DRAFTS = 40
# Without Redis, readership.counter appends each view to a spool file that a flush renames away:
# exact too, so every counted view is asserted in both runs.
FILE_CACHE_VIEWS_EXACT = True
# readership.counter records each flushed batch (Redis hash or spool file) in the database with its
# counts, so a worker killed between that commit and deleting the batch cannot get it counted twice.
REPLAYED_FLUSH_TOLERATED = False
# Beacons are cheap: paced, they leave CPU for the respawning worker (the test stays short).
BEACON_PAUSE = 0.02
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
# What a client sees when the worker holding its connection dies.
DROPPED = (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)


def production_command(port: int) -> list[str]:
    """granian as deploy/systemd/steppe-web.service starts it (so its flags are what is tested), on a free port."""
    text = UNIT.read_text().replace("\\\n", " ")
    exec_start = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    args = shlex.split(exec_start.removeprefix("ExecStart="))[1:]
    args[args.index("--port") + 1] = str(port)
    args[args.index("--host") + 1] = "127.0.0.1"
    return [GRANIAN, *args]


def worker_pids(main_pid: int) -> set[int]:
    """granian forks its workers from the main process: they are its children."""
    pids: set[int] = set()
    for task in Path(f"/proc/{main_pid}/task").iterdir():
        try:
            pids.update(int(pid) for pid in (task / "children").read_text().split())
        except FileNotFoundError:  # a thread that just ended
            pass
    return pids


def listeners(port: int) -> int:
    """Listening sockets on the port: each granian worker opens its own (SO_REUSEPORT) once it is
    ready, so this is the number of workers that can take connections."""
    local = f":{port:04X} "
    return sum(
        1
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
        if local in line and line.split()[3] == "0A"
    )


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=3).status_code == 200
    except requests.RequestException:
        return False


def database_for_servers(tmp_path: Path) -> str:
    """The test's database, reachable by the server processes: PostgreSQL's test database as is,
    SQLite's in-memory one copied to a file (migrating a fresh file would take half a minute)."""
    if connection.vendor == "postgresql":
        return database_url()
    path = tmp_path / "site.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
    return f"sqlite:///{path}"


class Tally:
    """Outcomes per kind of request, shared by the load threads."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()

    def add(self, kind: str, outcome: str) -> None:
        with self.lock:
            self.counts[(kind, outcome)] += 1

    def of(self, outcome_prefix: str) -> int:
        return sum(n for (_kind, outcome), n in self.counts.items() if outcome.startswith(outcome_prefix))


def outcome(response: requests.Response) -> str:
    return "5xx" if response.status_code >= 500 else str(response.status_code)


def reader(base: str, urls: list[str], stop_event: threading.Event, tally: Tally) -> None:
    session = requests.Session()
    encodings = cycle(["br", "gzip", "identity"])
    for url in cycle(urls):
        if stop_event.is_set():
            return
        try:
            response = session.get(base + url, headers={"Accept-Encoding": next(encodings)}, timeout=20)
        except DROPPED:
            tally.add("read", "dropped")
            continue
        result = outcome(response)
        if response.status_code == 200 and not response.text.rstrip().endswith("</html>"):
            result = "incomplete"  # a 200 with a cut-off page would be a corrupted response
        tally.add("read", result)


def beacon(
    base: str, page_ids: list[int], stop_event: threading.Event, tally: Tally,
    counted: Counter[int], dropped: Counter[int],
) -> None:  # fmt: skip
    session = requests.Session()
    session.headers["User-Agent"] = BROWSER  # HTTP libraries are not counted as readers
    for page_id in cycle(page_ids):
        if stop_event.is_set():
            return
        try:
            response = session.get(f"{base}/_util/hit/{page_id}.gif", timeout=20)
        except DROPPED:
            dropped[page_id] += 1
            tally.add("beacon", "dropped")
            continue
        if response.status_code == 200 and response.content.startswith(b"GIF"):
            counted[page_id] += 1
        tally.add("beacon", outcome(response))
        time.sleep(BEACON_PAUSE)


def editor(
    base: str, session: requests.Session, drafts: list[int], stop_event: threading.Event, tally: Tally,
    published: list[int], uncertain: list[int],
) -> None:  # fmt: skip
    """Publishes the drafts one by one through the admin's bulk publish (a form, then its POST)."""
    pending = list(drafts)
    while pending and not stop_event.is_set():
        page_id = pending[0]
        url = f"{base}/{django_settings.STEPPE_ADMIN_PATH}/bulk/wagtailcore/page/publish/?id={page_id}"
        try:
            form = session.get(url, timeout=20)
        except DROPPED:
            tally.add("publish-form", "dropped")
            continue  # nothing was written: the editor asks for the form again
        tally.add("publish-form", outcome(form))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        if form.status_code != 200 or token is None:
            pending.pop(0)
            continue
        pending.pop(0)
        try:
            response = session.post(
                url, data={"csrfmiddlewaretoken": token.group(1)}, headers={"Referer": url},
                allow_redirects=False, timeout=20,
            )  # fmt: skip
        except DROPPED:
            uncertain.append(page_id)  # killed while publishing: either published or not, never half
            tally.add("publish", "dropped")
            continue
        if response.status_code == 302:
            published.append(page_id)
        tally.add("publish", outcome(response))


def server_cache(env: dict[str, str]) -> BaseCache:
    """The servers' cache (Redis or the file cache, with their key prefix), opened from this process."""
    params = {"KEY_PREFIX": env["STEPPE_CACHE_PREFIX"]}
    if env.get("REDIS_URL"):
        return RedisCache(env["REDIS_URL"], params)
    return FileBasedCache(str(Path(env["STEPPE_VAR_DIR"]) / "cache"), params)


def page_entries(env: dict[str, str]) -> tuple[list[dict], int, int]:
    """Every page-cache entry the servers wrote, straight from their cache; also how many values
    could not be read at all, and the file cache's leftover temporary files."""
    prefix = env["STEPPE_CACHE_PREFIX"]
    entries: list[dict] = []
    unreadable = leftovers = 0
    cache = server_cache(env)
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client()
        for key in client.scan_iter(match=f"{prefix}:1:page:*", count=1000):
            try:
                value = cache.get(key.decode().removeprefix(f"{prefix}:1:"))
            except Exception:  # noqa: BLE001 - a value that does not unpickle is what we look for
                unreadable += 1
                continue
            entries.append(value)
        return entries, unreadable, leftovers
    # Django's file cache: each file holds a pickled expiry time, then the zlib-compressed pickled
    # value; names are hashes, so page entries are told apart by their shape.
    for path in (Path(env["STEPPE_VAR_DIR"]) / "cache").iterdir():
        if not path.name.endswith(".djcache"):
            leftovers += 1  # a temporary file a killed worker never renamed into place
            continue
        try:
            with path.open("rb") as handle:
                pickle.load(handle)
                value = pickle.loads(zlib.decompress(handle.read()))
        except Exception:  # noqa: BLE001
            unreadable += 1
            continue
        if isinstance(value, dict) and {"body", "encoded", "etag", "headers"} <= value.keys():
            entries.append(value)
    return entries, unreadable, leftovers


def forget_cache(env: dict[str, str]) -> None:
    """Redis outlives the test: drop the keys of the servers' prefix (the file cache goes with tmp_path)."""
    if env.get("REDIS_URL"):
        import redis

        with closing(redis.Redis.from_url(env["REDIS_URL"])) as client:
            keys = list(client.scan_iter(match=f"{env['STEPPE_CACHE_PREFIX']}:*", count=1000))
            if keys:
                client.delete(*keys)


def check_entry(entry: dict) -> str | None:
    """What is wrong with a page-cache entry, or None when it is whole."""
    body = entry["body"]
    if entry["etag"] != '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"':
        return "the body does not match its ETag"
    if entry["headers"].get("Content-Type", "").startswith("text/html") and not (
        body.lstrip().lower().startswith(b"<!doctype html") and body.rstrip().endswith(b"</html>")
    ):
        return "not a complete HTML document"
    decoders = {"gzip": gzip.decompress, "br": brotli.decompress}
    for encoding, data in entry["encoded"].items():
        try:
            if decoders[encoding](data) != body:
                return f"the {encoding} body differs"
        except Exception:  # noqa: BLE001
            return f"the {encoding} body does not decompress"
    return None


def test_killing_workers_under_load_loses_no_write_and_corrupts_no_cache_entry(
    tmp_path, newsroom, django_user_model, settings, request
):
    require_or_skip(Path("/proc/self/task").is_dir(), "/proc (Linux) to find granian's workers")
    redis_url = os.environ.get("REDIS_URL", "") if django_settings.REDIS_URL else ""
    started = time.monotonic()

    from tests.factories import create_article

    articles = [newsroom.add_article(f"Standing story {n}", tags=["steppe"]) for n in range(4)]
    drafts = [
        create_article(newsroom.sections["economy"], f"Late story {n}", live=False) for n in range(DRAFTS)
    ]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # the servers' hasher
    django_user_model.objects.create_superuser("editor", "ed@example.org", "pw-long-enough-1")
    urls = [newsroom.home.url, *(s.url for s in newsroom.sections.values()), *(a.url for a in articles),
            f"{newsroom.home.url}tags/steppe/"]  # fmt: skip

    db_url = database_for_servers(tmp_path)
    setup_seconds = time.monotonic() - started
    env = process_env(
        tmp_path, db_url, REDIS_URL=redis_url or None, DJANGO_DEBUG="1",  # static files by name: no collectstatic
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
    )  # fmt: skip
    request.addfinalizer(lambda: forget_cache(env))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "granian.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(production_command(port), cwd=BASE_DIR, env=env, stdout=log, stderr=log)
    try:
        wait_for(lambda: server.poll() is not None or answers(f"{base}/healthz"), 60, "granian to answer")
        assert server.poll() is None, log_path.read_text()
        boot_seconds = time.monotonic() - started - setup_seconds
        workers = sorted(worker_pids(server.pid))
        assert len(workers) == 2, workers
        editor_session = requests.Session()
        login(editor_session, base, "editor", "pw-long-enough-1")

        tally, stop_event = Tally(), threading.Event()
        views, views_dropped = Counter(), Counter()
        published, uncertain = [], []
        threads = [
            *(threading.Thread(target=reader, args=(base, urls[n:] + urls[:n], stop_event, tally)) for n in (0, 3, 6)),
            threading.Thread(target=beacon, args=(base, [a.pk for a in articles], stop_event, tally, views, views_dropped)),
            threading.Thread(
                target=editor, args=(base, editor_session, [d.pk for d in drafts], stop_event, tally, published, uncertain)
            ),
        ]  # fmt: skip
        load_started = time.monotonic()
        for thread in threads:
            thread.start()

        # One worker at a time, alternating: each kill waits until both workers listen again (a
        # respawned worker needs a few seconds to load the app) and respects granian's crash-loop guard.
        killed: list[int] = []
        respawned_at = {pid: load_started - SAME_WORKER_GAP for pid in workers}
        ready_after: list[float] = []
        killed_at = load_started
        try:
            time.sleep(FIRST_KILL_AFTER)
            for n in range(KILLS):
                victim = workers[n % 2]
                wait_for(lambda: listeners(port) == 2, 20, "both workers to listen", 0.02)
                if killed:
                    ready_after.append(time.monotonic() - killed_at)
                time.sleep(max(0.0, respawned_at[victim] + SAME_WORKER_GAP - time.monotonic()))
                os.kill(victim, signal.SIGKILL)
                killed_at = time.monotonic()
                killed.append(victim)
                new = wait_for(lambda: worker_pids(server.pid) - set(workers), 10, "granian to respawn", 0.02)
                assert len(new) == 1, new
                workers[n % 2] = new.pop()
                respawned_at[workers[n % 2]] = time.monotonic()
                assert server.poll() is None, log_path.read_text()
            time.sleep(LOAD_SECONDS_AFTER_LAST_KILL)
        finally:
            stop_event.set()
            for thread in threads:
                thread.join(30)
        load_seconds = time.monotonic() - load_started

        # granian respawned every killed worker and the site keeps answering.
        wait_for(lambda: listeners(port) == 2, 20, "both workers to listen", 0.02)
        ready_after.append(time.monotonic() - killed_at)
        assert server.poll() is None, log_path.read_text()
        assert worker_pids(server.pid) == set(workers) and not any(alive(pid) for pid in killed)
        wait_for(lambda: answers(base + newsroom.home.url), 15, "the site to answer after the kills")

        # Every cached page is what a fresh render gives (once the content version memo has expired):
        # nothing stale or half-written. A session cookie takes a request past the page cache.
        time.sleep(0.6)
        differing = []
        for url in urls:
            cached = requests.get(base + url, headers={"Accept-Encoding": "br"}, timeout=20)
            if cached.headers.get("X-Cache") != "HIT":
                cached = requests.get(base + url, headers={"Accept-Encoding": "br"}, timeout=20)
            fresh = requests.get(base + url, cookies={"sessionid": "x"}, timeout=20)
            if not (
                cached.status_code == fresh.status_code == 200
                and cached.headers.get("X-Cache") == "HIT"
                and "X-Cache" not in fresh.headers
                and cached.text == fresh.text
            ):
                differing.append((url, cached.status_code, cached.headers.get("X-Cache"), fresh.status_code))
    finally:
        stop(server)

    entries, unreadable, leftovers = page_entries(env)
    broken = [problem for entry in entries if (problem := check_entry(entry))]

    # No lost writes: every publish that answered 302 is live; every draft is published whole or
    # not at all (live ⇔ a live revision of its own and a publish log entry).
    ids = ",".join(str(d.pk) for d in drafts)
    pages = {
        page_id: (bool(live), revision, log_entries)
        for page_id, live, revision, log_entries in sql(
            db_url,
            "SELECT p.id, p.live, r.id, (SELECT COUNT(*) FROM wagtailcore_pagelogentry l "
            "  WHERE l.page_id = p.id AND l.action = 'wagtail.publish') "
            "FROM wagtailcore_page p LEFT JOIN wagtailcore_revision r "
            "  ON r.id = p.live_revision_id AND r.object_id = CAST(p.id AS TEXT) "
            f"WHERE p.id IN ({ids})",
        )
    }
    lost = [page_id for page_id in published if not pages[page_id][0]]
    half = [
        page_id
        for page_id, (live, revision, logs) in pages.items()
        if live != (revision is not None and logs >= 1)
    ]
    # Views: every counted beacon is in the database after a flush, and none counted twice. A
    # worker killed inside a flush (page renders flush: STEPPE_VIEWS_FLUSH_ON_READ) leaves the flush
    # lock behind until it expires (readership.counter, 60 s): the test fast-forwards that expiry.
    cache = server_cache(env)
    stale_lock = cache.get(FLUSH_LOCK) is not None
    cache.delete(FLUSH_LOCK)
    flushed = int(re.search(r"Flushed (\d+) views", manage(env, "flush_views")).group(1))
    stored = dict(sql(db_url, "SELECT page_id, SUM(views) FROM readership_hourlyviews GROUP BY page_id"))
    views_lost = {pk: n - stored.get(pk, 0) for pk, n in views.items() if stored.get(pk, 0) < n}
    views_extra = sum(max(0, n - views[pk] - views_dropped[pk]) for pk, n in stored.items())
    # A flush killed between its database commit and deleting its batch from Redis is replayed by
    # the next one: at most what the earlier flushes wrote can be counted twice.
    replayable = sum(stored.values()) - flushed if stale_lock else 0

    counts = dict(sorted(tally.counts.items()))
    print(
        f"\nworker kill: {'PostgreSQL + Redis' if redis_url else 'SQLite + file cache'}, granian 2 workers; "
        f"{KILLS} SIGKILLs in {load_seconds:.1f} s of load, {sum(counts.values())} requests: {counts}\n"
        f"  in flight on a killed worker (connection dropped): {tally.of('dropped')}; 5xx: {tally.of('5xx')}\n"
        f"  publishes: {len(published)} answered 302, all live: {not lost}; {len(uncertain)} dropped, of which "
        f"{sum(pages[p][0] for p in uncertain)} published and {sum(not pages[p][0] for p in uncertain)} not; "
        f"half-published: {len(half)}\n"
        f"  views: {sum(views.values())} counted beacons, {sum(stored.values())} stored after flush_views "
        f"({flushed} by the final flush; a killed worker left the flush lock behind: {stale_lock}) "
        f"(dropped beacons: {sum(views_dropped.values())}); lost: {sum(views_lost.values())}, "
        f"counted twice: {views_extra}"
        f"{'' if redis_url or FILE_CACHE_VIEWS_EXACT else ' (file cache: reported, not asserted)'}\n"
        f"  page-cache entries: {len(entries)} read, {len(broken)} broken, {unreadable} unreadable, "
        f"{leftovers} leftover temporary files; cached pages equal to a fresh render: {len(urls) - len(differing)}/{len(urls)}\n"
        f"  a respawned worker listened again {min(ready_after):.1f}–{max(ready_after):.1f} s after its kill\n"
        f"  total {time.monotonic() - started:.1f} s (set-up {setup_seconds:.1f} s, server start {boot_seconds:.1f} s)"
    )
    assert len(killed) == KILLS and tally.of("dropped") >= 1, "no kill hit a request in flight"
    assert tally.of("5xx") == 0 and tally.of("incomplete") == 0, counts
    assert tally.counts[("read", "200")] >= 50 and len(published) >= 5, counts
    assert not lost, f"publishes answered 302 but not live: {lost}"
    assert not half, f"half-published pages: {half}"
    if redis_url or FILE_CACHE_VIEWS_EXACT:
        assert not views_lost, f"counted views missing after the flush: {views_lost}"
    if REPLAYED_FLUSH_TOLERATED:
        assert views_extra <= replayable, f"views counted that no beacon sent: {views_extra}"
    else:
        assert not views_extra, f"views counted that no beacon sent: {views_extra}"
    assert not differing, f"cached pages that differ from a fresh render: {differing}"
    assert len(entries) >= len(urls) and not broken and not unreadable, (len(entries), broken, unreadable)
