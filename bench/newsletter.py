"""Benchmark: one newsletter issue to 10,000 subscribers through a local SMTP sink.

Run from the repository root (`make bench BENCH_ARGS="--only newsletter"` runs it too)::

    .venv/bin/python bench/newsletter.py [--subscribers 10000] [--rate 0] [--batch-size 100] [--quick]

It builds a scratch newsroom (SQLite in a temporary directory, or a database of its own on the
PostgreSQL server DATABASE_URL points at), adds the subscribers, then sends one issue the way the
task worker does (newsletter.sending.run_slice, slice after slice) to an SMTP sink: aiosmtpd in a
process of its own on 127.0.0.1, which counts what it receives and checks that no address got the
issue twice. Printed: the time to freeze the issue (render it, list its recipients), the send's
messages a second, CPU seconds of the sending process, and SMTP connections.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import os
import resource
import socket
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script from anywhere


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the sink, in a process of its own (so it does not share the sender's CPU time and GIL) ---


def run_sink(port: int, ready, stop, out_path: str) -> None:
    import asyncio  # noqa: F401 - aiosmtpd's loop

    from aiosmtpd.controller import Controller

    class Counting:
        def __init__(self):
            self.recipients: list[str] = []
            self.connections = 0
            self.bytes = 0

        async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
            session.host_name = hostname
            self.connections += 1
            return responses

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            self.recipients.extend(envelope.rcpt_tos)
            self.bytes += len(envelope.original_content or b"")
            return "250 OK"

    handler = Counting()
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()
    Path(out_path).write_text(f"{handler.connections} {handler.bytes}\n" + "\n".join(handler.recipients))


# --- the newsroom --------------------------------------------------------------------------------


def prepare_environment(var_dir: Path, port: int) -> str | None:
    """Settings for this process; call before django.setup(). The scratch PostgreSQL database, if any."""
    database = None
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        database = f"steppe_bench_newsletter_{uuid.uuid4().hex[:6]}"
        admin = urlunsplit(parts._replace(path="/postgres")).replace("postgres://", "postgresql://", 1)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'db.sqlite3'}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="steppe.settings",
        STEPPE_VAR_DIR=str(var_dir),
        STEPPE_CACHE_PREFIX=f"bench{uuid.uuid4().hex[:8]}",
        STEPPE_TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        DEFAULT_FROM_EMAIL="The Steppe Courier <news@example.org>",
        STEPPE_LOG_LEVEL="WARNING",
    )
    for key in ("DJANGO_DEBUG", "STEPPE_PRODUCTION", "EMAIL_BACKEND", "EMAIL_USE_TLS", "EMAIL_USE_SSL"):
        os.environ.pop(key, None)
    return database


def drop_database(database: str | None) -> None:
    if not database:
        return
    import psycopg
    from django.db import connections

    connections.close_all()
    parts = urlsplit(os.environ["DATABASE_URL"])
    admin = urlunsplit(parts._replace(path="/postgres")).replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def build(subscribers: int):
    from django.core.management import call_command

    from newsletter.models import Issue, IssueArticle, Subscriber
    from tests.factories import create_newsroom

    call_command("migrate", "--noinput", verbosity=0)
    room = create_newsroom()
    articles = [room.add_article(f"Story {n}: the region weighs new measures") for n in range(8)]
    batch = 2000
    for start in range(0, subscribers, batch):
        Subscriber.objects.bulk_create(
            Subscriber(email=f"reader{n}@example.org", language="en", status="active")
            for n in range(start, min(start + batch, subscribers))
        )
    issue = Issue.objects.create(subject="The morning brief", language="en", intro="Good morning.")
    for order, article in enumerate(articles):
        IssueArticle.objects.create(issue=issue, article=article, sort_order=order)
    return issue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=0, help="messages a second (0: as fast as possible)")
    parser.add_argument("--batch-size", type=int, default=100, help="messages per SMTP connection")
    parser.add_argument("--quick", action="store_true", help="1,000 subscribers")
    args = parser.parse_args(argv)
    count = 1000 if args.quick else args.subscribers

    port = free_port()
    context = multiprocessing.get_context("fork")  # before Django is set up in this process
    ready, stop = context.Event(), context.Event()
    with tempfile.TemporaryDirectory(prefix="steppe-bench-newsletter-") as tmp:
        out_path = str(Path(tmp) / "sink.txt")
        sink = context.Process(target=run_sink, args=(port, ready, stop, out_path), daemon=True)
        sink.start()
        if not ready.wait(20):
            print("the SMTP sink did not start", file=sys.stderr)
            return 1
        database = prepare_environment(Path(tmp), port)
        try:
            import django

            django.setup()
            from django.db import connection
            from django.utils import timezone

            from newsletter.models import Issue
            from newsletter.sending import SendSettings, delivery_counts, freeze, run_slice

            started = time.monotonic()
            issue = build(count)
            print(f"newsroom and {count:,} subscribers built in {time.monotonic() - started:.1f} s "
                  f"({connection.vendor})", flush=True)  # fmt: skip

            Issue.objects.filter(pk=issue.pk).update(status="scheduled", send_at=timezone.now())
            issue.refresh_from_db()
            began = time.monotonic()
            freeze(issue, timezone.now())
            freeze_seconds = time.monotonic() - began

            conf = SendSettings(
                rate=args.rate, batch_size=args.batch_size, batch_pause=0, slice_seconds=30, lease_seconds=120
            )
            cpu_before = resource.getrusage(resource.RUSAGE_SELF)
            began = time.monotonic()
            slices = 0
            while True:
                slices += 1
                report = run_slice(issue.pk, conf=conf)
                if report.state != "continue":
                    break
            seconds = time.monotonic() - began
            cpu_after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
            counts = delivery_counts(issue.pk)
        finally:
            stop.set()
            sink.join(30)
            try:
                drop_database(database)
            except Exception as error:  # noqa: BLE001 - report, do not hide the results
                print(f"could not drop the scratch database {database}: {error}", file=sys.stderr)
        lines = Path(out_path).read_text().splitlines()
        connections, received_bytes = (int(v) for v in lines[0].split())
        received = collections.Counter(lines[1:])

    twice = sum(1 for n in received.values() if n > 1)
    print(f"issue frozen (rendered, {count:,} deliveries listed) in {freeze_seconds:.2f} s")
    print(f"sent {counts['sent']:,} messages in {seconds:.1f} s over {slices} slice(s): "
          f"{counts['sent'] / seconds:,.0f} messages/s, {cpu:.1f} CPU s in the sender "
          f"({cpu / max(counts['sent'], 1) * 1000:.2f} ms a message)")  # fmt: skip
    print(f"sink: {sum(received.values()):,} messages, {len(received):,} addresses, {twice} twice, "
          f"{connections} SMTP connections, {received_bytes / max(len(received), 1) / 1024:.1f} KB a message")  # fmt: skip
    ok = report.state == "sent" and counts["sent"] == count == len(received) and twice == 0
    print("result:", "OK" if ok else f"MISMATCH ({report.state}, {counts})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
