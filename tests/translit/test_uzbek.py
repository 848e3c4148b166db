import pytest

from translit.uzbek import (
    MODIFIER,
    TUTUQ,
    cyrillic_to_latin,
    detect_script,
    latin_to_cyrillic,
    normalize_latin,
    normalize_script,
    to_script,
)

# Hard words and phrases that must convert exactly, in both directions.
BOTH_WAYS = [
    ("Ўзбекистон", "Oʻzbekiston"),
    ("ЎЗБЕКИСТОН", "OʻZBEKISTON"),
    ("ёшлар", "yoshlar"),
    ("Тошкент", "Toshkent"),
    ("ғалаба", "gʻalaba"),
    ("маъно", "maʼno"),
    ("МАЪНО", "MAʼNO"),
    ("ер", "yer"),
    ("поезд", "poyezd"),
    ("цирк", "sirk"),
    ("электр", "elektr"),
    ("шаҳар", "shahar"),
    ("Шаҳар", "Shahar"),
    ("ШАҲАР", "SHAHAR"),
    ("Қарши", "Qarshi"),
    ("ҳаёт", "hayot"),
    ("юлдуз", "yulduz"),
    ("Янгийўл", "Yangiyoʻl"),
    ("ЯНГИЙЎЛ", "YANGIYOʻL"),
    ("Йўқ", "Yoʻq"),
    ("қаерда", "qayerda"),
    ("Мирзиёев", "Mirziyoyev"),
    ("Ш. Мирзиёев", "Sh. Mirziyoyev"),
    ("АҚШ", "AQSH"),
    ("ЧИҚИШ", "CHIQISH"),
    ("МЧЖ", "MCHJ"),
    ("ЎзМУ", "OʻzMU"),
    ("Европа", "Yevropa"),
    ("тайёр", "tayyor"),
    ("дарё", "daryo"),
    ("Сирдарё", "Sirdaryo"),
    ("Фарғона", "Fargʻona"),
    ("Наманган", "Namangan"),
    ("тоғ", "togʻ"),
    ("ўқитувчи", "oʻqituvchi"),
    ("эълон", "eʼlon"),
    ("санъат", "sanʼat"),
    ("қатъий", "qatʼiy"),
    ("шеър", "sheʼr"),
    ("мўъжиза", "moʻʼjiza"),
    ("Исҳоқ", "Isʼhoq"),
    ("машҳур", "mashhur"),
    ("поэт", "poet"),
    ("аэропорт", "aeroport"),
    ("актёр", "aktyor"),
    ("объект", "obyekt"),
    ("подъезд", "podyezd"),
    ("съезд", "syezd"),
    ("премьера", "premyera"),
    ("компьютер", "kompyuter"),
    ("лицей", "litsey"),
    ("акция", "aksiya"),
    ("конституция", "konstitutsiya"),
    ("милиция", "militsiya"),
    ("абзац", "abzas"),
    ("кетса", "ketsa"),
    ("айтсин", "aytsin"),
    ("октябрь", "oktabr"),
    ("Сентябрда", "Sentabrda"),
    ("1 январь", "1 yanvar"),
    ("Янги йил", "Yangi yil"),
    (
        "Тошкентда 2024 йил 15 мартда 3,5 миллион дона кўчат экилди!",
        "Toshkentda 2024 yil 15 martda 3,5 million dona koʻchat ekildi!",
    ),
    ("«Ўзбекистон — келажаги буюк давлат», деди у.", "«Oʻzbekiston — kelajagi buyuk davlat», dedi u."),
    ("Ҳаво ҳарорати +25°C гача кўтарилади.", "Havo harorati +25°C gacha koʻtariladi."),
    ("XIX асрда Хива хонлиги (1-қисм)", "XIX asrda Xiva xonligi (1-qism)"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), BOTH_WAYS)
