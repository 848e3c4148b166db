"""Country codes given as a list in code, restored from a revision or ticked in the admin are all
stored as ",KZ,UZ,", the form the country sections query."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import ArticlePage

pytestmark = pytest.mark.django_db


def stored_countries(page: ArticlePage) -> str:
    """The raw column, past any from_db_value, as the section query's LIKE sees it."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT countries FROM {ArticlePage._meta.db_table} WHERE page_ptr_id = %s", [page.pk]
        )
        return cursor.fetchone()[0]


def add_live_article(section, title: str, countries: list[str]) -> ArticlePage:
    """As the demo loader's ``article()`` does: a live page (so Wagtail runs full_clean) from code."""
    page = ArticlePage(
        title=title,
        standfirst=f"Standfirst of {title}.",
        body=[("paragraph", RichText(f"<p>Body of {title}.</p>"))],
        countries=countries,
        date_published=timezone.now(),
        first_published_at=timezone.now(),
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_list_of_countries_given_in_code_reaches_the_country_sections(client, newsroom):
    page = add_live_article(newsroom.sections["politics"], "Border trade reopens", ["UZ", "KZ"])
    assert stored_countries(page) == ",KZ,UZ,"
    page.refresh_from_db()
    assert page.country_codes == ["KZ", "UZ"]
    for url in ["/en/kazakhstan/", "/en/uzbekistan/"]:
        html = client.get(url).content.decode()
        assert "Border trade reopens" in html, url
        assert "No articles yet" not in html, url


def test_a_revision_round_trip_keeps_the_stored_form(client, newsroom):
    page = add_live_article(newsroom.sections["politics"], "Water quotas agreed", ["KZ"])
    page.countries = ["KG", "UZ"]  # an edit made in code, saved as a revision first
    revision = page.save_revision()
    revision = Revision.objects.get(pk=revision.pk)  # the JSON as stored
    assert revision.content["countries"] == ",KG,UZ,"
    assert revision.as_object().countries == ",KG,UZ,"
    revision.publish()
    assert stored_countries(page) == ",KG,UZ,"
    assert "Water quotas agreed" in client.get("/en/uzbekistan/").content.decode()
    assert "Water quotas agreed" not in client.get("/en/kazakhstan/").content.decode()
    # A revision whose JSON holds a list (written by code, not by Wagtail) restores the same way.
    revision.content["countries"] = ["KZ"]
    assert revision.as_object().countries == ",KZ,"


def test_the_admin_form_saves_ticked_countries(client, newsroom):
    page = add_live_article(newsroom.sections["politics"], "Railway link opens", ["KZ"])
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "x-long-password-1")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(edit_url).content.decode()
    ticked = re.findall(r'<input type="checkbox" name="countries" value="(\w+)"[^>]*\bchecked\b', html)
    assert ticked == ["KZ"]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
            "tags": "",
            "article_authors": inline_formset([]),
            "pinned_links": inline_formset([]),
            "corrections": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["countries"] = ["TJ", "KZ"]  # ticked boxes: one name, several values
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert stored_countries(page) == ",KZ,TJ,"
