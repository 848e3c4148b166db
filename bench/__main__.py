"""`make bench` / `python -m bench [--only NAME,...] [--quick]`: the repository's benchmarks.

pages (bench/pages.py) runs by default; the others run when named with --only. Each benchmark
is a script in this directory; --quick is passed to those that accept it.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = ["pages"]
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
        if name in IN_PROCESS:
            code = importlib.import_module(f"bench.{name}").main(quick + rest)
        else:  # colleagues' scripts: their own process and arguments
            code = subprocess.call([sys.executable, str(script), *quick, *rest], cwd=HERE.parent)
        status = status or (code or 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
