from discovery.text import analyzer_for, normalise_language, register_language, tokenize


def test_russian_inflections_share_a_stem():
    assert tokenize("выборы", "ru") == tokenize("выборах", "ru") == ["выбор"]
    assert tokenize("Выборы в парламент", "ru") == ["выбор", "парламент"]  # "в" is a stopword


def test_russian_yo_is_folded():
    assert tokenize("ёлка", "ru") == tokenize("елка", "ru")


def test_english_plural_and_singular_share_a_stem():
    assert tokenize("elections", "en") == tokenize("election", "en") == ["elect"]


def test_english_stopwords_numbers_and_short_tokens_are_dropped():
    assert tokenize("The President's 2017 visit to the US", "en") == ["presid", "visit", "us"]


def test_language_codes_are_normalised():
    assert normalise_language("ru-RU") == "ru"
    assert normalise_language("EN_gb") == "en"
    assert normalise_language("") == "und"
    assert tokenize("Elections", "en-GB") == ["elect"]


def test_region_languages_fall_back_to_lowercase_tokens():
    # No Snowball algorithm for Kazakh yet: words are kept whole, only lowercased.
    assert tokenize("Сайлау сайлауы ТОҚАЕВ", "kk") == ["сайлау", "сайлауы", "тоқаев"]
    assert tokenize("Saylov saylovlari", "uz") == ["saylov", "saylovlari"]
    assert tokenize("Anything Goes", "xx") == ["anything", "goes"]


def test_register_language_plugs_in_a_stemmer():
    register_language("zz", stopwords=["qq"], stemmer=lambda w: w[:4])
    try:
        assert tokenize("qq sailauda sailau", "zz") == ["sail", "sail"]
    finally:
        register_language("zz")  # back to the plain fallback
    assert tokenize("qq sailauda", "zz") == ["qq", "sailauda"]


def test_stem_cache_is_bounded():
    analyzer = analyzer_for("en")
    analyzer.cache_limit, old = 3, analyzer.cache_limit
    try:
        analyzer._cache.clear()
        analyzer.terms("alpha beta")
        assert set(analyzer._cache) == {"alpha", "beta"}
        # Growing past the limit clears the cache; it then holds only the current text's words.
        assert analyzer.terms("gamma delta elections") == ["gamma", "delta", "elect"]
        assert set(analyzer._cache) == {"gamma", "delta", "elections"}
    finally:
        analyzer.cache_limit = old
