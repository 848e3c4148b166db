"""`make bench` pages: how fast steppe serves an article and the home page, cached and uncached.

Generates a corpus (1,000 then 100,000 articles; PostgreSQL when DATABASE_URL points at it, else
SQLite in a temporary var dir) with bulk inserts, starts the production server (granian, 2 workers)
and the shipped nginx config, and loads them with wrk on loopback. Prints one table; every ratio is
to nginx serving a saved copy of the same HTML as a static file, measured in the same run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
GRANIAN = str(Path(sys.executable).with_name("granian"))
HOST = "localhost"  # the bench site's hostname (Wagtail's default site): purges carry it


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- environment -------------------------------------------------------------------------------


def prepare_environment(var_dir: Path) -> dict[str, str]:
    """Settings for this process and the servers; call before django.setup()."""
    env = {}
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path="/steppe_bench"))
        admin = urlunsplit(parts._replace(path="/postgres"))
        import psycopg

        with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS steppe_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE steppe_bench")
    else:
        env["DATABASE_URL"] = f"sqlite:///{var_dir / 'db.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="steppe.settings",
        STEPPE_VAR_DIR=str(var_dir),
        STEPPE_CACHE_PREFIX=f"bench{uuid.uuid4().hex[:8]}",
        # Purges go out at once (in production the task worker sends them).
        STEPPE_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    )
    for key in ("DJANGO_DEBUG", "STEPPE_PRODUCTION", "STEPPE_PAGE_CACHE", "STEPPE_PURGE_URL"):
        os.environ.pop(key, None)
    os.environ.update(env)
    return env


# --- corpus --------------------------------------------------------------------------------------

PARAGRAPH = (
    "Officials in the region said on Tuesday that the new measures would take effect next month, "
    "after weeks of talks between ministries, regional governors and business associations. "
    "Analysts expect the decision to affect prices, trade across the border and the budget. "
)


def create_site():
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from tests.factories import create_newsroom

    return create_newsroom()


def add_articles(room, start: int, count: int) -> None:
    """Bulk-insert valid article pages (tree paths computed here, no revisions)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from news.models import ArticleAuthor, ArticlePage, SectionPage

    content_type = ContentType.objects.get_for_model(ArticlePage)
    sections = [room.sections[s] for s in ("kazakhstan", "uzbekistan", "politics", "economy")]
    countries = {"kazakhstan": ",KZ,", "uzbekistan": ",UZ,", "politics": ",KZ,", "economy": ",UZ,"}
    now = timezone.now()
    body = json.dumps([{"type": "paragraph", "value": f"<p>{PARAGRAPH * 3}</p>", "id": str(uuid.uuid4())}
                       for _ in range(6)])  # fmt: skip
    numchild = {s.pk: SectionPage.objects.get(pk=s.pk).numchild for s in sections}
    batch = 5000
    for offset in range(start, start + count, batch):
        pages, extra = [], []
        for n in range(offset, min(offset + batch, start + count)):
            section = sections[n % len(sections)]
            numchild[section.pk] += 1
            title = f"Story number {n}: the region weighs new measures"
            slug = f"story-{n}"
            published = now - timedelta(minutes=(start + count - n) * 7)
            pages.append(Page(
                path=Page._get_path(section.path, section.depth + 1, numchild[section.pk]),
                depth=section.depth + 1, numchild=0, title=title, draft_title=title, slug=slug,
                content_type=content_type, live=True, has_unpublished_changes=False,
                url_path=f"{section.url_path}{slug}/", seo_title="", search_description="",
                show_in_menus=False, locale_id=section.locale_id, translation_key=uuid.uuid4(),
                first_published_at=published, last_published_at=published,
            ))  # fmt: skip
            extra.append((f"Standfirst of story {n}: what changes and for whom.", published,
                          countries[section.slug], n % 50 == 0))  # fmt: skip
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "id"))
            table = ArticlePage._meta.db_table
            rows = [(ids[p.path], standfirst, published, None, None, "", "", body, codes, featured)
                    for p, (standfirst, published, codes, featured) in zip(pages, extra, strict=True)]  # fmt: skip
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} (page_ptr_id, standfirst, date_published, date_updated, "
                    "lead_image_id, lead_image_caption, lead_image_credit, body, countries, featured) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(page_id=ids[p.path], author=room.authors[i % 2], sort_order=0)
                for i, p in enumerate(pages)
            )
    for section in sections:
        Page.objects.filter(pk=section.pk).update(numchild=numchild[section.pk])


