"""Our own WXR fixtures (1.0 and 1.2), the security refusals and the streaming contract."""

import io
import os
import subprocess
import sys
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.wordpress.conftest import FIXTURES
from wordpress.content import AttachmentIndex, AttachmentRef, attachment_ref, excerpt_text, html_to_blocks
from wordpress.testing import generate_wxr
from wordpress.wxr import Author, Comment, Item, Site, Term, TermRef, WXRError, read_wxr

ALMATY = timezone(timedelta(hours=5))


def items_by_id(path: Path, **kwargs) -> dict[int | None, Item]:
    return {r.wp_id: r for r in read_wxr(path, **kwargs) if isinstance(r, Item)}


# --------------------------------------------------------------------------- WXR 1.2 fixture


def test_fixture_1_2_record_stream() -> None:
    records = list(read_wxr(FIXTURES / "steppe-wxr-1.2.xml"))
    assert [type(r).__name__ for r in records[:4]] == ["Site", "Author", "Author", "Author"]
    assert sum(isinstance(r, Term) for r in records) == 8
    assert [r.wp_id for r in records if isinstance(r, Item)] == [
        101,
        201,
        102,
        202,
        103,
        104,
        105,
        106,
        107,
        108,
        109,
        110,
    ]
    assert records[0] == Site(
        title="Steppe Herald",
        link="https://herald.example.kz",
        base_site_url="https://herald.example.kz",
        base_blog_url="https://herald.example.kz",
        language="ru-RU",
        wxr_version="1.2",
    )
    assert records[2] == Author(4, "ivan", "ivan@herald.example.kz", "Иван Петров", "Иван", "Петров")


def test_fixture_1_2_terms() -> None:
    terms = {(t.kind, t.slug): t for t in read_wxr(FIXTURES / "steppe-wxr-1.2.xml") if isinstance(t, Term)}
    assert terms["category", "politics"].parent_slug == "news"
    assert terms["category", "news"].description == "All the news"
    culture = terms["category", "culture"]
    assert culture.name == "Culture & Arts"  # WordPress stores and exports "&amp;"
    assert culture.meta == {"color": ["#aa3300"]}
    assert terms["tag", "almaty"] == Term("tag", 21, "almaty", "Almaty", "", "The southern capital", {})
    assert terms["region", "south"].wp_id == 30
    assert terms["author", "cap-ivan"].name == "ivan"
    assert ("nav_menu", "main-menu") in terms


def test_fixture_1_2_sticky_post_with_coauthors() -> None:
    post = items_by_id(FIXTURES / "steppe-wxr-1.2.xml")[101]
    assert post.sticky is True
    assert post.author_login == "jane"
    assert post.coauthors == (TermRef("author", "cap-jane", "jane"), TermRef("author", "cap-ivan", "ivan"))
    assert post.coauthor_slugs == ("jane", "ivan")
    assert post.categories == (TermRef("category", "politics", "Politics"),)
    assert [t.nicename for t in post.tags] == ["almaty", "elections"]
    assert TermRef("region", "south", "South") in post.terms and len(post.terms) == 6
    assert post.pub_date == datetime(2025, 3, 1, 6, 30, tzinfo=UTC)
    assert post.modified == datetime(2025, 3, 2, 9, 0, tzinfo=UTC)
    assert post.meta("_thumbnail_id") == "201"
    assert post.postmeta["related"] == ["102", "103"]  # repeated keys keep every value, in order
    assert post.meta("missing", "n/a") == "n/a"
    assert post.link == "https://herald.example.kz/2025/03/01/parliament-elections/"
    assert post.guid == "https://herald.example.kz/?p=101"
    assert post.comment_count == 2
    reply = post.comments[1]
    assert reply == Comment(
        wp_id=8,
        author="Jane Ospanova",
        author_email="jane@herald.example.kz",
        author_url="",
        author_ip="",
        date=datetime(2025, 3, 1, 8, 5, tzinfo=UTC),
        content="Thank you!",
        approved="1",
        type="comment",
        parent_id=7,
        user_id=3,
        meta={"akismet_result": ["false"]},
    )
    assert excerpt_text(post.excerpt) == "Turnout reached 61% across the country."


def test_fixture_1_2_statuses_and_types() -> None:
    items = items_by_id(FIXTURES / "steppe-wxr-1.2.xml")
    assert {i: (items[i].post_type, items[i].status) for i in (103, 104, 105, 106, 108, 109)} == {
        103: ("post", "draft"),
        104: ("post", "private"),
        105: ("post", "trash"),
        106: ("page", "publish"),
        108: ("nav_menu_item", "publish"),
        109: ("event", "future"),
    }
    team = items[107]
    assert (team.post_type, team.parent_id, team.menu_order, team.password) == ("page", 106, 1, "s3cret")
    menu = items[108]
    assert menu.title == "" and menu.terms == (TermRef("nav_menu", "main-menu", "Main menu"),)
    assert menu.postmeta["_menu_item_object_id"] == ["106"]
    assert html_to_blocks(menu.content) == []


