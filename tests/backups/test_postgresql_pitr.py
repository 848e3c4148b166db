"""Point-in-time recovery of steppe's PostgreSQL, done as docs/postgresql-recovery.md says.

The machine's shared PostgreSQL takes no replication connections (its pg_hba.conf has no
`replication` line, and the suite must not change it), so the server backed up here is a private
one started from the same PostgreSQL programs, set up with the shipped files: the archiving
settings of deploy/postgresql/archive.conf (archive_command = steppe-pg-archive-wal), the WAL
receiver of deploy/systemd/steppe-pg-receivewal.service, nightly base backups by
steppe-pg-basebackup (here twice, keeping one: the first backup and the WAL only it needed go).

steppe is migrated into it and publishes article A; the time T is noted and a restore point made;
then article B is published and read by an anonymous reader (so the page cache holds a page
with B). steppe-pg-recover then prepares new servers, each started on its own port:

- from the archive, to the time T: A is there, B is not, and steppe runs on it (no migration
  missing, the page serves) once its page cache is retired - until then it serves the cached
  page that still lists B, which is why the guide says to bump the content version;
- from pg_receivewal's directory, to the restore point: A, not B (the restore point and B are
  only in the segment it was still receiving, its .partial file);
- from pg_receivewal's directory, everything (--latest): A and B.

Then the guide's "after the switch" on the first: after-recovery.sql, a fresh archive directory,
a restart and a base backup; a change written and archived on the new timeline is in a fourth
server recovered from that backup.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_or_skip
from tests.deploy.helpers import BASE_DIR, process_env, wait_for
from tests.support.postgres import (
    PostgresCluster,
    give_to_owner,
    postgres_bindir,
    private_directory,
    run_as_owner,
    spawn_as_owner,
)

pytestmark = pytest.mark.shared_servers

DEPLOY = BASE_DIR / "deploy"
SCRIPTS = ("steppe-pg-archive-wal", "steppe-pg-restore-wal", "steppe-pg-basebackup", "steppe-pg-recover")
INSTALLED_BACKUP_DIR = "/var/backups/steppe-postgresql"  # what the shipped files name
A_TITLE, B_TITLE = "Before the mistake", "The mistake"


def installed(text: str, tools: Path, backups: Path, bindir: Path) -> str:
    """A shipped file's text with this test's directories where the guide installs things."""
    return (
        text.replace("/usr/local/bin/", f"{tools}/")
        .replace(INSTALLED_BACKUP_DIR, str(backups))
        .replace("/usr/lib/postgresql/15/bin/", f"{bindir}/")
    )


def unit_setting(unit: Path, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in unit.read_text().splitlines() if line.startswith(f"{key}=")]


def newsroom(env: dict[str, str], *steps: list) -> list[dict]:
    """Steps of tests/backups/newsroom.py in one steppe process with `env`."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.backups.newsroom", json.dumps(list(steps))],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, f"{steps} failed:\n{result.stdout}\n{result.stderr}"
    line = [line for line in result.stdout.splitlines() if line.startswith("RESULT=")][-1]
    return json.loads(line.removeprefix("RESULT="))


def articles(cluster: PostgresCluster) -> set[str]:
    rows = cluster.sql(
        "SELECT p.title FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id",
        database="steppe",
    )
    return {title for (title,) in rows}


def wal_files(directory: Path) -> set[str]:
    return {path.name for path in directory.iterdir() if not path.name.startswith(".")}


