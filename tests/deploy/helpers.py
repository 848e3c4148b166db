"""Real processes for the deployment tests: scratch databases, free ports, manage.py runs."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pagecache.nginx import stop_processes as stop  # noqa: F401 - re-exported for the tests here

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextlib.contextmanager
def scratch_database(tmp_path: Path, hint: str) -> Iterator[str]:
    """A fresh, empty database other processes can reach: PostgreSQL when the suite runs on it
    (a database of its own on the same server), otherwise an SQLite file."""
    url = postgres_url()
    if not url:
        yield f"sqlite:///{tmp_path / f'{hint}.sqlite3'}"
        return
    import psycopg

    name = f"steppe_{hint}_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def process_env(tmp_path: Path, database_url: str, **extra: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STEPPE_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="steppe.settings",
        STEPPE_VAR_DIR=str(tmp_path / "var"),
        DATABASE_URL=database_url,
        STEPPE_CACHE_PREFIX=f"t{uuid.uuid4().hex[:8]}",
        PYTHONUNBUFFERED="1",
    )
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def start(env: dict[str, str], *args: str, log: Path) -> subprocess.Popen:
    handle = open(log, "wb")  # noqa: SIM115  closed with the process
    return subprocess.Popen(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, stdout=handle, stderr=subprocess.STDOUT
    )


def wait_for(condition, timeout: float, what: str, interval: float = 0.25, ignore: tuple = ()):
    """Poll `condition()` until it returns something truthy; errors of the `ignore` types count as
    "not yet" (a server still starting), and the last one is named if time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        error = None
        try:
            value = condition()
        except ignore as raised:
            value, error = None, raised
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(
                f"timed out after {timeout}s waiting for {what}" + (f" ({error})" if error else "")
            )
        time.sleep(interval)


def sql(database_url: str, statement: str) -> list[tuple]:
    """Rows of one query, read straight from the database (no Django start-up in between)."""
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with contextlib.closing(sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=20)) as conn:
            return conn.execute(statement).fetchall()
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(statement).fetchall()


def scheduler_report(database_url: str) -> dict:
    runs = sql(
        database_url, "SELECT slot, task_id, fired_by FROM scheduling_scheduledrun WHERE job = 'heartbeat'"
    )
    tasks = sql(
        database_url,
        "SELECT id, status FROM django_tasks_database_dbtaskresult WHERE task_path = 'scheduling.tasks.heartbeat'",
    )
    return {
        "runs": [{"slot": slot, "task_id": str(task_id), "fired_by": by} for slot, task_id, by in runs],
        "tasks": [{"id": str(task_id).replace("-", ""), "status": status} for task_id, status in tasks],
    }


def check_fired_once_per_slot(report: dict, at_least: int) -> None:
    runs, tasks = report["runs"], report["tasks"]
    slots = [run["slot"] for run in runs]
    assert len(slots) >= at_least, report
    assert len(slots) == len(set(slots)), f"a slot fired twice: {report}"
    # Every slot enqueued exactly one task, and the worker ran each exactly once.
    assert sorted(run["task_id"].replace("-", "") for run in runs) == sorted(task["id"] for task in tasks), (
        report
    )
    assert {task["status"] for task in tasks} == {"SUCCESSFUL"}, report
