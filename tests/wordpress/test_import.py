"""manage.py import_wordpress, end to end: real and hand-made WordPress exports into a test newsroom.

These tests need Django (unlike the rest of tests/wordpress); conftest.py skips this module when
pytest runs with ``-p no:django``.
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision, Site

from news.models import ArticlePage, Author, HomePage, NewsImage, SectionPage, StandardPage
from tests.conftest import require_or_skip
from tests.factories import make_image
from tests.wordpress.conftest import FIXTURES, SAMPLES
from wordpress.importer import WordPressImporter, country_code
from wordpress.models import ImportedObject

HERALD = FIXTURES / "steppe-wxr-1.2.xml"
HERALD_1_0 = FIXTURES / "steppe-wxr-1.0.xml"


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """The project's test isolation (tests/conftest.py), which tests/wordpress/conftest.py turns off."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# --------------------------------------------------------------------------- helpers


class Result:
    def __init__(self, out: str, err: str, error: str | None) -> None:
        self.out, self.err, self.error = out, err, error

    def row(self, kind: str) -> dict[str, int]:
        """One row of the summary table: {"imported": n, "updated": n, ...}."""
        match = re.search(rf"^{kind} +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$", self.out, re.M)
        assert match, f"no {kind} row in:\n{self.out}"
        return dict(
            zip(
                ("imported", "updated", "unchanged", "skipped", "failed"),
                map(int, match.groups()),
                strict=True,
            )
        )


def run(path: Path | str, *args: str, expect_error: bool = False) -> Result:
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("import_wordpress", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        error = str(exc)
        if not expect_error:
            raise AssertionError(f"{error}\n{out.getvalue()}") from exc
    else:
        assert not expect_error, out.getvalue()
    return Result(out.getvalue(), err.getvalue(), error)


def jpeg(path: Path, size=(640, 400), color=(40, 90, 160)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, color).save(path, "JPEG")
    return path


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A local copy of the Herald's wp-content/uploads (x.png is missing on purpose)."""
    root = tmp_path / "uploads"
    jpeg(root / "2025/03/queue.jpg", color=(200, 40, 40))
    jpeg(root / "2025/03/kazan.jpg", color=(40, 200, 40))
    return root


def article(slug: str) -> ArticlePage:
    return ArticlePage.objects.get(slug=slug)


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "standard": StandardPage.objects.count(),
        "sections": SectionPage.objects.count(),
        "images": NewsImage.objects.count(),
        "authors": Author.objects.count(),
        "tags": Tag.objects.count(),
        "redirects": Redirect.objects.count(),
        "revisions": Revision.objects.count(),
        "origins": ImportedObject.objects.count(),
    }


ITEM = """<item>
  <title><![CDATA[{title}]]></title>
  <link>{link}</link>
  <dc:creator><![CDATA[{author}]]></dc:creator>
  <guid isPermaLink="false">https://old.example.kz/?p={id}</guid>
  <content:encoded><![CDATA[{content}]]></content:encoded>
  <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
  <wp:post_id>{id}</wp:post_id>
  <wp:post_date>{local}</wp:post_date>
  <wp:post_date_gmt>{gmt}</wp:post_date_gmt>
  <wp:post_name><![CDATA[{slug}]]></wp:post_name>
  <wp:status>{status}</wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:post_type>{type}</wp:post_type>
  <wp:post_password></wp:post_password>
  <wp:is_sticky>0</wp:is_sticky>
  {extra}
</item>"""


def item(id: int, title: str, **fields: str) -> str:
    values = {
        "id": id, "title": title, "slug": f"post-{id}", "status": "publish", "type": "post",
        "author": "editor", "content": f"<p>Body of {title}.</p>", "excerpt": "",
        "gmt": "2024-05-01 06:00:00", "local": "2024-05-01 11:00:00", "extra": "",
        "link": f"https://old.example.kz/2024/05/01/post-{id}/",
    }  # fmt: skip
    values.update(fields)
    return ITEM.format(**values)


def category(name: str, slug: str) -> str:
    return f'<category domain="category" nicename="{slug}"><![CDATA[{name}]]></category>'


def write_wxr(path: Path, *items: str, channel: str = "") -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
        "<channel><title>Old Courier</title><link>https://old.example.kz</link><language>en-US</language>\n"
        "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.kz</wp:base_site_url>\n"
        "<wp:base_blog_url>https://old.example.kz</wp:base_blog_url>\n"
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>editor</wp:author_login>"
        "<wp:author_display_name><![CDATA[Dana Editor]]></wp:author_display_name></wp:author>\n"
        + channel
        + "\n".join(items)
        + "\n</channel></rss>\n",
        encoding="utf-8",
    )
    return path


# --------------------------------------------------------------------------- the Herald fixture


