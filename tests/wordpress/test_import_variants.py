"""import_wordpress on exports the shared samples do not cover: authors missing from the author list,
non-Latin names and slugs, reusable blocks, old galleries, damaged bytes, WordPress.com and multisite."""

from __future__ import annotations

import pytest
from wagtail.contrib.redirects.models import Redirect

from news.models import ArticlePage, Author, NewsImage, SectionPage
from tests.wordpress.test_import import _isolated, article, category, item, jpeg, run, write_wxr  # noqa: F401


def attachment(wp_id: int, path: str, parent: int = 0, host: str = "https://old.example.kz") -> str:
    url = f"{host}/wp-content/uploads/{path}" if "files.wordpress.com" not in host else f"{host}/{path}"
    return item(
        wp_id, path.rsplit("/", 1)[-1], type="attachment", status="inherit", slug=f"file-{wp_id}", content="",
        extra=f"<wp:attachment_url>{url}</wp:attachment_url>"
        f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{path}</wp:meta_value>"
        "</wp:postmeta>",
    ).replace("<wp:post_parent>0</wp:post_parent>", f"<wp:post_parent>{parent}</wp:post_parent>")  # fmt: skip


def byline(page: ArticlePage) -> list[str]:
    return [a.author.name for a in page.article_authors.order_by("sort_order")]


@pytest.mark.django_db
def test_unknown_author_login_is_not_given_another_authors_byline(newsroom, tmp_path):
    # A login whose slug is empty (Cyrillic) once matched every unknown login by its empty slug.
    channel = (
        "<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[айгуль]]></wp:author_login>"
        "<wp:author_display_name><![CDATA[Айгүл Сәрсенова]]></wp:author_display_name></wp:author>"
    )
    path = write_wxr(
        tmp_path / "authors.xml",
        item(1, "By Aigul", slug="by-aigul", author="айгуль"),
        item(2, "By a ghost", slug="by-ghost", author="ghost"),
        item(3, "By nobody", slug="by-nobody").replace("<dc:creator><![CDATA[editor]]></dc:creator>", ""),
        channel=channel,
    )
    result = run(path)
    assert byline(article("by-aigul")) == ["Айгүл Сәрсенова"]
    assert byline(article("by-ghost")) == ["ghost"]
    assert byline(article("by-nobody")) == []
    assert Author.objects.get(name="Айгүл Сәрсенова").slug == "айгүл-сәрсенова"
    assert "authors missing from the export's author list: named after their login (1)" in result.out
    assert "posts without an author in the export: imported with an empty byline (1)" in result.out


@pytest.mark.django_db
def test_non_latin_slugs_entities_and_parent_chains(newsroom, tmp_path, client):
    # WordPress writes the child category before its parent when the parent was created later.
    channel = (
        "<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>child</wp:category_nicename>"
        "<wp:category_parent>parent</wp:category_parent><wp:cat_name><![CDATA[Arts &amp; Crafts]]></wp:cat_name>"
        "</wp:category><wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>parent</wp:category_nicename>"
        "<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Parent]]></wp:cat_name></wp:category>"
    )
    tag = '<category domain="post_tag" nicename="%d0%bc%d0%b8%d1%80"><![CDATA[Мир &amp; труд]]></category>'
    path = write_wxr(
        tmp_path / "terms.xml",
        item(1, "Привет", slug="%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80",
             extra=category("Arts &amp; Crafts", "child") + tag),
        channel=channel,
    )  # fmt: skip
    run(path)
    page = article("привет-мир")
    assert page.get_parent().title == "Arts & Crafts"
    assert list(page.tags.names()) == ["Мир & труд"]
    assert client.get(page.url).status_code == 200
    old = set(Redirect.objects.values_list("old_path", flat=True))
    assert {"/category/parent/child", "/category/child", "/tag/мир"} <= old


