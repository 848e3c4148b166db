"""Where each URL goes in the copy, and the links between copied files."""

import pytest

from mirror.paths import ALL_VARIANTS, Target, file_for, relative_link, target_for


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", "", "index.html"),
        ("/en/", "", "en/index.html"),
        ("/en/news/foo/", "", "en/news/foo/index.html"),
        ("/en/politics/", "page=2", "en/politics/index.page-2.html"),
        ("/en/politics/", "page=1", "en/politics/index.html"),  # page 1 is the page itself
        ("/en/politics/", "lite=1&page=3", "en/politics/index.lite-1.page-3.html"),
        ("/en/politics/", "page=3&lite=1", "en/politics/index.lite-1.page-3.html"),  # one name per page
        ("/uz/", "script=cyrl", "uz/index.script-cyrl.html"),
        ("/uz/", "script=latn", "uz/index.html"),  # Latin is the default
        ("/en/", "script=cyrl", "en/index.html"),  # only Uzbek pages have a second script
        ("/en/", "lite=0", "en/index.html"),
        ("/en/feeds/rss.xml", "", "en/feeds/rss.xml"),
        ("/sitemap-pages.xml", "p=2", "sitemap-pages.p-2.xml"),
        ("/static/css/site.4492aee2cc0e.css", "", "static/css/site.4492aee2cc0e.css"),
        ("/en/about", "", "en/about/index.html"),
        ("/ru/%D0%BF%D0%BE%D0%BB%D0%B8%D1%82%D0%B8%D0%BA%D0%B0/", "", "ru/политика/index.html"),
    ],
)
def test_file_names(path, query, expected):
    assert target_for(path, query).file == expected


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/en/search/", "q=water"),  # a query a static file cannot answer
        ("/api/fx/history", "currency=KZT"),
        ("/en/politics/", "page=two"),
        ("/en/../etc/passwd", ""),
        ("/en/%2e%2e/secret/", ""),
        ("/en/a\x00b/", ""),
    ],
)
def test_urls_a_static_copy_cannot_hold(path, query):
    assert target_for(path, query) is None


def test_variants_left_out_give_the_plain_page():
    only_cyrillic = frozenset(ALL_VARIANTS - {"lite"})
    assert target_for("/uz/", "lite=1&script=cyrl", only_cyrillic).file == "uz/index.script-cyrl.html"
    assert target_for("/uz/", "lite=1&script=cyrl", frozenset()).file == "uz/index.html"


def test_request_url_is_encoded_and_keeps_the_variant():
    target = target_for("/ru/политика/", "page=2&lite=1")
    assert target.url == "/ru/%D0%BF%D0%BE%D0%BB%D0%B8%D1%82%D0%B8%D0%BA%D0%B0/?lite=1&page=2"
    assert target == Target("/ru/политика/", (("lite", "1"), ("page", "2")))


@pytest.mark.parametrize(
    ("source", "target", "fragment", "expected"),
    [
        ("en/politics/foo/index.html", "en/tags/water/index.html", "", "../../tags/water/index.html"),
        ("en/politics/foo/index.html", "en/politics/foo/index.lite-1.html", "", "index.lite-1.html"),
        ("index.html", "en/index.html", "", "en/index.html"),
        ("en/index.html", "static/css/site.css", "", "../static/css/site.css"),
        ("en/fx/index.html", "en/fx/index.html", "rate-KZT", "index.html#rate-KZT"),
        (
            "ru/index.html",
            "ru/политика/index.html",
            "",
            "%D0%BF%D0%BE%D0%BB%D0%B8%D1%82%D0%B8%D0%BA%D0%B0/index.html",
        ),
        ("en/index.html", "en/a b:c/index.html", "", "a%20b%3Ac/index.html"),  # ':' would read as a scheme
    ],
)
def test_relative_links(source, target, fragment, expected):
    assert relative_link(source, target, fragment) == expected


def test_unsafe_file_paths():
    assert file_for("relative/") is None
    assert file_for("/a\\b/") is None
