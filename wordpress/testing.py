"""Synthetic WXR exports for tests and benchmarks.

``generate_wxr(path, n_posts)`` writes a realistic WXR 1.2 export without
holding it in memory (so it can produce the 50,000-post benchmark file):
authors, a category tree, tags, attachments with alt text / captions /
credits, posts alternating Gutenberg and classic content, co-authors
(Co-Authors Plus), sticky posts and comments.  Output is deterministic for a
given ``seed``.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

__all__ = ["GeneratedExport", "generate_wxr"]

_WORDS = (
    "steppe river city council budget election school road winter harvest market museum"
    " festival court hospital bridge energy water railway airport theatre library mayor"
    " minister village region border wind solar archive interview report survey"
).split()
_NS = {
    "1.0": "http://wordpress.org/export/1.0/",
    "1.1": "http://wordpress.org/export/1.1/",
    "1.2": "http://wordpress.org/export/1.2/",
}
_EPOCH = datetime(2015, 1, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class GeneratedExport:
    path: Path
    posts: int
    attachments: int
    authors: int
    categories: int
    tags: int
    comments: int
    size_bytes: int


def _cdata(text: str) -> str:
    # A literal "]]>" must be split across two CDATA sections, as WordPress does.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _sentence(rng: random.Random, words: int = 12) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _gutenberg_body(rng: random.Random, index: int, paragraphs: int, image_id: int | None) -> str:
    parts = [f"<!-- wp:paragraph -->\n<p>Story {index}: {_sentence(rng)}</p>\n<!-- /wp:paragraph -->"]
    for n in range(paragraphs - 1):
        if n == 1:
            parts.append(
                f'<!-- wp:heading -->\n<h2 class="wp-block-heading">'
                f"{_sentence(rng, 4)}</h2>\n<!-- /wp:heading -->"
            )
        if n == 2 and image_id:
            parts.append(
                f'<!-- wp:image {{"id":{image_id}}} -->\n<figure class="wp-block-image"><img src="https://old.example'
                f'/wp-content/uploads/2020/01/photo-{image_id}.jpg" alt="" class="wp-image-{image_id}"/>'
                f"<figcaption>{_sentence(rng, 5)}</figcaption></figure>\n<!-- /wp:image -->"
            )
        parts.append(
            f"<!-- wp:paragraph -->\n<p>{_sentence(rng)} <strong>{_sentence(rng, 3)}</strong> "
            f'<a href="https://example.org/{index}/{n}">{_sentence(rng, 2)}</a></p>\n<!-- /wp:paragraph -->'
        )
    return "\n\n".join(parts)


def _classic_body(rng: random.Random, index: int, paragraphs: int, image_id: int | None) -> str:
    parts = [f"Story {index}: {_sentence(rng)}\n{_sentence(rng)}"]
    for n in range(paragraphs - 1):
        if n == 2 and image_id:
            parts.append(
                f'[caption id="attachment_{image_id}" align="alignnone" width="640"]<img class="size-large '
                f'wp-image-{image_id}" src="https://old.example/wp-content/uploads/2020/01/photo-{image_id}'
                f'-640x480.jpg" alt="" /> {_sentence(rng, 5)}[/caption]'
            )
        parts.append(f"{_sentence(rng)} <em>{_sentence(rng, 3)}</em>")
    return "\n\n".join(parts)


class _Writer:
    def __init__(self, out: IO[str], version: str) -> None:
        self.out = out
        self.version = version

    def line(self, text: str) -> None:
        self.out.write(text)
        self.out.write("\n")

    def header(self) -> None:
        ns = _NS[self.version]
        self.line('<?xml version="1.0" encoding="UTF-8" ?>')
        self.line(
            f'<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            f' xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            f' xmlns:wp="{ns}">'
        )
        self.line("<channel>")
        self.line("\t<title>Generated Steppe Export</title>")
        self.line("\t<link>https://old.example</link>")
        self.line("\t<description>Synthetic export</description>")
        self.line("\t<language>ru-RU</language>")
        self.line(f"\t<wp:wxr_version>{self.version}</wp:wxr_version>")
        self.line("\t<wp:base_site_url>https://old.example</wp:base_site_url>")
        self.line("\t<wp:base_blog_url>https://old.example</wp:base_blog_url>")

    def author(self, n: int) -> None:
        self.line(
            f"\t<wp:author><wp:author_id>{n}</wp:author_id><wp:author_login>{_cdata(f'author{n}')}</wp:author_login>"
            f"<wp:author_email>{_cdata(f'author{n}@example.org')}</wp:author_email>"
            f"<wp:author_display_name>{_cdata(f'Author Number {n}')}</wp:author_display_name>"
            f"<wp:author_first_name>{_cdata('Author')}</wp:author_first_name>"
            f"<wp:author_last_name>{_cdata(str(n))}</wp:author_last_name></wp:author>"
        )

    def category(self, n: int, parent: str) -> None:
        self.line(
            f"\t<wp:category><wp:term_id>{1000 + n}</wp:term_id><wp:category_nicename>section-{n}"
            f"</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent>"
            f"<wp:cat_name>{_cdata(f'Section {n}')}</wp:cat_name></wp:category>"
        )

    def tag(self, n: int) -> None:
        self.line(
            f"\t<wp:tag><wp:term_id>{2000 + n}</wp:term_id><wp:tag_slug>topic-{n}</wp:tag_slug>"
            f"<wp:tag_name>{_cdata(f'Topic {n}')}</wp:tag_name></wp:tag>"
        )

    def item(self, fields: dict[str, str], body: str, excerpt: str, extra: list[str]) -> None:
        self.line("\t<item>")
        for key in ("title", "link", "pubDate", "dc:creator", "guid"):
            if key in fields:
                attrs = ' isPermaLink="false"' if key == "guid" else ""
                self.line(f"\t\t<{key}{attrs}>{escape(fields[key])}</{key}>")
        self.line(f"\t\t<content:encoded>{_cdata(body)}</content:encoded>")
        self.line(f"\t\t<excerpt:encoded>{_cdata(excerpt)}</excerpt:encoded>")
        for key, value in fields.items():
            if key.startswith("wp:"):
                self.line(f"\t\t<{key}>{escape(value)}</{key}>")
        for chunk in extra:
            self.line(f"\t\t{chunk}")
        self.line("\t</item>")


def _meta(key: str, value: str) -> str:
    return (
        f"<wp:postmeta><wp:meta_key>{escape(key)}</wp:meta_key>"
        f"<wp:meta_value>{_cdata(value)}</wp:meta_value></wp:postmeta>"
    )


def _common_fields(
    wp_id: int, title: str, slug: str, when: datetime, author: str, post_type: str
) -> dict[str, str]:
    local = when + timedelta(hours=5)  # the old site ran on Asia/Almaty time
    return {
        "title": title,
        "link": f"https://old.example/{when:%Y/%m/%d}/{slug}/",
        "pubDate": when.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        "dc:creator": author,
        "guid": f"https://old.example/?p={wp_id}",
        "wp:post_id": str(wp_id),
        "wp:post_date": f"{local:%Y-%m-%d %H:%M:%S}",
        "wp:post_date_gmt": f"{when:%Y-%m-%d %H:%M:%S}",
        "wp:post_modified": f"{local:%Y-%m-%d %H:%M:%S}",
        "wp:post_modified_gmt": f"{when:%Y-%m-%d %H:%M:%S}",
        "wp:comment_status": "open",
        "wp:ping_status": "closed",
        "wp:post_name": slug,
        "wp:status": "inherit" if post_type == "attachment" else "publish",
        "wp:post_parent": "0",
        "wp:menu_order": "0",
        "wp:post_type": post_type,
        "wp:post_password": "",
        "wp:is_sticky": "0",
    }


def generate_wxr(
    path: str | os.PathLike[str],
    n_posts: int,
    *,
    seed: int = 0,
    paragraphs: int = 6,
    wxr_version: str = "1.2",
    n_authors: int = 12,
    n_categories: int = 10,
    n_tags: int = 40,
) -> GeneratedExport:
    """Write a synthetic export with ``n_posts`` posts; every 5th post gets an attachment
    (written before the post, as WordPress orders by id), every 7th is sticky, every 3rd has
    a co-author, every 4th a comment; posts alternate Gutenberg and classic content."""
    if wxr_version not in _NS:
        raise ValueError(f"unsupported WXR version {wxr_version!r}")
    rng = random.Random(seed)
    target = Path(path)
    attachments = comments = 0
    with target.open("w", encoding="utf-8", newline="\n") as out:
        writer = _Writer(out, wxr_version)
        writer.header()
        for n in range(1, n_authors + 1):
            writer.author(n)
        for n in range(1, n_categories + 1):
            writer.category(n, parent=f"section-{(n - 1) // 3}" if n > 3 else "")
        for n in range(1, n_tags + 1):
            writer.tag(n)
        for index in range(1, n_posts + 1):
            post_id = 10 * index
            when = _EPOCH + timedelta(hours=7 * index)
            author = f"author{rng.randint(1, n_authors)}"
            image_id = None
            if index % 5 == 0:
                image_id = post_id - 1
                attachments += 1
                fields = _common_fields(
                    image_id, f"Photo {index}", f"photo-{index}", when, author, "attachment"
                )
                fields["wp:post_parent"] = str(post_id)
                url = f"https://old.example/wp-content/uploads/2020/01/photo-{image_id}.jpg"
                fields["wp:attachment_url"] = url
                metadata = (
                    f'a:1:{{s:10:"image_meta";a:1:{{s:6:"credit";s:{len(author.encode())}:"{author}";}}}}'
                )
                writer.item(
                    fields,
                    "",
                    f"Caption of photo {index}",
                    [
                        _meta("_wp_attachment_image_alt", f"Alt text {index}"),
                        _meta("_wp_attachment_metadata", metadata),
                    ],
                )
            gutenberg = index % 2 == 0
            body = (_gutenberg_body if gutenberg else _classic_body)(rng, index, paragraphs, image_id)
            fields = _common_fields(
                post_id, f"Story {index}: {_sentence(rng, 5)}", f"story-{index}", when, author, "post"
            )
            fields["wp:is_sticky"] = "1" if index % 7 == 0 else "0"
            extra = [
                f'<category domain="category" nicename="section-{1 + index % n_categories}">'
                f"{_cdata(f'Section {1 + index % n_categories}')}</category>",
                f'<category domain="post_tag" nicename="topic-{1 + index % n_tags}">'
                f"{_cdata(f'Topic {1 + index % n_tags}')}</category>",
            ]
            if index % 3 == 0:
                coauthor = f"author{1 + index % n_authors}"
                extra.append(
                    f'<category domain="author" nicename="cap-{coauthor}">{_cdata(coauthor)}</category>'
                )
            if image_id:
                extra.append(_meta("_thumbnail_id", str(image_id)))
            if index % 4 == 0:
                comments += 1
                extra.append(
                    f"<wp:comment><wp:comment_id>{index}</wp:comment_id><wp:comment_author>{_cdata('Reader')}"
                    f"</wp:comment_author><wp:comment_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
                    f"<wp:comment_content>{_cdata(_sentence(rng, 6))}</wp:comment_content>"
                    "<wp:comment_approved>1</wp:comment_approved></wp:comment>"
                )
            writer.item(fields, body, "", extra)
        out.write("</channel>\n</rss>\n")
    return GeneratedExport(
        path=target,
        posts=n_posts,
        attachments=attachments,
        authors=n_authors,
        categories=n_categories,
        tags=n_tags,
        comments=comments,
        size_bytes=target.stat().st_size,
    )
