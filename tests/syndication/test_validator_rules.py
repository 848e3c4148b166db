"""Rules third-party validators apply: the W3C Feed Validation Service, the RSS Advisory Board's
profile, RFC 4287, sitemaps.org and Google's News sitemap and structured data rules."""

import io
import json
import re

import feedparser
import pytest
from django.core.files.images import ImageFile
from lxml import etree
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Site

from news.models import HomePage, NewsImage, SectionPage
from tests.factories import create_article, make_image

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def xml(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


def json_ld(client, url: str) -> list[dict]:
    html = client.get(url).content.decode()
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


# -- RSS ---------------------------------------------------------------------------------------


def test_rss_self_link_is_typed_and_on_the_sites_origin(client, newsroom):
    newsroom.add_article("Self link")
    for path in ("/en/feeds/rss.xml", "/en/feeds/section/politics/rss.xml"):
        channel = xml(client, path).find("channel")
        self_links = channel.findall(ATOM + "link")
        assert len(self_links) == 1
        assert self_links[0].get("rel") == "self" and self_links[0].get("type") == "application/rss+xml"
        # The test client's Host is "testserver"; the Wagtail site (and every item link) is localhost.
        assert self_links[0].get("href") == "http://localhost" + path
        expected_link = "http://localhost/en/politics/" if "section" in path else "http://localhost/en/"
        assert channel.findtext("link") == expected_link
        assert channel.findtext("item/link").startswith("http://localhost/")


def test_rss_has_one_dc_creator_per_byline_author(client, newsroom):
    newsroom.add_article("Two bylines", authors=newsroom.authors)
    item = xml(client, "/en/feeds/rss.xml").find("channel/item")
    assert [creator.text for creator in item.findall(DC + "creator")] == ["Aida Test", "Timur Test"]
    assert item.find("author") is None  # RSS <author> must be an e-mail address


def test_plain_text_standfirst_reaches_readers_as_text(client, newsroom):
    standfirst = "Why <b> tags & &amp; entities are text here"
    article = newsroom.add_article("Markup in standfirst")
    article.standfirst = standfirst
    article.save_revision().publish()
    rss = xml(client, "/en/feeds/rss.xml").find("channel/item/description").text
    # <description> is HTML: the text's "<" and "&" arrive escaped once more.
    assert rss == "Why &lt;b&gt; tags &amp; &amp;amp; entities are text here"
    atom = xml(client, "/en/feeds/atom.xml").find(f"{ATOM}entry/{ATOM}summary")
    assert atom.get("type") == "html" and atom.text == rss
    assert feedparser.parse(client.get("/en/feeds/atom.xml").content).entries[0].summary == rss


def png_image() -> NewsImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (10, 200, 30)).save(buffer, "PNG")
    image = NewsImage(title="PNG lead", credit="Agency", file=ImageFile(buffer, name="lead.png"))
    image.save()
    return image


def test_enclosure_and_media_type_follow_the_image_format(client, newsroom):
    newsroom.add_article("PNG lead", image=png_image())
    item = xml(client, "/en/feeds/rss.xml").find("channel/item")
    enclosure = item.find("enclosure")
    assert enclosure.get("url").endswith(".png") and enclosure.get("type") == "image/png"
    assert item.find(MEDIA + "content").get("type") == "image/png"
    entry = xml(client, "/en/feeds/atom.xml").find(ATOM + "entry")
    assert entry.find(ATOM + "link[@rel='enclosure']").get("type") == "image/png"


