"""Hostile input against every public endpoint: junk query strings, invalid UTF-8, absurd page
numbers and path tricks must be answered with 2xx/3xx/4xx, never a 5xx.

Bounded and deterministic (derandomized hypothesis, a fixed number of examples per endpoint);
the totals are printed at the end of the run (`-s` shows them) and kept in FUZZ_TOTALS.
"""

from __future__ import annotations

import time
from collections import Counter
from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ_TOTALS: Counter = Counter()
FAILURES: list[str] = []
TIMES: Counter = Counter()
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

PARAM_NAMES = ["page", "p", "q", "amount", "from", "to", "currency", "source", "date", "date_from",
               "date_to", "country", "section", "order", "language", "lang", "format", "callback",
               "utm_source", "", "page[]", "__proto__"]  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        [
            "0",
            "-1",
            "1e309",
            "NaN",
            "inf",
            "-0",
            "0x10",
            "1_000",
            "٣",
            "１２",
            "9" * 400,
            "1.5",
            "1,5",
            "",
            " ",
            "2026-13-45",
            "0000-00-00",
            "9999-12-31",
        ]
    ),  # fmt: skip
)
RAW_BYTES = st.binary(min_size=0, max_size=60).map(lambda b: quote_from_bytes(b, safe=""))
TEXT = st.text(min_size=0, max_size=80).map(lambda t: quote(t.encode("utf-8", "surrogatepass"), safe=""))
JUNK = st.sampled_from(["%", "%%", "%zz", "%c0%af", "%ed%a0%80", "%ff%fe", "%00", "\\", "'\"><svg>",
                        "{{7*7}}", "${jndi:x}", "' OR 1=1--", "../../etc/passwd", "A" * 5000])  # fmt: skip
VALUE = st.one_of(NUMBERS.map(lambda v: quote(v, safe="")), RAW_BYTES, TEXT, JUNK)
PAIR = st.tuples(st.sampled_from(PARAM_NAMES) | RAW_BYTES, VALUE).map(lambda kv: f"{kv[0]}={kv[1]}")
QUERY = st.one_of(
    st.lists(PAIR, max_size=6).map("&".join),
    st.integers(200, 2000).map(lambda n: "&".join(f"k{i}=%ff{i}" for i in range(n))),  # many parameters
    RAW_BYTES,
    st.sampled_from(["&&&", "=", "==&=", "page", "page=", "page=1&page=2&page=-3", "q=" + "x" * 20000]),
)
SEGMENT = st.one_of(
    st.sampled_from(
        [
            "..",
            "%2e%2e",
            "%2E%2E%2F",
            ".",
            "",
            "%00",
            "%2f",
            "%5c",
            "~",
            "%ff",
            "%c0%ae",
            "index.php",
            ".env",
            "wp-admin",
            "a" * 300,
            "%e2%80%ae",
            "page",
            "2",
        ]
    ),  # fmt: skip
    RAW_BYTES,
    TEXT,
)
SUFFIX = st.lists(SEGMENT, max_size=4).map("/".join)


@pytest.fixture
def world(newsroom):
    for index in range(3):
        newsroom.add_article(f"Fuzz article {index}", tags=["trade"], authors=newsroom.authors[:1])
    call_command("fx_load_recorded", verbosity=0)
    return newsroom


def check(client: Client, endpoint: str, path: str, query: str = "") -> None:
    # WSGI gives the query string as latin-1 text: junk arrives percent-encoded or as raw bytes.
    query = query.encode("utf-8", "surrogatepass").decode("latin-1")
    started = time.perf_counter()
    response = client.get(path, QUERY_STRING=query)
    TIMES[endpoint] += time.perf_counter() - started
    FUZZ_TOTALS[endpoint, "tried"] += 1
    if response.status_code >= 500:
        FUZZ_TOTALS[endpoint, "5xx"] += 1
        FAILURES.append(f"{response.status_code} {path}?{query[:200]}")