def test_recovery_to_a_point_in_time_from_the_archive_and_from_pg_receivewal(tmp_path):
    bindir = postgres_bindir()
    require_or_skip(bindir is not None, "PostgreSQL's server programs (/usr/lib/postgresql/*/bin)")
    with private_directory("pitr") as root, contextlib.ExitStack() as stack:
        # The guide's installation: the scripts in a bin directory, backups/{base,wal}.
        # The database server archives into backups/wal; a backup host receives into
        # backup-host/wal.
        tools, backups, backup_host = root / "bin", root / "backups", root / "backup-host"
        received = backup_host / "wal"
        tools.mkdir()
        for name in SCRIPTS:
            shutil.copy2(DEPLOY / "postgresql" / name, tools / name)
        (backups / "wal").mkdir(parents=True)
        received.mkdir(parents=True)
        give_to_owner(root)

        primary = PostgresCluster(root / "primary")
        primary.init()
        primary.configure(
            installed((DEPLOY / "postgresql" / "archive.conf").read_text(), tools, backups, bindir)
        )
        primary.start()
        stack.callback(primary.clean_up)
        primary.sql("CREATE ROLE steppe_backup REPLICATION LOGIN")
        # The backups connect as a role that may replicate and nothing else, as the guide sets up.
        backup_env = {**primary.libpq_env, "PGUSER": "steppe_backup"}

        # The WAL receiver, as its unit runs it (after the one-time slot).
        unit = DEPLOY / "systemd" / "steppe-pg-receivewal.service"
        (exec_start,) = unit_setting(unit, "ExecStart")
        receiver_argv = shlex.split(installed(exec_start, tools, backup_host, bindir))
        assert f"--directory={received}" in receiver_argv and receiver_argv[0] == f"{bindir}/pg_receivewal"
        run_as_owner([f"{bindir}/pg_receivewal", "--slot=steppe_backup", "--create-slot"], env=backup_env)
        receiver = spawn_as_owner(receiver_argv, log=root / "receivewal.log", env=backup_env)
        stack.callback(lambda: receiver.poll() is None and receiver.kill())
        wait_for(
            lambda: primary.sql("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")[0][0],
            30, "pg_receivewal to stream",
        )  # fmt: skip

        def base_backup(cluster: PostgresCluster, keep: int) -> str:
            settings = {
                "STEPPE_PG_BACKUP_DIR": str(backups),
                "STEPPE_PG_KEEP": str(keep),
                "PG_BINDIR": str(bindir),
            }
            script_env = {**cluster.libpq_env, "PGUSER": "steppe_backup", **settings}
            return run_as_owner([str(tools / "steppe-pg-basebackup")], env=script_env, timeout=120)

        base_backup(primary, keep=1)  # of the empty server: pruned by the next run

        env = process_env(tmp_path, primary.create_database("steppe"), REDIS_URL=None)
        (prepared,) = newsroom(env, ["prepare"])
        section = prepared["section"]

        archived_before = wal_files(backups / "wal")
        base_backup(primary, keep=1)
        (backup,) = sorted((backups / "base").iterdir())  # the first one was removed
        start_segment = next(
            line.rsplit("file ", 1)[1].rstrip(")")
            for line in (backup / "backup_label").read_text().splitlines()
            if line.startswith("START WAL LOCATION:")
        )
        older = {name for name in archived_before if name[:24] < start_segment}
        assert older, f"no WAL older than the new backup was archived: {sorted(archived_before)}"
        assert not older & wal_files(backups / "wal"), "WAL only the removed backup needed is still there"

        # One process (each start of steppe costs seconds): A, the time and a restore point, B.
        _, marked, _, before_recovery = newsroom(
            env, ["publish", A_TITLE], ["mark", "before-b"], ["publish", B_TITLE], ["read", section]
        )
        target_time = marked["time"]
        assert before_recovery["status"] == 200 and B_TITLE in before_recovery["body"]
        # The receiver has everything up to B (in its .partial segment) before it stops.
        ((end_lsn,),) = primary.sql("SELECT pg_current_wal_lsn()::text")
        wait_for(
            lambda: primary.sql(
                "SELECT flush_lsn >= %s::pg_lsn FROM pg_stat_replication WHERE application_name = 'pg_receivewal'",
                params=(end_lsn,),
            ) == [(True,)],
            30, "pg_receivewal to receive the last commit",
        )  # fmt: skip
        receiver.send_signal(signal.SIGINT)
        assert receiver.wait(timeout=30) == 0, (root / "receivewal.log").read_text()
        partial = [name for name in wal_files(received) if name.endswith(".partial")]
        ((restore_point_segment,),) = primary.sql(
            "SELECT pg_walfile_name(%s::pg_lsn)", params=(marked["lsn"],)
        )
        # So the recovery to the restore point needs steppe-pg-recover's handling of that file.
        assert partial == [f"{restore_point_segment}.gz.partial"], sorted(wal_files(received))
        # The archive gets the segment with B once it is finished (archive_timeout would do the
        # same within 5 minutes).
        ((last_segment,),) = primary.sql("SELECT pg_walfile_name(pg_switch_wal())")
        wait_for(
            lambda: primary.sql("SELECT last_archived_wal >= %s FROM pg_stat_archiver", params=(last_segment,))
            == [(True,)],
            30, "the archiver to archive the last segment",
        )  # fmt: skip
        primary.stop()

        def recover(name: str, base: Path, source: Path, *target: str) -> PostgresCluster:
            run_as_owner(
                [str(tools / "steppe-pg-recover"), str(base), str(source), str(root / name), *target]
            )
            cluster = PostgresCluster(root / name)
            cluster.start(timeout=90)
            stack.callback(cluster.clean_up)
            wait_for(
                lambda: cluster.sql("SELECT NOT pg_is_in_recovery()") == [(True,)], 60, f"{name} to promote"
            )
            return cluster

        to_name = recover("to-name", backup, received, "--name", "before-b")
        assert articles(to_name) == {A_TITLE}, to_name.log_tail()
        to_name.clean_up()

        latest = recover("latest", backup, received, "--latest")
        assert articles(latest) == {A_TITLE, B_TITLE}, latest.log_tail()
        latest.clean_up()

        to_time = recover("to-time", backup, backups / "wal", "--time", target_time)
        assert articles(to_time) == {A_TITLE}, to_time.log_tail()
        # What the guide says to look for in the log: it stopped at the target, not at the end.
        log = to_time.log_path.read_text()
        assert (
            "recovery stopping before commit of transaction" in log and "archive recovery complete" in log
        ), log
        # steppe on the recovered server, with the page cache it had before.
        env["DATABASE_URL"] = to_time.url("steppe")
        state, stale, _, fresh = newsroom(env, ["state"], ["read", section], ["bump"], ["read", section])
        assert state == {
            "migrations_complete": True,
            "live_articles": [A_TITLE],
            "newest_log_entry": ["wagtail.publish", A_TITLE],
        }
        assert stale["cache"] == "HIT" and B_TITLE in stale["body"]
        assert fresh["status"] == 200 and fresh["cache"] == "MISS"
        assert A_TITLE in fresh["body"] and B_TITLE not in fresh["body"]

        # After the switch: the recovery's settings go, the old backups are put aside, and the
        # recovered server archives and is backed up like the first (its own timeline, 2).
        after_recovery = DEPLOY / "postgresql" / "after-recovery.sql"
        psql = [f"{bindir}/psql", "-h", "127.0.0.1", "-p", str(to_time.port), "-U", "postgres"]
        run_as_owner([*psql, "-v", "ON_ERROR_STOP=1", "-f", str(after_recovery)])
        backups.rename(root / "backups-before-recovery")
        (backups / "wal").mkdir(parents=True)
        give_to_owner(backups)
        to_time.stop()
        to_time.start()
        assert to_time.sql("SELECT current_setting('archive_mode')") == [("on",)]
        base_backup(to_time, keep=1)
        (second_backup,) = (backups / "base").iterdir()
        assert "recovery_target_time" not in (second_backup / "postgresql.auto.conf").read_text()
        to_time.sql("CREATE TABLE written_after_the_recovery AS SELECT 1 AS one", database="steppe")
        ((segment,),) = to_time.sql("SELECT pg_walfile_name(pg_switch_wal())")
        assert segment.startswith("00000002")
        wait_for(lambda: (backups / "wal" / f"{segment}.gz").exists(), 30, "the recovered server to archive")
        to_time.stop()
        again = recover("again", second_backup, backups / "wal", "--latest")
        assert again.sql("SELECT one FROM written_after_the_recovery", database="steppe") == [(1,)]
        assert articles(again) == {A_TITLE}
