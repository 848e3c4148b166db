"""Language-aware tokenising and stemming for the suggestion engine.

Pure Python, no Django. Each language gets an :class:`Analyzer` that turns text into a list of index
terms: lowercase word tokens, stopwords dropped, and (where we have one) a Snowball stem.

English and Russian have Snowball stemmers and stopword lists. The region's other languages (kk, ky,
uz, tg, tk) have no Snowball algorithm yet, so they fall back to plain lowercase tokens; a stemmer or a
stopword list can be plugged in later with :func:`register_language` without touching the ranking code.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import snowballstemmer

__all__ = [
    "Analyzer",
    "ENGLISH_STOPWORDS",
    "RUSSIAN_STOPWORDS",
    "analyzer_for",
    "normalise_language",
    "register_language",
    "tokenize",
]

# \w is Unicode-aware: Latin, Cyrillic (incl. Kazakh/Kyrgyz/Tajik letters) and Uzbek/Turkmen Latin
# letters all match. Apostrophes split words ("Trump's" -> "trump", "s"); the 1-letter piece is dropped.
_WORD_RE = re.compile(r"\w+", re.UNICODE)

# Tokens shorter than this carry no topical signal ("s", "t", "и").
MIN_TOKEN_LENGTH = 2

# Written for this project: function words, auxiliaries and newsroom filler ("said", "told") that
# appear in nearly every article and would otherwise dominate short documents.
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also although am among an and another any are around as at
    be became because become been before being below between both but by can cannot could did do does
    doing done down during each either else even ever every few for from further get gets got had has
    have having he her here hers herself him himself his how however i if in into is it its itself
    just last least less let like made make many may me might more most much must my myself near need
    neither never new no nor not now of off often on once one only or other others our ours ourselves
    out over own per perhaps put quite rather really said same say says several shall she should
    since so some still such than that the their theirs them themselves then there these they this
    those though three through thus to told too two under until up upon very via was we well were
    what whatever when where whether which while who whom whose why will with within without would
    yes yet you your yours yourself yourselves mr mrs ms dr according told monday tuesday wednesday
    thursday friday saturday sunday week year years day days time news reported report reports
    """.split()
)

# Written for this project: pronouns, prepositions, conjunctions, particles and common auxiliaries.
RUSSIAN_STOPWORDS: frozenset[str] = frozenset(
    """
    а без более больше будет будут бы был была были было быть в вам вас весь во вот все всего всех вы
    где да даже для до его ее ей ему если есть еще же за здесь и из или им их к как какая какой когда
    кого ком который которая которые которых кто куда ли либо между меня мне много может можно мой
    мы на над надо нам нас не него нее ней нельзя нет ни нибудь никогда ним них ничего но ну о об один
    она они оно от очень по под после потом потому почти при про раз с сам свое свой себе себя сейчас
    со так также такой там тебя тем теперь то тогда того тоже только том тот ту тут ты у уже хотя чего
    чей чем через что чтобы чуть эта эти это этого этой этом этот я года году год лет сообщил сообщает
    заявил заявила отметил словам также однако который которого которой которую которым
    """.split()
)


_UNSEEN = object()


def _normalise_yo(word: str) -> str:
    # Russian texts use "ё" and "е" interchangeably; fold them so "ёлка" and "елка" match.
    return word.replace("ё", "е")


