"""export_static end to end: a newsroom exported, served by nginx from a sub-path, crawled."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from mirror.store import MANIFEST
from news.models import ArticlePage
from pagecache.nginx import nginx_binary
from tests.conftest import require_or_skip
from tests.factories import make_image, translate
from tests.mirror.crawl import crawl, fetch
from tests.mirror.nginx import run_mirror_nginx

pytestmark = pytest.mark.django_db
PREFIX = "/news-mirror/"


@pytest.fixture
def collected_static(settings, tmp_path):
    """Static files as production has them: collected, with the manifest storage's hashed names."""
    settings.STATIC_ROOT = tmp_path / "static-root"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.fixture
def bilingual_newsroom(newsroom, settings):
    """Enough for every kind of page: paginated sections, tags, authors, images, two languages."""
    settings.STEPPE_ARTICLES_PER_PAGE = 2
    aida, timur = newsroom.authors
    image = make_image("Harvest", size=(1200, 675))
    articles = [
        newsroom.add_article("Wheat harvest begins", authors=[aida], tags=["wheat"], image=image),
        newsroom.add_article("Cotton prices fall", authors=[aida, timur], tags=["cotton", "wheat"]),
        newsroom.add_article("Parliament meets", authors=[timur], tags=["parliament", "wheat"]),
        newsroom.add_article("Budget debate", "economy", authors=[aida], countries=["UZ"]),
        newsroom.add_article("Rail link opens", "economy", tags=["rail"], countries=["UZ", "KZ"]),
    ]
    translate(newsroom.home, "ru", title="Курьер")
    translate(articles[0], "ru", title="Начало жатвы", slug="nachalo-zhatvy")
    translate(articles[3], "ru", title="Бюджетные споры", slug="byudzhet")
    return newsroom


def live_articles() -> list[ArticlePage]:
    return list(ArticlePage.objects.live().public().select_related("locale"))


def mirror_url(base: str, page: Page) -> str:
    return base + page.url.lstrip("/") + "index.html"


