"""An embargoed article stays out of public view until its embargo ends, whatever tries to publish it.

Each path that can make an article public is tried while the embargo holds: the Publish button
(edit and create views), the go-live schedule, Wagtail's scheduled publishing (the command and
the worker's task), a bulk publish (also of a whole section), a moderation workflow's approval
(from the edit page and from the dashboard), Revision.publish and save() from code, the preview
URL, a WordPress re-import and a translation. Every test checks what a reader gets (404, not in
listings, feeds, sitemaps, search, suggestions, newsletter, mirror export, Telegram), with the
page cache on, and each refusal has a control showing the same path publishes once the embargo
is over.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Locale, Revision, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.embargo import EmbargoError, finish_workflow, refusal
from news.models import ArticlePage
from tests.factories import translate

pytestmark = pytest.mark.django_db

SECRET = b"Secretbudget"
TITLE = "Secretbudget cuts the grain subsidy"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.STEPPE_PAGE_CACHE = True


@pytest.fixture
def room(newsroom):
    shared = {"tags": ["budget"], "authors": newsroom.authors[:1]}
    public = newsroom.add_article("Grain prices steady", **shared)
    held = newsroom.add_article(TITLE, live=False, embargo=timezone.now() + timedelta(hours=2), **shared)
    return {"newsroom": newsroom, "public": public, "held": held, "author": newsroom.authors[0].slug}


@pytest.fixture
def editor(db):
    """A logged-in editor's browser, separate from `client` (an anonymous reader)."""
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x-long-password-1")
    browser = Client()
    browser.force_login(user)
    browser.user = user
    return browser


def fresh(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk)


