"""`make bench` / `python -m bench [--only NAME,...] [--quick]`: the repository's benchmarks.

By default all of them run, one after another: pages (bench/pages.py: requests/s cached and
uncached), suggestions (rebuild time, memory, update latency), search (p50/p95 at 100,000 articles;
PostgreSQL only), wordpress_import (50,000 posts: rate and peak memory) and newsletter (one issue
to 10,000 subscribers through a local SMTP sink: messages a second) and live (1,000 readers polling
a live page's JSON through nginx while entries are posted: requests that reach Python per entry or
edit). Each benchmark is a
script in this directory; --quick is passed to those that accept it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = ["pages", "suggestions", "search", "wordpress_import", "newsletter", "live"]
IN_PROCESS = {"pages"}


def available() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_"))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help=f"comma-separated benchmarks (default: {','.join(DEFAULT)}; "
                        f"available: {','.join(available())})")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="smaller corpora and shorter runs")
    args, rest = parser.parse_known_args()
    names = [n.strip() for n in args.only.split(",")] if args.only else DEFAULT
    status = 0
    for name in names:
        if name not in available():
            parser.error(f"unknown benchmark {name!r}; available: {', '.join(available())}")
        script = HERE / f"{name}.py"
        quick = ["--quick"] if args.quick and "--quick" in script.read_text() else []
        print(f"\n== bench {name}", flush=True)
        if name == "search" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            print("search: measured on PostgreSQL only; set DATABASE_URL=postgres://…", flush=True)
            continue
        if name in IN_PROCESS:
            saved = dict(os.environ)  # the pages bench points DATABASE_URL at its scratch database
            code = importlib.import_module(f"bench.{name}").main(quick + rest)
            os.environ.clear()
            os.environ.update(saved)
        else:  # colleagues' scripts: their own process and arguments
            code = subprocess.call([sys.executable, str(script), *quick, *rest], cwd=HERE.parent)
        status = status or (code or 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