def settle(article) -> None:
    """What a running site has that bulk inserts skip: planner statistics (autovacuum's ANALYZE)
    and the article's stored suggestion list (the task worker computes it on publish; without it
    the interim ranking query ranks the whole archive, 0.8 s at 100,000 articles on PostgreSQL)."""
    from django.db import connection

    from discovery.engine import store
    from news.models import ArticlePage

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    others = ArticlePage.objects.filter(locale_id=article.locale_id).exclude(pk=article.pk)
    store({article.pk: list(others.order_by("-date_published").values_list("pk", flat=True)[:4])})


def count_queries(url: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    with override_settings(STEPPE_PAGE_CACHE=False):
        client = Client()
        client.get(url)  # warm fragment caches as a server would be
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return len(queries)


# --- servers -------------------------------------------------------------------------------------


@contextmanager
def app_server(env: dict[str, str], var_dir: Path, **extra: str):
    from pagecache.nginx import free_port, stop_processes, wait_for_port

    port = free_port()
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("STEPPE_", "REDIS_", "DATABASE_"))}
    child_env.update(env, PYTHONUNBUFFERED="1")
    child_env.pop("REDIS_URL", None)
    child_env.update(extra)
    log_file = open(var_dir / f"granian-{port}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
         "--no-ws", "--log-level", "warning", "--backlog", "2048", "steppe.wsgi:application"],
        cwd=BASE_DIR, env=child_env, stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=60, process=process)
        yield f"127.0.0.1:{port}"
    finally:
        stop_processes(process)
        log_file.close()


def fetch(url: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- load ----------------------------------------------------------------------------------------


def wrk(url: str, seconds: float, connections: int) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "10s",
               "-H", f"Host: {HOST}", url]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    out = done.stdout
    if "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed: {done.stdout}{done.stderr}")

    def ms(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "errors": errors, "requests": total}


def warm(url: str, times: int = 3) -> dict:
    headers = {}
    for _ in range(times):
        status, headers, _body = fetch(url)
        assert status == 200, (url, status)
    return headers


def check_hit(headers: dict, name: str) -> None:
    if {k.lower(): v for k, v in headers.items()}.get(name.lower()) != "HIT":
        log(f"warning: {name} is {headers.get(name)!r} after warming: {headers}")


# --- the run -------------------------------------------------------------------------------------