@pytest.mark.django_db
def test_herald_export_imports_everything_it_can(newsroom, uploads):
    result = run(HERALD, "--uploads", str(uploads))
    assert result.row("posts") == {"imported": 4, "updated": 0, "unchanged": 0, "skipped": 2, "failed": 0}
    assert result.row("pages") == {"imported": 2, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    assert result.row("attachments")["imported"] == 2
    assert result.row("authors")["imported"] == 3
    assert "private (--include-private imports them as drafts)" in result.out
    assert "in the trash (--include-trash imports them as drafts)" in result.out
    assert 'custom post type "event"' in result.out and "Jazz night" in result.out
    assert 'menu "Main menu": 1 item(s)' in result.out
    assert "comments (steppe has no comments) (2)" in result.out

    story = article("parliament-elections")
    assert story.live and not story.has_unpublished_changes
    assert story.get_parent().specific == newsroom.sections["politics"]  # matched by slug, not duplicated
    assert story.title == "Parliament elections: turnout at 61%"
    assert story.standfirst == "Turnout reached 61% across the country."  # [caption] stripped
    assert story.date_published == datetime(2025, 3, 1, 6, 30, tzinfo=UTC)
    assert story.first_published_at == datetime(2025, 3, 1, 6, 30, tzinfo=UTC)
    assert story.date_updated == datetime(2025, 3, 2, 9, 0, tzinfo=UTC)
    assert story.featured is True  # sticky
    assert sorted(story.tags.names()) == ["Almaty", "Elections"]
    assert [link.author.name for link in story.article_authors.all()] == ["Jane Ospanova", "Иван Петров"]
    assert story.lead_image.title == "Queue outside school"
    assert story.lead_image_credit == "Асель Нур"  # from the attachment's image_meta
    assert [block.block_type for block in story.body] == [
        "paragraph", "heading", "paragraph", "quote", "image", "embed", "paragraph", "html", "quote",
        "paragraph",
    ]  # fmt: skip
    image_block = story.body[4].value
    assert image_block["image"] == story.lead_image
    assert image_block["caption"] == "Queue outside school No. 12"
    assert image_block["alt"] == "Voters queue in the snow"
    assert story.body[1].value["level"] == "h2"
    assert story.body[5].value["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert "<b>Almaty</b>" in story.body[0].value.source

    image = NewsImage.objects.get(title="Queue outside school")
    assert (image.alt_text, image.caption, image.credit, image.width) == (
        "Voters queue in the snow", "Queue outside school No. 12", "Асель Нур", 640,
    )  # fmt: skip
    assert image.file_hash and image.file_size

    nauryz = article("nauryz")
    assert nauryz.get_parent().title == "Culture & Arts"  # a new topic section for the category
    assert not SectionPage.objects.get(slug="culture").show_in_menus
    gallery = [b.value["image"].title for b in nauryz.body if b.block_type == "image"]
    assert gallery == ["Kazan on the fire", "Queue outside school", "Kazan on the fire"]  # imported once each
    assert NewsImage.objects.count() == 2
    assert "#999" in result.out and "not in the export" in result.out
    assert nauryz.standfirst.startswith("Families gathered at dawn.")  # generated: the excerpt is empty
    assert nauryz.lead_image is None

    draft = ArticlePage.objects.get(title="Budget draft (embargoed)")
    assert not draft.live and draft.date_published is None
    assert draft.get_latest_revision() is not None
    assert draft.get_parent().slug == "news"

    about = StandardPage.objects.get(title="About us", slug="about-2")  # the newsroom's own About stays
    assert about.live and "independent newsroom" in about.body
    team = StandardPage.objects.get(title="Team")
    assert not team.live  # password-protected in WordPress: never published by the import
    assert "password-protected" in result.out

    assert Author.objects.get(name="Айгерим Сейтқали").slug == "айгерим-сейтқали"


@pytest.mark.django_db
def test_imported_article_is_served_with_its_images(newsroom, uploads, client):
    run(HERALD, "--uploads", str(uploads))
    response = client.get("/en/politics/parliament-elections/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Parliament elections: turnout at 61%" in html
    assert "Image: Асель Нур" in html
    assert "Voters queue in the snow" in html
    assert response.context["page"].body[4].value["image"].renditions.exists()
    assert client.get("/en/authors/jane-ospanova/").status_code == 200
    assert "Parliament elections" in client.get("/en/tags/almaty/").content.decode()


@pytest.mark.django_db
def test_old_urls_redirect_permanently(newsroom, uploads, client):
    run(HERALD, "--uploads", str(uploads))
    story = article("parliament-elections")
    cases = {
        "/2025/03/01/parliament-elections/": story.url,  # the old permalink
        "/2025/03/01/parliament-elections": story.url,
        "/?p=101": story.url,  # the shortlink / guid
        "/about/": "/en/about-2/",
        "/?page_id=106": "/en/about-2/",
        "/category/politics/": "/en/politics/",
        "/category/news/politics/": "/en/politics/",
        "/tag/almaty/": "/en/tags/almaty/",
        "/author/jane/": "/en/authors/jane-ospanova/",
    }
    for old, new in cases.items():
        response = client.get(old)
        assert (old, response.status_code, response.get("Location")) == (old, 301, new)
    assert client.get(story.url).status_code == 200
    for skipped in ("/?p=104", "/?p=103"):  # private: skipped; draft: nothing to redirect to yet
        response = client.get(skipped, follow=True)
        # Not sent to a post: only the root's own language redirect, to the home page.
        assert (skipped, response.redirect_chain) == (skipped, [(f"/en/{skipped[1:]}", 302)])
        assert response.status_code == 200


@pytest.mark.django_db
def test_hostile_content_is_stripped(newsroom, uploads, client):
    run(HERALD, "--uploads", str(uploads))
    page = article("hostile")
    stored = json.dumps(page.body.get_prep_value()) + page.title + page.standfirst
    for bad in ("<script", "onclick", "onerror", "onmouseover", "onload", "javascript:", "JaVaScRiPt",
                "steal", "style=", "<svg", "<iframe"):  # fmt: skip
        assert bad not in stored, bad
    text = " ".join(str(block.value) for block in page.body)
    for kept in ("Click", "Styled text", "stays", "cell link", "bold cell", "Quoted", "svg text"):
        assert kept in text, kept
    assert '<a href="https://maps.example.com/embed?q=Almaty"' in text  # the map iframe, kept as a link
    html = client.get(page.url).content.decode()
    assert "steal()" not in html and "evil()" not in html and "javascript:" not in html


@pytest.mark.django_db
def test_hostile_titles_names_and_terms_are_plain_text(newsroom, tmp_path, client):
    evil = "<script>alert(1)</script><b onclick='x()'>Bold</b> claim"
    path = write_wxr(
        tmp_path / "evil.xml",
        item(1, evil, slug="evil", excerpt="<img src=x onerror=alert(1)>Lead",
             extra=category("<i>Evil</i> & co", "evil-co") + '<category domain="post_tag" nicename="t">'
             "<![CDATA[<script>x</script>Tag]]></category>"),
        channel='<wp:author><wp:author_login>hacker</wp:author_login><wp:author_display_name><![CDATA['
        "<img src=x onerror=alert(1)>Hacker]]></wp:author_display_name></wp:author>",
    )  # fmt: skip
    path.write_text(path.read_text().replace("[editor]]></dc:creator>", "[hacker]]></dc:creator>"))
    run(path)
    page = article("evil")
    assert page.title == "alert(1) Bold claim"
    assert page.standfirst == "Lead"
    assert page.get_parent().title == "Evil & co"
    assert list(page.tags.names()) == ["x Tag"]
    assert Author.objects.get(slug="hacker").name == "Hacker"
    html = client.get(page.url).content.decode()
    assert "onerror" not in html and "<script>alert" not in html


# --------------------------------------------------------------------------- re-runs


def snapshot() -> dict:
    """Everything an import produced, by natural keys (no database ids), to compare two runs."""
    image_titles = dict(NewsImage.objects.values_list("pk", "title"))

    def body(value):
        data = json.loads(json.dumps(value.get_prep_value()))
        for block in data:
            if block["type"] == "image":
                block["value"]["image"] = image_titles.get(block["value"]["image"])
        return data

    pages = []
    for page in Page.objects.order_by("path").specific():
        row = [page.url_path, page.title, page.live, page.has_unpublished_changes, page.revisions.count()]
        if isinstance(page, ArticlePage):
            row += [page.standfirst, body(page.body), page.countries, page.featured, str(page.date_published),
                    str(page.date_updated), page.lead_image.title if page.lead_image else None,
                    page.lead_image_credit, sorted(page.tags.names()),
                    [a.author.slug for a in page.article_authors.order_by("sort_order")]]  # fmt: skip
        elif isinstance(page, StandardPage):
            row.append(re.sub(r'id="\d+"', lambda m: "id", page.body))
        pages.append(row)
    return {
        "pages": pages,
        "images": sorted(NewsImage.objects.values_list("title", "credit", "caption", "alt_text", "width")),
        "authors": sorted(Author.objects.values_list("slug", "name")),
        "tags": sorted(Tag.objects.values_list("name", "slug")),
        "redirects": sorted((r.old_path, r.link) for r in Redirect.objects.all()),
        "origins": sorted(ImportedObject.objects.values_list("site_url", "wp_type", "wp_id")),
    }


@pytest.mark.django_db
def test_second_run_changes_nothing_and_duplicates_nothing(newsroom, uploads):
    run(HERALD, "--uploads", str(uploads))
    before, state = counts(), snapshot()
    again = run(HERALD, "--uploads", str(uploads))
    for kind in ("posts", "pages", "attachments", "authors", "sections", "tags", "redirects"):
        assert again.row(kind)["imported"] == 0, kind
        assert again.row(kind)["updated"] == 0, kind
    assert again.row("posts")["unchanged"] == 4
    assert again.row("pages")["unchanged"] == 2
    assert again.row("attachments")["unchanged"] == 2
    assert counts() == before
    assert snapshot() == state


@pytest.mark.django_db
def test_changed_posts_are_updated_in_place(newsroom, uploads, tmp_path):
    run(HERALD, "--uploads", str(uploads))
    story = article("parliament-elections")
    before = counts()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        HERALD.read_text()
        .replace("Parliament elections: turnout at 61%", "Parliament elections: final turnout 62%")
        .replace(
            '<category domain="category" nicename="politics"><![CDATA[Politics]]></category>',
            '<category domain="category" nicename="economy"><![CDATA[Economy]]></category>',
        )  # fmt: skip
    )
    result = run(changed, "--uploads", str(uploads))
    assert result.row("posts") == {"imported": 0, "updated": 1, "unchanged": 3, "skipped": 2, "failed": 0}
    moved = ArticlePage.objects.get(pk=story.pk)
    assert moved.title == "Parliament elections: final turnout 62%"
    assert moved.get_parent().specific == newsroom.sections["economy"]
    assert moved.live and moved.revisions.count() == 2
    after = counts()
    assert {k: after[k] - before[k] for k in after} == {
        "pages": 0, "articles": 0, "standard": 0, "sections": 0, "images": 0, "authors": 0, "tags": 0,
        "redirects": 2, "revisions": 1, "origins": 1,  # /category/economy/ and its term origin are new
    }  # fmt: skip
    # ...and Wagtail redirects the article's previous steppe URL, so links made since keep working too
    assert Redirect.objects.filter(automatically_created=True, redirect_page=story).exists()


@pytest.mark.django_db
def test_status_changes_follow_wordpress(newsroom, tmp_path, client):
    path = tmp_path / "status.xml"
    write_wxr(path, item(1, "Changing", slug="changing"))
    run(path)
    page = article("changing")
    assert page.live and client.get("/?p=1").status_code == 301
    write_wxr(path, item(1, "Changing", slug="changing", status="draft"))
    result = run(path)
    assert result.row("posts")["updated"] == 1 and "no longer published in WordPress" in result.out
    assert not ArticlePage.objects.get(pk=page.pk).live
    write_wxr(path, item(1, "Changing again", slug="changing", status="publish"))
    run(path)
    again = ArticlePage.objects.get(pk=page.pk)
    assert again.live and again.title == "Changing again"
    again.delete()  # an editor deletes it; the next run brings it back, once
    result = run(path)
    assert result.row("posts")["imported"] == 1
    assert ArticlePage.objects.filter(slug="changing").count() == 1
    assert client.get("/?p=1")["Location"] == article("changing").url


@pytest.mark.django_db
def test_pages_keep_their_images(newsroom, tmp_path, client):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2024/05/office.jpg")
    attachment = item(
        60, "Our office", type="attachment", status="inherit", content="", excerpt="The newsroom in Almaty",
        extra="<wp:attachment_url>https://old.example.kz/wp-content/uploads/2024/05/office.jpg"
        "</wp:attachment_url>",
    )  # fmt: skip
    page = item(
        7, "Contact", type="page", slug="contact", link="https://old.example.kz/contact/",
        content='<!-- wp:image {"id":60} --><figure class="wp-block-image"><img src="https://old.example.kz/'
        'wp-content/uploads/2024/05/office-1024x768.jpg" alt="Office" class="wp-image-60"/><figcaption>'
        "Our office</figcaption></figure><!-- /wp:image --><!-- wp:paragraph --><p>Write to us.</p>"
        "<!-- /wp:paragraph --><!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=x1\"} -->"
        "<!-- /wp:embed -->",
    )  # fmt: skip
    run(write_wxr(tmp_path / "pages.xml", page, attachment), "--uploads", str(uploads))
    contact = StandardPage.objects.get(slug="contact")
    image = NewsImage.objects.get(title="Our office")
    assert f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Office"/>' in contact.body
    assert image.caption == "The newsroom in Almaty"
    response = client.get("/contact/")
    assert (response.status_code, response["Location"]) == (301, "/en/contact/")
    html = client.get("/en/contact/").content.decode()
    assert "Write to us." in html and "<img" in html and 'href="https://www.youtube.com/watch?v=x1"' in html


@pytest.mark.django_db
def test_images_without_an_attachment_are_found_by_file(newsroom, tmp_path):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2024/05/pic.jpg")
    content = (
        '<p>One</p><img src="https://old.example.kz/wp-content/uploads/2024/05/pic-300x200.jpg" alt="Small">'
        '<p>Two</p><img src="/wp-content/uploads/2024/05/pic.jpg" alt="Big">'
        '<p>Three</p><img src="https://cdn.elsewhere.org/hotlinked.jpg" alt="Elsewhere">'
    )
    result = run(write_wxr(tmp_path / "files.xml", item(1, "Pictures", slug="pics", content=content)),
                 "--uploads", str(uploads))  # fmt: skip
    images = [b.value for b in article("pics").body if b.block_type == "image"]
    assert [i["alt"] for i in images] == ["Small", "Big"]
    assert images[0]["image"] == images[1]["image"] == NewsImage.objects.get()  # one file, one image
    assert "image on another site (never downloaded)" in result.out
    assert "https://cdn.elsewhere.org/hotlinked.jpg" in result.out


@pytest.mark.django_db
def test_lead_image_without_a_credit_is_credited_to_the_old_site(newsroom, tmp_path, client):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2024/05/square.jpg")
    attachment = item(
        70, "Square", type="attachment", status="inherit", content="",
        extra="<wp:attachment_url>https://old.example.kz/wp-content/uploads/2024/05/square.jpg"
        "</wp:attachment_url>",
    )  # fmt: skip
    thumbnail = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>70</wp:meta_value></wp:postmeta>"
    )
    result = run(write_wxr(tmp_path / "credit.xml", item(1, "Square news", slug="square", extra=thumbnail),
                           attachment), "--uploads", str(uploads))  # fmt: skip
    page = article("square")
    assert page.lead_image.title == "Square" and page.lead_image.credit == ""
    assert page.lead_image_credit == "Old Courier"  # the required credit, from the site's name
    assert 'lead images without a credit in WordPress: credited to "Old Courier" (1)' in result.out
    assert "Image: Old Courier" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_interrupted_run_resumes_to_the_same_state(newsroom, uploads):
    clean = transaction.savepoint()
    run(HERALD, "--uploads", str(uploads))
    expected, expected_counts = snapshot(), counts()
    transaction.savepoint_rollback(clean)
    assert not ArticlePage.objects.exists()

    calls = {"n": 0}
    original = WordPressImporter.page_redirects

    def crash_on_fourth(self, item, page):
        calls["n"] += 1
        if calls["n"] == 4:  # the last post: its page is written and published, then Ctrl-C
            raise KeyboardInterrupt
        return original(self, item, page)

    with mock.patch.object(WordPressImporter, "page_redirects", crash_on_fourth):
        result = run(HERALD, "--uploads", str(uploads), expect_error=True)
    assert "Interrupted after" in result.error and "Run the same command again to resume" in result.error
    assert ArticlePage.objects.count() == 3  # the interrupted item left nothing behind
    assert not ArticlePage.objects.filter(slug="hostile").exists()
    assert not ImportedObject.objects.filter(wp_type="post", wp_id="110").exists()

    resumed = run(HERALD, "--uploads", str(uploads))
    assert resumed.row("posts")["unchanged"] == 3 and resumed.row("posts")["imported"] == 1
    assert snapshot() == expected
    assert counts() == expected_counts


@pytest.mark.django_db
def test_limit_stops_early_and_a_later_run_completes(newsroom, uploads):
    first = run(HERALD, "--uploads", str(uploads), "--limit", "2")
    assert "Stopped after --limit 2 items" in first.out
    assert ArticlePage.objects.count() == 1
    run(HERALD, "--uploads", str(uploads))
    assert ArticlePage.objects.count() == 4


@pytest.mark.django_db
def test_dry_run_writes_nothing(newsroom, uploads, settings):
    before = counts()
    result = run(HERALD, "--uploads", str(uploads), "--dry-run")
    assert "Dry run: nothing was written." in result.out
    assert result.row("posts")["imported"] == 4 and result.row("attachments")["imported"] == 2
    assert counts() == before
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def media_tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.django_db
def test_dry_run_writes_no_file_anywhere_on_local_disk(newsroom, uploads, settings):
    from django.core.files.storage import FileSystemStorage

    make_image("Already stored")  # a media folder that holds files must stay as it was
    media = Path(settings.MEDIA_ROOT)
    before = media_tree(media)
    assert before
    # Not into MEDIA_ROOT, nor into a temporary folder, nor through any other file storage.
    with mock.patch.object(FileSystemStorage, "_save", side_effect=AssertionError("dry run wrote a file")):
        result = run(HERALD, "--uploads", str(uploads), "--dry-run")
    attachments = result.row("attachments")
    assert attachments["imported"] == 2 and attachments["failed"] == 0
    assert media_tree(media) == before


@pytest.mark.django_db
def test_dry_run_storage_reads_stored_files_and_wraps_storages_fields_hold(tmp_path):
    from django.core.files.storage import FileSystemStorage

    from news.models import NewsRendition
    from wordpress.dry_run import media_kept_in_memory

    image = make_image("Stored before the dry run")
    field = NewsRendition._meta.get_field("file")
    own = FileSystemStorage(location=tmp_path / "renditions")  # as WAGTAILIMAGES_RENDITION_STORAGE
    with mock.patch.object(field, "storage", own):
        with media_kept_in_memory():
            # The original is read from the real storage; the rendition is written to memory only.
            rendition = image.get_rendition("width-100")
            assert rendition.file.storage.exists(rendition.file.name)
            assert rendition.file.storage.size(rendition.file.name) > 0
        assert field.storage is own
        assert not (tmp_path / "renditions").exists()
        assert not own.exists(rendition.file.name)


@pytest.fixture(scope="module")
def s3():
    from tests.deploy.s3 import s3_server

    with s3_server("steppe-import") as server:
        yield server


@pytest.fixture
def s3_media(settings, s3):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3.storage_options()},
    }
    client = s3.client()
    for found in client.list_objects_v2(Bucket=s3.bucket).get("Contents", []):
        client.delete_object(Bucket=s3.bucket, Key=found["Key"])
    return s3


