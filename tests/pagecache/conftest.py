"""A loopback HTTP server that records the PURGE requests a frontend-cache purge sends."""

import http.server
import threading

import pytest


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 (HTTP verb)
        PurgeRecorder.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", PurgeRecorder.received
    server.shutdown()
