"""The third-party WXR samples in shared/wxr-samples, with the values the upstream
WordPress importer tests (phpunit/tests/parser.php) expect, read by our streaming reader."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import require_or_skip
from tests.wordpress.conftest import SAMPLES
from wordpress.content import AttachmentIndex, attachment_ref, html_to_blocks
from wordpress.wxr import Author, Item, Site, Term, TermRef, WXRError, read_wxr

SHRUG = "¯\\_(ツ)_/¯"

# file -> (authors, terms, items) for every well-formed sample; None = must be rejected.
EXPECTED_COUNTS: dict[str, tuple[int, int, int] | None] = {
    "authors-multiline.xml": (3, 0, 1),
    "backslashes.xml": (0, 0, 1),
    "blank-lines.xml": (0, 0, 1),
    "crazy-cdata.xml": None,
    "e2e-wxr-comprehensive.xml": (2, 4, 2),
    "malformed-simple.xml": None,
    "missing-version-tag.xml": None,
    "multiple-cdata.xml": (0, 0, 1),
    "term-meta.xml": (0, 1, 0),
    "test-serialized-comment-meta.xml": (0, 0, 1),
    "test-serialized-postmeta-with-cdata.xml": (0, 0, 1),
    "valid-wxr-1.1.xml": (1, 3, 2),
    "wptt-theme-preview.xml": (0, 0, 7),
    "wxr-flat-attachment-same-site.xml": (1, 0, 2),
    "wxr-simple.xml": (1, 0, 1),
}


def read(path: Path) -> list:
    return list(read_wxr(path))


def only(records: list, kind: type) -> list:
    return [r for r in records if isinstance(r, kind)]


def test_every_sample_has_an_expectation(samples: Path) -> None:
    assert sorted(p.name for p in samples.glob("*.xml")) == sorted(EXPECTED_COUNTS)


@pytest.mark.parametrize("name", sorted(EXPECTED_COUNTS))
def test_sample_counts(name: str) -> None:
    path = SAMPLES / name
    require_or_skip(path.exists(), f"the shared WXR sample {path}")
    expected = EXPECTED_COUNTS[name]
    if expected is None:
        with pytest.raises(WXRError):
            read(path)
        return
    records = read(path)
    assert isinstance(records[0], Site)
    assert only(records, Site) == [records[0]]
    assert (len(only(records, Author)), len(only(records, Term)), len(only(records, Item))) == expected
    assert records[0].wxr_version in {"1.0", "1.1", "1.2"}


def test_valid_wxr_1_1(samples: Path) -> None:
    records = read(samples / "valid-wxr-1.1.xml")
    assert [type(r).__name__ for r in records] == ["Site", "Author", "Term", "Term", "Term", "Item", "Item"]
    site = records[0]
    assert site == Site(
        title="Export Datasets",
        link="http://localhost/",
        base_site_url="http://localhost/",
        base_blog_url="http://localhost/",
        language="en",
        wxr_version="1.1",
    )
    assert records[1] == Author(
        wp_id=2,
        login="john",
        email="johndoe@example.org",
        display_name="John Doe",
        first_name="John",
        last_name="Doe",
    )
    category, tag, term = records[2:5]
    assert category == Term("category", 3, "alpha", "alpha", "", "The alpha category", {})
    assert tag == Term("tag", 22, "clippable", "Clippable", "", "The Clippable post_tag", {})
    assert term == Term("post_tax", 40, "bieup", "bieup", "", "The bieup post_tax", {})

    post, page = records[5:]
    assert post.terms == (
        TermRef("category", "alpha", "alpha"),
        TermRef("post_tag", "clippable", "Clippable"),
        TermRef("post_tax", "bieup", "bieup"),
    )
    assert post.categories == (TermRef("category", "alpha", "alpha"),)
    assert post.tags == (TermRef("post_tag", "clippable", "Clippable"),)
    assert (post.wp_id, post.post_type, post.slug, post.status, post.author_login) == (
        1,
        "post",
        "hello-world",
        "publish",
        "john",
    )
    assert post.pub_date == datetime(2010, 10, 16, 20, 53, 18, tzinfo=UTC)
    assert post.pub_date_assumed_utc is False
    assert post.comment_count == 1
    assert post.comments[0].author == "Mr WordPress"
    assert post.comments[0].content.startswith("Hi, this is a comment.<br />")
    assert post.sticky is False and post.parent_id is None
    assert page.postmeta == {"_wp_page_template": ["default"]}
    assert (page.wp_id, page.post_type, page.link) == (2, "page", "http://localhost/?page_id=2")


def test_wxr_simple(samples: Path) -> None:
    site, author, post = read(samples / "wxr-simple.xml")
    assert site.wxr_version == "1.2" and site.base_site_url == "https://playground.internal/path"
    assert author.login == "admin" and author.email == "admin@localhost.com" and author.first_name == ""
    assert post.title == '"The Road Not Taken" by Robert Frost'
    assert (post.wp_id, post.slug, post.guid) == (10, "hello-world", "https://playground.internal/path/?p=1")
    assert post.postmeta == {"_pingme": ["1"], "_encloseme": ["1"]}
    assert post.modified == datetime(2024, 6, 10, 12, 28, 55, tzinfo=UTC)
    assert post.categories == (TermRef("category", "uncategorized", "Uncategorized"),)
    assert post.content.startswith("<!-- wp:paragraph -->\n<p>Two roads diverged")


def test_e2e_comprehensive(samples: Path) -> None:
    records = read(samples / "e2e-wxr-comprehensive.xml")
    assert [a.login for a in only(records, Author)] == ["alice", "bob"]
    terms = only(records, Term)
    assert [(t.kind, t.slug, t.parent_slug) for t in terms] == [
        ("category", "news", ""),
        ("category", "updates", "news"),
        ("tag", "t1", ""),
        ("tag", "t2", ""),
    ]
    post, page = only(records, Item)
    assert [c.nicename for c in post.categories] == ["news", "updates"]
    assert [t.name for t in post.tags] == ["T1", "T2"]
    assert post.excerpt == "An excerpt for comprehensive post"
    assert post.postmeta == {"custom_key": ["custom_value"]}
    comment = post.comments[0]
    assert (comment.wp_id, comment.author, comment.author_ip, comment.approved) == (
        5000,
        "Commenter",
        "127.0.0.1",
        "1",
    )
    assert comment.date == datetime(2024, 6, 6, 10, 0, tzinfo=UTC)
    assert comment.meta == {"rating": ["5"], "note": ["vip"]}
    assert (page.post_type, page.author_login, page.comment_count) == ("page", "bob", 0)


def test_wptt_theme_preview_https_namespace_and_bare_categories(samples: Path) -> None:
    records = read(samples / "wptt-theme-preview.xml")
    assert records[0].wxr_version == "1.2"  # namespace is https://wordpress.org/export/1.2/
    items = only(records, Item)
    assert [i.title for i in items] == [
        "Worth A Thousand Words",
        "Elements",
        "More Tags",
        "HTML",
        "Links",
        "Category Hierarchy",
        "Hello world!",
    ]
    first = items[0]
    assert first.wp_id is None  # this export has no wp:post_id
    assert first.terms == (TermRef("", "", "Uncategorized"), TermRef("", "", "boat"), TermRef("", "", "lake"))
    assert first.categories == () and first.tags == ()
    # only wp:post_date (local time) is known: read as UTC and flagged
    assert first.pub_date == datetime(2008, 10, 17, 4, 33, 51, tzinfo=UTC)
    assert first.pub_date_assumed_utc is True
    assert items[1].pub_date == datetime(2008, 9, 5, 19, 39, 12, tzinfo=UTC)
    assert items[1].pub_date_assumed_utc is False  # RSS pubDate carries its offset
    assert items[3].comment_count == 1 and items[3].comments[0].author == "Anon"


def test_crazy_cdata_is_reported_with_its_line(samples: Path) -> None:
    seen: list = []
    with pytest.raises(WXRError) as info:
        for record in read_wxr(samples / "crazy-cdata.xml"):
            seen.append(record)
    assert str(info.value).startswith("crazy-cdata.xml: XML error at line 18, column 70: ")
    assert "]]>" in str(info.value)
    assert (info.value.line, info.value.column) == (18, 70)
    assert seen == []  # the broken item is the first one: nothing half-read was handed out


def test_multiple_cdata_sections_are_joined(samples: Path) -> None:
    item = only(read(samples / "multiple-cdata.xml"), Item)[0]
    assert item.content.strip() == "line oneline twoline three"


def test_blank_lines_are_kept(samples: Path) -> None:
    item = only(read(samples / "blank-lines.xml"), Item)[0]
    assert item.content == "first paragraph\n\nsecond paragraph"
    assert html_to_blocks(item.content) == [
        {"type": "paragraph", "value": "<p>first paragraph</p><p>second paragraph</p>"}
    ]


def test_backslashes_are_kept(samples: Path) -> None:
    item = only(read(samples / "backslashes.xml"), Item)[0]
    assert item.content == "C:\\xampp\\htdocs\\wp-content"
    assert html_to_blocks(item.content) == [
        {"type": "paragraph", "value": "<p>C:\\xampp\\htdocs\\wp-content</p>"}
    ]


def test_multiline_author_values_are_trimmed(samples: Path) -> None:
    records = read(samples / "authors-multiline.xml")
    authors = only(records, Author)
    assert [(a.wp_id, a.login, a.email) for a in authors] == [
        (1, "alice", "alice@example.com"),
        (2, "bob", "bob@example.com"),
        (3, "carol", "carol@example.com"),
    ]
    assert only(records, Item)[0].author_login == "alice"  # this file uses wp:author inside the item


def test_term_meta(samples: Path) -> None:
    site, term = read(samples / "term-meta.xml")
    assert term == Term("category", 100, "news", "News", "", "", {"legacy_id": ["42"]})


def test_serialized_postmeta_is_left_raw(samples: Path) -> None:
    records = read(samples / "test-serialized-postmeta-with-cdata.xml")
    assert records[0].wxr_version == "1.0"
    item = only(records, Item)[0]
    assert item.postmeta == {
        "post-options": ['a:2:{s:18:"special_post_title";s:15:"A special title";s:11:"is_calendar";s:0:"";}'],
        "contains-html": ["<pre>some html</pre>"],
        "evil": ["<wp:meta_value>evil</wp:meta_value>"],
        "string": [SHRUG],
        "array": ['a:1:{s:3:"key";s:13:"' + SHRUG + '";}'],
        "array-nested": ['a:1:{s:3:"key";a:2:{s:3:"foo";s:13:"' + SHRUG + '";s:3:"bar";s:3:"\\o/";}}'],
        "integer": ["1"],
    }
    # draft: post_date_gmt is zero and pubDate is WordPress's "30 Nov 1999" placeholder
    assert item.status == "draft" and item.slug == ""
    assert item.pub_date == datetime(2009, 10, 20, 16, 13, 20, tzinfo=UTC)
    assert item.pub_date_assumed_utc is True
    assert item.terms == (
        TermRef("", "", "Uncategorized"),
        TermRef("category", "uncategorized", "Uncategorized"),
    )


def test_serialized_comment_meta(samples: Path) -> None:
    item = only(read(samples / "test-serialized-comment-meta.xml"), Item)[0]
    assert item.comment_count == 1
    comment = item.comments[0]
    assert comment.author == "A WordPress Commenter"
    assert comment.author_url == "https://wordpress.org/"
    assert comment.meta == {"string": [SHRUG], "array": ['a:1:{s:3:"key";s:13:"' + SHRUG + '";}']}
    assert 'Commenter avatars come from <a href="https://gravatar.com">Gravatar</a>.' in comment.content


def test_attachment_on_the_exporting_site(samples: Path) -> None:
    records = read(samples / "wxr-flat-attachment-same-site.xml")
    attachment, post = only(records, Item)
    assert (attachment.post_type, attachment.wp_id, attachment.parent_id) == ("attachment", 611, 555)
    assert attachment.attachment_url == "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg"
    assert attachment.meta("_wp_attachment_image_alt") == "canola"
    index = AttachmentIndex([(attachment.wp_id, attachment_ref(attachment))])
    assert html_to_blocks(post.content, attachments=index) == [
        {"type": "paragraph", "value": "<p>This post has an attachment.</p>"},
        {
            "type": "image",
            "value": {
                "src": "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg",
                "attachment_id": 611,
                "caption": "",
                "alt": "canola",
                "credit": None,
            },
        },
    ]


def test_missing_version_is_rejected_before_any_record(samples: Path) -> None:
    records = read_wxr(samples / "missing-version-tag.xml")
    with pytest.raises(WXRError, match="missing/invalid WXR version"):
        next(records)


def test_malformed_file_fails_with_line_and_column(samples: Path) -> None:
    with pytest.raises(WXRError) as info:
        read(samples / "malformed-simple.xml")
    message = str(info.value)
    assert message.startswith("malformed-simple.xml: XML error at line 14, column 1: ")
    assert "Premature end of data" in message
    assert info.value.line == 14
