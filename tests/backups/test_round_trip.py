"""Backups: a round trip through `manage.py backup` / `restore` over the same site gives back the
same content, in the suite's own database (SQLite, or PostgreSQL in that pass: the restored ids
must leave PostgreSQL's sequences past them). Restores onto new installs: test_new_install.py."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from news.models import ArticlePage, Author, NewsImage
from tests.factories import make_image

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot(media_root: Path) -> dict:
    """Everything a reader or editor would notice, independent of how it is stored."""
    return {
        "pages": sorted(
            (p.url_path, p.title, p.live, p.locale.language_code, p.content_type.model)
            for p in Page.objects.select_related("locale", "content_type")
        ),
        "articles": sorted(
            # Django's JSON serializer keeps timestamps to the millisecond.
            (
                a.title,
                a.standfirst,
                str(a.body.raw_data),
                tuple(sorted(a.tags.names())),
                a.date_published
                and a.date_published.replace(microsecond=a.date_published.microsecond // 1000 * 1000),
            )  # fmt: skip
            for a in ArticlePage.objects.all()
        ),
        "revisions": Revision.objects.count(),
        "authors": sorted(Author.objects.values_list("name", "slug")),
        "images": sorted(NewsImage.objects.values_list("title", "credit", "file", "width", "height")),
        "media": {
            path.relative_to(media_root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in media_root.rglob("*")
            if path.is_file()
        },
    }


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_backup_and_restore_round_trip(newsroom, media_root, tmp_path, client):
    image = make_image("Round trip lead", credit="Backup Agency")
    image.get_rendition("width-400")
    article = newsroom.add_article("Kept across the restore", image=image, tags=["water", "trade"],
                                   authors=newsroom.authors)  # fmt: skip
    newsroom.add_article("A draft kept too", live=False)
    before = snapshot(media_root)
    assert before["media"]  # originals and a rendition

    call_command("backup", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("steppe-backup-*.tar.gz"))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "database.jsonl"} <= set(names)
    assert any(name.startswith("media/original_images/") for name in names)

    # Damage everything: delete an article, add another, lose a media file.
    article.delete()
    newsroom.add_article("Written after the backup")
    next(p for p in media_root.rglob("*") if p.is_file()).unlink()
    assert snapshot(media_root) != before

    call_command("restore", str(archive), "--yes")
    after = snapshot(media_root)
    assert after == before
    response = client.get(ArticlePage.objects.get(title="Kept across the restore").url)
    assert response.status_code == 200 and b"Kept across the restore" in response.content
    assert client.get("/en/").status_code == 200
    # New rows after loading rows with their ids: PostgreSQL's sequences were moved past them.
    written = newsroom.add_article("Written after the restore", image=make_image("After the restore"))
    assert client.get(written.url).status_code == 200


def test_restore_asks_first_and_a_no_changes_nothing(newsroom, media_root, tmp_path, monkeypatch, capsys):
    newsroom.add_article("Before the backup")
    call_command("backup", str(tmp_path / "b.tar.gz"))
    newsroom.add_article("After the backup")
    before = snapshot(media_root)
    monkeypatch.setattr("backups.management.commands.restore.has_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled, nothing was changed"):
        call_command("restore", str(tmp_path / "b.tar.gz"))
    assert "backup of " in capsys.readouterr().out  # the operator saw what would be restored
    assert snapshot(media_root) == before


def test_restore_refuses_a_damaged_archive(newsroom, media_root, tmp_path):
    make_image("Damaged")
    path = tmp_path / "b.tar.gz"
    call_command("backup", str(path))
    before = snapshot(media_root)
    # Rewrite the archive with one media file altered: the checksum no longer matches.
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(path) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + b"\x00"
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore", str(damaged), "--yes")
    assert snapshot(media_root) == before  # nothing was replaced
    with pytest.raises(CommandError, match="not a steppe backup"):
        bogus = tmp_path / "bogus.tar.gz"
        bogus.write_bytes(b"not a tarball")
        call_command("restore", str(bogus), "--yes")


def test_make_run_leaves_a_restored_newsroom_without_the_demo(newsroom, media_root, tmp_path):
    """docs/restore.md ends with `make run`, which runs `load_demo --quiet-if-loaded`: on a
    newsroom of its own that must add no fictional articles and no demo superuser."""
    from django.contrib.auth import get_user_model

    newsroom.add_article("Our own reporting")
    call_command("backup", str(tmp_path / "own.tar.gz"))
    call_command("restore", str(tmp_path / "own.tar.gz"), "--yes")
    articles = sorted(ArticlePage.objects.values_list("title", flat=True))
    call_command("load_demo", "--quiet-if-loaded")
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == articles == ["Our own reporting"]
    assert not get_user_model().objects.filter(username="editor").exists()
