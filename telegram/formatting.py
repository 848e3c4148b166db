"""What a post says, as Telegram's HTML parse mode wants it: pure functions, no Django.

Telegram counts a caption's or message's length after parsing the markup (tags and entities do
not count), in UTF-16 code units: an emoji outside the Basic Multilingual Plane counts twice.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

CAPTION_LIMIT = 1024  # sendPhoto / editMessageCaption
TEXT_LIMIT = 4096  # sendMessage / editMessageText
ELLIPSIS = "…"


def escape(text: str) -> str:
    """Text for HTML parse mode: Telegram wants &, < and > as entities, nothing else."""
    return html.escape(text, quote=False)


def escape_attribute(value: str) -> str:
    """An attribute value in double quotes (Telegram knows &quot; and numeric entities)."""
    return html.escape(value, quote=True)


def telegram_length(text: str) -> int:
    """The length Telegram counts: UTF-16 code units of the visible text."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, budget: int) -> str:
    """`text` cut to at most `budget` UTF-16 units, at a word boundary when one is near, with "…"."""
    if telegram_length(text) <= budget:
        return text
    if budget <= 0:
        return ""
    room = budget - telegram_length(ELLIPSIS)
    used, end = 0, 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        if used + width > room:
            break
        used, end = used + width, end + 1
    cut = text[:end]
    # Prefer the last word boundary, unless it would throw away most of what fits.
    boundary = cut.rstrip().rfind(" ")
    if boundary > len(cut) * 0.6:
        cut = cut[:boundary]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def one_line(text: str) -> str:
    return " ".join(text.split())


def compose_article(headline: str, standfirst: str, url: str, link_label: str, limit: int) -> str:
    """The post: bold headline, the standfirst, a link to the article; within `limit`.

    The link always survives; the standfirst is shortened first, then the headline.
    """
    headline, standfirst, link_label = one_line(headline), one_line(standfirst), one_line(link_label)
    room = limit - telegram_length(link_label) - 2 * telegram_length("\n\n")
    if telegram_length(headline) > room:
        headline, standfirst = shorten(headline, room), ""
    else:
        standfirst = shorten(standfirst, room - telegram_length(headline))
    parts = [f"<b>{escape(headline)}</b>"]
    if standfirst:
        parts.append(escape(standfirst))
    parts.append(f'<a href="{escape_attribute(url)}">{escape(link_label)}</a>')
    return "\n\n".join(parts)


def visible_text(markup: str) -> str:
    """What Telegram shows of our own markup (for length checks): tags removed, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def compose_notice(notice: str) -> str:
    """What a post that can no longer be deleted is edited to say."""
    return f"<i>{escape(one_line(notice))}</i>"


MESSAGE_LINK = re.compile(
    r"^(?:https?://)?(?:t\.me|telegram\.me)/(?:c/(?P<internal>\d+)|(?P<name>[A-Za-z][A-Za-z0-9_]{3,31}))/(?P<id>\d+)/?$"
)


def message_id_from_link(link: str, channel: str) -> int:
    """The message id in a post's link (`https://t.me/steppe_en/123`, `https://t.me/c/1234567890/123`).

    A public channel's link must name `channel`; a private one's (t.me/c/…) is trusted to be the
    channel's own. Raises ValueError with a message for the editor.
    """
    parts = urlsplit(link.strip())
    bare = (parts.netloc + parts.path) if parts.scheme else link.strip().split("?", 1)[0]
    match = MESSAGE_LINK.match(bare)
    if not match:
        raise ValueError("not a link to a Telegram post, e.g. https://t.me/steppe_en/123")
    name = match.group("name")
    if name and channel.startswith("@") and name.lower() != channel[1:].lower():
        raise ValueError(f"the link is to a post in @{name}, not in {channel}")
    if match.group("internal") and channel.startswith("-100") and match.group("internal") != channel[4:]:
        raise ValueError(f"the link is to a post in another channel than {channel}")
    return int(match.group("id"))