def bucket(s3) -> dict[str, str]:
    """Every object in the bucket and its ETag (which changes with its content)."""
    listing = s3.client().list_objects_v2(Bucket=s3.bucket).get("Contents", [])
    return {found["Key"]: found["ETag"] for found in listing}


@pytest.mark.django_db
def test_dry_run_with_s3_media_leaves_the_bucket_as_it_was(newsroom, uploads, s3_media, settings):
    result = run(HERALD, "--uploads", str(uploads), "--dry-run")
    assert result.row("attachments")["imported"] == 2
    assert bucket(s3_media) == {}
    assert NewsImage.objects.count() == 0
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))

    # A real import does upload, to the bucket.
    run(HERALD, "--uploads", str(uploads))
    stored = bucket(s3_media)
    originals = sorted(key.rsplit("/", 1)[-1] for key in stored if "/original_images/" in key)
    assert originals == ["kazan.jpg", "queue.jpg"]
    assert {f"media/{image.file.name}" for image in NewsImage.objects.all()} <= set(stored)

    # A dry run that would replace an image neither uploads the new file nor deletes the old one.
    jpeg(uploads / "2025/03/queue.jpg", color=(10, 10, 10))
    result = run(HERALD, "--uploads", str(uploads), "--dry-run")
    assert result.row("attachments")["updated"] == 1
    assert bucket(s3_media) == stored


