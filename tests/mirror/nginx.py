"""nginx serving an export from a sub-path, as docs/mirrors.md shows it: the tests' server (test support, not part of the mirror app).

The location block is the one the documentation gives operators; tests/mirror/ serve a fresh
export through it and crawl every link.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pagecache.nginx import free_port, nginx_binary, stop_processes, wait_for_port

# `alias` maps /news-mirror/en/index.html to DIR/en/index.html. The export's own bookkeeping
# (.steppe-mirror.json, the lock, the staging folder) is never served.
LOCATION = """
    location {prefix} {{
        alias {directory}/;
        index index.html;
        charset utf-8;
        charset_types text/css text/plain text/xml application/rss+xml application/atom+xml;
        location ~ /\\.steppe-mirror {{ return 404; }}
    }}
"""


def location_block(directory: str | Path, prefix: str = "/mirror/") -> str:
    return LOCATION.format(prefix="/" + prefix.strip("/") + "/", directory=str(Path(directory).resolve()))


@contextmanager
def run_mirror_nginx(directory: str | Path, prefix: str = "/mirror/") -> Iterator[str]:
    """nginx on a free loopback port serving `directory` under `prefix`; yields its base URL."""
    binary = nginx_binary()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")
    port = free_port()
    root = Path(tempfile.mkdtemp(prefix="steppe-mirror-nginx-"))
    for sub in ("logs", "tmp"):
        (root / sub).mkdir()
    mime = "include /etc/nginx/mime.types;" if os.path.exists("/etc/nginx/mime.types") else ""
    (root / "nginx.conf").write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    {mime}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        {location_block(directory, prefix)}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [binary, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", str(root / "logs/error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        try:
            wait_for_port(port, process=process)
        except (RuntimeError, TimeoutError) as error:
            log = (root / "logs/error.log").read_text() if (root / "logs/error.log").exists() else ""
            raise RuntimeError(f"nginx did not start: {error}\n{log}") from error
        yield f"http://127.0.0.1:{port}/{prefix.strip('/')}/"
    finally:
        stop_processes(process, timeout=10)
        shutil.rmtree(root, ignore_errors=True)