@pytest.mark.django_db
def test_empty_titles_empty_bodies_and_zero_dates(newsroom, tmp_path):
    zero = "0000-00-00 00:00:00"
    path = write_wxr(
        tmp_path / "empty.xml",
        item(1, "", slug="", content="<p>A story with no headline at all.</p>"),
        item(2, "Nothing inside", slug="nothing", content=""),
        item(3, "Unfinished", slug="", status="draft", gmt=zero, local=zero),
        item(4, "No GMT", slug="no-gmt").replace(
            "<wp:post_date_gmt>2024-05-01 06:00:00</wp:post_date_gmt>", ""
        ),
    )
    result = run(path)
    assert result.row("posts") == {"imported": 4, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    assert (
        ArticlePage.objects.get(slug="a-story-with-no-headline-at-all").title
        == "A story with no headline at all."
    )
    assert list(article("nothing").body) == []
    assert "imported with an empty body (1)" in result.out
    draft = article("unfinished")
    assert not draft.live and draft.date_published is None
    assert article("no-gmt").date_published.isoformat() == "2024-05-01T11:00:00+00:00"
    assert "read as UTC (use --timezone) (1)" in result.out


@pytest.mark.django_db
def test_reusable_blocks_are_copied_into_the_posts(newsroom, tmp_path):
    reusable = item(60, "Newsletter box", type="wp_block", slug="newsletter", status="publish",
                    content="<!-- wp:paragraph --><p>Subscribe to our newsletter.</p><!-- /wp:paragraph -->")  # fmt: skip
    content = (
        "<!-- wp:paragraph --><p>Story.</p><!-- /wp:paragraph -->"
        '<!-- wp:block {"ref":60} /--><!-- wp:block {"ref":404} /-->'
    )
    result = run(
        write_wxr(tmp_path / "blocks.xml", item(1, "Story", slug="story", content=content), reusable)
    )
    text = " ".join(str(block.value) for block in article("story").body)
    assert "Story." in text and "Subscribe to our newsletter." in text
    assert "reusable blocks not in the export (left out of the posts using them) (1)" in result.out
    assert '#404 in "Story" (#1)' in result.out
    assert "WordPress internal items (wp_block)" not in result.out


@pytest.mark.django_db
def test_old_gallery_block_and_gallery_shortcode_without_ids_import_images(newsroom, tmp_path):
    uploads = tmp_path / "uploads"
    for name in ("a", "b", "c"):
        jpeg(uploads / f"2020/01/{name}.jpg")
    old_block = (
        '<!-- wp:gallery {"ids":[11,12]} --><ul class="wp-block-gallery columns-2"><li class="blocks-gallery-'
        'item"><figure><img src="https://old.example.kz/wp-content/uploads/2020/01/a-1024x683.jpg" data-id="11"'
        ' class="wp-image-11"/></figure></li><li class="blocks-gallery-item"><figure><img src="https://old.'
        'example.kz/wp-content/uploads/2020/01/b.jpg" data-id="12"/></figure></li></ul><!-- /wp:gallery -->'
    )
    path = write_wxr(
        tmp_path / "galleries.xml",
        attachment(11, "2020/01/a.jpg"), attachment(12, "2020/01/b.jpg"),
        attachment(13, "2020/01/c.jpg", parent=2),
        item(1, "Block gallery", slug="block-gallery", content=old_block),
        item(2, "Classic gallery", slug="classic-gallery", content="Photos:\n\n[gallery]"),
    )  # fmt: skip
    run(path, "--uploads", str(uploads))
    block_images = [b.value["image"].title for b in article("block-gallery").body if b.block_type == "image"]
    assert block_images == ["a.jpg", "b.jpg"]
    classic = [b.value["image"].title for b in article("classic-gallery").body if b.block_type == "image"]
    assert classic == ["c.jpg"]


@pytest.mark.django_db
def test_missing_featured_image_and_resized_inline_variant(newsroom, tmp_path):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2024/05/photo.jpg")
    thumbnail = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{}</wp:meta_value></wp:postmeta>"
    )
    resized = (
        '<p>Look:</p><img src="https://old.example.kz/wp-content/uploads/2024/05/photo-300x200.jpg" alt="x">'
    )
    path = write_wxr(
        tmp_path / "images.xml",
        attachment(50, "2024/05/photo.jpg"),
        item(1, "Gone", slug="gone", extra=thumbnail.format(999)),
        item(2, "Resized", slug="resized", content=resized, extra=thumbnail.format(50)),
    )
    result = run(path, "--uploads", str(uploads), "-v", "2")
    assert article("gone").lead_image is None and article("gone").live
    assert "attachments skipped: not in the export (1)" in result.out
    assert '#999 in "Gone" (#1)' in result.out
    page = article("resized")
    (inline,) = [b.value for b in page.body if b.block_type == "image"]
    assert inline["image"] == page.lead_image == NewsImage.objects.get()