def test_draft_date_uses_local_time_and_flags_it() -> None:
    draft = items_by_id(FIXTURES / "steppe-wxr-1.2.xml")[103]
    assert draft.pub_date == datetime(2025, 3, 4, 10, 15, tzinfo=UTC)
    assert draft.pub_date_assumed_utc is True
    assert draft.modified == datetime(2025, 3, 4, 5, 20, tzinfo=UTC)
    known_zone = items_by_id(FIXTURES / "steppe-wxr-1.2.xml", local_tz=ALMATY)[103]
    assert known_zone.pub_date == datetime(2025, 3, 4, 5, 15, tzinfo=UTC)
    assert known_zone.pub_date_assumed_utc is False


def test_attachment_refs_from_fixture() -> None:
    items = items_by_id(FIXTURES / "steppe-wxr-1.2.xml")
    queue, kazan = attachment_ref(items[201]), attachment_ref(items[202])
    assert queue == AttachmentRef(
        url="https://herald.example.kz/wp-content/uploads/2025/03/queue.jpg",
        alt="Voters queue in the snow",
        caption="Queue outside school No. 12",
        credit="Асель Нур",  # from PHP-serialised image_meta, length counted in UTF-8 bytes
        title="Queue outside school",
    )
    assert (kazan.credit, kazan.alt) == ("Herald staff", "A kazan over an open fire")
    assert items[201].parent_id == 101


# --------------------------------------------------------------------------- WXR 1.0 fixture


def test_fixture_1_0() -> None:
    records = list(read_wxr(FIXTURES / "steppe-wxr-1.0.xml"))
    site = records[0]
    assert (site.wxr_version, site.language, site.base_site_url) == ("1.0", "ru", "http://herald.example.kz")
    assert not any(isinstance(r, Author) for r in records)  # WXR 1.0 had no author records
    terms = [r for r in records if isinstance(r, Term)]
    assert [(t.kind, t.wp_id, t.slug, t.parent_slug, t.name) for t in terms] == [
        ("category", None, "news", "", "News"),
        ("category", None, "sport", "news", "Sport"),
        ("tag", None, "football", "", "Football"),
    ]
    items = {r.wp_id: r for r in records if isinstance(r, Item)}
    story = items[5]
    assert story.categories == (TermRef("category", "sport", "Sport"),)
    assert story.tags == (TermRef("tag", "", "Football"), TermRef("tag", "football", "Football"))
    assert story.terms[0] == TermRef("", "", "Sport")  # bare RSS category kept, not guessed
    draft = items[7]
    assert (draft.status, draft.pub_date, draft.pub_date_assumed_utc) == (
        "draft",
        datetime(2009, 12, 1, 10, 0, tzinfo=UTC),
        True,
    )
    attachments = AttachmentIndex([(6, attachment_ref(items[6]))])
    blocks = html_to_blocks(story.content, attachments=attachments)
    assert [b["type"] for b in blocks] == ["paragraph", "image", "paragraph", "image", "paragraph"]
    assert blocks[0]["value"] == "<p>The final whistle blew at 21:47.<br>Fans poured onto Abai avenue.</p>"
    assert blocks[1]["value"]["attachment_id"] == 6 and blocks[1]["value"]["alt"] == "Fans with flags"
    assert blocks[3]["value"]["caption"] == "Trophy & team"  # pre-2.6 [caption caption="..."]
    assert blocks[4]["value"] == "<ul><li>Goals: 2</li><li>Cards: 5</li></ul><p>Final score: 2–1.</p>"


# --------------------------------------------------------------------------- security


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_entity_declarations_are_refused(name: str) -> None:
    with pytest.raises(WXRError, match="refusing a DOCTYPE with entity declarations"):
        next(read_wxr(FIXTURES / name))


class _NonSeekable(io.RawIOBase):
    """A pipe-like stream: the prolog cannot be peeked, the parser-level check must catch it."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        chunk = self._inner.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_entity_declarations_refused_on_unseekable_stream() -> None:
    data = (FIXTURES / "xxe.xml").read_bytes()
    with pytest.raises(WXRError, match="<stream>: refusing a DOCTYPE with entity declarations"):
        list(read_wxr(_NonSeekable(data)))


def test_external_dtd_is_refused() -> None:
    data = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>"""
    with pytest.raises(WXRError, match="external DTD"):
        list(read_wxr(io.BytesIO(data)))


def test_plain_doctype_without_entities_is_accepted() -> None:
    data = b"""<?xml version="1.0"?><!DOCTYPE rss>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>ok</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>"""
    assert list(read_wxr(io.BytesIO(data))) == [Site("ok", "", "", "", "", "1.2")]


# --------------------------------------------------------------------------- contract


def _wxr(items: str, version: str = "1.2") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0" xmlns:wp="http://wordpress.org/export/{version}/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
        f"<channel>\n<title>T</title>\n<wp:wxr_version>{version}</wp:wxr_version>\n{items}"
    ).encode()


def _item(n: int) -> str:
    return (
        f"<item><title>Post {n}</title><wp:post_id>{n}</wp:post_id>"
        f"<content:encoded>Body {n}</content:encoded></item>\n"
    )


