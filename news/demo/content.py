"""The demo newsroom's original content: fictional events, real places, clearly labelled as demo.

Articles are authored per topic in `articles_<topic>.py`; each is a dict:
  key, slug, topic, countries [codes], tags [names], authors [slugs], days_ago (0..59), hours,
  title, standfirst, body [("p", text) | ("h", text) | ("quote", text, attribution) |
  ("image", caption, credit)], image {caption, credit, alt, seed, palette}, featured,
  updated_days_ago (int | None), optionally corrections [{kind, days_ago, text, and the notice in
  other languages by code, e.g. "ru"}], and optionally "ru": a Russian translation with the same text keys
  (title, standfirst, body with the same block structure, image {caption, credit, alt}).

Other languages (and Russian added later) are data, not Python: news/demo/data/site_<lang>.json (home masthead, sections,
About/Contact, author names and bios) and news/demo/data/articles_<lang>.json (a list of
translations of the English articles, by key, each with title, standfirst, body as lists such as
["p", text], image {caption, credit} and, for Uzbek, the script it is written in: "latn"/"cyrl").
`translations(code)` gives any language in the same shape.
"""

import json
from functools import cache
from pathlib import Path

from news.demo.articles_culture import ARTICLES as CULTURE
from news.demo.articles_economy import ARTICLES as ECONOMY
from news.demo.articles_opinion import ARTICLES as OPINION
from news.demo.articles_politics import ARTICLES as POLITICS
from news.demo.articles_society import ARTICLES as SOCIETY

COUNTRIES = [
    {"code": "KZ", "slug": "kazakhstan", "name_en": "Kazakhstan", "name_ru": "Казахстан",
     "intro_en": "News from Kazakhstan, from Almaty and Astana to the western oil towns.",
     "intro_ru": "Новости Казахстана: от Алматы и Астаны до нефтяных городов запада."},
    {"code": "KG", "slug": "kyrgyzstan", "name_en": "Kyrgyzstan", "name_ru": "Кыргызстан",
     "intro_en": "News from Kyrgyzstan, from Bishkek and Osh to the high valleys of Naryn.",
     "intro_ru": "Новости Кыргызстана: от Бишкека и Оша до высокогорных долин Нарына."},
    {"code": "TJ", "slug": "tajikistan", "name_en": "Tajikistan", "name_ru": "Таджикистан",
     "intro_en": "News from Tajikistan, from Dushanbe and Khujand to the Pamir.",
     "intro_ru": "Новости Таджикистана: от Душанбе и Худжанда до Памира."},
    {"code": "TM", "slug": "turkmenistan", "name_en": "Turkmenistan", "name_ru": "Туркменистан",
     "intro_en": "News from Turkmenistan, from Ashgabat to Mary and the Caspian coast.",
     "intro_ru": "Новости Туркменистана: от Ашхабада до Мары и побережья Каспия."},
    {"code": "UZ", "slug": "uzbekistan", "name_en": "Uzbekistan", "name_ru": "Узбекистан",
     "intro_en": "News from Uzbekistan, from Tashkent and Samarkand to Nukus and the Aral Sea.",
     "intro_ru": "Новости Узбекистана: от Ташкента и Самарканда до Нукуса и Арала."},
]  # fmt: skip

TOPICS = [
    {"slug": "politics", "name_en": "Politics", "name_ru": "Политика",
     "intro_en": "Parliaments, elections, diplomacy and the people who run the region.",
     "intro_ru": "Парламенты, выборы, дипломатия и люди, которые управляют регионом."},
    {"slug": "economy", "name_en": "Economy", "name_ru": "Экономика",
     "intro_en": "Trade, energy, currencies, farms and the businesses of Central Asia.",
     "intro_ru": "Торговля, энергетика, валюты, сельское хозяйство и бизнес Центральной Азии."},
    {"slug": "society", "name_en": "Society", "name_ru": "Общество",
     "intro_en": "Schools, health, migration, water and everyday life.",
     "intro_ru": "Школы, здравоохранение, миграция, вода и повседневная жизнь."},
    {"slug": "culture", "name_en": "Culture", "name_ru": "Культура",
     "intro_en": "Film, music, heritage, sport and the arts.",
     "intro_ru": "Кино, музыка, наследие, спорт и искусство."},
    {"slug": "opinion", "name_en": "Opinion", "name_ru": "Мнения",
     "intro_en": "Columns and commentary from our writers.",
     "intro_ru": "Колонки и комментарии наших авторов."},
]  # fmt: skip

