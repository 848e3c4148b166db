"""The post's text as Telegram's HTML parse mode reads it (pure functions, no Django)."""

from __future__ import annotations

import pytest

from telegram.formatting import (
    CAPTION_LIMIT,
    compose_article,
    compose_notice,
    message_id_from_link,
    shorten,
    telegram_length,
    visible_text,
)
from tests.telegram.fake_bot_api import check_markup

URL = 'https://news.example.org/en/politics/a&b-"quoted"/'


@pytest.mark.parametrize(
    "headline",
    [
        "Tom & Jerry <script>alert(1)</script>",
        "5 < 6 > 4 &amp; &lt;b&gt;",
        "Quotes \" and ' survive",
        "Ёлка 🎄 ñ",
    ],
)
def test_any_headline_is_escaped_into_markup_telegram_accepts(headline):
    markup = compose_article(headline, "A standfirst & more <i>", URL, "Read the article", CAPTION_LIMIT)
    assert check_markup(markup) is None
    assert visible_text(markup) == f"{headline}\n\nA standfirst & more <i>\n\nRead the article"
    assert 'href="https://news.example.org/en/politics/a&amp;b-&quot;quoted&quot;/"' in markup


def test_length_counts_utf16_units_as_telegram_does():
    assert telegram_length("camel") == 5
    assert telegram_length("🐪") == 2  # outside the Basic Multilingual Plane
    assert telegram_length("Қазақстан") == 9


@pytest.mark.parametrize("filler", ["word ", "🐪 ", "Ўзбекистон "])
def test_a_long_standfirst_is_cut_at_a_word_to_fit_and_the_link_stays(filler):
    markup = compose_article("Headline", filler * 400, URL, "Read the article", CAPTION_LIMIT)
    text = visible_text(markup)
    assert CAPTION_LIMIT - 12 <= telegram_length(text) <= CAPTION_LIMIT
    assert text.startswith("Headline\n\n") and text.endswith("…\n\nRead the article")
    assert text.split("\n\n")[1][:-1].endswith(filler.strip())  # whole words only
    assert check_markup(markup) is None


def test_an_enormous_headline_is_cut_too_and_the_standfirst_dropped():
    text = visible_text(compose_article("Long " * 400, "Gone", URL, "Read", CAPTION_LIMIT))
    assert telegram_length(text) <= CAPTION_LIMIT and "Gone" not in text and text.endswith("…\n\nRead")


def test_shorten_leaves_short_text_and_never_splits_a_surrogate_pair():
    assert shorten("short", 10) == "short"
    cut = shorten("🐪" * 10, 7)
    assert cut == "🐪🐪🐪…" and telegram_length(cut) <= 7


def test_whitespace_and_newlines_in_texts_become_single_spaces():
    text = visible_text(compose_article("Two\nlines", "Tabs\tand   spaces", URL, "Read", CAPTION_LIMIT))
    assert text == "Two lines\n\nTabs and spaces\n\nRead"


def test_the_notice_is_escaped_italic():
    assert compose_notice("Withdrawn <for now> & then") == "<i>Withdrawn &lt;for now&gt; &amp; then</i>"


@pytest.mark.parametrize(
    ("link", "channel", "expected"),
    [
        ("https://t.me/steppe_en/123", "@steppe_en", 123),
        ("t.me/Steppe_EN/7?single", "@steppe_en", 7),
        ("https://t.me/c/1000000001/55", "-1001000000001", 55),
        ("https://t.me/c/1000000001/55", "@steppe_en", 55),
    ],
)
def test_message_ids_from_post_links(link, channel, expected):
    assert message_id_from_link(link, channel) == expected


@pytest.mark.parametrize(
    ("link", "channel", "reason"),
    [
        ("https://example.org/steppe_en/1", "@steppe_en", "not a link to a Telegram post"),
        ("https://t.me/steppe_en", "@steppe_en", "not a link to a Telegram post"),
        ("https://t.me/other_one/5", "@steppe_en", "not in @steppe_en"),
        ("https://t.me/c/999/5", "-1001000000001", "another channel"),
    ],
)
def test_links_that_do_not_name_a_post_of_the_channel_are_refused(link, channel, reason):
    with pytest.raises(ValueError, match=reason):
        message_id_from_link(link, channel)
