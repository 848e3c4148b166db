"""The shipped PostgreSQL backup scripts (deploy/postgresql/) with bad input and on retries,
without a server: what PostgreSQL or an operator sees when something is off. The recovery itself
is tests/backups/test_postgresql_pitr.py."""

from __future__ import annotations

import fcntl
import gzip
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.deploy.helpers import BASE_DIR

SCRIPTS = BASE_DIR / "deploy" / "postgresql"


def run(name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPTS / name), *args],
        capture_output=True, text=True, timeout=30, env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.fixture
def segment(tmp_path: Path) -> Path:
    path = tmp_path / "pg_wal" / "000000010000000000000007"
    path.parent.mkdir()
    path.write_bytes(os.urandom(4096) + bytes(60_000))
    return path


def test_archive_then_restore_gives_back_the_same_bytes(tmp_path, segment):
    archive = tmp_path / "wal"
    archive.mkdir()
    done = run("steppe-pg-archive-wal", str(segment), segment.name, str(archive))
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in archive.iterdir()) == [f"{segment.name}.gz"]  # no draft left
    assert gzip.decompress((archive / f"{segment.name}.gz").read_bytes()) == segment.read_bytes()

    destination = tmp_path / "RECOVERYXLOG"
    done = run("steppe-pg-restore-wal", segment.name, str(destination), str(archive))
    assert done.returncode == 0, done.stderr
    assert destination.read_bytes() == segment.read_bytes()


def test_archiving_again_is_a_success_and_other_contents_are_never_overwritten(tmp_path, segment):
    archive = tmp_path / "wal"
    archive.mkdir()
    assert run("steppe-pg-archive-wal", str(segment), segment.name, str(archive)).returncode == 0
    stored = (archive / f"{segment.name}.gz").read_bytes()
    # PostgreSQL retries a file whose success it did not note (a crash in between): same bytes.
    again = run("steppe-pg-archive-wal", str(segment), segment.name, str(archive))
    assert again.returncode == 0, again.stderr

    segment.write_bytes(b"other contents")
    clash = run("steppe-pg-archive-wal", str(segment), segment.name, str(archive))
    assert clash.returncode == 1
    assert clash.stderr.strip() == (
        f"steppe-pg-archive-wal: {archive}/{segment.name}.gz exists with other contents; not overwriting it"
    )
    assert (archive / f"{segment.name}.gz").read_bytes() == stored


def test_a_file_missing_from_the_archive_is_a_quiet_no(tmp_path):
    # PostgreSQL asks for files past the end of the archive: exit 1, nothing written, no noise.
    done = run("steppe-pg-restore-wal", "00000002.history", str(tmp_path / "out"), str(tmp_path))
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
    assert not (tmp_path / "out").exists()


def test_wrong_arguments_are_named(tmp_path):
    for name in ("steppe-pg-archive-wal", "steppe-pg-restore-wal"):
        done = run(name, "only-one")
        assert done.returncode == 2 and done.stderr.startswith(f"usage: {name} "), done.stderr
    done = run("steppe-pg-recover", str(tmp_path), str(tmp_path), str(tmp_path / "new"), "--when", "x")
    assert done.returncode == 2 and done.stderr.startswith("usage: steppe-pg-recover "), done.stderr


def fake_backup(path: Path, started: str) -> Path:
    path.mkdir(parents=True)
    (path / "backup_label").write_text(
        "START WAL LOCATION: 0/4000028 (file 000000010000000000000004)\n"
        "CHECKPOINT LOCATION: 0/4000060\nBACKUP METHOD: streamed\nBACKUP FROM: primary\n"
        f"START TIME: {started}\nLABEL: steppe test\nSTART TIMELINE: 1\n"
    )
    (path / "pg_wal").mkdir()
    return path


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("not a backup", "steppe-pg-recover: {tmp}/wal is not a base backup (no backup_label)"),
        ("no archive", "steppe-pg-recover: {tmp}/missing is not a directory"),
        ("target in use", "steppe-pg-recover: {tmp}/new is not empty"),
        ("target before the backup", "steppe-pg-recover: the backup started at 2026-03-14 10:00:00 UTC, "
                                     "after the target 2026-03-14 09:59:00+00: use an older backup"),
        ("unreadable time", "steppe-pg-recover: cannot read the time 'yesterday-ish+00'"),
        ("time without zone", "steppe-pg-recover: give the time with its zone, e.g. '2026-03-14 14:31:00+05', "
                              "not '2026-03-14 11:00:00'"),
    ],
)  # fmt: skip
def test_recover_refuses_what_would_not_work_and_writes_nothing(tmp_path, case, error):
    backup = fake_backup(tmp_path / "base" / "20260314T100000Z", "2026-03-14 10:00:00 UTC")
    (tmp_path / "wal").mkdir()
    new = tmp_path / "new"
    args = [str(backup), str(tmp_path / "wal"), str(new), "--time", "2026-03-14 11:00:00+00"]
    if case == "not a backup":
        args[0] = str(tmp_path / "wal")
    elif case == "no archive":
        args[1] = str(tmp_path / "missing")
    elif case == "target in use":
        new.mkdir()
        (new / "PG_VERSION").write_text("15\n")
    elif case == "target before the backup":
        args[4] = "2026-03-14 09:59:00+00"
    elif case == "unreadable time":
        args[4] = "yesterday-ish+00"
    elif case == "time without zone":
        args[4] = "2026-03-14 11:00:00"
    done = run("steppe-pg-recover", *args)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == error.format(tmp=tmp_path)
    if case == "target in use":
        assert sorted(path.name for path in new.iterdir()) == ["PG_VERSION"]
    else:
        assert not new.exists()