AUTHORS = [
    {"slug": "aigerim-sadykova", "name": "Aigerim Sadykova", "name_ru": "Айгерим Садыкова",
     "bio_en": "A fictional demo correspondent in Almaty who covers energy, water and the economy.",
     "bio_ru": "Вымышленный демо-корреспондент в Алматы: энергетика, вода и экономика.",
     "links": [{"label": "Website", "url": "https://example.org/aigerim"}]},
    {"slug": "bakyt-toktogulov", "name": "Bakyt Toktogulov", "name_ru": "Бакыт Токтогулов",
     "bio_en": "A fictional demo reporter in Bishkek writing about politics and the mountains.",
     "bio_ru": "Вымышленный демо-репортёр в Бишкеке: политика и горы.",
     "links": [{"label": "Website", "url": "https://example.org/bakyt"}]},
    {"slug": "dilnoza-rakhimova", "name": "Dilnoza Rakhimova", "name_ru": "Дильноза Рахимова",
     "bio_en": "A fictional demo editor in Tashkent who follows culture, cities and heritage.",
     "bio_ru": "Вымышленный демо-редактор в Ташкенте: культура, города и наследие.",
     "links": [{"label": "Website", "url": "https://example.org/dilnoza"}]},
    {"slug": "farrukh-nazarov", "name": "Farrukh Nazarov", "name_ru": "Фаррух Назаров",
     "bio_en": "A fictional demo correspondent in Dushanbe covering hydropower and migration.",
     "bio_ru": "Вымышленный демо-корреспондент в Душанбе: гидроэнергетика и миграция.",
     "links": [{"label": "Website", "url": "https://example.org/farrukh"}]},
    {"slug": "maral-annayeva", "name": "Maral Annayeva", "name_ru": "Марал Аннаева",
     "bio_en": "A fictional demo writer covering Turkmenistan, trade routes and the Caspian.",
     "bio_ru": "Вымышленный демо-автор: Туркменистан, торговые пути и Каспий.",
     "links": [{"label": "Website", "url": "https://example.org/maral"}]},
    {"slug": "sergei-volkov", "name": "Sergei Volkov", "name_ru": "Сергей Волков",
     "bio_en": "A fictional demo data journalist who writes about currencies and railways.",
     "bio_ru": "Вымышленный демо-журналист данных: валюты и железные дороги.",
     "links": [{"label": "Website", "url": "https://example.org/sergei"}]},
    {"slug": "zarina-karimova", "name": "Zarina Karimova", "name_ru": "Зарина Каримова",
     "bio_en": "A fictional demo columnist writing about society, schools and health.",
     "bio_ru": "Вымышленный демо-колумнист: общество, школы и здравоохранение.",
     "links": [{"label": "Website", "url": "https://example.org/zarina"}]},
]  # fmt: skip

TAGS = [
    "elections", "parliament", "water", "energy", "hydropower", "cotton", "wheat", "tourism",
    "central bank", "remittances", "migration", "education", "health", "mountains", "railways",
    "aral sea", "film", "music", "football", "climate", "trade", "startups", "heritage",
    "transport", "media",
]  # fmt: skip

ARTICLES = POLITICS + ECONOMY + SOCIETY + CULTURE + OPINION

ABOUT_EN = [
    "The Steppe Courier is the demo newsroom of steppe, a publishing platform for regional newsrooms.",
    "Every article, author and image here is fictional demo content, written for the demo. Places are "
    "real; the events and people are not.",
]
ABOUT_RU = [
    "The Steppe Courier — демонстрационная редакция steppe, платформы для региональных редакций.",
    "Все статьи, авторы и изображения здесь вымышлены и созданы для демонстрации. Места настоящие, "
    "события и люди — нет.",
]
CONTACT_EN = [
    "This is a demo: there is no real newsroom to contact.",
    "For questions about the steppe platform, write to newsroom@example.org.",
]
CONTACT_RU = [
    "Это демонстрация: настоящей редакции, с которой можно связаться, нет.",
    "Вопросы о платформе steppe можно присылать на newsroom@example.org.",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def translations(language: str) -> dict:
    """The demo's texts in `language` (not the English originals), all in one shape:

    {"home": {"title"}, "sections": {slug: {"title", "intro"}}, "pages": {slug: {"title", "body"}},
     "authors": {slug: {"name", "bio"}}, "articles": {key: {"title", "standfirst", "body", ...}}}
    Russian starts from the texts above; every language then takes what its data files add.
    A language the demo has nothing for gives empty dicts.
    """
    found: dict = {"home": {}, "sections": {}, "pages": {}, "authors": {}, "articles": {}}
    if language == "ru":
        found["sections"] = {
            s["slug"]: {"title": s["name_ru"], "intro": s["intro_ru"]} for s in COUNTRIES + TOPICS
        }
        found["pages"] = {
            "about": {"title": "О нас", "body": ABOUT_RU},
            "contact": {"title": "Контакты", "body": CONTACT_RU},
        }
        found["authors"] = {a["slug"]: {"name": a["name_ru"], "bio": a["bio_ru"]} for a in AUTHORS}
        found["articles"] = {a["key"]: a["ru"] for a in ARTICLES if "ru" in a}
    site, articles = DATA_DIR / f"site_{language}.json", DATA_DIR / f"articles_{language}.json"
    if site.exists():
        for part, texts in json.loads(site.read_text(encoding="utf-8")).items():
            found[part].update(texts)
    if articles.exists():
        found["articles"].update({a["key"]: a for a in json.loads(articles.read_text(encoding="utf-8"))})
    return found