# --------------------------------------------------------------------------- problems


@pytest.mark.django_db
def test_missing_upload_is_reported_and_the_article_still_imports(newsroom, tmp_path):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2025/03/kazan.jpg")  # queue.jpg missing
    result = run(HERALD, "--uploads", str(uploads))
    assert "attachments skipped: file not found in the uploads folder" in result.out
    assert "https://herald.example.kz/wp-content/uploads/2025/03/queue.jpg" in result.out
    story = article("parliament-elections")
    assert story.live and story.lead_image is None
    assert "image" not in [b.block_type for b in story.body]
    assert "Queue outside school No. 12" in [str(b.value) for b in story.body][4]  # caption kept as text


@pytest.mark.django_db
def test_without_uploads_images_are_reported_not_fetched(newsroom):
    with mock.patch("socket.socket.connect", side_effect=AssertionError("no network")):
        result = run(HERALD)
    assert "attachments skipped: no --uploads folder given (3)" in result.out
    assert ArticlePage.objects.count() == 4 and NewsImage.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["malformed-simple.xml", "crazy-cdata.xml"])
def test_malformed_file_stops_with_its_line_and_writes_nothing(newsroom, name):
    before = counts()
    result = run(SAMPLES / name, expect_error=True)
    assert re.search(rf"{name}: XML error at line \d+, column \d+", result.error)
    assert "Nothing was imported." in result.error
    assert counts() == before


