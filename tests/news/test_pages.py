import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from news.models import ArticlePage
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def test_article_page_shows_everything_in_order(client, newsroom):
    image = make_image("Lead", credit="Steppe Photo Agency")
    other = newsroom.add_article("Grain harvest in Kostanay", tags=["wheat"])
    article = newsroom.add_article(
        "Water talks in Almaty",
        authors=newsroom.authors,
        tags=["water", "wheat"],
        image=image,
        date_updated=timezone.now(),
        body=[
            ("paragraph", RichText("<p>The body text about water.</p>")),
            ("quote", {"text": "Rivers do not stop at borders.", "attribution": "An engineer"}),
            (
                "image",
                {
                    "image": make_image("Inline", credit="Inline Credit"),
                    "caption": "Dam",
                    "credit": "",
                    "alt": "A dam",
                },
            ),
        ],  # fmt: skip
    )
    html = client.get(article.url).content.decode()
    assert html.count("<h1") == 1
    html = html[html.index("<main") :]  # the reader's order, not the metadata in <head>
    positions = [
        html.index("<time datetime="),
        html.index("Updated"),
        html.index("Water talks in Almaty</h1>"),
        html.index('<p class="standfirst">Standfirst of Water talks in Almaty.'),
        html.index("Aida Test"),
        html.index("Image: Steppe Photo Agency"),
        html.index("The body text about water."),
        html.index("Rivers do not stop at borders."),
        html.index("Image: Inline Credit"),
        html.index("Suggested articles"),
    ]
    assert positions == sorted(positions)
    assert 'fetchpriority="high"' in html and "srcset=" in html
    suggested = html[html.index("Suggested articles") :]
    assert other.title in suggested
    assert re.search(r'<aside class="sidebar"', html)
    assert f'href="/en/test-home/authors/{newsroom.authors[0].slug}/"' not in html  # site root has no slug
    assert f'href="/en/authors/{newsroom.authors[0].slug}/"' in html
    assert 'href="/en/tags/water/"' in html


def test_home_page_has_lead_top_stories_and_country_rows(client, newsroom):
    for i in range(9):
        newsroom.add_article(f"Story {i}", published=timezone.now() - timedelta(hours=i + 1),
                             countries=["KZ"] if i % 2 else ["UZ"])  # fmt: skip
    html = client.get("/en/").content.decode()
    assert "Story 0" in html.split("Top stories")[0]  # newest leads
    assert "Top stories" in html
    assert 'id="row-KZ"' in html and 'id="row-UZ"' in html
    assert html.count("<h1") == 1


def test_section_lists_articles_newest_first_and_paginates(client, newsroom, settings):
    settings.STEPPE_ARTICLES_PER_PAGE = 2
    for i in range(5):
        newsroom.add_article(f"Politics {i}", published=timezone.now() - timedelta(days=i))
    newsroom.add_article("About Uzbekistan only", section="economy", countries=["UZ"])
    html = client.get("/en/politics/").content.decode()
    assert html.index("Politics 0") < html.index("Politics 1")
    assert "Politics 2" not in html and 'rel="next"' in html
    assert "Politics 4" in client.get("/en/politics/?page=3").content.decode()
    # A country section lists articles about the country wherever they are filed.
    assert "About Uzbekistan only" in client.get("/en/uzbekistan/").content.decode()
    assert "About Uzbekistan only" not in client.get("/en/kazakhstan/").content.decode()


@pytest.mark.parametrize("page", ["abc", "-1", "0", "10" * 10, "1e5", "%00", "９"])
def test_hostile_page_numbers_get_a_normal_page(client, newsroom, page):
    newsroom.add_article("Only story")
    response = client.get("/en/politics/", {"page": page})
    assert response.status_code == 200
    assert "Only story" in response.content.decode()


def test_author_and_tag_pages(client, newsroom):
    newsroom.add_article("By Aida", authors=[newsroom.authors[0]], tags=["energy"])
    newsroom.add_article("By Timur", authors=[newsroom.authors[1]], tags=["film"])
    html = client.get(f"/en/authors/{newsroom.authors[0].slug}/").content.decode()
    assert "By Aida" in html and "By Timur" not in html
    html = client.get("/en/tags/film/").content.decode()
    assert "By Timur" in html and "By Aida" not in html
    assert client.get("/en/authors/nobody/").status_code == 404


def test_drafts_and_scheduled_articles_are_invisible(client, newsroom):
    visible = newsroom.add_article("Visible story")
    draft = newsroom.add_article("Draft story", live=False)
    scheduled = newsroom.add_article("Scheduled story", go_live_at=timezone.now() + timedelta(days=1))
    assert not ArticlePage.objects.get(pk=scheduled.pk).live
    assert client.get(draft.url or f"/en/politics/{draft.slug}/").status_code == 404
    assert client.get(f"/en/politics/{scheduled.slug}/").status_code == 404
    for url in ["/en/", "/en/politics/", "/en/kazakhstan/", visible.url, "/sitemap.xml"]:
        html = client.get(url).content.decode()
        assert "Draft story" not in html and "Scheduled story" not in html
        assert "draft-story" not in html and "scheduled-story" not in html


def test_navigation_footer_and_empty_ticker(client, newsroom):
    html = client.get("/en/about/").content.decode()
    start = html.index('<nav class="site-nav"')
    nav = html[start : html.index("</nav>", start)]
    assert "Kazakhstan" in nav and "Politics" in nav
    assert 'href="/en/about/"' in html[html.index("<footer") :]
    assert '<aside class="ticker-strip" aria-label="Exchange rates"></aside>' in html


def test_sitemap_lists_every_live_page(client, newsroom):
    article = newsroom.add_article("Mapped story")
    body = client.get("/sitemap.xml").content.decode()
    listed = re.findall(r"<loc>([^<]+)</loc>", body)
    for path in ["/en/", "/en/politics/", "/en/about/", article.url]:
        assert f"http://localhost{path}" in listed, path


def test_lead_image_needs_a_credit(newsroom):
    from django.core.exceptions import ValidationError

    image = make_image("No credit", credit="")
    article = ArticlePage(title="x", slug="x", standfirst="s", lead_image=image)
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "lead_image_credit" in error.value.message_dict
    image.credit = "Agency"
    image.save()
    article.clean()
    assert article.lead_image_credit == "Agency"


def test_new_article_appears_on_home_after_publish(client, newsroom):
    newsroom.add_article("Old story")
    assert "Fresh story" not in client.get("/en/").content.decode()
    newsroom.add_article("Fresh story")
    assert "Fresh story" in client.get("/en/").content.decode()
