"""`make bench` live: 1,000 readers polling a live page's JSON through the shipped nginx while
entries are posted and edited. Counts the polls that reached Python (the app server itself, a
counter in front of steppe's WSGI application) and prints them beside the target: at most one per
entry or edit. Every other poll is answered by nginx from its cache; a publish refreshes it there
(live/refresh.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:  # run as `python bench/live.py` by bench/__main__.py
    sys.path.insert(0, str(BASE_DIR))

from bench.pages import GRANIAN, fetch, log, prepare_environment, wrk  # noqa: E402

POLLERS = 1000


@contextmanager
def counting_app_server(env: dict[str, str], var_dir: Path, count_file: Path, redis_url: str):
    """granian (2 workers, as bench.pages) serving steppe through bench/_counting_wsgi.py."""
    from pagecache.nginx import free_port, stop_processes, wait_for_port

    port = free_port()
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("STEPPE_", "REDIS_", "DATABASE_"))}
    child_env.update(env, PYTHONUNBUFFERED="1", STEPPE_BENCH_COUNT_FILE=str(count_file))
    if redis_url:
        child_env["REDIS_URL"] = redis_url
    log_file = open(var_dir / "granian-live.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
         "--no-ws", "--log-level", "warning", "--backlog", "2048", "bench._counting_wsgi:counted_application"],
        cwd=BASE_DIR, env=child_env, stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=60, process=process)
        yield f"127.0.0.1:{port}"
    finally:
        stop_processes(process)
        log_file.close()


def count(count_file: Path) -> int:
    return len(count_file.read_text().splitlines()) if count_file.exists() else 0


def run(quick: bool = False, pollers: int = POLLERS) -> str:
    publishes = 4 if quick else 8
    interval = 1.5 if quick else 2.0
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: apt-get install wrk nginx libnginx-mod-http-cache-purge")
    var_dir = Path(tempfile.mkdtemp(prefix="steppe-bench-live-"))
    redis_url = os.environ.get("REDIS_URL", "")
    env = prepare_environment(var_dir)
    from pagecache.nginx import free_port, run_nginx

    nginx_port = free_port()
    # This process publishes, like an editor's request: it purges and refreshes the shipped nginx.
    os.environ["STEPPE_PURGE_URL"] = f"http://127.0.0.1:{nginx_port}"
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    import django

    django.setup()
    import logging

    logging.getLogger("django_tasks").setLevel(logging.WARNING)
    for name in ("wagtail.frontendcache", "live.refresh"):  # nginx is not up yet
        logging.getLogger(name).setLevel(logging.CRITICAL)
    from django.db import connection

    from bench.pages import create_site
    from live.models import LivePage
    from tests.live.conftest import add_live_page, post_entry

    count_file = var_dir / "python-requests.log"
    try:
        room = create_site()
        page = add_live_page(room.sections["politics"], entries=[{"body": "<p>Bench: polls open.</p>"}])
        with counting_app_server(env, var_dir, count_file, redis_url) as app:
            with run_nginx(app, var_dir, workers=2, port=nginx_port) as nginx:
                for name in ("wagtail.frontendcache", "live.refresh"):
                    logging.getLogger(name).setLevel(logging.WARNING)
                url = f"http://127.0.0.1:{nginx.port}{page.url}entries.json"
                for _ in range(3):
                    status, headers, _body = fetch(url)
                    assert status == 200, status
                if headers.get("X-Cache-Status") != "HIT":
                    log(f"warning: the JSON is {headers.get('X-Cache-Status')!r} after warming")
                seconds = publishes * interval + 2 * interval
                # wrk runs in a thread (it is a subprocess: the GIL is free) while this one publishes.
                outcome: dict = {}
                load = threading.Thread(target=lambda: outcome.update(wrk(url, seconds, pollers)))
                load.start()
                time.sleep(interval)  # the pollers are connected and reading the cached copy
                before = count(count_file)
                posted, started_at = [], []
                for number in range(publishes):
                    started_at.append(time.time())
                    if number % 4 == 3:  # every fourth publish edits the newest entry instead
                        live = LivePage.objects.get(pk=page.pk)
                        rows = list(live.entries.all())
                        newest = max(rows, key=lambda e: e.posted_at)
                        newest.body = newest.body.replace("</p>", " (edited)</p>")
                        live.entries = rows
                        live.save_revision().publish()
                        posted.append("edit")
                    else:
                        post_entry(page, body=f"<p>Bench entry {number}.</p>")
                        posted.append("entry")

                    time.sleep(interval)
                during = count(count_file) - before
                # Which publish each request to Python followed (the counter logs their times).
                rows = [row.split() for row in count_file.read_text().splitlines()[before:]]
                times = [float(row[0]) for row in rows]
                refreshes = sum(1 for row in rows if row[1] == "1")
                per = [sum(1 for t in times if start <= t < end) for start, end
                       in zip(started_at, [*started_at[1:], float("inf")], strict=True)]  # fmt: skip
                load.join(timeout=seconds + 120)
                result = outcome
                final = json.loads(fetch(url)[2])
                shown = sum(1 for e in final["entries"] if "Bench entry" in e["html"])
        per_publish = during / publishes
        lines = [
            f"live coverage polling: {connection.vendor}, {'Redis' if redis_url else 'file cache'}, granian 2 "
            f"workers behind the shipped nginx, wrk -t2 -c{pollers} for {seconds:g} s, {os.cpu_count()} CPUs",
            f"polls answered: {result['requests']:,} ({result['rps']:,.0f}/s, p50 {result['p50']:.2f} ms, "
            f"p99 {result['p99']:.2f} ms, errors {result['errors']})",
            f"publishes while polling: {publishes} ({posted.count('entry')} new entries, {posted.count('edit')} edits)",
            f"polls that reached Python: {during} = {per_publish:.2f} per entry/edit   (target: ≤ 1 per entry/edit)"
            f"   {'OK' if per_publish <= 1 else 'OVER TARGET'}",
            f"requests to Python after each publish: {per} ({refreshes} of them the app's own refresh of "
            f"nginx's copy, {during - refreshes} readers' polls that nginx let through)",
            f"entries in the JSON after the run: {shown} of {posted.count('entry')} posted",
        ]
        return "\n".join(lines)
    finally:
        connection.close()
        shutil.rmtree(var_dir, ignore_errors=True)
        if connection.vendor == "postgresql":
            from urllib.parse import urlsplit, urlunsplit

            import psycopg

            admin = urlunsplit(
                urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres", scheme="postgresql")
            )
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS steppe_bench WITH (FORCE)")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python bench/live.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 publishes instead of 8")
    parser.add_argument(
        "--pollers", type=int, default=POLLERS, help=f"concurrent pollers (default {POLLERS})"
    )
    args = parser.parse_args(argv)
    print(run(quick=args.quick, pollers=args.pollers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
