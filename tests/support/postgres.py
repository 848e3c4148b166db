"""Private PostgreSQL servers for tests: a cluster of its own (data directory, port, socket) made
with the machine's PostgreSQL programs, started and stopped as a test needs, removed afterwards.

PostgreSQL refuses to run as root, and CI runs as root: then every program here runs as the
`postgres` user (`setpriv`, which execs, so a process handle is the program itself) and every
directory handed to it belongs to that user.

    with private_directory("drill") as root:
        cluster = PostgresCluster(root / "data")
        cluster.init()
        cluster.start()
        url = cluster.create_database("steppe")   # postgres://postgres@127.0.0.1:PORT/steppe
        cluster.stop(mode="immediate")              # a crash, as far as PostgreSQL can tell
        cluster.start()                             # crash recovery, same port
        cluster.stop()

`private_cluster()` does the directory, init, start and the clean-up in one `with`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from tests.deploy.helpers import free_port

OWNER = "postgres"


def postgres_bindir() -> Path | None:
    """Where the server programs are: $STEPPE_PG_BINDIR, else Debian's newest
    /usr/lib/postgresql/N/bin, else the directory of an `initdb` on PATH."""
    if configured := os.environ.get("STEPPE_PG_BINDIR"):
        return Path(configured)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def as_root() -> bool:
    return os.geteuid() == 0


def owner() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(OWNER)
    except KeyError:
        raise RuntimeError(f"running as root needs a '{OWNER}' user to run PostgreSQL as") from None


def owner_ids() -> tuple[int, int]:
    return owner().pw_uid, owner().pw_gid


def give_to_owner(path: Path) -> None:
    """Make `path` (and everything under it) the server user's, when running as root."""
    if not as_root():
        return
    uid, gid = owner_ids()
    os.chown(path, uid, gid)
    if path.is_dir():
        for parent, dirs, files in os.walk(path):
            for name in dirs + files:
                os.chown(os.path.join(parent, name), uid, gid, follow_symlinks=False)


def owner_command(argv: list[str]) -> list[str]:
    """`argv` as the server user runs it (unchanged when not root)."""
    if not as_root():
        return argv
    uid, gid = owner_ids()
    return ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--init-groups", "--", *argv]


def owner_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    # No inherited PG* variables: a developer's PGHOST or PGPORT must not redirect the tools.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    if as_root():
        env["HOME"] = owner().pw_dir
    env.update(extra or {})
    return env