def fuzz_queries(client: Client, endpoint: str, path: str, examples: int) -> None:
    @settings(FUZZ, max_examples=examples)
    @given(query=QUERY)
    def run(query: str) -> None:
        check(client, endpoint, path, query)

    run()


def fuzz_paths(client: Client, endpoint: str, prefix: str, examples: int) -> None:
    @settings(FUZZ, max_examples=examples)
    @given(suffix=SUFFIX, query=st.one_of(st.just(""), QUERY))
    def run(suffix: str, query: str) -> None:
        check(client, endpoint, prefix + suffix, query)

    run()


def report() -> str:
    endpoints = sorted({name for name, _kind in FUZZ_TOTALS})
    lines = [
        f"{name}: {FUZZ_TOTALS[name, 'tried']} tried, {FUZZ_TOTALS[name, '5xx']} 5xx ({TIMES[name]:.1f} s)"
        for name in endpoints
    ]
    tried = sum(FUZZ_TOTALS[name, "tried"] for name in endpoints)
    errors = sum(FUZZ_TOTALS[name, "5xx"] for name in endpoints)
    return "\n".join(["fuzz totals:", *lines, f"TOTAL: {tried} inputs tried, {errors} gave 5xx"])


@pytest.fixture
def fuzz_client():
    FAILURES.clear()
    return Client(raise_request_exception=False)


def test_fuzz_public_pages_and_feeds(fuzz_client, world):
    article = world.articles[0]
    author = world.authors[0].slug
    query_targets = {
        "home": ("/en/", 40),
        "section pagination": ("/en/politics/", 80),
        "article": (article.url, 40),
        "author route": (f"/en/authors/{author}/", 60),
        "tag route": ("/en/tags/trade/", 60),
        "rss": ("/en/feeds/rss.xml", 40),
        "atom": ("/en/feeds/atom.xml", 40),
        "sitemap": ("/sitemap.xml", 60),
        "news sitemap": ("/news-sitemap.xml", 40),
        "robots": ("/robots.txt", 30),
        "view beacon": (f"/_util/hit/{article.pk}.gif", 30),
    }
    for endpoint, (path, examples) in query_targets.items():
        fuzz_queries(fuzz_client, endpoint, path, examples)
    path_targets = {
        "paths /en/": ("/en/", 100),
        "paths author": ("/en/authors/", 50),
        "paths tag": ("/en/tags/", 50),
        "paths feeds": ("/en/feeds/", 80),
        "paths sitemap-": ("/sitemap-", 40),
        "paths root": ("/", 80),
        "paths media/static": ("/media/", 40),
    }
    for endpoint, (prefix, examples) in path_targets.items():
        fuzz_paths(fuzz_client, endpoint, prefix, examples)
    print("\n" + report())
    assert not FAILURES, "\n".join(FAILURES[:20])


def test_fuzz_fx_page_api_and_search(fuzz_client, world):
    targets = {
        "fx page/converter": ("/en/fx/", 100),
        "fx api latest": ("/api/fx/latest", 80),
        "fx api history": ("/api/fx/history", 120),
        "search": ("/en/search/", 120),
    }
    for endpoint, (path, examples) in targets.items():
        fuzz_queries(fuzz_client, endpoint, path, examples)
    # Well-formed converter and history requests with absurd values.
    amounts = st.one_of(NUMBERS, TEXT, JUNK)
    codes = st.one_of(st.sampled_from(["USD", "KZT", "RUB", "usd", "XXX", "", "US", "USDD"]), TEXT)

    @settings(FUZZ, max_examples=120)
    @given(amount=amounts, source=codes, target=codes, day=NUMBERS)
    def converter(amount, source, target, day):
        amount, source, target, day = (quote(v, safe="") for v in (amount, source, target, day))
        check(fuzz_client, "fx converter fields", "/en/fx/", f"amount={amount}&from={source}&to={target}")
        check(fuzz_client, "fx api fields", "/api/fx/history",
              f"currency={source}&from={day}&to={day}&source={target}")  # fmt: skip

    converter()
    print("\n" + report())
    assert not FAILURES, "\n".join(FAILURES[:20])
