"""Editors mark a quoted passage's language in rich text: <span lang="ru">…</span>."""

import json

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from translit.uzbek import transliterate_html

FEATURES = ["bold", "italic", "link", "lang-ru", "lang-en"]


def test_language_mark_survives_the_editor_round_trip():
    html = '<p>Он сказал: <span lang="ru">«Вода — это жизнь»</span> and left.</p>'
    converter = ContentstateConverter(features=FEATURES)
    state = json.loads(converter.from_database_format(html))
    assert state["blocks"][0]["inlineStyleRanges"][0]["style"] == "LANG_RU"
    stored = converter.to_database_format(json.dumps(state))
    assert '<span lang="ru">«Вода — это жизнь»</span> and left.</p>' in stored


def test_marked_passage_is_left_alone_by_the_uzbek_script_switch():
    html = '<p>Вазир: <span lang="ru">«Вода — это жизнь»</span> деди.</p>'
    assert transliterate_html(html, "latn") == '<p>Vazir: <span lang="ru">«Вода — это жизнь»</span> dedi.</p>'


def test_unmarked_language_spans_are_dropped():
    converter = ContentstateConverter(features=["bold"])
    assert "lang=" not in converter.to_database_format(
        converter.from_database_format('<p><span lang="ru">текст</span></p>')
    )