def test_control_characters_do_not_break_feeds_or_the_news_sitemap(client, newsroom):
    from django.db import connection

    # PostgreSQL refuses NUL in text columns outright (and Django's forms refuse it before that).
    nul = "\x00" if connection.vendor != "postgresql" else ""
    newsroom.add_article(f"Pasted\x0bfrom\x0cWord{nul}", authors=newsroom.authors)
    for url in ("/en/feeds/rss.xml", "/en/feeds/atom.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        titles = [t.text for t in etree.fromstring(response.content).iter("title", ATOM + "title")]
        assert "PastedfromWord" in titles
    news = xml(client, "/news-sitemap.xml")
    assert news.findtext(f"{SM}url/{NEWS}news/{NEWS}title") == "PastedfromWord"


# -- Atom --------------------------------------------------------------------------------------


def test_atom_feed_ids_are_tag_uris_that_survive_renames(client, newsroom):
    assert xml(client, "/en/feeds/atom.xml").findtext(ATOM + "id") == "tag:localhost,2025:feed:en:site"
    newsroom.add_article("In economy", section="economy")
    before = xml(client, "/en/feeds/section/economy/atom.xml").findtext(ATOM + "id")
    assert before.startswith("tag:localhost,2025:feed:en:section:")
    section = newsroom.sections["economy"]
    section.slug = "business"
    section.save_revision().publish()
    assert xml(client, "/en/feeds/section/business/atom.xml").findtext(ATOM + "id") == before
    alternate = xml(client, "/en/feeds/atom.xml").find(ATOM + "link[@rel='alternate']")
    assert alternate.get("href") == "http://localhost/en/"


def test_atom_has_one_author_per_byline_with_their_page(client, newsroom):
    newsroom.add_article("Two bylines", authors=newsroom.authors)
    newsroom.add_article("No byline")
    root = xml(client, "/en/feeds/atom.xml")
    assert root.findtext(f"{ATOM}author/{ATOM}name")  # stands in for entries without a byline
    entries = {entry.findtext(ATOM + "title"): entry for entry in root.findall(ATOM + "entry")}
    authors = [
        (author.findtext(ATOM + "name"), author.findtext(ATOM + "uri"))
        for author in entries["Two bylines"].findall(ATOM + "author")
    ]
    assert authors == [
        ("Aida Test", "http://localhost/en/authors/aida-test/"),
        ("Timur Test", "http://localhost/en/authors/timur-test/"),
    ]
    assert entries["No byline"].find(ATOM + "author") is None


# -- News sitemap ------------------------------------------------------------------------------


def test_news_sitemap_lists_only_this_sites_articles(client, newsroom):
    ours = newsroom.add_article("Ours")
    locale = Locale.objects.get(language_code="en")
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Other paper", slug="other-home", locale=locale)
    )
    other_home.save_revision().publish()
    Site.objects.create(hostname="other.example", port=80, root_page=other_home, site_name="Other")
    section = other_home.add_child(instance=SectionPage(title="World", slug="world"))
    section.save_revision().publish()
    create_article(section, "Theirs")
    root = xml(client, "/news-sitemap.xml")
    assert [loc.text for loc in root.iter(SM + "loc")] == [ours.get_full_url()]
    assert ours.get_full_url() == "http://localhost/en/politics/ours/"


# -- Structured data ---------------------------------------------------------------------------


def test_home_website_has_a_search_action_on_the_search_page(client, newsroom):
    website = next(block for block in json_ld(client, "/en/") if block["@type"] == "WebSite")
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == "http://localhost/en/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert (
        client.get(template.replace("http://localhost", "").format(search_term_string="wheat")).status_code
        == 200
    )


def test_article_has_breadcrumbs_home_section_article(client, newsroom):
    article = newsroom.add_article("Breadcrumbed")
    crumbs = next(block for block in json_ld(client, article.url) if block["@type"] == "BreadcrumbList")
    trail = [(item["position"], item["name"], item["item"]) for item in crumbs["itemListElement"]]
    assert trail == [
        (1, "The Steppe Courier", "http://localhost/en/"),
        (2, "Politics", "http://localhost/en/politics/"),
        (3, "Breadcrumbed", "http://localhost" + article.url),
    ]


def test_publisher_logo_from_the_settings_with_its_real_size(client, newsroom):
    from syndication.models import SyndicationSettings

    settings_obj = SyndicationSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.publisher_logo = make_image("Masthead", size=(1200, 300))
    settings_obj.save()
    article = newsroom.add_article("Logo")
    ld = next(block for block in json_ld(client, article.url) if block["@type"] == "NewsArticle")
    logo = ld["publisher"]["logo"]
    assert logo["url"].startswith("http://localhost/media/images/") and "static" not in logo["url"]
    assert (logo["width"], logo["height"]) == (240, 60)  # fits 600 x 60, aspect kept


def test_tag_page_is_named_after_the_tag_on_the_sites_origin(client, newsroom):
    newsroom.add_article("Tagged", tags=["wheat"])
    html = client.get("/en/tags/wheat/").content.decode()
    assert '<link rel="canonical" href="http://localhost/en/tags/wheat/">' in html
    page = next(block for block in json_ld(client, "/en/tags/wheat/") if block["@type"] == "CollectionPage")
    assert page["name"] == "Tag: wheat" and page["url"] == "http://localhost/en/tags/wheat/"
