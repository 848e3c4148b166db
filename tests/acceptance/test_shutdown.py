"""Stopping the newsroom: one Ctrl-C stops all of it, even after load and respawned processes.

This runs last (pytest runs the files of a folder in name order): it stops the newsroom the other
tests used, after it has served them all, served a burst of load, had a granian worker SIGKILLed
(granian respawns it) and had its task worker and scheduler SIGKILLed (supervisord restarts them).
"""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from tests.acceptance import product
from tests.acceptance.product import port_is_bound, wait_until
from tests.deploy.helpers import free_port

LOAD_SECONDS = 20


def pids_running(newsroom, marker: str) -> set[int]:
    return {pid for pid, command in newsroom.processes().items() if marker in command}


def granian_workers(newsroom) -> set[int]:
    """granian's workers are the children of its main process (the one supervisord started)."""
    granians = pids_running(newsroom, "granian")
    return {
        pid
        for pid in granians
        if int(Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[1]) in granians
    }


def serve_load(newsroom, seconds: float) -> dict[int, int]:
    paths = ["/en/", "/ru/", "/en/economy/", "/en/search/?q=water", "/sitemap.xml", "/en/feeds/rss.xml"]
    deadline = time.monotonic() + seconds
    statuses: dict[int, int] = {}

    def reader(offset: int) -> list[int]:
        seen, session, number = [], requests.Session(), offset
        while time.monotonic() < deadline:
            seen.append(session.get(newsroom.url(paths[number % len(paths)]), timeout=30).status_code)
            number += 1
        return seen

    with ThreadPoolExecutor(8) as pool:
        for seen in pool.map(reader, range(8)):
            for status in seen:
                statuses[status] = statuses.get(status, 0) + 1
    return statuses


def test_one_ctrl_c_stops_everything_after_load_and_respawns(newsroom):
    # A granian worker dies: granian starts another, and the site answers through it.
    workers = granian_workers(newsroom)
    assert len(workers) == 2, newsroom.processes()
    victim = min(workers)
    os.kill(victim, signal.SIGKILL)
    wait_until(lambda: len(granian_workers(newsroom) - {victim}) == 2, 30, "granian respawning its worker")
    # The task worker and the scheduler crash: supervisord starts them again.
    for marker in ("run_worker", "run_scheduler"):
        (old,) = pids_running(newsroom, marker)
        os.kill(old, signal.SIGKILL)
        wait_until(
            lambda marker=marker, old=old: pids_running(newsroom, marker) - {old}, 30, f"{marker} restarted"
        )
    log = newsroom.log.read_text(errors="replace")
    assert "exited: worker (terminated by SIGKILL" in log and "spawned: 'worker'" in log
    statuses = serve_load(newsroom, LOAD_SECONDS)
    assert set(statuses) == {200}, statuses

    took = product.stop(newsroom, signal.SIGINT)
    assert took < product.STOP_LIMIT, (
        f"still running {product.STOP_LIMIT} s after Ctrl-C: {newsroom.processes()}"
    )
    assert newsroom.processes() == {}
    assert not port_is_bound(newsroom.port)
    print(f"stopped in {took:.1f} s after {sum(statuses.values())} requests")

    # Started again on another port from the same var directory: the same newsroom, its links on the
    # new port (the Site follows PORT), and a SIGTERM to make (as `kill` sends it) stops it all.
    port = free_port()
    again = product.start(
        newsroom.var_dir, port, newsroom.log.with_name("make-run-again.log"), **extra_env(newsroom)
    )
    try:
        home = requests.get(again.url("/en/"), timeout=30).text
        assert f'<link rel="canonical" href="http://127.0.0.1:{port}/en/"' in home
        assert f"127.0.0.1:{newsroom.port}" not in home
        sitemap = requests.get(again.url("/sitemap.xml"), timeout=30).text
        assert f"http://127.0.0.1:{port}/en/" in sitemap and f":{newsroom.port}/" not in sitemap
        assert again.login() == newsroom.login(), "the demo was loaded a second time"
    finally:
        took = product.stop(again, signal.SIGTERM, group=False)
    assert took < product.STOP_LIMIT, "still running 10 s after SIGTERM to make"
    assert not port_is_bound(port)


def extra_env(newsroom) -> dict[str, str]:
    """What the first run was given beyond PORT and the var directory (database, cache, rates)."""
    keys = ("DATABASE_URL", "REDIS_URL", "STEPPE_CACHE_PREFIX", "STEPPE_FX_BASE_URLS")
    return {key: newsroom.env[key] for key in keys if key in newsroom.env}
