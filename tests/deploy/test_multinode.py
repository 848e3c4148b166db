"""Several app servers behind nginx, as in docs/deploy.md, all on 127.0.0.1.

Two granian app servers share a PostgreSQL database (of the machine's server), a Redis server
(started here, so it can be stopped) and an S3 API server (moto). nginx runs the shipped config
(deploy/nginx/steppe.conf) with both servers upstream. An editor logs in to node A's admin over
HTTP and uploads an image; an article with it is published; a reader gets it from node B and
through nginx, with the image from S3. Two schedulers and two workers fire a job exactly once per
slot. /readyz turns 503 when Redis stops and 200 when it is back.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys

import httpx
import pytest
from PIL import Image as PILImage

from pagecache.nginx import nginx_binary, run_nginx
from tests.conftest import require_or_skip
from tests.deploy.helpers import (
    BASE_DIR,
    check_fired_once_per_slot,
    free_port,
    postgres_url,
    process_env,
    scheduler_report,
    scratch_database,
    start,
    stop,
    wait_for,
)
from tests.deploy.s3 import s3_server

GRANIAN = (
    str(BASE_DIR / ".venv" / "bin" / "granian") if (BASE_DIR / ".venv/bin/granian").exists() else "granian"
)


class RedisServer:
    def __init__(self, tmp_path):
        self.port = free_port()
        self.dir = tmp_path / "redis"
        self.dir.mkdir()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: self.ping(), 20, "redis-server to answer")

    def ping(self) -> bool:
        import redis

        try:
            return redis.Redis(port=self.port, socket_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


def editor_step(env, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.deploy.editor", *args],
        cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def result_of(process: subprocess.Popen) -> dict:
    out, _ = process.communicate(timeout=300)
    assert process.returncode == 0, out
    line = [line for line in out.splitlines() if line.startswith("RESULT=")][-1]
    return json.loads(line.removeprefix("RESULT="))


def start_node(env, port, log) -> subprocess.Popen:
    handle = open(log, "wb")  # noqa: SIM115
    return subprocess.Popen(
        [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
         "--no-ws", "--log-level", "warning", "steppe.wsgi:application"],  # fmt: skip
        cwd=BASE_DIR, env=env, stdout=handle, stderr=subprocess.STDOUT,
    )  # fmt: skip


def up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


pytestmark = pytest.mark.shared_servers


def jpeg() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (40, 120, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_two_app_servers_behind_nginx_share_database_cache_and_media(tmp_path):
    require_or_skip(postgres_url() is not None, "PostgreSQL (DATABASE_URL=postgres://…)")
    require_or_skip(bool(os.environ.get("REDIS_URL")), "Redis (REDIS_URL)")
    require_or_skip(shutil.which("redis-server") is not None, "redis-server")
    require_or_skip(nginx_binary() is not None, "nginx")

    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(scratch_database(tmp_path, "multinode"))
        s3 = stack.enter_context(s3_server())
        redis = RedisServer(tmp_path)
        redis.start()
        stack.callback(redis.stop)
        env = process_env(
            tmp_path, database_url, REDIS_URL=redis.url, STEPPE_TASKS_BACKEND=None, STEPPE_LOG_FORMAT="json",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", **s3.env(),
        )  # fmt: skip
        # Static files are collected while the database is migrated; the app servers start as
        # soon as the static files are there (whitenoise reads them at start-up).
        static, prepare = editor_step(env, "collectstatic"), editor_step(env, "prepare")
        stack.callback(stop, static, prepare)
        result_of(static)
        port_a, port_b = free_port(), free_port()
        nodes = [
            start_node(env, port_a, tmp_path / "node-a.log"),
            start_node(env, port_b, tmp_path / "node-b.log"),
        ]
        stack.callback(stop, *nodes)
        login = result_of(prepare)

        # The worker side: two schedulers and two workers, each its own process.
        background = [
            start(env, "run_scheduler", "--job", "heartbeat", "--every", "1", "--for", "4", log=tmp_path / f"sched{i}.log")
            for i in range(2)
        ] + [
            start(env, "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload", log=tmp_path / f"worker{i}.log")
            for i in range(2)
        ]  # fmt: skip
        stack.callback(stop, *background)

        node_a, node_b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        nginx = stack.enter_context(
            run_nginx(f"127.0.0.1:{port_a};\n    server 127.0.0.1:{port_b}", var_dir=tmp_path / "var")
        )
        for node in (node_a, node_b):
            wait_for(lambda node=node: up(f"{node}/healthz"), 180, f"{node} to start")

        # The editor, on node A: logs in to the admin and uploads an image (stored on S3).
        with httpx.Client(base_url=node_a, timeout=30) as editor:
            page = editor.get("/admin/login/")
            response = editor.post(
                "/admin/login/",
                data={**login, "csrfmiddlewaretoken": csrf_token(page.text), "next": "/admin/"},
            )
            assert response.status_code == 302 and response.headers["location"] == "/admin/", response.text[
                :500
            ]
            page = editor.get("/admin/images/add/")
            assert page.status_code == 200
            response = editor.post(
                "/admin/images/add/",
                data={"csrfmiddlewaretoken": csrf_token(page.text), "title": "Steppe at dawn",
                      "credit": "Test Agency", "caption": "Dawn", "alt_text": "The steppe at dawn"},
                files={"file": ("dawn.jpg", jpeg(), "image/jpeg")},
            )  # fmt: skip
            assert response.status_code == 302, response.text[:2000]
        keys = [o["Key"] for o in s3.client().list_objects_v2(Bucket=s3.bucket).get("Contents", [])]
        assert any(key.startswith("media/original_images/dawn") for key in keys), keys
        article = result_of(editor_step(env, "publish", "Steppe at dawn"))

        # The reader: node B and nginx serve the article, its lead image comes from S3.
        for base in (node_b, nginx.url):
            response = httpx.get(base + article["url"], timeout=30)
            assert response.status_code == 200, (base, response.status_code)
            assert "Two nodes, one newsroom" in response.text
            images = re.findall(
                rf'{re.escape(s3.endpoint)}/{s3.bucket}/media/images/dawn[^"\s,]+', response.text
            )
            assert images, response.text[:3000]
            assert s3.endpoint in response.headers["Content-Security-Policy"]
            picture = httpx.get(images[0], timeout=10)
            assert picture.status_code == 200 and picture.headers["content-type"].startswith("image/")
        assert httpx.get(nginx.url + "/healthz").status_code == 200
        # /metrics is never served through the proxy.
        assert httpx.get(nginx.url + "/metrics").status_code == 403
        assert "steppe_http_requests_total" in httpx.get(node_b + "/metrics").text

        # The scheduled job fired once per slot and each run was done once by one of the workers.
        for i, process in enumerate(background[:2]):
            assert process.wait(timeout=90) == 0, (tmp_path / f"sched{i}.log").read_text()

        def all_ran():
            report = scheduler_report(database_url)
            return report if {t["status"] for t in report["tasks"]} == {"SUCCESSFUL"} else None

        check_fired_once_per_slot(wait_for(all_ran, 60, "the workers to run the heartbeats"), at_least=3)

        # Redis stops: /readyz says so (naming the cache), pages still come; Redis is back: ready again.
        assert httpx.get(node_a + "/readyz").status_code == 200
        redis.stop()
        response = httpx.get(node_a + "/readyz", timeout=10)
        assert response.status_code == 503
        assert response.json()["failing"] == ["cache"]
        assert httpx.get(node_b + article["url"], timeout=30).status_code == 200
        redis.start()
        wait_for(
            lambda: httpx.get(node_a + "/readyz", timeout=10).status_code == 200, 30, "/readyz to recover"
        )
        assert httpx.get(node_b + "/readyz", timeout=10).json() == {
            "status": "ok", "failing": [], "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
        }  # fmt: skip

        # Logs are JSON lines with request ids.
        for node in nodes:
            assert node.poll() is None
    lines = [
        json.loads(line)
        for line in (tmp_path / "node-b.log").read_text().splitlines()
        if line.startswith("{")
    ]
    served = [line for line in lines if line.get("path") == article["url"]]
    assert served and all(line["request_id"] and line["status"] == 200 for line in served)
