"""What the backup tests do inside a site's own process (`python -m tests.backups.probe COMMAND`,
with that site's DATABASE_URL, STEPPE_VAR_DIR and storage settings in the environment).

    snapshot      print, as JSON, everything readers and editors see, without install-specific ids
    demo          load the demo newsroom (load_demo) and give it what load_demo has not: an editor
                  with a known password, groups with page/collection permissions, tagged images
                  with renditions, a draft, a scheduled article, log entries, a redirect; then
                  index it for search, as the worker does on a running site
    write         create a page, revision, user, image, group and log entry: after a restore with
                  explicit ids on PostgreSQL, new rows must get free ids
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import sys
from datetime import timedelta

import django

EDITOR, PASSWORD = "backup-editor", "Restored-login-2026"


def natural(content_type) -> list[str] | None:
    return [content_type.app_label, content_type.model] if content_type else None


def permission_key(permission) -> list[str]:
    return [permission.codename, *natural(permission.content_type)]


def ms(value) -> str | None:
    """Django's JSON serializer keeps timestamps to the millisecond."""
    return value and value.replace(microsecond=value.microsecond // 1000 * 1000).isoformat()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_hashes() -> dict[str, str]:
    from django.core.files.storage import default_storage

    from backups.media import walk

    if hasattr(default_storage, "bucket"):  # S3: one GET an object (the storage API adds HEADs)
        prefix = f"{default_storage.location}/" if default_storage.location else ""
        return {
            item.key.removeprefix(prefix): digest(item.get()["Body"].read())
            for item in default_storage.bucket.objects.filter(Prefix=prefix)
        }
    hashes = {}
    for name in walk(default_storage):
        with default_storage.open(name, "rb") as handle:
            hashes[name] = digest(handle.read())
    return hashes


def rendered(paths: list[str]) -> dict[str, list]:
    """Status and HTML of pages as readers get them, media links written storage-neutrally (the
    same image is /media/… on disk and http://bucket-host/… in a bucket)."""
    from django.core.files.storage import default_storage
    from django.test import Client

    media_base = default_storage.url("x").removesuffix("x").encode()
    client = Client()
    pages = {}
    for path in paths:
        response = client.get(path)
        body = response.content.replace(media_base, b"MEDIA/") if response.status_code == 200 else b""
        body = re.sub(rb"https?://[^\"\s]*?MEDIA/", b"MEDIA/", body)  # absolute links (og:image, JSON-LD)
        pages[path] = [response.status_code, digest(body)]
        if os.environ.get("PROBE_HTML_DIR"):  # to see what differs when a comparison fails
            with open(
                os.path.join(os.environ["PROBE_HTML_DIR"], digest(path.encode())[:12] + ".html"), "wb"
            ) as out:
                out.write(body)
    return pages


def login_works() -> bool:
    """The editor logs in to the admin with the password set before the backup."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    admin = f"/{settings.STEPPE_ADMIN_PATH}/"
    response = client.post(
        f"{admin}login/", {"username": EDITOR, "password": PASSWORD}, REMOTE_ADDR="127.0.0.9"
    )
    return response.status_code == 302 and client.get(admin).status_code == 200


def snapshot() -> dict:
    from django.contrib.auth.models import Group, User
    from taggit.models import TaggedItem
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Locale,
        ModelLogEntry,
        Page,
        PageLogEntry,
        Revision,
        Site,
        Task,
        Workflow,
        WorkflowContentType,
        WorkflowPage,
    )

    from news.models import ArticlePage, Author, NewsImage

    articles = list(ArticlePage.objects.order_by("path"))
    article_paths = [a.url for a in articles if a.live][:3]
    sample = [a for a in articles if a.live][:1]
    # Rendering first: it makes the renditions pages need, which then count among the images' files.
    pages_seen = rendered(["/en/", "/ru/", *article_paths])
    pages = list(Page.objects.select_related("locale", "content_type", "owner").order_by("path"))
    return {
        "rendered": pages_seen,
        "pages": [
            [
                p.pk,
                p.url_path,
                p.title,
                p.live,
                p.has_unpublished_changes,
                p.locale.language_code,
                natural(p.content_type),
                ms(p.first_published_at),
                ms(p.go_live_at),
                p.latest_revision_id,
                p.live_revision_id,
                p.owner and p.owner.username,
            ]
            for p in pages
        ],  # fmt: skip
        "articles": [
            [
                a.pk,
                a.standfirst,
                json.dumps(list(a.body.raw_data), sort_keys=True),
                sorted(a.tags.names()),
                [aa.author.slug for aa in a.article_authors.order_by("sort_order")],
                a.countries,
                ms(a.date_published),
                a.lead_image and a.lead_image.file.name,
            ]
            for a in articles
        ],  # fmt: skip
        "revisions": [
            [
                r.pk,
                natural(r.content_type),
                natural(r.base_content_type),
                r.object_id,
                ms(r.created_at),
                r.user and r.user.username,
                ms(r.approved_go_live_at),
                digest(json.dumps(r.content, sort_keys=True).encode()),
            ]
            for r in Revision.objects.select_related("content_type", "base_content_type", "user").order_by(
                "pk"
            )
        ],  # fmt: skip
        "authors": [
            [a.slug, a.name, sorted((n.language, n.name) for n in a.local_names.all())]
            for a in Author.objects.order_by("slug")
        ],
        "images": [
            [
                i.title,
                i.credit,
                i.file.name,
                i.width,
                i.height,
                i.collection.name,
                sorted(i.tags.names()),
                sorted((r.filter_spec, r.file.name) for r in i.renditions.all()),
            ]
            for i in NewsImage.objects.select_related("collection").order_by("pk")
        ],  # fmt: skip
        "tagged_items": sorted(
            [t.tag.name, natural(t.content_type), t.object_id]
            for t in TaggedItem.objects.select_related("tag", "content_type")
        ),
        "users": [
            [
                u.username,
                u.email,
                u.is_staff,
                u.is_superuser,
                u.is_active,
                u.password,
                sorted(g.name for g in u.groups.all()),
                sorted(permission_key(p) for p in u.user_permissions.all()),
            ]
            for u in User.objects.order_by("username")
        ],  # fmt: skip
        "groups": [
            [g.name, sorted(permission_key(p) for p in g.permissions.select_related("content_type"))]
            for g in Group.objects.order_by("name")
        ],
        "page_permissions": sorted(
            [p.group.name, p.page.url_path, permission_key(p.permission)]
            for p in GroupPagePermission.objects.select_related("group", "page", "permission__content_type")
        ),
        "collection_permissions": sorted(
            [p.group.name, p.collection.name, permission_key(p.permission)]
            for p in GroupCollectionPermission.objects.select_related(
                "group", "collection", "permission__content_type"
            )
        ),
        "collections": [[c.path, c.name] for c in Collection.objects.order_by("path")],
        "workflows": sorted(
            [
                w.name,
                w.active,
                [[t.name, natural(t.content_type)] for t in Task.objects.filter(workflow_tasks__workflow=w)],
                sorted(wp.page.url_path for wp in WorkflowPage.objects.filter(workflow=w)),
                sorted(natural(wc.content_type) for wc in WorkflowContentType.objects.filter(workflow=w)),
            ]
            for w in Workflow.objects.all()
        ),  # fmt: skip
        "page_log": [
            [
                e.page_id,
                e.action,
                e.user and e.user.username,
                ms(e.timestamp),
                natural(e.content_type),
                e.revision_id,
                json.dumps(e.data, sort_keys=True),
            ]
            for e in PageLogEntry.objects.select_related("user", "content_type").order_by("pk")
        ],  # fmt: skip
        "model_log": [
            [
                natural(e.content_type),
                e.object_id,
                e.action,
                e.label,
                e.user and e.user.username,
                ms(e.timestamp),
            ]
            for e in ModelLogEntry.objects.select_related("user", "content_type").order_by("pk")
        ],  # fmt: skip
        "sites": [[s.hostname, s.port, s.root_page.url_path, s.is_default_site] for s in Site.objects.all()],
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "redirects": sorted(
            [r.old_path, r.redirect_page and r.redirect_page.url_path] for r in Redirect.objects.all()
        ),
        "media": media_hashes(),
        # Ranking differs between SQLite's and PostgreSQL's full-text search; finding it does not.
        "search": bool(sample)
        and sample[0].title in [r.title for r in ArticlePage.objects.live().search(sample[0].title)[:5]],
        "login": login_works(),
    }


def add_content() -> None:
    """What an editor's newsroom has on top of the demo: every kind of row a restore must carry."""
    from django.contrib.auth.models import Group, Permission, User
    from django.utils import timezone
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.log_actions import log
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    from news.models import ArticlePage, Author, SectionPage
    from tests.factories import create_article, make_image

    editor = User.objects.create_user(EDITOR, "backup-editor@example.org", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="add_author"))
    desk = Group.objects.create(name="Night desk")
    desk.permissions.add(Permission.objects.get(codename="access_admin"))
    section = SectionPage.objects.filter(locale__language_code="en").order_by("path").first()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=desk, page=section, permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore")
        )  # fmt: skip
    wire = Collection.get_first_root_node().add_child(name="Wire photos")
    GroupCollectionPermission.objects.create(
        group=desk, collection=wire, permission=Permission.objects.get(codename="add_image")
    )
    image = make_image("Wire photo of the steppe", credit="Wire Agency")
    image.collection = wire
    image.save()
    image.tags.add("wire", "steppe")  # taggit's generic TaggedItem: content type + object id
    image.get_rendition("fill-480x270")
    image.get_rendition("width-800|format-webp")
    author = Author.objects.order_by("slug").first()
    author.bio = "Edited before the backup."
    author.save()
    log(instance=author, action="wagtail.edit", user=editor)
    log(instance=image, action="wagtail.edit", user=editor)
    article = ArticlePage.objects.live().filter(locale__language_code="en").order_by("path").first()
    article.standfirst = "A pending change, not yet published."
    article.save_revision(user=editor, log_action=True)  # a draft on a live article
    scheduled = create_article(
        section, "Scheduled to appear after the restore", image=image, tags=["scheduled"],
        go_live_at=timezone.now() + timedelta(days=30), authors=[author],
    )  # fmt: skip
    scheduled.owner = editor
    scheduled.save()
    create_article(section, "A draft kept across the restore", live=False)
    Redirect.objects.create(old_path="/old-address", redirect_page=article)