@pytest.mark.django_db
def test_broken_item_after_good_ones_writes_nothing(newsroom, tmp_path):
    path = write_wxr(tmp_path / "broken.xml", item(1, "Good one"), item(2, "Good two"))
    text = path.read_text().replace("<title><![CDATA[Good two]]></title>", "<title>Good <b>two</title>")
    path.write_text(text)
    line = text[: text.index("Good <b>two")].count("\n") + 1
    result = run(path, expect_error=True)
    assert f"XML error at line {line}" in result.error or f"XML error at line {line + 1}" in result.error
    assert not ArticlePage.objects.exists()  # the whole file is read before anything is written


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, message",
    [
        (SAMPLES / "missing-version-tag.xml", "missing/invalid WXR version"),
        (FIXTURES / "xxe.xml", "refusing a DOCTYPE with entity declarations"),
        (FIXTURES / "billion-laughs.xml", "refusing a DOCTYPE with entity declarations"),
    ],
)
def test_unusable_files_are_refused(newsroom, path, message):
    result = run(path, expect_error=True)
    assert message in result.error
    assert not ArticlePage.objects.exists()


@pytest.mark.django_db
def test_failing_item_is_reported_and_undone(newsroom, uploads, settings):
    original = WordPressImporter.page_redirects

    def fail_for_nauryz(self, item, page):
        if item.wp_id == 102:
            raise RuntimeError("disk full")
        return original(self, item, page)

    with mock.patch.object(WordPressImporter, "page_redirects", fail_for_nauryz):
        result = run(HERALD, "--uploads", str(uploads), expect_error=True)
    assert "1 item(s) failed" in result.error
    assert (
        "posts failed: RuntimeError: disk full (1)" in result.out and "Nauryz in the old town" in result.out
    )
    assert not ArticlePage.objects.filter(slug="nauryz").exists()
    assert not SectionPage.objects.filter(slug="culture").exists()  # created for it, undone with it
    assert ArticlePage.objects.count() == 3
    # the image the failed item made was undone with it (file too); the attachment's own item made it again
    stored = {p.name for p in (Path(settings.MEDIA_ROOT) / "original_images").iterdir()}
    assert stored == {Path(image.file.name).name for image in NewsImage.objects.all()}
    assert NewsImage.objects.filter(title="Kazan on the fire").count() == 1


