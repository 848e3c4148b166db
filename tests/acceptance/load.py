"""A newsroom's readers as load: steady requests, articles by Zipf popularity, listings and feeds.

Used by the fault drill: every response is kept (when, what, status, how long) so the drill can
say which errors fell inside which outage.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field

import requests

# Of every hundred requests: articles by popularity, the rest home pages, sections and feeds.
LISTING_SHARE = 0.3
LISTINGS = [
    "/en/",
    "/ru/",
    "/en/economy/",
    "/en/politics/",
    "/en/society/",
    "/en/kazakhstan/",
    "/en/feeds/rss.xml",
]


@dataclass
class Response:
    at: float  # time.monotonic() when the request was sent
    path: str
    status: int  # 0: no answer (connection refused, timeout)
    seconds: float
    cache: str


def zipf_weights(count: int, s: float = 1.0) -> list[float]:
    return [1 / (rank**s) for rank in range(1, count + 1)]


@dataclass
class ReaderLoad:
    base_url: str
    articles: list[str]
    rate: float = 20.0  # requests per second, across all threads
    threads: int = 4
    seed: int = 7
    responses: list[Response] = field(default_factory=list)

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers: list[threading.Thread] = []
        self._weights = zipf_weights(len(self.articles))

    def _next_path(self, rng: random.Random) -> str:
        if rng.random() < LISTING_SHARE:
            return rng.choice(LISTINGS)
        return rng.choices(self.articles, weights=self._weights)[0]

    def _run(self, number: int) -> None:
        rng = random.Random(self.seed + number)
        session = requests.Session()
        interval = self.threads / self.rate
        next_at = time.monotonic()
        while not self._stop.is_set():
            path = self._next_path(rng)
            began = time.monotonic()
            try:
                answer = session.get(self.base_url + path, timeout=10)
                status, cache = answer.status_code, answer.headers.get("X-Cache", "")
            except requests.RequestException:
                status, cache = 0, ""
            with self._lock:
                self.responses.append(Response(began, path, status, time.monotonic() - began, cache))
            next_at += interval
            self._stop.wait(max(0.0, next_at - time.monotonic()))

    def start(self) -> ReaderLoad:
        for number in range(self.threads):
            worker = threading.Thread(target=self._run, args=(number,), daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def stop(self) -> list[Response]:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=15)
        return self.responses


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0