def write() -> dict:
    """New rows of every kind after a restore: on PostgreSQL each needs its id sequence past the
    restored rows."""
    from django.contrib.auth.models import Group, User
    from wagtail.log_actions import log

    from news.models import ArticlePage, SectionPage
    from tests.factories import create_article, make_image

    section = SectionPage.objects.filter(locale__language_code="en").order_by("path").first()
    image = make_image("Uploaded after the restore")
    image.get_rendition("width-400")
    article = create_article(section, "Published after the restore", image=image, tags=["after-restore"])
    user = User.objects.create_user("after-restore", "after@example.org", PASSWORD)
    group = Group.objects.create(name="After restore")
    log(instance=image, action="wagtail.edit", user=user)
    from django.test import Client

    return {
        "article": article.url_path,
        "status": Client().get(article.url).status_code,
        "live": ArticlePage.objects.get(pk=article.pk).live,
        "ids": [article.pk, article.latest_revision_id, image.pk, user.pk, group.pk],
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steppe.settings")
    os.environ.setdefault("STEPPE_PAGE_CACHE", "0")
    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Pages render without collectstatic, as in the other tests (tests/conftest.py).
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()

    command = sys.argv[1]
    if command == "snapshot":
        print(json.dumps(snapshot()))
    elif command == "demo":
        from django.core.management import call_command

        call_command("load_demo", stdout=io.StringIO())  # stdout is for JSON
        add_content()
        call_command("update_index", verbosity=0)
    elif command == "write":
        print(json.dumps(write()))
    else:
        raise SystemExit(f"unknown probe command {command!r}")


if __name__ == "__main__":
    main()
