"""Stemmed copies of text for full-text search, so "выборы" finds "выборах" on every database.

SQLite's FTS has no Russian (or English) stemmer, and PostgreSQL has one configuration per query, not
per word. So articles are indexed with an extra search field holding the Snowball stem of every word
(discovery.text: Russian for Cyrillic words, English for Latin ones, whatever the article's language,
since Russian articles quote English names and vice versa), and queries are stemmed the same way
before they reach the database. Only ``\\w`` runs survive, so FTS syntax (quotes, ``*``, ``NEAR(``,
``OR``) can never reach the engine.
"""

from __future__ import annotations

import re
from functools import lru_cache

from discovery.text import analyzer_for

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
MAX_QUERY_TERMS = 12


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str | None:
    """The search term of one lowercase word, or None for stopwords and one-letter tokens."""
    if word.isdigit():
        return word if len(word) >= 2 else None  # years and numbers are searched as they are
    analyzer = analyzer_for("ru" if _CYRILLIC_RE.search(word) else "en")
    terms = analyzer.terms(word)
    return terms[0] if terms else None


def stems(text: str) -> list[str]:
    """Search terms of ``text`` in reading order (repeats kept: they count for relevance)."""
    out = []
    for word in _WORD_RE.findall((text or "").lower()):
        if "_" in word:  # \w includes "_"; treat it as a separator
            out.extend(t for part in word.split("_") if part for t in [stem_word(part)] if t)
            continue
        term = stem_word(word)
        if term:
            out.append(term)
    return out


def query_terms(query: str) -> list[str]:
    """Distinct stems of a reader's query, at most MAX_QUERY_TERMS, in order."""
    seen: list[str] = []
    for term in stems(query):
        if term not in seen:
            seen.append(term)
        if len(seen) == MAX_QUERY_TERMS:
            break
    return seen
