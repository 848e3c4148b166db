"""The editor's side: who may take down and reverse (403 otherwise), the confirm form, the audit
log, and an address that no page can take by accident."""

from __future__ import annotations

import pytest
from django.urls import reverse as url_for
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

from news.models import ArticlePage
from takedown.actions import take_down
from takedown.models import Takedown

pytestmark = pytest.mark.django_db
REASON = "Complaint of 3 March by the ministry's lawyers (internal)"


def login(client, user):
    client.force_login(user)
    return client


def test_an_editor_without_the_permission_gets_403_and_the_article_stays(client, newsroom, people):
    article = newsroom.add_article("Protected story")
    login(client, people["editor"])
    url = url_for("takedown_page", args=[article.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": REASON}).status_code == 403
    assert ArticlePage.objects.get(pk=article.pk).live and not Takedown.objects.exists()
    edit = client.get(url_for("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Take down…" not in edit


def test_a_lawyer_takes_down_through_the_confirm_form_and_the_log_keeps_no_reason(client, newsroom, people):
    article = newsroom.add_article("Libel claim story")
    login(client, people["lawyer"])
    edit = client.get(url_for("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert url_for("takedown_page", args=[article.pk]) in edit and "Take down…" in edit
    form = client.get(url_for("takedown_page", args=[article.pk])).content.decode()
    assert "Reason (internal)" in form and article.url in form
    empty = client.post(url_for("takedown_page", args=[article.pk]), {"reason": "  "})
    assert empty.status_code == 400 and "This field is required." in empty.content.decode()
    response = client.post(url_for("takedown_page", args=[article.pk]), {"reason": REASON}, follow=True)
    assert "is taken down" in response.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live
    takedown = Takedown.objects.get()
    assert (takedown.reason, takedown.taken_down_by, takedown.url) == (REASON, people["lawyer"], article.url)
    entry = PageLogEntry.objects.get(page=article, action="takedown.take_down")
    assert entry.user == people["lawyer"] and "ministry" not in str(entry.data)
    history = client.get(url_for("wagtailadmin_pages:history", args=[article.pk])).content.decode()
    assert "Taken down for legal reasons" in history and "ministry" not in history
    # Editing (and so publishing) waits for the reversal, and the lawyer may not reverse.
    blocked = client.get(url_for("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "It cannot be edited or published until an admin reverses the takedown." in blocked
    assert client.post(url_for("takedown_reverse", args=[takedown.pk])).status_code == 403


def test_the_moderators_group_may_take_down(client, newsroom, people):
    article = newsroom.add_article("Moderated")
    login(client, people["moderator"])
    client.post(url_for("takedown_page", args=[article.pk]), {"reason": REASON})
    assert Takedown.objects.filter(page=article).exists()


def test_an_admin_reverses_it_to_the_revision_readers_saw(client, newsroom, people):
    article = newsroom.add_article("Back again")
    live_revision = article.live_revision
    takedown = take_down(article, people["admin"], REASON)
    # A draft saved meanwhile (before the block) is not what comes back.
    draft = Page.objects.get(pk=article.pk).specific
    draft.title = "Draft headline nobody approved"
    draft.save_revision()
    login(client, people["admin"])
    listing = client.get(url_for("takedown_list")).content.decode()
    assert (
        "Back again" in listing and "Complaint of 3 March" in listing
    )  # internal: the admin's list shows it
    page = client.get(url_for("takedown_reverse", args=[takedown.pk])).content.decode()
    assert "Reverse takedown and publish again" in page
    client.post(url_for("takedown_reverse", args=[takedown.pk]))
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.title == "Back again" and article.live_revision_id == live_revision.pk
    takedown.refresh_from_db()
    assert takedown.reversed_by == people["admin"] and takedown.reversed_at is not None
    assert list(PageLogEntry.objects.filter(page=article, action__startswith="takedown.")
                .order_by("pk").values_list("action", flat=True)) == ["takedown.take_down", "takedown.reverse"]  # fmt: skip
    client.logout()
    assert client.get(article.url).status_code == 200


def test_publishing_by_another_path_does_not_bring_it_back(client, newsroom, people):
    article = newsroom.add_article("Stays down")
    take_down(article, people["admin"], REASON)
    Page.objects.get(pk=article.pk).specific.latest_revision.publish()
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert client.get(article.url).status_code == 410


def test_every_page_types_admin_form_refuses_the_address(newsroom, people):
    from django import forms
    from wagtail.models import get_page_models

    from takedown.forms import TakedownPathCheck

    for model in get_page_models():
        if model is not Page:
            assert issubclass(model.get_edit_handler().get_form_class(), TakedownPathCheck), model

    class SlugForm(TakedownPathCheck, forms.Form):
        slug = forms.SlugField()

        def __init__(self, data, instance, parent_page):
            super().__init__(data)
            self.instance, self.parent_page = instance, parent_page

    article = newsroom.add_article("Taken slug")
    slug, section = article.slug, Page.objects.get(pk=newsroom.sections["politics"].pk)
    take_down(article, people["admin"], REASON)
    article.delete()  # even with the page gone, its address stays its own
    refused = "belongs to an article taken down for legal reasons"
    # A new article with that slug in that section, and another article renamed to it: refused.
    other = newsroom.add_article("Innocent story")
    for instance in (ArticlePage(), other):
        form = SlugForm({"slug": slug}, instance, section)
        assert not form.is_valid() and refused in str(form.errors["slug"])
        assert article.url in str(form.errors["slug"])
    # The same slug elsewhere, or another slug here, is fine.
    assert SlugForm({"slug": slug}, ArticlePage(), newsroom.sections["economy"]).is_valid()
    assert SlugForm({"slug": slug + "-2"}, ArticlePage(), section).is_valid()


def test_moving_a_page_onto_the_address_or_moving_the_article_is_refused(client, newsroom, people):
    gone = newsroom.add_article("Unmovable", slug="unmovable")
    take_down(gone, people["admin"], REASON)
    gone.delete()
    article = newsroom.add_article("Stays put")
    take_down(article, people["admin"], REASON)
    twin = newsroom.add_article("Twin", section="economy", slug="unmovable")
    login(client, people["admin"])
    onto = client.post(
        url_for("wagtailadmin_pages:move_confirm", args=[twin.pk, newsroom.sections["politics"].pk]),
        follow=True,
    )
    assert "belongs to an article taken down for legal reasons" in onto.content.decode()
    assert Page.objects.get(pk=twin.pk).get_parent().pk == newsroom.sections["economy"].pk
    away = client.post(
        url_for("wagtailadmin_pages:move_confirm", args=[article.pk, newsroom.sections["economy"].pk]),
        follow=True,
    )
    assert "A taken-down article cannot be moved" in away.content.decode()


def test_a_redirect_from_the_address_does_not_replace_the_410(client, newsroom, people):
    article = newsroom.add_article("Redirected?")
    take_down(article, people["admin"], REASON)
    Redirect.objects.create(old_path=Redirect.normalise_path(article.url), redirect_link="/en/economy/")
    assert client.get(article.url).status_code == 410


def test_the_wordpress_import_does_not_reuse_the_address(newsroom, people):
    from wordpress.importer import WordPressImporter

    article = newsroom.add_article("Imported twin", slug="imported-twin")
    take_down(article, people["admin"], REASON)
    article.delete()
    politics = Page.objects.get(pk=newsroom.sections["politics"].pk)
    assert WordPressImporter.free_slug(None, politics, "imported-twin") == "imported-twin-2"
    assert WordPressImporter.free_slug(None, politics, "other-story") == "other-story"
