"""Fixtures for the fx tests: recorded payload paths and a real loopback HTTP server."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import require_or_skip

PAYLOADS = Path(__file__).resolve().parent / "payloads"
# Repo is /work/main, shared samples are /work/shared/fx-samples.
SHARED_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "fx-samples"


@dataclass
class Route:
    """What the fake bank answers on one path (path + query, or bare path)."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/xml"
    delay: float = 0.0  # seconds to wait before the status line
    declared_length: int | None = None  # a Content-Length larger than the body = broken transfer
    chunk_delay: float = 0.0  # trickle the body in 64-byte chunks with this pause between them
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # do not wait for a deliberately slow handler

    def handle_error(self, request, client_address) -> None:
        # Clients that time out or close keep-alive sockets are expected here, not failures.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeBank:
    """A threaded http.server on 127.0.0.1:<random port> that replays Routes."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[SeenRequest] = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        # A short poll interval keeps shutdown() (run after every test) fast.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def add(self, path: str, body: bytes = b"", **kwargs) -> None:
        self.routes[path] = Route(body=body, **kwargs)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        bank = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                bank.requests.append(SeenRequest(self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = bank.routes.get(self.path) or bank.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    route = Route(
                        body=b"<html><body>404 Not Found</body></html>", status=404, content_type="text/html"
                    )
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                length = route.declared_length if route.declared_length is not None else len(route.body)
                self.send_header("Content-Length", str(length))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    if route.chunk_delay:
                        for start in range(0, len(route.body), 64):
                            self.wfile.write(route.body[start : start + 64])
                            self.wfile.flush()
                            time.sleep(route.chunk_delay)
                    else:
                        self.wfile.write(route.body)
                except ConnectionError:
                    pass  # the client gave up (timeout tests)
                if length != len(route.body):
                    self.close_connection = True

        return Handler


# The fx app's tests (storage, ticker, pages, commands) need Django; the core's do not.
DJANGO_TESTS = {
    "test_storage.py",
    "test_ticker.py",
    "test_pages.py",
    "test_fetch_command.py",
    "test_parse_command.py",
    "test_ticker_browser.py",
}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With ``-p no:django`` only the Django-free core tests are collected."""
    if collection_path.name in DJANGO_TESTS and not config.pluginmanager.hasplugin("django"):
        return True
    return None


@pytest.fixture
def fake_bank() -> Iterator[FakeBank]:
    bank = FakeBank()
    bank.start()
    try:
        yield bank
    finally:
        bank.stop()


@pytest.fixture
def payload() -> Callable[[str], bytes]:
    """Read one of our recorded payloads: payload("nbk/get_rates-fdate-13.03.2026.xml")."""

    def read(relative: str) -> bytes:
        return (PAYLOADS / relative).read_bytes()

    return read


@pytest.fixture
def shared_sample() -> Callable[[str], bytes]:
    """Read a file from ../shared/fx-samples: in CI a missing one fails, elsewhere it skips."""

    def read(relative: str) -> bytes:
        path = SHARED_SAMPLES / relative
        require_or_skip(path.is_file(), f"the shared FX sample {path}")
        return path.read_bytes()

    return read