def run(quick: bool = False, sizes: tuple[int, int] | None = None, seconds: float | None = None) -> str:
    small, large = sizes or ((1000, 10_000) if quick else (1000, 100_000))
    seconds = seconds or (3 if quick else 10)
    connections = 64
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: apt-get install wrk nginx libnginx-mod-http-cache-purge")
    var_dir = Path(tempfile.mkdtemp(prefix="steppe-bench-"))
    redis_url = os.environ.get("REDIS_URL", "")
    env = prepare_environment(var_dir)
    from pagecache.nginx import free_port, run_nginx

    nginx_port, static_port = free_port(), free_port()
    # This process publishes (like an editor's request): it purges the shipped nginx.
    os.environ["STEPPE_PURGE_URL"] = f"http://127.0.0.1:{nginx_port}"
    if redis_url:
        os.environ["REDIS_URL"] = redis_url  # this process publishes, and bumps the version there
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    import logging

    logging.getLogger("django_tasks").setLevel(logging.WARNING)
    logging.getLogger("wagtail.frontendcache").setLevel(logging.CRITICAL)  # nginx is not up yet
    from django.core.management import call_command
    from django.db import connection

    engine = connection.vendor
    results: list[tuple[str, str, dict | None, str]] = []  # (what, page, wrk result, note)
    facts: dict[str, str] = {}
    try:
        log(f"corpus: {engine} in {var_dir}")
        started = time.monotonic()
        room = create_site()
        call_command("collectstatic", "--noinput", verbosity=0)
        add_articles(room, 0, small)
        facts[f"generate {small:,} articles"] = (
            f"{time.monotonic() - started:.1f} s (incl. migrate, collectstatic)"
        )
        from news.models import ArticlePage

        article = ArticlePage.objects.get(slug=f"story-{small // 2}")
        article_path, home_path = article.url, room.home.url
        settle(article)
        queries = {"article": count_queries(article_path), "home": count_queries(home_path)}
        pages = {"article": article_path, "home": home_path}
        static_dir = var_dir / "saved"
        static_dir.mkdir()

        def measure(label: str, base: str, size_note: str = "", conns: int = connections) -> None:
            for name, path in pages.items():
                warm(f"http://{base}{path}", times=10)
                result = wrk(f"http://{base}{path}", seconds, conns)
                results.append((label, name, result, size_note))
                log(f"{label} {name}: {result}")

        # Uncached at the small size.
        with app_server(env, var_dir, STEPPE_PAGE_CACHE="0", STEPPE_CACHE_PREFIX="u1" + env["STEPPE_CACHE_PREFIX"],
                        **({"REDIS_URL": redis_url} if redis_url else {})) as base:  # fmt: skip
            for name, path in pages.items():
                (static_dir / f"{name}.html").write_bytes(fetch(f"http://{base}{path}")[2])
            measure("uncached (page cache off)", base, f"{small:,} articles")
        # App-cache hits: file cache, then Redis.
        with app_server(env, var_dir, STEPPE_CACHE_PREFIX="f" + env["STEPPE_CACHE_PREFIX"]) as base:
            check_hit(warm(f"http://{base}{article_path}"), "X-Cache")
            measure("app cache hit, file cache", base)
        static_server = f"""
    server {{
        listen 127.0.0.1:{static_port};
        root {static_dir};
        default_type text/html;
        location / {{ try_files $uri =404; }}
    }}"""
        app_env = {"REDIS_URL": redis_url} if redis_url else {}
        app_env["STEPPE_PURGE_URL"] = f"http://127.0.0.1:{nginx_port}"
        with app_server(env, var_dir, **app_env) as base:
            if redis_url:
                measure("app cache hit, Redis", base)
            with run_nginx(base, var_dir, workers=2, extra_http=static_server, port=nginx_port) as nginx:
                check_hit(warm(f"http://127.0.0.1:{nginx.port}{article_path}"), "X-Cache-Status")
                measure("through the shipped nginx", f"127.0.0.1:{nginx.port}")
                static = {}
                for name in pages:
                    result = wrk(f"http://127.0.0.1:{static_port}/{name}.html", seconds, connections)
                    static[name] = result
                    results.append(("static file (nginx) = 1.0", name, result, "baseline"))
                    log(f"static {name}: {result}")
                # 256 connections: through nginx and straight at the app cache.
                for label, base_url in (("256 connections, nginx", f"127.0.0.1:{nginx.port}"),
                                        ("256 connections, app cache", base)):  # fmt: skip
                    result = wrk(f"http://{base_url}{article_path}", seconds, 256)
                    results.append((label, "article", result, "error check"))
                    log(f"{label}: {result}")
                logging.getLogger("wagtail.frontendcache").setLevel(logging.WARNING)
                facts.update(publish_latency(room, base, nginx.port, bool(redis_url)))
        # The large corpus: the same article, uncached.
        started = time.monotonic()
        add_articles(room, small, large - small)
        settle(article)
        facts[f"add {large - small:,} articles"] = f"{time.monotonic() - started:.1f} s"
        queries_large = {"article": count_queries(article_path), "home": count_queries(home_path)}
        with app_server(env, var_dir, STEPPE_PAGE_CACHE="0", STEPPE_CACHE_PREFIX="u2" + env["STEPPE_CACHE_PREFIX"],
                        **({"REDIS_URL": redis_url} if redis_url else {})) as base:  # fmt: skip
            measure("uncached (page cache off)", base, f"{large:,} articles")
        return report(
            results, static, queries, queries_large, facts, small, large, engine, redis_url, seconds
        )
    finally:
        connection.close()
        shutil.rmtree(var_dir, ignore_errors=True)
        if engine == "postgresql":
            url = urlsplit(os.environ["DATABASE_URL"])
            import psycopg

            admin = urlunsplit(url._replace(path="/postgres", scheme="postgresql"))
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS steppe_bench WITH (FORCE)")


