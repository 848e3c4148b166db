import pytest

from translit.uzbek import transliterate_html


def test_text_nodes_converted_markup_kept_byte_for_byte() -> None:
    html = (
        "<!DOCTYPE html><HTML><body><p class=\"lead\" data-x='ёш'>Ўзбекистон "
        '<a href="https://kun.uz/uz/news?id=1&amp;x=ё" title="Ёшлар">ёшлар</a> учун</p></body></HTML>'
    )
    assert transliterate_html(html, "latn") == (
        "<!DOCTYPE html><HTML><body><p class=\"lead\" data-x='ёш'>Oʻzbekiston "
        '<a href="https://kun.uz/uz/news?id=1&amp;x=ё" title="Ёшлар">yoshlar</a> uchun</p></body></HTML>'
    )


def test_latin_to_cyrillic_keeps_urls_in_attributes_and_text() -> None:
    html = (
        '<p>Oʻzbekiston <a href="https://kun.uz/yoshlar">yoshlar</a> haqida: https://daryo.uz/2024/yangi</p>'
    )
    assert transliterate_html(html, "cyrl") == (
        '<p>Ўзбекистон <a href="https://kun.uz/yoshlar">ёшлар</a> ҳақида: https://daryo.uz/2024/yangi</p>'
    )


def test_non_uzbek_lang_is_skipped_and_uzbek_lang_converted() -> None:
    html = '<p>Шаҳар <span lang="ru">Ташкент — город</span> <span lang="uz-Cyrl">ёз</span></p>'
    assert transliterate_html(html, "latn") == (
        '<p>Shahar <span lang="ru">Ташкент — город</span> <span lang="uz-Cyrl">yoz</span></p>'
    )


def test_nested_lang_overrides_ancestor() -> None:
    html = '<div lang="en"><p>Hello <b lang="uz">yoz</b> world</p></div><p>yoz</p>'
    expected = '<div lang="en"><p>Hello <b lang="uz">ёз</b> world</p></div><p>ёз</p>'
    assert transliterate_html(html, "cyrl") == expected


def test_code_script_style_comments_translate_no_are_kept() -> None:
    html = (
        '<script>var s = "ёш";</script><style>.ё{}</style><!-- ёш --><code>ёш</code>'
        '<kbd>ёш</kbd><p translate="no">Ёш</p><p>ёш</p>'
    )
    assert transliterate_html(html, "latn") == (
        '<script>var s = "ёш";</script><style>.ё{}</style><!-- ёш --><code>ёш</code>'
        '<kbd>ёш</kbd><p translate="no">Ёш</p><p>yosh</p>'
    )


def test_entities_and_void_elements_preserved() -> None:
    html = '<p>&laquo;Ер&raquo;&nbsp;ва&#160;ёш<br/><img src="/media/ёш.jpg" alt="ёш">охир &amp; a < b</p>'
    assert transliterate_html(html, "latn") == (
        '<p>&laquo;Yer&raquo;&nbsp;va&#160;yosh<br/><img src="/media/ёш.jpg" alt="ёш">oxir &amp; a < b</p>'
    )


def test_implied_end_tags_do_not_leak_lang() -> None:
    html = '<p lang="ru">Город<p>Шаҳар<ul><li lang="ru">один<li>икки</ul>'
    expected = '<p lang="ru">Город<p>Shahar<ul><li lang="ru">один<li>ikki</ul>'
    assert transliterate_html(html, "latn") == expected


def test_multiline_document() -> None:
    html = (
        "<html>\n<head><title>Янгиликлар</title></head>\n"
        "<body>\n  <h1>Тошкент\nшаҳри</h1>\n</body>\n</html>\n"
    )
    expected = html.replace("Янгиликлар", "Yangiliklar").replace("Тошкент\nшаҳри", "Toshkent\nshahri")
    assert transliterate_html(html, "uz-Latn") == expected


def test_plain_text_and_empty_input() -> None:
    assert transliterate_html("Ёшлар", "latn") == "Yoshlar"
    assert transliterate_html("", "latn") == ""


def test_unknown_script_rejected() -> None:
    with pytest.raises(ValueError, match="unknown script"):
        transliterate_html("<p>x</p>", "arab")