def local(moment) -> str:
    """How the admin's date-time fields take a time (the newsroom's time zone)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def lift(page, minutes: int = 1) -> None:
    """Time passes: move the embargo (row and every revision) into the past."""
    past = timezone.now() - timedelta(minutes=minutes)
    ArticlePage.objects.filter(pk=page.pk).update(embargo=past)
    for revision in Revision.objects.filter(object_id=str(page.pk)):
        if revision.content.get("embargo"):
            revision.content["embargo"] = past.isoformat()
            revision.save(update_fields=["content"])


def reader_urls(room) -> list[str]:
    return [
        "/en/",
        "/en/politics/",
        "/en/kazakhstan/",
        "/en/tags/budget/",
        f"/en/authors/{room['author']}/",
        room["public"].url,  # suggestions and the latest list share tags and author with it
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        "/en/feeds/section/politics/rss.xml",
        "/en/feeds/tag/budget/rss.xml",
        "/news-sitemap.xml",
    ]


def sitemap_text(client) -> str:
    index = client.get("/sitemap.xml").content.decode()
    text = index
    for part in re.findall(r"<loc>https?://[^/]+(/[^<]+\.xml)</loc>", index):
        text += client.get(part).content.decode()
    return text


def assert_hidden(client, room) -> None:
    """What a reader gets while the embargo holds: nothing of the article, anywhere."""
    held = room["held"]
    url = f"/en/politics/{held.slug}/"
    for _attempt in (1, 2):  # and again, from whatever the page cache holds
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in response.content
    for page_url in reader_urls(room):
        response = client.get(page_url)
        assert response.status_code == 200, page_url
        assert SECRET not in response.content, page_url
    assert held.slug not in sitemap_text(client)
    search = client.get(reverse("search"), {"q": "Secretbudget"})
    assert search.status_code == 200 and TITLE not in search.content.decode()


def assert_public(client, room) -> None:
    """The control: the same checks see the article once it is out (the page cache retired)."""
    held = fresh(room["held"])
    assert held.live
    response = client.get(held.url)
    assert response.status_code == 200 and SECRET in response.content
    assert SECRET in client.get("/en/").content
    assert SECRET in client.get("/en/feeds/rss.xml").content
    assert held.slug in sitemap_text(client)


def edit_data(page, **extra) -> dict:
    fields = {
        "title": page.title,
        "slug": page.slug,
        "standfirst": page.standfirst,
        "body": streamfield([("paragraph", rich_text("<p>Body of the budget story.</p>"))]),
        "tags": "budget",
        "article_authors": inline_formset([]),
        "pinned_links": inline_formset([]),
        "corrections": inline_formset([]),
        "embargo": local(page.embargo) if page.embargo else "",
    }
    fields.update(extra)
    return nested_form_data(fields)


def messages_on(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


# -- the rule and what readers see ------------------------------------------------------------


def test_readers_see_nothing_of_an_embargoed_draft(client, room):
    # Visit first, so that cached pages exist which must not start showing it later.
    assert_hidden(client, room)


def test_telegram_waits_for_an_embargoed_article(room):
    from telegram.sync import wanted_for

    assert wanted_for(fresh(room["held"]), None, timezone.now()).present is False


def test_newsletter_drops_a_chosen_embargoed_article(room):
    from news.models import ArticlePage as Article

    # The newsletter's own filter for articles an editor picks (newsletter.content.stories_for).
    chosen = [room["public"].pk, room["held"].pk]
    assert set(Article.objects.published().in_bulk(chosen)) == {room["public"].pk}


def test_the_mirror_export_leaves_it_out(room, tmp_path):
    from mirror.export import export_site

    export_site(tmp_path / "mirror")
    written = b"".join(p.read_bytes() for p in (tmp_path / "mirror").rglob("*") if p.is_file())
    assert b"Grain prices steady" in written
    assert SECRET not in written


# -- the Publish button ----------------------------------------------------------------------


def test_publish_button_is_refused_with_a_message_and_the_draft_is_kept(client, editor, room):
    held = room["held"]
    assert_hidden(client, room)
    edit_url = reverse("wagtailadmin_pages:edit", args=[held.pk])
    data = edit_data(held, title=TITLE + " (v2)", **{"action-publish": "publish"})
    response = editor.post(edit_url, data, follow=True)
    assert response.redirect_chain[-1][0] == edit_url
    text = messages_on(response)
    assert "embargoed until" in text and "was not published" in text and "saved as a draft" in text
    page = fresh(held)
    assert not page.live and page.get_latest_revision().content["title"] == TITLE + " (v2)"
    assert_hidden(client, room)


def test_publish_button_works_once_the_embargo_is_over(client, editor, room):
    held = room["held"]
    assert_hidden(client, room)  # fill the page cache first: publishing must retire it
    data = edit_data(held, embargo=local(timezone.now() - timedelta(minutes=5)), **{"action-publish": "1"})
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[held.pk]), data)
    assert response.status_code == 302
    assert_public(client, room)


def test_creating_and_publishing_an_embargoed_article_makes_a_draft(client, editor, room):
    section = room["newsroom"].sections["politics"]
    add_url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    data = edit_data(
        ArticlePage(title="Secretbudget sequel", slug="secretbudget-sequel", standfirst="Sequel."),
        embargo=local(timezone.now() + timedelta(hours=3)),
        **{"action-publish": "publish"},
    )
    response = editor.post(add_url, data, follow=True)
    created = ArticlePage.objects.get(slug="secretbudget-sequel")
    assert not created.live and created.embargo
    assert "embargoed until" in messages_on(response)
    assert client.get("/en/politics/secretbudget-sequel/").status_code == 404


def test_a_go_live_time_before_the_embargo_is_refused_on_the_form(client, editor, room):
    held = room["held"]
    revisions = held.revisions.count()
    early = timezone.now() + timedelta(hours=1)  # the embargo is in two hours
    data = edit_data(held, go_live_at=local(early), **{"action-publish": "publish"})
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[held.pk]), data)
    assert response.status_code == 200  # the form again, with the error on the embargo field
    errors = response.context["form"].errors
    assert "before the embargo" in " ".join(errors["embargo"])
    assert held.revisions.count() == revisions and not fresh(held).live
    assert not Revision.objects.filter(object_id=str(held.pk), approved_go_live_at__isnull=False).exists()


# -- scheduled publishing -----------------------------------------------------------------------


def test_scheduling_at_the_embargo_publishes_when_it_ends(client, editor, room):
    held = room["held"]
    go_live = held.embargo + timedelta(minutes=1)
    data = edit_data(held, go_live_at=local(go_live), **{"action-publish": "publish"})
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[held.pk]), data)
    assert response.status_code == 302
    scheduled = Revision.objects.get(object_id=str(held.pk), approved_go_live_at__isnull=False)
    assert not fresh(held).live
    call_command("publish_scheduled", verbosity=0)  # not yet due
    assert_hidden(client, room)
    # The go-live time comes, and with it the embargo's end.
    past = timezone.now() - timedelta(seconds=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save()
    lift(held)
    call_command("publish_scheduled", verbosity=0)
    assert_public(client, room)


def test_a_due_schedule_waits_while_the_embargo_holds_then_publishes(client, room):
    held = fresh(room["held"])
    # Scheduled by code (the admin refuses a go-live before the embargo): the time has come.
    revision = held.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    assert_hidden(client, room)
    call_command("publish_scheduled", verbosity=0)
    from scheduling.tasks import publish_scheduled

    publish_scheduled.call()  # the worker's task runs the same command
    assert not fresh(held).live
    assert_hidden(client, room)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None  # still waiting, not dropped
    lift(held)
    publish_scheduled.call()
    assert_public(client, room)


def test_a_later_draft_extending_the_embargo_holds_the_scheduled_version(client, room):
    held = fresh(room["held"])
    held.go_live_at = held.embargo
    scheduled = held.save_revision()
    scheduled.publish()  # schedules it: go-live at the embargo
    assert Revision.objects.get(pk=scheduled.pk).approved_go_live_at
    # The source asks for another day; an editor saves a draft with the later embargo.
    later = timezone.now() + timedelta(days=1)
    draft = fresh(held)
    draft.embargo = later
    draft.save()
    draft.save_revision()
    # The first embargo time comes: the scheduled version is due, but the draft's embargo holds.
    past = timezone.now() - timedelta(seconds=1)
    scheduled = Revision.objects.get(pk=scheduled.pk)
    scheduled.approved_go_live_at = past
    scheduled.content.update(go_live_at=past.isoformat(), embargo=past.isoformat())
    scheduled.save()
    call_command("publish_scheduled", verbosity=0)
    assert not fresh(held).live
    assert_hidden(client, room)


# -- bulk actions --------------------------------------------------------------------------------


def bulk_publish(editor, *pages, descendants: bool = False):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = "&".join(f"id={p.pk}" for p in pages)
    data = {"include_descendants": "on"} if descendants else {}
    return editor.post(f"{url}?{query}&next=/admin/pages/", data, follow=True)


def test_bulk_publish_is_refused_and_names_the_embargoed_article(client, editor, room):
    other = room["newsroom"].add_article("Plain draft", live=False)
    response = bulk_publish(editor, room["held"], other)
    text = messages_on(response)
    assert "Nothing was published" in text and TITLE in text and "until" in text
    assert not fresh(room["held"]).live and not fresh(other).live  # all or nothing
    assert_hidden(client, room)
    # Without the embargoed one the same action publishes.
    bulk_publish(editor, other)
    assert fresh(other).live


def test_bulk_publish_of_a_section_with_its_drafts_is_refused(client, editor, room):
    section = room["newsroom"].sections["politics"]
    response = bulk_publish(editor, section, descendants=True)
    assert "Nothing was published" in messages_on(response)
    assert_hidden(client, room)
    lift(room["held"])
    bulk_publish(editor, section, descendants=True)
    assert_public(client, room)


# -- moderation workflow -------------------------------------------------------------------------


@pytest.fixture
def workflow(room, editor):
    group = Group.objects.create(name="Desk chiefs")
    editor.user.groups.add(group)
    task = GroupApprovalTask.objects.create(name="Desk chief approves")
    task.groups.set([group])
    flow = Workflow.objects.create(name="Embargo desk")
    WorkflowTask.objects.create(workflow=flow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=flow, page=room["newsroom"].home)
    # Submitted by a reporter (a desk chief's own submission would approve itself at once).
    flow.reporter = get_user_model().objects.create_user("reporter", "r@example.org", "x-long-password-3")
    return flow


def test_approving_an_embargoed_article_schedules_it_for_the_embargo_end(client, editor, room, workflow):
    held = fresh(room["held"])
    workflow.start(held, workflow.reporter)
    data = edit_data(held, **{"action-workflow-action": "1", "workflow-action-name": "approve"})
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[held.pk]), data, follow=True)
    assert "Approved. The article is embargoed" in messages_on(response)
    page = fresh(held)
    assert not page.live
    scheduled = Revision.objects.get(object_id=str(held.pk), approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == page.embargo
    assert "embargoed until" in page.status_string and "scheduled" in page.status_string
    call_command("publish_scheduled", verbosity=0)
    assert_hidden(client, room)
    past = timezone.now() - timedelta(seconds=1)  # the embargo's time comes
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save()
    lift(held)
    call_command("publish_scheduled", verbosity=0)
    assert_public(client, room)


def test_approving_from_the_dashboard_does_not_publish(client, editor, room, workflow):
    held = fresh(room["held"])
    workflow.start(held, workflow.reporter)
    task_state = fresh(held).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(held.pk, "approve", task_state.pk))
    response = editor.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    assert not fresh(held).live
    assert_hidden(client, room)


def test_approving_without_an_embargo_publishes(client, editor, room, workflow):
    lift(room["held"])
    held = fresh(room["held"])
    state = workflow.start(held, workflow.reporter)
    finish_workflow(state, user=editor.user)
    assert_public(client, room)


# -- code, copies and imports --------------------------------------------------------------------


def test_revision_publish_from_code_raises(room):
    held = fresh(room["held"])
    with pytest.raises(EmbargoError):
        held.save_revision().publish()
    with pytest.raises(EmbargoError):
        held.get_latest_revision().publish(skip_permission_checks=True)
    held.live = True
    with pytest.raises(EmbargoError):
        held.save()
    assert not fresh(held).live


def test_a_live_row_with_an_embargo_ahead_is_still_not_served(client, room):
    # The rule keeps this from happening; if the database were edited by hand, readers still get 404.
    held = room["held"]
    held.embargo = None
    held.save_revision().publish()
    ArticlePage.objects.filter(pk=held.pk).update(embargo=timezone.now() + timedelta(hours=1))
    assert_hidden(client, room)


def test_a_translation_keeps_the_embargo(client, room):
    translate(room["newsroom"].home, "ru", title="Курьер")
    ru = Locale.objects.get(language_code="ru")
    copy = fresh(room["held"]).copy_for_translation(ru, copy_parents=True)
    assert abs(copy.embargo - room["held"].embargo) < timedelta(seconds=1) and not copy.live
    with pytest.raises(EmbargoError):
        copy.save_revision().publish()
    assert client.get(f"/ru/politics/{copy.slug}/").status_code == 404


def test_a_wordpress_reimport_does_not_publish_an_embargoed_article(client, room, tmp_path):
    from tests.wordpress.test_import import item, write_wxr

    path = tmp_path / "wp.xml"
    write_wxr(path, item(7, "Secretbudget from WordPress", slug="secretbudget-wp", status="draft"))
    call_command("import_wordpress", str(path), stdout=io.StringIO())
    imported = ArticlePage.objects.get(slug="secretbudget-wp")
    # An editor in steppe puts it under embargo; then WordPress says "publish".
    imported.embargo = timezone.now() + timedelta(hours=2)
    imported.save()
    imported.save_revision()
    write_wxr(path, item(7, "Secretbudget from WordPress", slug="secretbudget-wp", status="publish"))
    out = io.StringIO()
    call_command("import_wordpress", str(path), stdout=out)
    assert "embargoed in steppe: saved as drafts, not published" in out.getvalue()
    assert not fresh(imported).live
    assert client.get(imported.url or f"/en/{imported.get_parent().slug}/secretbudget-wp/").status_code == 404
    # Once the embargo is over, the next import publishes it as WordPress says.
    lift(imported)
    write_wxr(path, item(7, "Secretbudget from WordPress, final", slug="secretbudget-wp", status="publish"))
    call_command("import_wordpress", str(path), stdout=io.StringIO())
    assert fresh(imported).live


# -- previews ----------------------------------------------------------------------------------


def test_preview_is_for_editors_only_and_never_cached(client, editor, room):
    held = room["held"]
    preview_url = f"/{settings.STEPPE_ADMIN_PATH}/pages/{held.pk}/edit/preview/"
    anonymous = client.__class__()
    response = anonymous.get(preview_url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert SECRET not in response.content
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "x-long-password-2")
    outsider = client.__class__()
    outsider.force_login(reader)  # a logged-in account without admin access
    response = outsider.get(preview_url, follow=True)
    assert SECRET not in response.content
    # The editor previews it (and so sees the draft); the readers' cache learns nothing from that.
    assert editor.post(preview_url, edit_data(held)).json()["is_valid"]
    assert SECRET in editor.get(preview_url).content
    assert_hidden(anonymous, room)


# -- what editors see ----------------------------------------------------------------------------


def test_listing_and_edit_page_show_the_embargo(editor, room):
    held = room["held"]
    until = timezone.localtime(held.embargo)
    listing = editor.get(reverse("wagtailadmin_explore", args=[room["newsroom"].sections["politics"].pk]))
    html = listing.content.decode()
    assert "embargoed until" in html and str(until.year) in html
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[held.pk])).content.decode()
    assert 'class="embargo-status">Embargoed until' in edit and 'name="embargo"' in edit
    # Past embargoes say nothing.
    lift(held)
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[held.pk])).content.decode()
    assert "embargo-status" not in edit


def test_refusal_is_none_without_embargo_and_allows_a_schedule_after_it(room):
    held = fresh(room["held"])
    assert refusal(held) is not None
    held.go_live_at = held.embargo + timedelta(minutes=5)
    assert refusal(held) is None
    held.go_live_at = held.embargo - timedelta(minutes=5)
    assert "before the embargo" in refusal(held)
    assert refusal(ArticlePage(title="No embargo")) is None
