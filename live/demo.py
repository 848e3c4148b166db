"""The demo newsroom's live page, so a newcomer sees live coverage: /en/politics/demo-live-election-night/.

A fictional election night, still live (no end set): an editor can post an entry in the admin
and watch it appear on the open page. Every text says it is demo content.
"""

from __future__ import annotations

import io
import zlib
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils import timezone

DEMO_SLUG = "demo-live-election-night"

# (minutes before loading, author slug, headline, paragraphs, pinned, with an image)
ENTRIES = [
    (
        300,
        "aigerim-sadykova",
        "Polls open in the fictional republic",
        [
            "Demo content. Polling stations in this invented election opened at 08:00 local time. "
            "Nothing on this page describes a real vote."
        ],
        False,
        False,
    ),
    (
        240,
        "bakyt-toktogulov",
        "",
        [
            "Demo content. Queues of a few dozen people formed outside schools in the capital, "
            "our (fictional) reporter says; voting was calm."
        ],
        False,
        True,
    ),
    (
        180,
        "aigerim-sadykova",
        "How to read tonight's numbers",
        [
            "Demo content. The commission publishes a running count every hour. Turnout is counted "
            "against the voter roll, not the adult population, so the two figures differ.",
            "This entry is pinned: readers see it first, in the Pinned box, and in its place below.",
        ],
        True,
        False,
    ),
    (
        120,
        "farrukh-nazarov",
        "",
        [
            "Demo content. Turnout reached 41 percent by 18:00, according to the invented "
            "commission's second bulletin."
        ],
        False,
        False,
    ),
    (
        45,
        "bakyt-toktogulov",
        "Polls close",
        [
            "Demo content. Polling stations have closed. Counting starts at once and the first "
            "results are expected after midnight."
        ],
        False,
        False,
    ),
    (
        10,
        "aigerim-sadykova",
        "",
        [
            "Demo content. Observers from the (fictional) civic network say they saw no serious "
            "irregularities at the 30 stations they visited."
        ],
        False,
        False,
    ),
]


def demo_image():
    """An original abstract picture for the entry that has one (news.demo.images)."""
    from news.demo.images import make_demo_image
    from news.models import NewsImage

    title = "Demo: queue outside a polling station (abstract illustration)"
    existing = NewsImage.objects.filter(title=title).first()
    if existing:
        return existing
    data = make_demo_image(7, "dawn", label="live")
    image = NewsImage(
        title=title, credit="steppe demo", caption="Demo illustration, not a photograph.",
        alt_text="An abstract landscape in morning colours (demo illustration)",
        file=ImageFile(io.BytesIO(data), name=f"demo-{zlib.crc32(title.encode()):08x}.jpg"),
    )  # fmt: skip
    image.save()
    return image


def load_demo_live(section) -> str | None:
    """Publish the demo live page under `section`; its address, or None when it is there already."""
    from live.models import LiveEntry, LivePage
    from news.models import Author

    if LivePage.objects.child_of(section).filter(slug=DEMO_SLUG).exists():
        return None
    now = timezone.now()
    started = now - timedelta(minutes=330)
    page = LivePage(
        title="Demo: election night, live",
        slug=DEMO_SLUG,
        standfirst="Demo content: live coverage of a fictional election, to show how a live page "
        "looks. The country, the vote and the figures are invented.",
        coverage_start=started,
        first_published_at=started,
    )
    authors = {a.slug: a for a in Author.objects.filter(slug__in={e[1] for e in ENTRIES})}
    image = demo_image()
    page.entries = [
        LiveEntry(
            posted_at=now - timedelta(minutes=minutes),
            author=authors.get(author),
            title=headline,
            body="".join(f"<p>{text}</p>" for text in paragraphs),
            pinned=pinned,
            image=image if with_image else None,
        )
        for minutes, author, headline, paragraphs, pinned, with_image in ENTRIES
    ]
    section.add_child(instance=page)
    page.save_revision().publish()
    return page.url
