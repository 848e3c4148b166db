"""Run the shipped nginx config (deploy/nginx/steppe.conf) from Python: tests and `make bench`.

render_config() fills in the config's ${PLACEHOLDERS}; run_nginx() starts nginx in the foreground
in a temporary prefix directory on a free loopback port and stops it afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "steppe.conf"
PURGE_MODULE_DIRS = ["/usr/lib/nginx/modules", "/usr/share/nginx/modules", "/usr/lib64/nginx/modules"]
PURGE_MODULE = "ngx_http_cache_purge_module.so"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


def purge_module() -> str | None:
    return next(
        (f"{d}/{PURGE_MODULE}" for d in PURGE_MODULE_DIRS if os.path.exists(f"{d}/{PURGE_MODULE}")), None
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_processes(*processes: subprocess.Popen, timeout: float = 15) -> None:
    """Terminate, wait, and kill whatever does not stop in time (servers started by tests/bench)."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def wait_for_port(port: int, timeout: float = 10.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


def render_config(values: dict[str, str], purge: bool = True) -> str:
    text = CONFIG.read_text()
    if not purge:
        text = re.sub(r"\n *# --- purge.*?# --- end purge ---\n", "\n", text, flags=re.S)

    def substitute(match: re.Match) -> str:
        return values[match.group(1)]

    return re.sub(r"\$\{(STEPPE_[A-Z_]+)\}", substitute, text)


@dataclass
class Nginx:
    port: int
    prefix: Path
    purge: bool

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def run_nginx(
    upstream: str,
    var_dir: str | Path,
    admin_path: str = "admin",
    workers: int = 1,
    extra_http: str = "",
    port: int | None = None,
) -> Iterator[Nginx]:
    """The shipped config in front of `upstream` ("127.0.0.1:8000"); `extra_http` adds servers."""
    binary = nginx_binary()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")
    module = purge_module()
    port = port or free_port()
    prefix = Path(tempfile.mkdtemp(prefix="steppe-nginx-"))
    for sub in ("cache", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi", "logs"):
        (prefix / sub).mkdir(parents=True)
    site = render_config(
        {
            "STEPPE_NGINX_LISTEN": f"127.0.0.1:{port}",
            "STEPPE_NGINX_SERVER_NAME": "_",
            "STEPPE_UPSTREAM": upstream,
            "STEPPE_VAR_DIR": str(Path(var_dir).resolve()),
            "STEPPE_NGINX_CACHE_DIR": str(prefix / "cache"),
            "STEPPE_ADMIN_PATH": admin_path.strip("/"),
        },
        purge=module is not None,
    )
    (prefix / "steppe.conf").write_text(site)
    mime = "include /etc/nginx/mime.types;" if os.path.exists("/etc/nginx/mime.types") else ""
    main = f"""
{f"load_module {module};" if module else ""}
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
master_process on;
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 8192; multi_accept on; }}
http {{
    {mime}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {prefix}/steppe.conf;
    {extra_http}
}}
"""
    (prefix / "nginx.conf").write_text(main)
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "logs/error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        try:
            wait_for_port(port, process=process)
        except (RuntimeError, TimeoutError) as error:
            log = (prefix / "logs/error.log").read_text() if (prefix / "logs/error.log").exists() else ""
            stderr = process.stderr.read().decode() if process.poll() is not None else ""
            raise RuntimeError(f"nginx did not start: {error}\n{stderr}\n{log}") from error
        yield Nginx(port=port, prefix=prefix, purge=module is not None)
    finally:
        stop_processes(process, timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)