@pytest.mark.django_db
def test_uploads_cannot_escape_their_folder(newsroom, tmp_path):
    jpeg(tmp_path / "secret.jpg")
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "2024").mkdir()
    (uploads / "2024" / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    attachment = item(
        50, "Sneaky", type="attachment", status="inherit", content="",
        extra="<wp:attachment_url>https://old.example.kz/wp-content/uploads/../../secret.jpg</wp:attachment_url>"
        "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>../secret.jpg"
        "</wp:meta_value></wp:postmeta>",
    )  # fmt: skip
    linked = item(
        51, "Linked", type="attachment", status="inherit", content="",
        extra="<wp:attachment_url>https://old.example.kz/wp-content/uploads/2024/link.jpg</wp:attachment_url>",
    )  # fmt: skip
    post = item(1, "Post", extra="<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                "<wp:meta_value>50</wp:meta_value></wp:postmeta>")  # fmt: skip
    result = run(write_wxr(tmp_path / "sneaky.xml", attachment, linked, post), "--uploads", str(uploads))
    assert NewsImage.objects.count() == 0
    assert result.row("attachments")["skipped"] == 2
    assert article("post-1").lead_image is None


@pytest.mark.django_db
def test_index_tasks_are_queued_once_per_object(newsroom, uploads, settings):
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        pytest.skip("needs the database task backend to look at the queue")
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    run(HERALD, "--uploads", str(uploads))
    queued = [
        (t.task_path.rsplit(".", 1)[-1], tuple(t.args_kwargs["args"])) for t in DBTaskResult.objects.all()
    ]
    index_tasks = [
        q for q in queued if q[0] in ("insert_or_update_object_task", "update_reference_index_task")
    ]
    assert len(index_tasks) == len(set(index_tasks))  # Wagtail would queue both on every save
    story = article("parliament-elections")
    assert ("insert_or_update_object_task", ("news", "articlepage", str(story.pk))) in queued
    assert ("update_reference_index_task", ("news", "articlepage", str(story.pk))) in queued
    before = DBTaskResult.objects.count()
    Author.objects.create(name="Saved after the import")  # Wagtail's own handlers are back
    assert DBTaskResult.objects.count() > before


# --------------------------------------------------------------------------- mapping rules


def test_country_names_and_slugs():
    assert country_code("Kazakhstan") == "KZ"
    assert country_code("Казахстан") == "KZ"
    assert country_code("%d0%ba%d0%b0%d0%b7%d0%b0%d1%85%d1%81%d1%82%d0%b0%d0%bd") == "KZ"
    assert country_code("Қазақстан") == "KZ"
    assert country_code("kyrgyz-republic") == "KG"
    assert country_code("O‘zbekiston") == country_code("Oʻzbekiston") == "UZ"
    assert country_code("tajikistan") == "TJ" and country_code("Туркменистан") == "TM"
    assert country_code("Economy") is None and country_code("kz") is None


@pytest.mark.django_db
def test_categories_become_sections_and_countries(newsroom, tmp_path, client):
    cyrillic_slug = "%d0%ba%d0%b0%d0%b7%d0%b0%d1%85%d1%81%d1%82%d0%b0%d0%bd"
    path = write_wxr(
        tmp_path / "countries.xml",
        item(1, "Grain exports", slug="grain",
             extra=category("Казахстан", cyrillic_slug) + category("Economy", "economy")
             + category("Oʻzbekiston", "uzbekistan-news")),
        item(2, "Steppe fires", slug="fires", extra=category("Kazakhstan", "kazakhstan")),
        item(3, "Bishkek vote", slug="bishkek", extra=category("Кыргызстан", "kyrgyzstan")),
        item(4, "Two topics", slug="two",
             extra=category("Society", "society") + category("Economy", "economy")),
        item(5, "No category", slug="none", extra=category("Uncategorized", "uncategorized")),
    )  # fmt: skip
    result = run(path, "--section-default", "politics")
    grain = article("grain")
    assert grain.get_parent().specific == newsroom.sections["economy"]
    assert grain.country_codes == ["KZ", "UZ"]
    fires = article("fires")
    assert fires.get_parent().specific == newsroom.sections["kazakhstan"]
    assert fires.country_codes == ["KZ"]
    bishkek = article("bishkek")
    assert bishkek.get_parent().specific.country == "KG"  # a new country section
    assert bishkek.get_parent().title == "Кыргызстан"
    two = article("two")
    assert two.get_parent().title == "Society" and list(two.tags.names()) == ["Economy"]
    assert article("none").get_parent().specific == newsroom.sections["politics"]
    assert result.row("sections") == {"imported": 2, "updated": 0, "unchanged": 3, "skipped": 0, "failed": 0}
    listing = client.get("/en/kazakhstan/").content.decode()
    assert "Grain exports" in listing and "Steppe fires" in listing  # country sections list all


@pytest.mark.django_db
def test_coauthors_and_guest_authors_make_the_byline(newsroom, tmp_path, client):
    guest = item(
        900, "Guest Writer", type="guest-author", status="publish", slug="cap-guest-writer", content="",
        extra="<wp:postmeta><wp:meta_key>cap-display_name</wp:meta_key><wp:meta_value>Gulnara Guest"
        "</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>cap-user_login</wp:meta_key>"
        "<wp:meta_value>guest-writer</wp:meta_value></wp:postmeta><wp:postmeta>"
        "<wp:meta_key>cap-description</wp:meta_key><wp:meta_value>Writes from Osh.</wp:meta_value>"
        "</wp:postmeta>",
    )  # fmt: skip
    post = item(
        1, "Joint report", slug="joint",
        extra='<category domain="author" nicename="cap-guest-writer"><![CDATA[guest-writer]]></category>'
        '<category domain="author" nicename="cap-editor"><![CDATA[editor]]></category>',
    )  # fmt: skip
    result = run(write_wxr(tmp_path / "cap.xml", post, guest))  # the guest's item comes after the post
    page = article("joint")
    byline = [link.author for link in page.article_authors.order_by("sort_order")]
    assert [a.name for a in byline] == ["Gulnara Guest", "Dana Editor"]
    assert byline[0].bio == "Writes from Osh."
    assert result.row("authors") == {"imported": 2, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    assert 'custom post type "guest-author"' not in result.out
    assert client.get("/author/guest-writer/")["Location"] == f"/en/authors/{byline[0].slug}/"


@pytest.mark.django_db
def test_private_and_trashed_posts_on_request_become_drafts(newsroom, uploads):
    result = run(HERALD, "--uploads", str(uploads), "--include-private", "--include-trash")
    assert result.row("posts") == {"imported": 6, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    for slug in ("editors-notes", "old-rumour__trashed"):
        page = article(slug)
        assert not page.live and page.get_latest_revision() is not None


@pytest.mark.django_db
def test_scheduled_post_is_scheduled_not_live(newsroom, tmp_path):
    future = item(1, "Tomorrow", slug="tomorrow", status="future", gmt="2999-01-01 06:00:00",
                  local="2999-01-01 11:00:00")  # fmt: skip
    path = write_wxr(tmp_path / "future.xml", future)
    run(path)
    page = article("tomorrow")
    assert not page.live
    assert page.go_live_at == datetime(2999, 1, 1, 6, 0, tzinfo=UTC)
    assert page.get_latest_revision().approved_go_live_at == page.go_live_at


@pytest.mark.django_db
def test_timezone_option_places_local_only_dates(newsroom):
    assert "read as UTC (use --timezone)" in run(SAMPLES / "wptt-theme-preview.xml").out
    first = ArticlePage.objects.get(title="Worth A Thousand Words")
    assert first.date_published == datetime(2008, 10, 17, 4, 33, 51, tzinfo=UTC)
    ImportedObject.objects.all().delete()
    ArticlePage.objects.all().delete()
    run(SAMPLES / "wptt-theme-preview.xml", "--timezone", "Asia/Almaty")
    first = ArticlePage.objects.get(title="Worth A Thousand Words")
    assert first.date_published == datetime(2008, 10, 16, 22, 33, 51, tzinfo=UTC)  # 04:33:51 at UTC+6 (2008)


@pytest.mark.django_db
def test_wxr_1_0_export(newsroom, tmp_path):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2009/11/fans.jpg")
    jpeg(uploads / "2009/11/team.jpg")
    result = run(HERALD_1_0, "--uploads", str(uploads))
    assert result.row("posts")["imported"] == 2 and result.row("pages")["imported"] == 1
    story = article("kairat-wins")
    assert story.get_parent().title == "Sport" and list(story.tags.names()) == ["Football"]
    images = [b.value for b in story.body if b.block_type == "image"]
    assert [i["image"].title for i in images] == ["fans", "team"]  # by attachment id, then by file URL
    assert images[1]["caption"] == "Trophy & team"
    assert Author.objects.filter(name="admin").exists()  # no wp:author records in WXR 1.0
    unfinished = ArticlePage.objects.get(title="Unfinished column")
    assert not unfinished.live and unfinished.slug == "unfinished-column"
    assert "Phone: +7 727 000 00 00<br>Email" in StandardPage.objects.get(title="Contacts").body


@pytest.mark.django_db
def test_an_empty_site_gets_a_home_page(uploads, client):
    assert not HomePage.objects.exists()  # only Wagtail's welcome page
    result = run(HERALD, "--uploads", str(uploads))
    assert 'created a home page "Steppe Herald"' in result.out
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    story = article("parliament-elections")
    assert story.url == "/en/politics/parliament-elections/"
    assert client.get(story.url).status_code == 200
    assert client.get("/en/").status_code == 200


@pytest.mark.django_db
def test_language_option_imports_into_that_language(newsroom, uploads):
    run(HERALD, "--uploads", str(uploads), "--language", "ru")
    story = article("parliament-elections")
    assert story.locale.language_code == "ru"
    assert story.url.startswith("/ru/")
    assert not ArticlePage.objects.filter(locale__language_code="en").exists()
    run(HERALD, "--uploads", str(uploads))  # the same export into English too: a second tree
    english = ArticlePage.objects.get(slug="parliament-elections", locale__language_code="en")
    assert english.pk != story.pk and ArticlePage.objects.get(pk=story.pk).url.startswith("/ru/")
    assert Author.objects.filter(name="Jane Ospanova").count() == 1 and NewsImage.objects.count() == 2


@pytest.mark.django_db
def test_progress_goes_to_stderr(newsroom, uploads):
    result = run(HERALD, "--uploads", str(uploads))
    assert re.search(r"10/10 100% [\d.]+/s", result.err)
    assert "posts 4" in result.err
    assert "importing" not in result.out
    quiet = run(HERALD, "--uploads", str(uploads), "-v", "0")
    assert quiet.err == ""


@pytest.mark.django_db
def test_bad_options_are_refused(newsroom, tmp_path):
    for args, message in [
        (["--timezone", "Mars/Olympus"], "unknown time zone"),
        (["--language", "xx"], "this site's languages are"),
        (["--uploads", str(tmp_path / "nope")], "not a folder"),
        (["--limit", "0"], "at least 1"),
    ]:
        assert message in run(HERALD, *args, expect_error=True).error
    assert "no such file" in run(tmp_path / "missing.xml", expect_error=True).error


# --------------------------------------------------------------------------- the shared WordPress samples

# file -> (articles, of which live, standard pages, authors); None = the file must be refused
SAMPLE_RESULTS: dict[str, tuple[int, int, int, int] | None] = {
    "authors-multiline.xml": (1, 1, 0, 3),
    "backslashes.xml": (1, 1, 0, 0),
    "blank-lines.xml": (1, 1, 0, 0),
    "crazy-cdata.xml": None,
    "e2e-wxr-comprehensive.xml": (1, 1, 1, 2),
    "malformed-simple.xml": None,
    "missing-version-tag.xml": None,
    "multiple-cdata.xml": (1, 1, 0, 0),
    "term-meta.xml": (0, 0, 0, 0),
    "test-serialized-comment-meta.xml": (1, 0, 0, 1),
    "test-serialized-postmeta-with-cdata.xml": (1, 0, 0, 1),
    "valid-wxr-1.1.xml": (1, 1, 1, 1),
    "wptt-theme-preview.xml": (7, 7, 0, 1),
    "wxr-flat-attachment-same-site.xml": (1, 1, 0, 1),
    "wxr-simple.xml": (1, 1, 0, 1),
}


def test_every_sample_has_an_expected_result():
    require_or_skip(SAMPLES.is_dir(), f"the shared WXR samples at {SAMPLES}")
    assert sorted(p.name for p in SAMPLES.glob("*.xml")) == sorted(SAMPLE_RESULTS)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(SAMPLE_RESULTS))
def test_shared_sample(newsroom, name, client):
    path = SAMPLES / name
    require_or_skip(path.exists(), f"the shared WXR sample {path}")
    expected = SAMPLE_RESULTS[name]
    existing_authors = Author.objects.count()
    if expected is None:
        before = counts()
        run(path, expect_error=True)
        assert counts() == before
        return
    articles, live, pages, authors = expected
    first = run(path)
    assert ArticlePage.objects.count() == articles
    assert ArticlePage.objects.live().count() == live
    assert StandardPage.objects.count() - 1 == pages  # the newsroom's own About page
    assert Author.objects.count() - existing_authors == authors
    assert first.row("posts")["failed"] == first.row("pages")["failed"] == 0
    for page in ArticlePage.objects.live():
        assert client.get(page.url).status_code == 200
        origin = ImportedObject.objects.get(wp_type="post", object_id=page.pk)
        if origin.wp_id.isdigit():
            blog = origin.site_url.partition("/")[2] if not origin.site_url.startswith("untitled:") else ""
            response = client.get(f"/{blog}/?p={origin.wp_id}" if blog else f"/?p={origin.wp_id}")
            assert (response.status_code, response["Location"]) == (301, page.url)
    before = counts()
    again = run(path)
    assert again.row("posts")["imported"] == again.row("pages")["imported"] == 0
    assert again.row("posts")["updated"] == again.row("pages")["updated"] == 0
    assert counts() == before


@pytest.mark.django_db
def test_sample_values(newsroom, client, tmp_path):
    require_or_skip(SAMPLES.is_dir(), f"the shared WXR samples at {SAMPLES}")
    run(SAMPLES / "wxr-simple.xml", "--section-default", "economy")
    frost = ArticlePage.objects.get(slug="hello-world")
    assert frost.title == '"The Road Not Taken" by Robert Frost'
    assert frost.get_parent().specific == newsroom.sections["economy"]  # "Uncategorized" -> the default
    assert frost.standfirst.startswith("Two roads diverged")
    assert client.get("/path/?p=10")["Location"] == frost.url  # the blog lived under /path/
    assert client.get("/path/?p=1")["Location"] == frost.url  # its permalink

    run(SAMPLES / "backslashes.xml")
    assert (
        ArticlePage.objects.get(title="Paths").body[0].value.source == "<p>C:\\xampp\\htdocs\\wp-content</p>"
    )
    run(SAMPLES / "blank-lines.xml")
    assert ArticlePage.objects.get(title="Post with blanks").body[0].value.source == (
        "<p>first paragraph</p><p>second paragraph</p>"
    )

    uploads = tmp_path / "uploads"
    jpeg(uploads / "2008/06/canola2.jpg")
    run(SAMPLES / "wxr-flat-attachment-same-site.xml", "--uploads", str(uploads))
    image = NewsImage.objects.get(title="canola2")
    assert image.alt_text == "canola"
    post = ArticlePage.objects.get(title="Post with Attachment")
    assert post.body[1].value["image"] == image

    run(SAMPLES / "wptt-theme-preview.xml")
    boat = ArticlePage.objects.get(title="Worth A Thousand Words")
    assert sorted(boat.tags.names()) == ["boat", "lake"]  # bare RSS categories that are not categories
    assert client.get("/?p=19")["Location"] == boat.url