def publish_latency(room, app: str, nginx_port: int, redis: bool) -> dict[str, str]:
    """Publish a new article here (like an editor's request would) and poll the cached home page."""
    from tests.factories import create_article

    home = room.home.url
    targets = {
        "app cache": f"http://{app}{home}",
        "shipped nginx (purge)": f"http://127.0.0.1:{nginx_port}{home}",
    }
    for url in targets.values():
        warm(url)
    title = f"Breaking {uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    create_article(room.sections["politics"], title)
    published = time.monotonic()
    seen: dict[str, float] = {}
    while len(seen) < len(targets) and time.monotonic() - published < 10:
        for name, url in targets.items():
            if name not in seen and title.encode() in fetch(url)[2]:
                seen[name] = time.monotonic() - published
        time.sleep(0.01)
    cache = "Redis" if redis else "file cache"
    facts = {"publish call (revision, purge requests)": f"{(published - started) * 1000:.0f} ms"}
    for name in targets:
        facts[f"publish → on home page via {name if name != 'app cache' else f'app cache ({cache})'}"] = (
            f"{seen[name] * 1000:.0f} ms" if name in seen else "not within 10 s"
        )
    return facts


def report(results, static, queries, queries_large, facts, small, large, engine, redis_url, seconds) -> str:
    lines = [
        f"steppe page benchmark: {engine}, {'Redis' if redis_url else 'no Redis'}, granian 2 workers, "
        f"wrk -t2 -c64 {seconds:g} s per row, loopback, {os.cpu_count()} CPUs",
        "",
        f"{'':38} {'page':8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'× static':>9}  note",
    ]
    for label, name, result, note in results:
        ratio = result["rps"] / static[name]["rps"] if static.get(name) else float("nan")
        lines.append(
            f"{label:38} {name:8} {result['rps']:9.0f} {result['p50']:8.2f} {result['p99']:8.2f} "
            f"{result['errors']:7d} {ratio:9.4f}  {note}"
        )
    uncached = {(n, note): r["rps"] for label, n, r, note in results if label.startswith("uncached")}
    lines.append("")
    for name in ("article", "home"):
        a, b = uncached.get((name, f"{large:,} articles")), uncached.get((name, f"{small:,} articles"))
        if a and b:
            lines.append(f"uncached {name} at {large:,} vs {small:,} articles: {a / b:.2f}")
    for name in ("article", "home"):
        lines.append(
            f"SQL queries per uncached {name}: {queries[name]} at {small:,}, {queries_large[name]} at {large:,}"
        )
    for key, value in facts.items():
        lines.append(f"{key}: {value}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 articles, 3 s per row")
    parser.add_argument("--sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"))
    parser.add_argument("--seconds", type=float, help="wrk duration per row")
    args = parser.parse_args(argv)
    print(run(quick=args.quick, sizes=tuple(args.sizes) if args.sizes else None, seconds=args.seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
