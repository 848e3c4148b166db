"""WXR variants the samples do not cover: namespace versions, damaged bytes, date forms, and the
Gutenberg blocks and shortcodes of real sites (reader and converter only, no Django)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone

import pytest

from wordpress.content import (
    AttachmentIndex,
    AttachmentRef,
    blocks_text,
    excerpt_text,
    expand_reusable_blocks,
    html_to_blocks,
)
from wordpress.wxr import Item, Repairs, WXRError, read_wxr

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def export(items: str, *, wp_ns: str = "http://wordpress.org/export/1.2/", excerpt_ns: str | None = None,
           version: str = "1.2", prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> bytes:  # fmt: skip
    excerpt_ns = excerpt_ns or wp_ns + "excerpt/"
    return (
        f'{prolog}<rss version="2.0" xmlns:excerpt="{excerpt_ns}" xmlns:content="{CONTENT_NS}"\n'
        f' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{wp_ns}">\n'
        f"<channel>\n<title>Old</title>\n<link>https://old.example.kz</link>\n"
        f"<wp:wxr_version>{version}</wp:wxr_version>\n{items}\n</channel>\n</rss>\n"
    ).encode()


def post(body: str = "", **fields: str) -> str:
    values = {
        "title": "Post",
        "id": "7",
        "content": "<p>Body</p>",
        "excerpt": "",
        "status": "publish",
    } | fields
    return (
        f"<item>\n<title>{values['title']}</title>\n<wp:post_id>{values['id']}</wp:post_id>\n"
        f"<content:encoded><![CDATA[{values['content']}]]></content:encoded>\n"
        f"<excerpt:encoded><![CDATA[{values['excerpt']}]]></excerpt:encoded>\n"
        f"<wp:status>{values['status']}</wp:status><wp:post_type>post</wp:post_type>\n{body}</item>"
    )


def items(data: bytes, **kwargs) -> list[Item]:
    return [r for r in read_wxr(io.BytesIO(data), **kwargs) if isinstance(r, Item)]


# --------------------------------------------------------------------------- namespaces and bytes


@pytest.mark.parametrize(
    ("wp_ns", "excerpt_ns", "version"),
    [
        ("http://wordpress.org/export/1.0/", None, "1.0"),
        ("http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.1/excerpt/", "1.1"),
        # WordPress 3.0–3.1 wrote the 1.0 excerpt namespace next to the 1.1 one
        ("http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.0/excerpt/", "1.1"),
        ("http://wordpress.org/export/1.2/", None, "1.2"),
        ("https://wordpress.org/export/1.2/", None, "1.2"),
    ],
)
def test_every_wxr_namespace_version_reads_the_same(wp_ns, excerpt_ns, version) -> None:
    body = (
        '<category domain="category" nicename="culture"><![CDATA[Culture &amp; Arts]]></category>'
        "<wp:post_name>%d0%bc%d0%b8%d1%80</wp:post_name>"
        "<wp:post_date_gmt>2024-05-01 06:00:00</wp:post_date_gmt>"
    )
    data = export(post(body, excerpt="Lead"), wp_ns=wp_ns, excerpt_ns=excerpt_ns, version=version)
    (found,) = items(data)
    assert (found.wp_id, found.status, found.excerpt, found.slug) == (
        7,
        "publish",
        "Lead",
        "%d0%bc%d0%b8%d1%80",
    )
    assert [(c.nicename, c.name) for c in found.categories] == [("culture", "Culture & Arts")]
    assert found.pub_date == datetime(2024, 5, 1, 6, 0, tzinfo=UTC)


def test_control_characters_are_removed_and_counted() -> None:
    # Text pasted from word processors brings characters XML 1.0 forbids even inside CDATA.
    data = export(post(content="Vertical\x0btab, unit\x1fseparator\x08 and \x00NUL", title="Tit\x0cle"))
    with pytest.raises(Exception):  # noqa: B017, PT011 - what the strict parser itself says
        from lxml import etree

        etree.fromstring(data)
    repairs = Repairs()
    (found,) = items(data, repairs=repairs)
    assert found.content == "Verticaltab, unitseparator and NUL"
    assert found.title == "Title"
    assert repairs.control_chars == 5


def test_utf16_export_is_not_mangled_by_the_control_character_filter() -> None:
    data = (
        export(post(title="Ақтөбе"))
        .decode()
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16")
    )
    (found,) = items(data)
    assert found.title == "Ақтөбе"


def test_blank_lines_before_the_xml_declaration_are_ignored_and_lines_still_match() -> None:
    # A plugin that prints whitespace during the export leaves it before "<?xml": libxml2 refuses that.
    clean = export(post() + "\n<item><title>broken</title></wrong></item>")
    with pytest.raises(WXRError) as plain_error:
        items(clean)
    repairs = Repairs()
    with pytest.raises(WXRError) as shifted_error:
        items(b"\n\n\n" + clean, repairs=repairs)
    assert repairs.leading_lines == 3
    assert shifted_error.value.line == plain_error.value.line + 3  # the line in the file as it is
    good = b"\xef\xbb\xbf\r\n  \n" + export(post())
    (found,) = items(good)
    assert found.source_line == 10  # <item> is on line 8 of export(), after 2 blank lines


def test_a_file_cut_off_mid_item_is_an_error_naming_the_line() -> None:
    data = export(post(id="1") + post(id="2"))
    cut = data[: data.rindex(b"<wp:status>")]
    seen: list[int | None] = []
    with pytest.raises(WXRError, match=r"line 1[0-9]") as error:
        for record in read_wxr(io.BytesIO(cut)):
            if isinstance(record, Item):
                seen.append(record.wp_id)
    assert seen == [1]  # the complete item came through, nothing of the broken one
    assert error.value.line is not None


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("pub_date", "expected"),
    [
        ("Wed, 01 May 2024 06:00:00 +0000", datetime(2024, 5, 1, 6, 0, tzinfo=UTC)),
        ("Wed, 1 May 2024 06:00:00 GMT", datetime(2024, 5, 1, 6, 0, tzinfo=UTC)),
        ("01 May 2024 11:00:00 +0500", datetime(2024, 5, 1, 6, 0, tzinfo=UTC)),
        ("Wed, 01 May 2024 06:00 +0000", datetime(2024, 5, 1, 6, 0, tzinfo=UTC)),
        ("Wed, 01 May 2024 02:00:00 EDT", datetime(2024, 5, 1, 6, 0, tzinfo=UTC)),
        ("Wed, 01 May 2024 06:00:00 -0000", datetime(2024, 5, 1, 6, 0, tzinfo=UTC)),
        ("Tue, 30 Nov 1999 00:00:00 +0000", None),  # WordPress's way of writing "no date"
        ("not a date", None),
    ],
)
def test_rss_pub_date_forms_when_wordpress_dates_are_zero(pub_date, expected) -> None:
    body = (
        f"<pubDate>{pub_date}</pubDate><wp:post_date>0000-00-00 00:00:00</wp:post_date>"
        "<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>"
    )
    (found,) = items(export(post(body, status="draft")))
    assert found.pub_date == expected
    assert found.pub_date_assumed_utc is False


def test_missing_gmt_date_uses_the_local_date_in_the_given_zone() -> None:
    body = "<wp:post_date>2024-05-01 11:00:00</wp:post_date>"
    (as_utc,) = items(export(post(body)))
    assert (as_utc.pub_date, as_utc.pub_date_assumed_utc) == (datetime(2024, 5, 1, 11, 0, tzinfo=UTC), True)
    (zoned,) = items(export(post(body)), local_tz=timezone(timedelta(hours=5)))
    assert (zoned.pub_date, zoned.pub_date_assumed_utc) == (datetime(2024, 5, 1, 6, 0, tzinfo=UTC), False)


# --------------------------------------------------------------------------- Gutenberg and shortcodes

ATTACHMENTS = AttachmentIndex(
    {
        5: AttachmentRef(
            url="https://old.example.kz/wp-content/uploads/2020/01/a.jpg", alt="A alt", credit="AP"
        ),
        6: AttachmentRef(url="https://old.example.kz/wp-content/uploads/2020/01/b.jpg", caption="B caption"),
    }
)


def kinds(blocks: list[dict]) -> list[str]:
    return [b["type"] for b in blocks]


def test_gallery_block_of_wordpress_5_0_keeps_its_images() -> None:
    # WordPress 5.0–5.2 saved galleries as a bare <ul class="wp-block-gallery">
    html = (
        '<!-- wp:gallery {"ids":[5,6]} -->\n<ul class="wp-block-gallery columns-2 is-cropped">'
        '<li class="blocks-gallery-item"><figure><img src="https://old.example.kz/wp-content/uploads/2020/01/'
        'a-1024x683.jpg" data-id="5" class="wp-image-5"/><figcaption>First</figcaption></figure></li>'
        '<li class="blocks-gallery-item"><figure><img src="https://old.example.kz/wp-content/uploads/2020/01/'
        'b.jpg" data-id="6"/></figure></li></ul>\n<!-- /wp:gallery -->'
    )
    blocks = html_to_blocks(html, attachments=ATTACHMENTS)
    assert kinds(blocks) == ["image", "image"]
    assert [(b["value"]["attachment_id"], b["value"]["caption"]) for b in blocks] == [(5, "First"), (6, "")]
    assert blocks[0]["value"]["alt"] == "A alt" and blocks[0]["value"]["credit"] == "AP"


def test_list_with_text_and_an_image_stays_html() -> None:
    html = '<ul><li>Point <img src="https://old.example.kz/icon.png" alt="icon"></li><li>Two</li></ul>'
    assert kinds(html_to_blocks(html)) == ["html"]


def test_reusable_blocks_are_expanded_and_missing_ones_listed() -> None:
    reusable = {
        60: '<!-- wp:paragraph --><p>Subscribe!</p><!-- /wp:paragraph --><!-- wp:block {"ref":61} /-->',
        61: '<!-- wp:paragraph --><p>Nested</p><!-- /wp:paragraph --><!-- wp:block {"ref":60} /-->',
    }
    html = (
        '<!-- wp:paragraph --><p>Story.</p><!-- /wp:paragraph -->\n<!-- wp:block {"ref":60} /-->\n'
        '<!-- wp:block {"ref":99} /-->'
    )
    expanded, missing = expand_reusable_blocks(html, reusable)
    assert missing == [99]
    assert blocks_text(html_to_blocks(expanded)).split("\n") == ["Story. Subscribe! Nested"]
    assert expand_reusable_blocks("<p>no blocks</p>", reusable) == ("<p>no blocks</p>", [])


def test_gallery_shortcode_without_ids_shows_the_posts_attachments() -> None:
    blocks = html_to_blocks('Pictures:\n\n[gallery columns="2"]\n\n[gallery exclude="5"]', attachments=ATTACHMENTS,
                            post_attachments=[5, 6])  # fmt: skip
    assert kinds(blocks) == ["paragraph", "image", "image", "image"]
    assert [b["value"]["attachment_id"] for b in blocks[1:]] == [5, 6, 6]
    assert blocks[2]["value"]["caption"] == "B caption"
    # nothing known about the post's attachments: the shortcode stays visible
    assert html_to_blocks("[gallery]") == [{"type": "paragraph", "value": "<p>[gallery]</p>"}]


def test_video_and_audio_shortcodes_become_links() -> None:
    html = (
        'Watch [video width="640" height="360" mp4="https://old.example.kz/wp-content/uploads/clip.mp4"][/video]\n\n'
        '[audio src="https://old.example.kz/wp-content/uploads/talk.mp3"]\n\n'
        "[video]https://old.example.kz/wp-content/uploads/other.webm[/video]\n\n[video]"
    )
    blocks = html_to_blocks(html)
    assert blocks == [
        {
            "type": "paragraph",
            "value": '<p>Watch <a href="https://old.example.kz/wp-content/uploads/clip.mp4">'
            "https://old.example.kz/wp-content/uploads/clip.mp4</a></p>"
            '<p><a href="https://old.example.kz/wp-content/uploads/talk.mp3">'
            "https://old.example.kz/wp-content/uploads/talk.mp3</a></p>"
            '<p><a href="https://old.example.kz/wp-content/uploads/other.webm">'
            "https://old.example.kz/wp-content/uploads/other.webm</a></p>"
            "<p>[video]</p>",
        }
    ]


def test_wordpress_com_embed_shortcodes_become_embeds() -> None:
    html = (
        "[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n\n[youtube=http://www.youtube.com/watch?v=abc]\n\n"
        "[vimeo 76979871]\n\n[tweet https://twitter.com/kz/status/123]\n\n[tweet 456]\n\n"
        '[soundcloud url="https://api.soundcloud.com/tracks/1" params="auto_play=false"]\n\n[vimeo not a clip]'
    )
    blocks = html_to_blocks(html)
    assert [b["value"].get("url") if b["type"] == "embed" else b["value"] for b in blocks] == [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "http://www.youtube.com/watch?v=abc",
        "https://vimeo.com/76979871",
        "https://twitter.com/kz/status/123",
        "https://twitter.com/i/status/456",
        "https://api.soundcloud.com/tracks/1",
        "<p>[vimeo not a clip]</p>",
    ]
    assert excerpt_text("[youtube https://www.youtube.com/watch?v=x] Hello") == "Hello"


def test_classic_content_with_a_control_character_keeps_its_words_apart() -> None:
    # \x01 is the converter's own placeholder for newlines inside tags: input must not fake it
    assert html_to_blocks("one\x01two\nthree") == [{"type": "paragraph", "value": "<p>onetwo<br>three</p>"}]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<!-- wp:table --><figure class="wp-block-table"><table><tbody><tr><td>A</td><td>B</td></tr>'
            "</tbody></table><figcaption>Caption</figcaption></figure><!-- /wp:table -->",
            ["html"],
        ),
        (
            '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column">'
            "<!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column -->"
            '<div class="wp-block-column"><!-- wp:image {"id":5} --><figure class="wp-block-image"><img src="'
            'https://old.example.kz/wp-content/uploads/2020/01/a-300x200.jpg" class="wp-image-5"/></figure>'
            "<!-- /wp:image --></div><!-- /wp:column --></div><!-- /wp:columns -->",
            ["paragraph", "image"],
        ),
        (
            '<!-- wp:group --><div class="wp-block-group"><!-- wp:heading --><h2>Head</h2><!-- /wp:heading -->'
            "<!-- wp:paragraph --><p>Inside</p><!-- /wp:paragraph --></div><!-- /wp:group -->",
            ["heading", "paragraph"],
        ),
        (
            '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Pulled</p><cite>Who</cite>'
            "</blockquote></figure><!-- /wp:pullquote -->",
            ["quote"],
        ),
        (
            '<!-- wp:code --><pre class="wp-block-code"><code>if (a &lt; b) {\n  go();\n}</code></pre>'
            '<!-- /wp:code --><!-- wp:preformatted --><pre class="wp-block-preformatted">l1\nl2</pre>'
            "<!-- /wp:preformatted -->",
            ["html", "html"],
        ),
        (
            '<!-- wp:embed {"url":"https://twitter.com/kz/status/1","type":"rich","providerNameSlug":"twitter"} -->'
            '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="'
            'wp-block-embed__wrapper">\nhttps://twitter.com/kz/status/1\n</div></figure><!-- /wp:embed -->',
            ["embed"],
        ),
        (
            "<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph --><!-- wp:separator --><hr class="
            '"wp-block-separator"/><!-- /wp:separator --><!-- wp:html --><div><b>raw</b> html'
            "<script>steal()</script></div><!-- /wp:html -->",
            ["paragraph"],
        ),
    ],
    ids=["table", "columns", "group", "pullquote", "code-preformatted", "twitter-embed", "separator-html"],
)
def test_core_blocks_keep_their_text(html, expected) -> None:
    blocks = html_to_blocks(html, attachments=ATTACHMENTS)
    assert kinds(blocks) == expected
    text = blocks_text(blocks)
    visible = [
        w for w in ("Caption", "Left", "Head", "Inside", "Pulled", "go()", "l2", "raw", "html") if w in html
    ]
    for word in visible:
        if word != "html" or "wp:html" in html:
            assert word in text, word
    assert "steal" not in text