def test_truncated_file_yields_complete_items_then_fails() -> None:
    data = _wxr(
        "".join(_item(n) for n in range(1, 4)) + "<item><title>Half</title><wp:post_id>4</wp:post_id>"
    )
    seen: list[int | None] = []
    with pytest.raises(WXRError) as info:
        for record in read_wxr(io.BytesIO(data)):
            if isinstance(record, Item):
                seen.append(record.wp_id)
    assert seen == [1, 2, 3]  # the half item never reaches the consumer
    assert str(info.value).startswith("<stream>: XML error at line 9, column ")


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_each_wxr_namespace_version_is_understood(version: str) -> None:
    records = list(read_wxr(io.BytesIO(_wxr(_item(7), version) + b"</channel></rss>")))
    assert records[0].wxr_version == version
    assert (records[1].wp_id, records[1].title, records[1].content) == (7, "Post 7", "Body 7")


@pytest.mark.parametrize("version", ["2.0", "1.3", "abc", ""])
def test_invalid_versions_are_rejected(version: str) -> None:
    with pytest.raises(WXRError, match="missing/invalid WXR version"):
        list(
            read_wxr(
                io.BytesIO(
                    _wxr(_item(1), "1.2").replace(b">1.2<", f">{version}<".encode()) + b"</channel></rss>"
                )
            )
        )


def test_not_xml_at_all() -> None:
    with pytest.raises(WXRError, match=r"^<stream>: XML error at line 1"):
        list(read_wxr(io.BytesIO(b"This is not valid XML content")))


def test_path_like_and_str_sources_agree() -> None:
    path = FIXTURES / "steppe-wxr-1.0.xml"
    with path.open("rb") as handle:
        from_handle = list(read_wxr(handle))
    assert list(read_wxr(str(path))) == list(read_wxr(path)) == from_handle


# --------------------------------------------------------------------------- generated exports, memory


def test_generated_export_round_trip(tmp_path: Path) -> None:
    export = generate_wxr(tmp_path / "gen.xml", 60, seed=3)
    records = list(read_wxr(export.path))
    items = [r for r in records if isinstance(r, Item)]
    posts = [i for i in items if i.post_type == "post"]
    attachments = {i.wp_id: attachment_ref(i) for i in items if i.post_type == "attachment"}
    assert len(posts) == export.posts == 60
    assert len(attachments) == export.attachments == 12
    assert sum(isinstance(r, Author) for r in records) == export.authors
    assert sum(isinstance(r, Term) for r in records) == export.categories + export.tags
    assert sum(p.sticky for p in posts) == 8
    assert sum(bool(p.coauthors) for p in posts) == 20
    assert sum(p.comment_count for p in posts) == export.comments == 15
    index = AttachmentIndex(attachments)
    for post in posts:
        blocks = html_to_blocks(post.content, attachments=index)
        images = [b["value"] for b in blocks if b["type"] == "image"]
        thumbnail = post.meta("_thumbnail_id")
        if thumbnail:
            # Gutenberg figure and classic [caption] both resolve to the attachment, with its credit
            assert [i["attachment_id"] for i in images] == [int(thumbnail)]
            assert images[0]["credit"] == post.author_login
        else:
            assert images == []
        assert blocks[0]["type"] == "paragraph" and f"Story {post.wp_id // 10}:" in blocks[0]["value"]


def test_reading_a_large_export_keeps_python_memory_bounded(tmp_path: Path) -> None:
    export = generate_wxr(tmp_path / "big.xml", 5000)
    assert export.size_bytes > 10_000_000
    count = 0
    tracemalloc.start()
    try:
        for record in read_wxr(export.path):
            count += isinstance(record, Item)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5000 + export.attachments
    assert peak < export.size_bytes / 20, f"peak {peak} bytes for a {export.size_bytes} byte file"


_RSS_PROBE = """
import resource, sys
from wordpress.wxr import read_wxr
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
items = sum(1 for _ in read_wxr(sys.argv[1]))
print(items, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_reading_a_large_export_keeps_process_memory_bounded(tmp_path: Path) -> None:
    # tracemalloc cannot see libxml2's tree; peak RSS of a fresh process can. Without the
    # element clearing in read_wxr the growth is ~5x the file size, with it well under 1 MiB.
    export = generate_wxr(tmp_path / "big.xml", 5000)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE, str(export.path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    records, growth_kib = map(int, result.stdout.split())
    assert records == 1 + export.authors + export.categories + export.tags + 5000 + export.attachments
    assert growth_kib * 1024 < export.size_bytes / 4, (
        f"RSS grew {growth_kib} KiB for {export.size_bytes} bytes"
    )


def test_values_over_10_mb_need_huge_tree() -> None:
    big = "x" * (11 * 1024 * 1024)
    data = _wxr(
        f"<item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[{big}]]></content:encoded></item>"
    )
    data += b"</channel></rss>"
    with pytest.raises(WXRError, match="huge_tree=True"):
        list(read_wxr(io.BytesIO(data)))
    items = [r for r in read_wxr(io.BytesIO(data), huge_tree=True) if isinstance(r, Item)]
    assert len(items[0].content) == len(big)