def test_cyrillic_to_latin_table(cyrillic: str, latin: str) -> None:
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), BOTH_WAYS)
def test_latin_to_cyrillic_table(cyrillic: str, latin: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


def test_table_is_big_enough() -> None:
    assert len(BOTH_WAYS) >= 40


def test_special_letters_are_modifier_letters() -> None:
    assert MODIFIER == "\u02bb" and TUTUQ == "\u02bc"
    assert cyrillic_to_latin("ў ғ ъ") == "o\u02bb g\u02bb \u02bc"


# Cyrillic -> Latin only: the Latin side does not carry enough to come back (documented).
ONE_WAY_TO_LATIN = [
    ("кварц", "kvars"),  # ц at word end -> s
    ("цех", "sex"),  # ц at word start -> s
    ("боцман", "botsman"),  # ц after a vowel inside a word -> ts
    ("станция", "stansiya"),  # ц after a consonant -> s
    ("ЦСКА", "SSKA"),
    ("ЛИЦЕЙ", "LITSEY"),
    ("павильон", "pavilyon"),  # ь before о -> y
    ("Ильин", "Ilyin"),  # ь before и -> y
    ("фильм", "film"),  # ь dropped
    ("разъезд", "razyezd"),  # ъ before е dropped
    ("адъютант", "adyutant"),  # ъ before ю dropped
    ("щётка", "shyotka"),
    ("вымпел", "vimpel"),
    ("мэр", "mer"),
    ("ОКТЯБРЬ", "OKTABR"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), ONE_WAY_TO_LATIN)
def test_cyrillic_to_latin_one_way(cyrillic: str, latin: str) -> None:
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    "typed",
    ["O'zbekiston", "O’zbekiston", "O‘zbekiston", "O`zbekiston", "Oʻzbekiston", "Oʼzbekiston", "O´zbekiston"],
)
def test_typed_o_modifier_variants(typed: str) -> None:
    assert latin_to_cyrillic(typed) == "Ўзбекистон"
    assert normalize_latin(typed) == "Oʻzbekiston"


@pytest.mark.parametrize("typed", ["ma'no", "ma’no", "ma‘no", "ma`no", "maʼno", "maʻno"])
def test_typed_tutuq_variants(typed: str) -> None:
    assert latin_to_cyrillic(typed) == "маъно"
    assert normalize_latin(typed) == "maʼno"


@pytest.mark.parametrize(
    ("typed", "normalized", "cyrillic"),
    [
        ("g'alaba", "gʻalaba", "ғалаба"),
        ("G’ALABA", "GʻALABA", "ҒАЛАБА"),
        ("tog'", "togʻ", "тоғ"),  # final gʻ is a letter, not a closing quote
        ("mo''jiza", "moʻʼjiza", "мўъжиза"),  # oʻ followed by a tutuq belgisi
        ("Is'hoq", "Isʼhoq", "Исҳоқ"),  # separator between s and h
        ("yo‘l", "yoʻl", "йўл"),
        ("ko`cha", "koʻcha", "кўча"),
    ],
)
def test_typed_apostrophes_normalise(typed: str, normalized: str, cyrillic: str) -> None:
    assert normalize_latin(typed) == normalized
    assert latin_to_cyrillic(typed) == cyrillic
    assert cyrillic_to_latin(cyrillic) == normalized


