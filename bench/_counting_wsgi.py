"""steppe's WSGI application, counting (and timing) the requests for a live page's JSON that
reach Python.

Used by bench/live.py as granian's target: each such request appends one line (its time, and
whether it is the app's own refresh) to the file named by STEPPE_BENCH_COUNT_FILE (O_APPEND writes
of a few bytes do not interleave between the workers).
"""

from __future__ import annotations

import os
import time

from steppe.wsgi import application

COUNT_FILE = os.environ["STEPPE_BENCH_COUNT_FILE"]


def counted_application(environ, start_response):
    if environ.get("PATH_INFO", "").endswith("/entries.json"):
        with open(COUNT_FILE, "a") as log:
            # When, and whether it is the app's own refresh (live/refresh.py) or a reader's poll.
            log.write(f"{time.time():.3f} {environ.get('HTTP_X_STEPPE_REFRESH', '-')}\n")
    return application(environ, start_response)
