"""Sitemaps validated against the sitemaps.org and Google News XSDs; head metadata checked with extruct."""

import json
from datetime import timedelta
from pathlib import Path

import extruct
import pytest
from django.utils import timezone
from lxml import etree

from tests.factories import make_image

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "schemas"
HOSTILE = 'He said "no" & left </script><script>alert(1)</script> 🌾'


def schema(name: str) -> etree.XMLSchema:
    if not SCHEMAS.exists():
        from tests.conftest import require_or_skip

        require_or_skip(False, f"the XSDs in {SCHEMAS}")
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def assert_valid(xsd: str, content: bytes) -> etree._Element:
    document = etree.fromstring(content)
    validator = schema(xsd)
    assert validator.validate(document), validator.error_log
    return document


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def test_sitemap_validates_and_lists_absolute_urls(client, newsroom):
    article = newsroom.add_article(HOSTILE)
    root = assert_valid("sitemap.xsd", client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.iter(SM + "loc")]
    assert "http://localhost" + article.url in locations
    assert all(loc.startswith("http://localhost/") for loc in locations)
    assert all(url.find(SM + "lastmod") is not None for url in root.iter(SM + "url"))


def test_large_sitemap_becomes_an_index(client, newsroom, monkeypatch):
    from syndication.sitemaps import AllLanguagesSitemap

    monkeypatch.setattr(AllLanguagesSitemap, "limit", 3)
    for i in range(4):
        newsroom.add_article(f"Indexed {i}")
    index = assert_valid("siteindex.xsd", client.get("/sitemap.xml").content)
    parts = [loc.text for loc in index.iter(SM + "loc")]
    assert len(parts) >= 3 and all(part.startswith("http://localhost/sitemap-pages.xml?p=") for part in parts)
    assert all(s.find(SM + "lastmod") is not None for s in index.iter(SM + "sitemap"))
    seen = []
    for part in parts:
        root = assert_valid("sitemap.xsd", client.get(part.replace("http://localhost", "")).content)
        seen += [loc.text for loc in root.iter(SM + "loc")]
    assert len(seen) == len(set(seen)) and any("indexed-3" in url for url in seen)


def test_news_sitemap_has_only_the_last_two_days(client, newsroom):
    fresh = newsroom.add_article(HOSTILE)
    newsroom.add_article("Old news", published=timezone.now() - timedelta(days=3))
    newsroom.add_article("Draft news", live=False)
    root = assert_valid("news-sitemap-combined.xsd", client.get("/news-sitemap.xml").content)
    urls = root.findall(SM + "url")
    assert [u.findtext(SM + "loc") for u in urls] == ["http://localhost" + fresh.url]
    news = urls[0].find(NEWS + "news")
    assert news.findtext(f"{NEWS}title") == HOSTILE
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication/{NEWS}name")
    assert timezone.datetime.fromisoformat(news.findtext(f"{NEWS}publication_date")).tzinfo is not None


def test_robots_txt_points_at_sitemaps_and_keeps_admin_out(client, newsroom):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert (
        "Sitemap: http://localhost/sitemap.xml" in text
        and "Sitemap: http://localhost/news-sitemap.xml" in text
    )


def test_article_json_ld_and_open_graph(client, newsroom):
    article = newsroom.add_article(
        HOSTILE, authors=newsroom.authors, tags=["water"], image=make_image("Big", size=(2000, 1300))
    )
    html = client.get(article.url).content.decode()
    data = extruct.extract(
        html, base_url="http://localhost" + article.url, syntaxes=["json-ld"], uniform=True
    )
    ld = next(item for item in data["json-ld"] if item["@type"] == "NewsArticle")
    assert ld["headline"] == HOSTILE and ld["description"] == article.standfirst
    assert len(ld["image"]) == 3 and all(url.startswith("http://localhost/media/") for url in ld["image"])
    assert [a["name"] for a in ld["author"]] == ["Aida Test", "Timur Test"]
    assert ld["author"][0]["url"] == "http://localhost/en/authors/aida-test/"
    assert ld["publisher"]["@type"] == "Organization" and ld["publisher"]["logo"]["url"].endswith(".png")
    assert ld["datePublished"] and ld["dateModified"] and ld["inLanguage"] == "en"
    assert ld["mainEntityOfPage"]["@id"] == "http://localhost" + article.url
    assert ld["articleSection"] == "Politics" and ld["keywords"] == ["water"]
    og = dict(extruct.extract(html, syntaxes=["opengraph"])["opengraph"][0]["properties"])
    assert og["og:type"] == "article" and og["og:title"] == HOSTILE
    assert og["og:image"].startswith("http://localhost/media/") and og["og:image:width"] == "1200"
    assert og["og:image:height"] == "630" and og["article:section"] == "Politics"
    assert og["article:tag"] == "water" and og["article:published_time"]
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in html
    assert '<meta name="robots" content="max-image-preview:large">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    # The hostile headline cannot end the JSON-LD script early.
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(script)["headline"] == HOSTILE


def test_images_for_structured_data_are_big_enough(client, newsroom):
    article = newsroom.add_article("Images", image=make_image("Wide", size=(2400, 1350)))
    html = client.get(article.url).content.decode()
    ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    from news.models import NewsImage

    image = NewsImage.objects.get(title="Wide")
    ratios = set()
    for url in ld["image"]:
        rendition = image.renditions.get(file__endswith=url.rsplit("/", 1)[1])
        assert rendition.width >= 1200
        ratios.add(round(rendition.width / rendition.height, 2))
    assert ratios == {1.78, 1.33, 1.0}


def test_home_and_section_structured_data(client, newsroom):
    home = extruct.extract(client.get("/en/").content.decode(), syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert any(item["@type"] == "WebSite" for item in home)
    section = extruct.extract(
        client.get("/en/politics/").content.decode(), syntaxes=["json-ld"], uniform=True
    )
    types = {item["@type"] for item in section["json-ld"]}
    assert {"CollectionPage", "BreadcrumbList"} <= types
