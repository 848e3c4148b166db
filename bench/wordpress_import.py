"""Benchmark of ``manage.py import_wordpress``: peak memory and posts per second.

Run from the repository root::

    .venv/bin/python bench/wordpress_import.py --posts 50000 [--images] [--keep]

Generates a synthetic WXR 1.2 export with ``wordpress.testing.generate_wxr`` (authors, a category
tree, tags, one attachment per five posts, co-authors, sticky posts, comments; Gutenberg and classic
content alternating), then imports it into a throwaway SQLite database in a temporary
STEPPE_VAR_DIR (an empty site: the importer creates the home page). With ``--images`` a small
JPEG is written into a temporary uploads folder for every attachment, so images are imported too.

Reports: export size, import time, posts per second (wall clock and per CPU second, which
other load on the machine does not distort), and the process's peak RSS (``resource.getrusage``)
before and after the import. The importer streams the file twice, so
the peak should not grow with the number of posts: compare ``--posts 2000`` with ``--posts 50000``.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script from anywhere


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def current_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def write_uploads(uploads: Path, n_posts: int) -> int:
    """One small JPEG per generated attachment, where generate_wxr's attachment URLs point."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), (90, 120, 150)).save(buffer, "JPEG")
    data = buffer.getvalue()
    folder = uploads / "2020" / "01"
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for index in range(5, n_posts + 1, 5):
        (folder / f"photo-{10 * index - 1}.jpg").write_bytes(data)
        written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--images", action="store_true", help="write a JPEG for every attachment")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, export)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="steppe-wp-bench-"))
    os.environ["STEPPE_VAR_DIR"] = str(workdir)  # before Django reads its settings
    os.environ.pop("DATABASE_URL", None)  # always a throwaway SQLite database
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("STEPPE_MEDIA_ROOT", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steppe.settings")
    os.environ.setdefault("STEPPE_LOG_LEVEL", "WARNING")
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from wordpress.testing import generate_wxr

        call_command("migrate", verbosity=0)
        started = time.monotonic()
        export = generate_wxr(workdir / "export.xml", args.posts)
        generated = time.monotonic() - started
        print(
            f"export: {export.posts} posts, {export.attachments} attachments, {export.comments} comments, "
            f"{export.size_bytes / 1e6:.1f} MB, generated in {generated:.1f} s"
        )
        options = []
        if args.images:
            uploads = workdir / "uploads"
            print(f"uploads: {write_uploads(uploads, args.posts)} JPEG files")
            options = ["--uploads", str(uploads)]
        before_peak, before_rss = peak_rss_mb(), current_rss_mb()
        out = io.StringIO()
        cpu_before = cpu_seconds()
        started = time.monotonic()
        call_command(
            "import_wordpress", str(export.path), *options, "--timezone", "Asia/Almaty",
            verbosity=0 if args.quiet else 1, stdout=out,
        )  # fmt: skip
        elapsed = time.monotonic() - started
        cpu = cpu_seconds() - cpu_before
        summary = out.getvalue()
        print(summary.split("\n\nReasons:")[0])
        from news.models import ArticlePage, NewsImage

        articles = ArticlePage.objects.count()
        assert articles == args.posts, f"expected {args.posts} articles, found {articles}"
        print()
        print(f"posts imported:     {articles} ({NewsImage.objects.count()} images)")
        print(f"import time:        {elapsed:.1f} s")
        print(f"posts per second:   {articles / elapsed:.1f}")
        print(f"CPU time:           {cpu:.1f} s ({articles / cpu:.1f} posts per CPU second)")
        print(f"load average:       {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
        print(f"peak RSS:           {peak_rss_mb():.0f} MB (before the import: peak {before_peak:.0f} MB, "
              f"current {before_rss:.0f} MB; after: current {current_rss_mb():.0f} MB)")  # fmt: skip
        print(f"database:           {(workdir / 'db.sqlite3').stat().st_size / 1e6:.0f} MB")
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