def run_as_owner(
    argv: list[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: float = 60
) -> str:
    """Run a program as the server user; its output, or an AssertionError that shows it."""
    result = subprocess.run(
        owner_command(argv),
        env=owner_env(env),
        cwd=cwd or tempfile.gettempdir(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(argv)} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout + result.stderr


def spawn_as_owner(argv: list[str], *, log: Path, env: Mapping[str, str] | None = None) -> subprocess.Popen:
    """Start a long-running program (pg_receivewal, …) as the server user, output to `log`."""
    handle = open(log, "ab")  # noqa: SIM115  closed with the process
    try:
        return subprocess.Popen(
            owner_command(argv),
            env=owner_env(env),
            cwd=tempfile.gettempdir(),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    finally:
        handle.close()  # the child has its own copy


@contextlib.contextmanager
def private_directory(hint: str) -> Iterator[Path]:
    """A new directory the server user owns (pytest's tmp_path is root's and closed to it),
    removed with everything in it afterwards. Short, under /tmp: socket paths are limited."""
    path = Path(tempfile.mkdtemp(prefix=f"pg-{hint}-"))
    try:
        give_to_owner(path)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def process_alive(pid: int) -> bool:
    """The process runs (a zombie, exited but not yet reaped, does not)."""
    if not _exists(pid):
        return False
    # A zombie (exited, not yet reaped by init) holds nothing any more.
    with contextlib.suppress(OSError):
        return " Z " not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]
    return False


def conf_value(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class PostgresCluster:
    """One PostgreSQL server: `data_dir` (made by `init()`, or a restored backup), listening on
    127.0.0.1:`port` and a socket in the data directory's parent, logging to `log_path`.

    The port and socket are given on the command line at each start, so they hold whatever the
    data directory's own configuration says (a restored copy of another server's, say)."""

    def __init__(self, data_dir: Path, port: int | None = None, bindir: Path | None = None):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.bindir = bindir or postgres_bindir()
        if self.bindir is None:
            raise RuntimeError("no PostgreSQL server programs found (set STEPPE_PG_BINDIR)")
        self.socket_dir = self.data_dir.parent
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}.log"

    def program(self, name: str) -> str:
        return str(self.bindir / name)

    def url(self, database: str = "postgres", user: str = OWNER) -> str:
        return f"postgres://{user}@127.0.0.1:{self.port}/{database}"

    @property
    def libpq_env(self) -> dict[str, str]:
        """libpq's variables for this server, for programs and scripts that take no options."""
        return {"PGHOST": "127.0.0.1", "PGPORT": str(self.port), "PGUSER": OWNER}

    def init(self, settings: Mapping[str, object] | None = None) -> None:
        """initdb: trust for local and 127.0.0.1 connections, replication ones included."""
        initdb = [self.program("initdb"), "-D", str(self.data_dir), "-U", OWNER, "--auth=trust"]
        run_as_owner([*initdb, "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], timeout=120)
        # Faster, and nothing to lose in a test server: a crash of the server (stop(mode=
        # "immediate"), kill()) keeps the OS cache, so every commit it reported survives with
        # fsync off too. synchronous_commit stays on: off, the last commits could be lost.
        self.configure({"fsync": False})
        if settings:
            self.configure(settings)

    def configure(self, settings: Mapping[str, object] | str, file: str = "postgresql.conf") -> None:
        """Append settings (a mapping, or configuration text as is) to one of the data
        directory's files, where later lines win; a running server needs `reload()` or a
        restart, as PostgreSQL says of each setting."""
        path = self.data_dir / file
        if isinstance(settings, str):
            lines = settings if settings.endswith("\n") else settings + "\n"
        else:
            lines = "".join(f"{name} = {conf_value(value)}\n" for name, value in settings.items())
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n# added by tests.support.postgres\n" + lines)
        give_to_owner(path)

    def start(self, timeout: float = 60) -> None:
        """Start and wait until it accepts connections (after any crash or archive recovery
        that ends by itself; a recovery that stops short of its target fails here)."""
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories='{self.socket_dir}'"
        )
        try:
            wait = ("-w", "-t", str(int(timeout)))
            self.pg_ctl("start", "-l", str(self.log_path), "-o", options, *wait, timeout=timeout + 10)
        except AssertionError as failed:
            raise AssertionError(f"{failed}\nserver log, last lines:\n{self.log_tail()}") from None

    def pg_ctl(self, action: str, *args: str, timeout: float = 70) -> str:
        """pg_ctl ACTION for this data directory, as the server user."""
        return run_as_owner(
            [self.program("pg_ctl"), action, "-D", str(self.data_dir), *args], timeout=timeout
        )

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def stop(self, mode: str = "fast", timeout: float = 60) -> None:
        """pg_ctl stop: "smart" waits for clients, "fast" disconnects them, "immediate" is a
        crash (no shutdown checkpoint; the next start recovers from the WAL). Idempotent."""
        if not self.running:
            return
        self.pg_ctl("stop", "-m", mode, "-w", "-t", str(int(timeout)), timeout=timeout + 10)

    def kill(self) -> None:
        """SIGKILL the postmaster, then whatever server processes it leaves (a harsher crash
        than stop(mode="immediate"), and the last resort of the clean-up)."""
        pid = self.pid
        if pid is None:
            return
        # Named before the kill: once the postmaster is gone its children belong to init.
        children = self._children_of(pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        # They notice the postmaster is gone and exit; wait for the last one, since a new
        # server refuses to start while any of them still holds the shared memory.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(process_alive(child) for child in children):
            time.sleep(0.05)
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
        # Until init reaps the postmaster, its pid still answers kill(pid, 0), and a new server
        # takes the lock files it left as those of a live postmaster.
        while time.monotonic() < deadline and _exists(pid):
            time.sleep(0.05)
        for lock in [self.data_dir / "postmaster.pid", *self.socket_dir.glob(f".s.PGSQL.{self.port}*")]:
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()

    @staticmethod
    def _children_of(pid: int) -> list[int]:
        children = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(
                    line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
                )
            except OSError:
                continue
            if fields.get("PPid", "").strip() == str(pid):
                children.append(int(status.parent.name))
        return children

    @property
    def pid(self) -> int | None:
        """The postmaster's process id while it runs."""
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError):
            return None
        return pid if process_alive(pid) else None

    @property
    def running(self) -> bool:
        return self.pid is not None

    def reload(self) -> None:
        self.pg_ctl("reload")

    def sql(self, statement: str, database: str = "postgres", params: tuple = ()) -> list[tuple]:
        """Rows of one statement (autocommit), over TCP like any client."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=10) as conn:
            cursor = conn.execute(statement, params)
            return cursor.fetchall() if cursor.description else []

    def create_database(self, name: str) -> str:
        """A new database; its URL (DATABASE_URL for steppe)."""
        self.sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def clean_up(self) -> None:
        """Stop it whatever state it is in: fast, else immediate, else kill."""
        for mode in ("fast", "immediate"):
            try:
                self.stop(mode=mode, timeout=20)
                return
            except (AssertionError, subprocess.TimeoutExpired):
                continue
        self.kill()


@contextlib.contextmanager
def private_cluster(
    hint: str = "cluster", settings: Mapping[str, object] | None = None
) -> Iterator[PostgresCluster]:
    """A started server in a directory of its own; stopped and removed afterwards, always."""
    with private_directory(hint) as root:
        cluster = PostgresCluster(root / "data")
        try:
            cluster.init(settings)
            cluster.start()
            yield cluster
        finally:
            cluster.clean_up()