@pytest.mark.django_db
def test_control_characters_and_blank_lines_before_the_declaration(newsroom, tmp_path):
    path = write_wxr(tmp_path / "dirty.xml", item(1, "Pasted\x0b title", slug="pasted",
                                                   content="<p>From\x1f Word\x08.</p>"))  # fmt: skip
    path.write_bytes(b"\n\n" + path.read_bytes())
    result = run(path)
    page = article("pasted")
    assert page.title == "Pasted title"
    assert "From Word." in str(page.body[0].value)
    assert "control characters) removed from the export (3)" in result.out
    assert "blank lines before the XML declaration ignored (2)" in result.out


@pytest.mark.django_db
def test_wordpress_com_export_finds_its_files(newsroom, tmp_path):
    uploads = tmp_path / "uploads"
    jpeg(uploads / "2019/03/steppe.jpg")
    jpeg(uploads / "2019/03/loose.jpg")
    content = (
        '<img src="https://oldcourier.files.wordpress.com/2019/03/steppe.jpg?w=300" class="wp-image-21" alt="a">'
        '<p>Text</p><img src="https://oldcourier.files.wordpress.com/2019/03/loose.jpg?w=1024" alt="b">'
    )
    path = write_wxr(
        tmp_path / "wpcom.xml",
        attachment(21, "2019/03/steppe.jpg", host="https://oldcourier.files.wordpress.com"),
        item(1, "From WordPress.com", slug="wpcom", content=content),
    )
    path.write_text(path.read_text().replace("https://old.example.kz", "https://oldcourier.wordpress.com"))
    result = run(path, "--uploads", str(uploads))
    images = [b.value for b in article("wpcom").body if b.block_type == "image"]
    assert [i["alt"] for i in images] == ["a", "b"]
    assert NewsImage.objects.count() == 2
    assert "image on another site" not in result.out


@pytest.mark.django_db
def test_multisite_export_reads_files_under_sites(newsroom, tmp_path):
    uploads = tmp_path / "uploads"  # a copy of the whole network's wp-content/uploads
    jpeg(uploads / "sites/3/2022/07/city.jpg")
    path = write_wxr(
        tmp_path / "multisite.xml",
        attachment(31, "2022/07/city.jpg").replace("/wp-content/uploads/2022", "/wp-content/uploads/sites/3/2022"),
        item(1, "City", slug="city", link="https://old.example.kz/almaty/2022/07/01/city/",
             content='<!-- wp:image {"id":31} --><figure class="wp-block-image"><img src="https://old.example.kz/'
             'wp-content/uploads/sites/3/2022/07/city-768x512.jpg" class="wp-image-31"/></figure><!-- /wp:image -->'),
    )  # fmt: skip
    path.write_text(
        path.read_text().replace(
            "<wp:base_blog_url>https://old.example.kz</wp:base_blog_url>",
            "<wp:base_blog_url>https://old.example.kz/almaty</wp:base_blog_url>",
        )
    )
    run(path, "--uploads", str(uploads))
    page = article("city")
    assert [b.block_type for b in page.body] == ["image"]
    assert Redirect.objects.filter(old_path="/almaty/2022/07/01/city", redirect_page=page).exists()
    assert Redirect.objects.filter(
        old_path=Redirect.normalise_path("/almaty/?p=1"), redirect_page=page
    ).exists()
    assert SectionPage.objects.filter(slug="news").exists()