def export(directory: Path, *args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("export_static", str(directory), *args, stdout=out, stderr=err)
    assert "missing:" not in err.getvalue(), err.getvalue()
    return out.getvalue()


def counts(summary: str) -> dict[str, int]:
    return {name: int(number) for number, name in re.findall(r"(\d+) (written|unchanged|deleted)", summary)}


def test_export_served_from_a_sub_path_has_every_article_and_no_broken_link(
    bilingual_newsroom, collected_static, tmp_path
):
    require_or_skip(nginx_binary() is not None, "nginx (apt-get install nginx)")
    directory = tmp_path / "copy"
    summary = export(directory)
    assert counts(summary)["written"] > 50 and counts(summary)["unchanged"] == 0

    with run_mirror_nginx(directory, PREFIX) as base:
        result = crawl(base + "index.html")
        assert result.broken == []
        assert result.outside == []  # no link reaches above the sub-path (no root-relative links)
        for article in live_articles():
            status, content_type, body = fetch(mirror_url(base, article))
            assert status == 200, article.url
            assert article.title.encode() in body
            assert mirror_url(base, article) in result.statuses, f"{article.url} is not linked"
        pages = set(result.statuses)
        # Pagination of sections, tags and authors; the lite copies; the second language.
        assert base + "en/politics/index.page-2.html" in pages
        assert base + "en/tags/wheat/index.page-2.html" in pages
        assert any(url.startswith(base + "en/authors/") and "page-2" in url for url in pages)
        assert base + "en/politics/index.lite-1.html" in pages
        assert base + "ru/index.html" in pages
        # Static files under the manifest storage's hashed names, images and their renditions.
        css = [url for url in pages if re.search(r"/static/css/site\.[0-9a-f]{12}\.css$", url)]
        assert (
            len(css) == 1
            and result.bodies[css[0]] == (collected_static / css[0].split("/static/")[1]).read_bytes()
        )
        assert any("/media/images/" in url for url in pages)
        home = result.bodies[base + "en/index.html"].decode()
        assert "<form" not in home  # the search cannot work from static files
        assert "/_util/" not in result.bodies[mirror_url(base, live_articles()[0])].decode()
        # Feeds, sitemaps and robots.txt are there; the export's bookkeeping is not served.
        for name in (
            "robots.txt",
            "sitemap.xml",
            "news-sitemap.xml",
            "en/feeds/rss.xml",
            "ru/feeds/atom.xml",
        ):
            assert fetch(base + name)[0] == 200, name
        assert fetch(base + MANIFEST)[0] == 404

        # Again with nothing changed: nothing written.
        assert counts(export(directory)) == {
            "written": 0,
            "unchanged": counts(summary)["written"],
            "deleted": 0,
        }

        # An article unpublished, another published: its page goes, the new one comes.
        gone = ArticlePage.objects.get(title="Parliament meets")
        gone_file = directory / gone.url.lstrip("/") / "index.html"
        assert gone_file.exists()
        gone.unpublish()
        new = bilingual_newsroom.add_article("Water talks resume", tags=["water"])
        changed = counts(export(directory))
        assert changed["deleted"] >= 1 and 0 < changed["written"] < counts(summary)["written"]
        assert not gone_file.exists()
        assert b"Water talks resume" in fetch(mirror_url(base, new))[2]
        again = crawl(base + "index.html")
        assert again.broken == [] and again.outside == []
        assert mirror_url(base, gone) not in again.statuses


def test_feeds_and_sitemaps_name_the_mirror_with_a_base_url(newsroom, tmp_path):
    article = newsroom.add_article("Dam repairs finished", image=make_image("Dam", size=(800, 450)))
    translate(newsroom.home, "ru", title="Курьер")  # every configured language has its home page
    export(tmp_path / "canonical", "--no-lite")
    canonical = (tmp_path / "canonical/en/feeds/rss.xml").read_text()
    assert f"<link>http://localhost{article.url}</link>" in canonical  # exactly what the site serves

    export(tmp_path / "mirror", "--no-lite", "--base-url", "https://mirror.example.net/courier/")
    feed = (tmp_path / "mirror/en/feeds/rss.xml").read_text()
    assert f"<link>https://mirror.example.net/courier{article.url}index.html</link>" in feed
    assert f"tag:localhost,2025:article:{article.pk}" in feed  # the same guid as the site's feed
    enclosure = re.search(r'<enclosure[^>]* url="([^"]+)"', feed).group(1)
    assert enclosure.startswith("https://mirror.example.net/courier/media/images/")
    assert (tmp_path / "mirror" / enclosure.removeprefix("https://mirror.example.net/courier/")).is_file()
    sitemap = (tmp_path / "mirror/sitemap.xml").read_text()
    assert f"<loc>https://mirror.example.net/courier{article.url}index.html</loc>" in sitemap
    robots = (tmp_path / "mirror/robots.txt").read_text()
    assert "Sitemap: https://mirror.example.net/courier/sitemap.xml" in robots
    # The pages' canonical links still name the original site.
    page = (tmp_path / "mirror" / article.url.lstrip("/") / "index.html").read_text()
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in page


def test_bad_input_is_a_clear_error(newsroom, tmp_path):
    with pytest.raises(CommandError, match="--base-url must be an http"):
        call_command("export_static", str(tmp_path / "x"), "--base-url", "mirror.example.net")
    (tmp_path / "a-file").write_text("")
    with pytest.raises(CommandError, match="not a directory"):
        call_command("export_static", str(tmp_path / "a-file"))


def test_a_page_that_fails_keeps_its_previous_copy(newsroom, tmp_path, monkeypatch):
    article = newsroom.add_article("Steady story")
    translate(newsroom.home, "ru", title="Курьер")
    export(tmp_path, "--no-lite")
    copy = tmp_path / article.url.lstrip("/") / "index.html"
    before = copy.read_bytes()

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("template bug")

    monkeypatch.setattr(ArticlePage, "serve", broken)
    newsroom.add_article("Another story")  # a new version: nothing comes from the page cache
    with pytest.raises(CommandError, match="pages failed"):
        call_command("export_static", str(tmp_path), "--no-lite", stdout=StringIO(), stderr=StringIO())
    assert copy.read_bytes() == before
