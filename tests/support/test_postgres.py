"""tests.support.postgres: a private server that a test can crash and start again."""

from __future__ import annotations

import pytest

from tests.conftest import require_or_skip
from tests.support.postgres import postgres_bindir, private_cluster, process_alive

pytestmark = pytest.mark.shared_servers


def test_a_private_server_survives_crashes_on_its_port_and_leaves_nothing():
    require_or_skip(postgres_bindir() is not None, "PostgreSQL's server programs (/usr/lib/postgresql/*/bin)")
    with private_cluster("selftest") as cluster:
        url = cluster.create_database("steppe")
        assert url == f"postgres://postgres@127.0.0.1:{cluster.port}/steppe"
        cluster.sql("CREATE TABLE kept (n int)", database="steppe")
        for n, crash in enumerate((lambda: cluster.stop(mode="immediate"), cluster.kill)):
            cluster.sql("INSERT INTO kept VALUES (%s)", database="steppe", params=(n,))
            pid = cluster.pid
            crash()
            assert not cluster.running
            cluster.start()  # crash recovery from the WAL
            assert cluster.pid != pid
            assert cluster.sql("SELECT n FROM kept ORDER BY n", database="steppe") == [
                (m,) for m in range(n + 1)
            ]
        root, last_pid = cluster.data_dir.parent, cluster.pid
    assert not process_alive(last_pid) and not root.exists()
