"""The product as `make run` starts it: a fresh var directory, a free port, the real processes.

Nothing here swaps settings or the task backend: the newsroom runs `make run` itself (migrate, the
demo, supervisord with the web server, the task worker and the scheduler). What the suite sets is
what a user can set: PORT, STEPPE_VAR_DIR, and in the PostgreSQL pass DATABASE_URL and REDIS_URL
(a database of its own, a cache prefix of its own), plus where the rates come from.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.deploy.helpers import wait_for

BASE_DIR = Path(__file__).resolve().parents[2]
START_TIMEOUT = 420  # a cold start migrates, loads the demo and collects the static files
STOP_LIMIT = 10.0  # seconds: the README's promise for one Ctrl-C or SIGTERM
# Where the suite leaves what a person looks at afterwards: screenshots, logs, the drill's figures.
SCREENSHOTS = Path(os.environ.get("STEPPE_SCREENSHOTS", BASE_DIR / "var" / "screenshots"))


@dataclass
class Newsroom:
    base_url: str
    port: int
    var_dir: Path
    log: Path
    process: subprocess.Popen
    env: dict[str, str]
    started_at: float = field(default_factory=time.monotonic)

    @property
    def session(self) -> int:
        return self.process.pid  # start_new_session: the make process leads its session

    def url(self, path: str) -> str:
        return self.base_url + path

    def login(self) -> tuple[str, str]:
        """The demo editor's login, as `make run` prints it."""
        match = re.search(r"Demo editor login: (\S+) / (\S+)", self.log.read_text(errors="replace"))
        assert match, "make run printed no admin login"
        return match.group(1), match.group(2)

    def processes(self) -> dict[int, str]:
        return session_processes(self.session)


def session_processes(session: int) -> dict[int, str]:
    """Every live process of a session (pid → command line), zombies left out."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[3]) == session:
            found[int(stat.parent.name)] = cmdline.strip()
    return found


def port_is_bound(port: int) -> bool:
    local = f":{port:04X} "
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            if local in line and line.split()[3] == "0A":  # LISTEN
                return True
    return False


def product_env(var_dir: Path, port: int, **extra: str) -> dict[str, str]:
    """The caller's environment without the test suite's own steppe settings, plus the given ones."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STEPPE_", "DATABASE_", "REDIS_", "DJANGO_", "PYTEST", "MAKE", "MFLAGS"))
    }
    env.update(STEPPE_VAR_DIR=str(var_dir), PORT=str(port), STEPPE_CACHE_PREFIX=f"a{uuid.uuid4().hex[:8]}")
    env.update(extra)
    return env


def start(var_dir: Path, port: int, log: Path, **extra: str) -> Newsroom:
    env = product_env(var_dir, port, **extra)
    handle = log.open("wb")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=BASE_DIR,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own session and process group, as a terminal gives it
    )
    newsroom = Newsroom(f"http://127.0.0.1:{port}", port, var_dir, log, process, env)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"make run exited with {process.returncode}:\n{tail(log)}")
        try:
            if requests.get(newsroom.url("/en/"), timeout=5).status_code == 200:
                return newsroom
        except requests.RequestException:
            pass
        time.sleep(0.5)
    stop(newsroom)
    raise AssertionError(f"make run did not serve /en/ within {START_TIMEOUT} s:\n{tail(log)}")


def stop(newsroom: Newsroom, sig: signal.Signals = signal.SIGINT, group: bool = True) -> float:
    """Send `sig` to the process group, as Ctrl-C does (or to `make` alone, as `kill` does, when
    not `group`); seconds until every process of the session is gone.

    Whatever is still alive after STOP_LIMIT is SIGKILLed (so a failing test leaves nothing
    behind) and the time returned is then infinite.
    """
    began = time.monotonic()
    try:
        if group:
            os.killpg(newsroom.session, sig)
        else:
            os.kill(newsroom.process.pid, sig)
    except ProcessLookupError:
        pass
    while time.monotonic() - began < STOP_LIMIT:
        newsroom.process.poll()
        if not newsroom.processes():
            return time.monotonic() - began
        time.sleep(0.05)
    for pid in newsroom.processes():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    newsroom.process.wait(timeout=10)
    return float("inf")


def tail(log: Path, lines: int = 60) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def wait_until(check, timeout: float, what: str, interval: float = 1.0):
    """tests.deploy.helpers.wait_for, where a request that fails means "not yet"."""
    return wait_for(check, timeout, what, interval, ignore=(requests.RequestException,))