@dataclass
class Analyzer:
    """Turns text of one language into index terms.

    ``stem`` maps a lowercase word to its stem (identity when the language has no stemmer).
    Stemming is memoised: the Snowball implementation costs ~20 µs per call in pure Python, while
    news vocabulary is small compared to token counts, so the cache makes a full rebuild affordable.
    The cache is emptied whenever it would grow past ``cache_limit`` words.
    """

    language: str
    stopwords: frozenset[str] = frozenset()
    stem: Callable[[str], str] | None = None
    fold: Callable[[str], str] | None = None
    cache_limit: int = 500_000
    _cache: dict[str, str | None] = field(default_factory=dict, repr=False)  # word -> term or None

    def terms(self, text: str) -> list[str]:
        """Stemmed, stopword-free terms of ``text`` in reading order."""
        if not text:
            return []
        words = _WORD_RE.findall(text.lower())
        cache = self._cache
        # Look each distinct word up once (another thread may empty the shared cache meanwhile,
        # so what this call found is kept in its own dict), then map the list at C speed.
        found, missing = {}, []
        for word in set(words):
            term = cache.get(word, _UNSEEN)
            if term is _UNSEEN:
                missing.append(word)
            else:
                found[word] = term
        if missing:
            if len(cache) + len(missing) > self.cache_limit:
                cache.clear()  # bounded memory for long-running workers; refills quickly
                cache.update(found)
            for word in missing:
                found[word] = cache[word] = self._analyse_word(word)  # None means "drop this token"
        return [term for term in map(found.__getitem__, words) if term is not None]

    def _analyse_word(self, word: str) -> str | None:
        if self.fold is not None:
            word = self.fold(word)
        # Pure numbers ("2017", "14,000" -> "14", "000") match across unrelated stories.
        if len(word) < MIN_TOKEN_LENGTH or word.isdigit() or word.replace("_", "") == "":
            return None
        if word in self.stopwords:
            return None
        stemmed = self.stem(word) if self.stem is not None else word
        return stemmed if len(stemmed) >= MIN_TOKEN_LENGTH else None


def _snowball(algorithm: str) -> Callable[[str], str]:
    # A Snowball stemmer keeps the word it is working on in an attribute: one per thread, or two
    # threads of a granian worker stemming at once corrupt each other's word (an IndexError, a 500).
    local = threading.local()

    def stem(word: str) -> str:
        stemmer = getattr(local, "stemmer", None)
        if stemmer is None:
            stemmer = local.stemmer = snowballstemmer.stemmer(algorithm)
        return stemmer.stemWord(word)

    return stem


# Language code -> factory. Factories (not instances) so that importing the module is cheap and
# each process builds its own stemmer objects lazily.
_FACTORIES: dict[str, Callable[[], Analyzer]] = {
    "en": lambda: Analyzer("en", ENGLISH_STOPWORDS, _snowball("english")),
    "ru": lambda: Analyzer(
        "ru", frozenset(map(_normalise_yo, RUSSIAN_STOPWORDS)), _snowball("russian"), fold=_normalise_yo
    ),
    # No Snowball algorithm for these yet: lowercase tokens only (see module docstring).
    "kk": lambda: Analyzer("kk", fold=_normalise_yo),
    "ky": lambda: Analyzer("ky", fold=_normalise_yo),
    "tg": lambda: Analyzer("tg"),
    "uz": lambda: Analyzer("uz"),
    "tk": lambda: Analyzer("tk"),
}
_ANALYZERS: dict[str, Analyzer] = {}


def normalise_language(code: str | None) -> str:
    """``"ru-RU"``, ``"RU"``, ``"ru_ru"`` -> ``"ru"``; empty -> ``"und"`` (undetermined)."""
    if not code:
        return "und"
    return code.replace("_", "-").split("-", 1)[0].strip().lower() or "und"


def register_language(
    code: str,
    *,
    stopwords: Iterable[str] = (),
    stemmer: Callable[[str], str] | None = None,
    fold: Callable[[str], str] | None = None,
) -> None:
    """Add or replace the analyzer of a language (e.g. when a Kazakh stemmer becomes available).

    Documents already indexed keep their old terms: rebuild the index after changing a language.
    """
    code = normalise_language(code)
    words = frozenset(fold(w) if fold else w for w in stopwords)
    _FACTORIES[code] = lambda: Analyzer(code, words, stemmer, fold=fold)
    _ANALYZERS.pop(code, None)


def analyzer_for(language: str | None) -> Analyzer:
    """The analyzer of ``language``; unknown languages get a lowercase-only analyzer."""
    code = normalise_language(language)
    analyzer = _ANALYZERS.get(code)
    if analyzer is None:
        factory = _FACTORIES.get(code)
        analyzer = factory() if factory is not None else Analyzer(code)
        _ANALYZERS[code] = analyzer
    return analyzer


def tokenize(text: str, language: str | None) -> list[str]:
    """Index terms of ``text`` in ``language`` (convenience wrapper around :func:`analyzer_for`)."""
    return analyzer_for(language).terms(text)