def test_recover_prepares_a_copy_that_recovers_to_the_target(tmp_path):
    backup = fake_backup(tmp_path / "base" / "20260314T100000Z", "2026-03-14 10:00:00 UTC")
    (backup / "postgresql.auto.conf").write_text("# Do not edit this file manually!\n")
    archive = tmp_path / "wal"
    archive.mkdir()
    # pg_receivewal's segment in progress, and one it finished (which wins over a partial).
    (archive / "000000010000000000000005.gz.partial").write_bytes(gzip.compress(b"newest"))
    (archive / "000000010000000000000004.gz").write_bytes(gzip.compress(b"done"))
    (archive / "000000010000000000000004.gz.partial").write_bytes(gzip.compress(b"stale"))
    new = tmp_path / "new"
    done = run("steppe-pg-recover", str(backup), str(archive), str(new), "--name", "before-upgrade")
    assert done.returncode == 0, done.stderr
    assert (new / "recovery.signal").exists() and (new / "backup_label").exists()
    assert oct(new.stat().st_mode & 0o777) == "0o700"
    assert sorted(path.name for path in (new / "pg_wal").iterdir()) == ["000000010000000000000005"]
    assert (new / "pg_wal" / "000000010000000000000005").read_bytes() == b"newest"
    settings = (new / "postgresql.auto.conf").read_text().splitlines()
    assert settings[0] == "# Do not edit this file manually!"
    assert settings[-8:] == [
        f'restore_command = \'"{SCRIPTS}/steppe-pg-restore-wal" %f %p "{archive}"\'',
        # A backup of a recovered server has the old target in this file: each is set anew.
        "recovery_target = ''",
        "recovery_target_lsn = ''",
        "recovery_target_xid = ''",
        "recovery_target_time = ''",
        "recovery_target_name = 'before-upgrade'",  # last: PostgreSQL refuses any target after it
        "recovery_target_action = 'promote'",
        "archive_mode = 'off'",
    ]
    assert not (backup / "recovery.signal").exists()  # the backup itself is untouched


def test_basebackup_refuses_a_bad_keep_and_a_second_run(tmp_path):
    env = {"STEPPE_PG_BACKUP_DIR": str(tmp_path), "PG_BINDIR": str(tmp_path / "no-such-bin")}
    done = run("steppe-pg-basebackup", env={**env, "STEPPE_PG_KEEP": "0"})
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == "steppe-pg-basebackup: STEPPE_PG_KEEP must be a whole number of at least 1, not '0'"
    )

    (tmp_path / "base").mkdir()
    with open(tmp_path / ".basebackup.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a run in progress
        done = run("steppe-pg-basebackup", env=env)
    assert done.returncode == 1
    assert done.stderr.strip() == f"steppe-pg-basebackup: another run holds {tmp_path}/.basebackup.lock"

    # A run killed half-way left its draft: the next one removes it before anything else (and
    # here then fails, with no pg_basebackup to run, leaving nothing behind either).
    draft = tmp_path / "base" / ".20260314T031500Z.incomplete"
    draft.mkdir()
    done = run("steppe-pg-basebackup", env=env)
    assert done.returncode != 0
    assert list((tmp_path / "base").iterdir()) == []


def unit_settings(path: Path) -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_the_nightly_unit_the_archive_settings_and_the_scripts_name_the_same_places():
    units = BASE_DIR / "deploy" / "systemd"
    service = unit_settings(units / "steppe-pg-basebackup.service")
    assert service["ExecStart"] == ["/usr/local/bin/steppe-pg-basebackup"]
    assert service["User"] == ["postgres"] and service["Type"] == ["oneshot"]
    environment = dict(item.split("=", 1) for line in service["Environment"] for item in shlex.split(line))
    script = (SCRIPTS / "steppe-pg-basebackup").read_text()
    for name, value in environment.items():
        # The unit says the script's defaults out loud: a change to one must be made to both.
        assert f"${{{name}:-{value}}}" in script, (
            f"{name}: the unit sets {value}, the script's default differs"
        )
    timer = unit_settings(units / "steppe-pg-basebackup.timer")
    assert timer["Persistent"] == ["true"] and timer["OnCalendar"]

    archive = unit_settings(SCRIPTS / "archive.conf")
    wal = f"{environment['STEPPE_PG_BACKUP_DIR']}/wal"
    assert archive["archive_command "] == [f" '/usr/local/bin/steppe-pg-archive-wal %p %f {wal}'"]
    receiver = unit_settings(units / "steppe-pg-receivewal.service")
    assert f"--directory={wal}" in shlex.split(receiver["ExecStart"][0])