def test_quotes_are_not_taken_for_letters() -> None:
    assert latin_to_cyrillic("'Toshkent' va ‘Bordo’") == "'Тошкент' ва ‘Бордо’"
    assert normalize_latin("u 'shahar' dedi") == "u 'shahar' dedi"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ishoq", "Исҳоқ"),  # exception list: s+h without separator
        ("Ishoqov", "Исҳоқов"),
        ("ashob", "асҳоб"),
        ("mushaf", "мусҳаф"),
        ("mashhur", "машҳур"),  # sh + h
        ("Ashxobod", "Ашхобод"),
        ("sirkda", "циркда"),  # exception stem + suffix
        ("sirka", "сирка"),  # vinegar: not the circus stem
        ("sexlar", "цехлар"),
        ("oktabrda", "октябрда"),  # soft sign only in the bare month name
        ("OKTABR", "ОКТЯБРЬ"),
        ("Tsiolkovskiy", "Циолковский"),  # ts at word start -> ц
        ("ratsional", "рационал"),  # vowel + ts + ion -> ц
        ("otsiz", "отсиз"),  # native t + s
        ("aktyor", "актёр"),
        ("dunyo", "дунё"),
        ("kuryer", "курьер"),  # ye after a consonant needs ь
        ("inyeksiya", "инъекция"),
        ("obʼyekt", "объект"),  # explicit tutuq before ye
        ("Mustaqillik kuni — 1-sentabr.", "Мустақиллик куни — 1-сентябрь."),
        ("MChJ", "МЧЖ"),
    ],
)
def test_latin_to_cyrillic_rules(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "text",
    [
        "iPhone 15, YouTube",  # camel-case brands
        "Facebook, WhatsApp, COVID-19",  # c without h, w
        "Türkiye",  # letters outside the Uzbek alphabet
        "XIX, IV, MMXXIV",  # Roman numerals
        "https://kun.uz/news/2024/01/01/yoshlar?id=5&q=shahar",
        "www.gazeta.uz/oz/2024",
        "info@daryo.uz",
        "@kunuzofficial",
        "kun.uz",
        "Gazeta.uz",
    ],
)
def test_foreign_words_and_urls_kept(text: str) -> None:
    assert latin_to_cyrillic(text) == text


def test_urls_kept_inside_sentences() -> None:
    assert (
        latin_to_cyrillic("Batafsil: https://kun.uz/news/yoshlar va kun.uz saytida.")
        == "Батафсил: https://kun.uz/news/yoshlar ва kun.uz сайтида."
    )
    assert cyrillic_to_latin("Манба: https://uz.wikipedia.org/wiki/Тошкент ёш") == (
        "Manba: https://uz.wikipedia.org/wiki/Тошкент yosh"
    )


def test_other_scripts_left_alone() -> None:
    assert cyrillic_to_latin("Hello, world! 123") == "Hello, world! 123"
    assert latin_to_cyrillic("Ўзбекистон 'тил' 2024") == "Ўзбекистон 'тил' 2024"
    # Cyrillic letters outside the Uzbek alphabet (Kazakh ә, і) pass through; shared ones convert.
    assert cyrillic_to_latin("әлі") == "әlі"


def test_mixed_script_text() -> None:
    assert cyrillic_to_latin("SMSлар ва Oʻzbekiston") == "SMSlar va Oʻzbekiston"
    assert latin_to_cyrillic("SMSlar ва ёш") == "СМСлар ва ёш"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ўзбекистон", "cyrl"),
        ("Oʻzbekiston", "latn"),
        ("Тошкент shahri", "cyrl"),
        ("Toshkent shahri ёш", "latn"),
        ("2024 — !", None),
        ("", None),
        ("https://kun.uz/some/long/latin/path ёш", "cyrl"),
        ("ab аб", None),
    ],
)
def test_detect_script(text: str, expected: str | None) -> None:
    assert detect_script(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("latn", "latn"), ("Cyrl", "cyrl"), ("uz-Latn", "latn"), ("uz_cyrl", "cyrl"), ("latin", "latn")],
)
def test_normalize_script(name: str, expected: str) -> None:
    assert normalize_script(name) == expected


def test_to_script() -> None:
    assert to_script("Ўзбекистон ёшлари", "latn") == "Oʻzbekiston yoshlari"
    assert to_script("Oʻzbekiston yoshlari", "uz-Cyrl") == "Ўзбекистон ёшлари"
    # Text already in the target script is returned unchanged.
    assert to_script("Oʻzbekiston", "latn") == "Oʻzbekiston"
    assert to_script("Ўзбекистон", "cyrl") == "Ўзбекистон"
    with pytest.raises(ValueError, match="unknown script"):
        to_script("x", "arab")
