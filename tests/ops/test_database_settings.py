"""DATABASE_CONN_MAX_AGE is honoured on every database, SQLite included."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def conn_max_ages(tmp_path: Path, **env: str) -> dict[str, int | None]:
    """CONN_MAX_AGE of each configured database, from settings imported afresh in a subprocess."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "STEPPE_", "DATABASE_", "REDIS_URL"))
    }
    environment.update(STEPPE_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="steppe.settings", **env)
    script = (
        "import json; from django.conf import settings;"
        "print(json.dumps({name: db['CONN_MAX_AGE'] for name, db in settings.DATABASES.items()}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("300", 300), ("", 60), (None, 60)])
def test_sqlite_honours_database_conn_max_age(tmp_path, value, expected):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    if value is not None:
        env["DATABASE_CONN_MAX_AGE"] = value
    assert conn_max_ages(tmp_path, **env) == {"default": expected}


def test_the_default_sqlite_database_and_its_replica_follow_the_variable(tmp_path):
    ages = conn_max_ages(
        tmp_path,
        DATABASE_CONN_MAX_AGE="0",
        DATABASE_REPLICA_URL=f"sqlite:///{tmp_path / 'replica.sqlite3'}",
    )
    assert ages == {"default": 0, "replica": 0}
