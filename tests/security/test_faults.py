"""Faults with the real drivers: the database unreachable (a closed port / unopenable file, so the
driver itself fails), Redis unreachable (a closed port, and a TCP proxy we cut and restore)."""

from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import closing, contextmanager

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tests.conftest import require_or_skip

REDIS = ("127.0.0.1", 6379)


def closed_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once it is closed


@contextmanager
def database_unreachable():
    """PostgreSQL: point the connection at a closed port, so psycopg really fails to connect."""
    saved = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        # The in-memory test database cannot be closed and reopened elsewhere: make every
        # cursor fail the way SQLite does when its file cannot be opened.
        import sqlite3

        def unreachable(*args, **kwargs):
            raise sqlite3.OperationalError("unable to open database file")

        connection.create_cursor = unreachable
    else:
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        yield
    finally:
        if connection.vendor == "sqlite":
            del connection.create_cursor
        else:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_outage_serves_cached_pages_and_a_503_then_recovers(newsroom):
    reader = Client(raise_request_exception=False)
    article = newsroom.add_article("Cached before the outage")
    assert reader.get("/en/").status_code == 200  # now in the page cache
    with database_unreachable():
        cached = reader.get("/en/")
        assert cached.status_code == 200 and cached["X-Cache"] == "HIT"
        down = reader.get(article.url)  # not cached yet: needs the database
        assert down.status_code == 503
        assert down["Retry-After"].isdigit()
        assert "no-store" in down["Cache-Control"]
        assert b"Temporarily unavailable" in down.content
        assert "default-src 'self'" in down["Content-Security-Policy"]
        assert reader.get("/en/feeds/rss.xml").status_code == 503
        assert reader.get("/en/").status_code == 200  # still served from the cache
    # The database is back: the next request reconnects by itself.
    back = reader.get(article.url)
    assert back.status_code == 200
    assert b"Cached before the outage" in back.content


def test_other_errors_remain_500(rf):
    from steppe.hardening import server_error

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500


class CuttableProxy:
    """A TCP proxy on 127.0.0.1 in front of a real server; `cut()` drops every connection."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=2)
            except OSError:
                client.close()
                continue
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        self.up = False
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            except OSError:
                pass
        self.sockets.clear()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


def resilient_cache_settings(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "steppe.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "steppe-fault-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.mark.django_db
def test_redis_unreachable_renders_uncached(settings, newsroom):
    settings.CACHES = resilient_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    article = newsroom.add_article("Served without Redis")
    reader = Client(raise_request_exception=False)
    for url in ["/en/", "/en/politics/", article.url, "/en/fx/", "/en/feeds/rss.xml", "/sitemap.xml"]:
        for _ in range(2):
            response = reader.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Cache") != "HIT"
    assert b"Served without Redis" in reader.get(article.url).content
    # The view beacon talks to Redis directly (HINCRBY): the view is not counted, the GIF still goes.
    settings.STEPPE_COUNT_VIEWS = True
    beacon = reader.get(
        f"/_util/hit/{article.pk}.gif", HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Firefox/140"
    )
    assert beacon.status_code == 200 and beacon["Content-Type"] == "image/gif"
    cache.set("anything", 1)  # does not raise: the cache degrades to a miss...
    assert cache.get("anything") is None  # ...and keeps nothing while Redis is away


@pytest.mark.django_db
def test_redis_cut_and_restored(settings, newsroom):
    try:
        socket.create_connection(REDIS, timeout=1).close()
        available = True
    except OSError:
        available = False
    require_or_skip(available, "Redis on 127.0.0.1:6379")
    proxy = CuttableProxy(REDIS)
    try:
        # A Redis database of its own per CI pass: .ci/run runs the two passes at the same time.
        database = 15 if os.environ.get("REDIS_URL") else 14
        settings.CACHES = resilient_cache_settings(f"redis://127.0.0.1:{proxy.port}/{database}")
        cache.clear()
        reader = Client(raise_request_exception=False)
        article = newsroom.add_article("Through the proxy")
        reader.get(article.url)
        assert reader.get(article.url)["X-Cache"] == "HIT"
        proxy.cut()
        during = [reader.get(article.url) for _ in range(3)]
        assert all(r.status_code == 200 and r["X-Cache"] != "HIT" for r in during)
        proxy.restore()
        # Cached again once Redis is back: the client's first commands after the cut may still meet
        # a dead pooled connection (a miss, nothing stored), so allow a few requests, not one.
        answers = []
        for _ in range(10):
            answers.append(reader.get(article.url)["X-Cache"])
            if answers[-1] == "HIT":
                break
            time.sleep(0.2)
        assert answers[-1] == "HIT", answers
        cache.clear()
    finally:
        proxy.close()
