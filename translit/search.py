"""Search queries in Uzbek match articles whichever script the query or the article is written in.

Two ways to use it, depending on what the search engine indexes:

* The index holds text folded to one script (e.g. a term index built with
  `fold_uzbek_word` as the Uzbek analyzer's fold): normalise the query the same way with
  `normalise_query_for_search(query, "uz")` and search once.
* The index holds text as the editor wrote it (Wagtail's database backend): search for every
  string of `query_variants(query, "uz")` (Latin and Cyrillic) and combine the results (OR).

Other languages pass through unchanged, so callers need no language check of their own.
"""

from __future__ import annotations

from translit.uzbek import cyrillic_to_latin, latin_to_cyrillic, normalize_latin


def _is_uzbek(language: str | None) -> bool:
    return (language or "").replace("_", "-").split("-")[0].lower() in ("uz", "uzb")


def normalise_query_for_search(query: str, language: str | None) -> str:
    """Uzbek: the query in Latin with proper oʻ/gʻ/ʼ letters ("Ўзбекистон", "O'zbekiston" ->
    "Oʻzbekiston"). Other languages: the query unchanged."""
    if not query or not _is_uzbek(language):
        return query
    return normalize_latin(cyrillic_to_latin(query))


def query_variants(query: str, language: str | None) -> list[str]:
    """Uzbek: [Latin form, Cyrillic form] (distinct); other languages: [query]."""
    if not query or not _is_uzbek(language):
        return [query]
    latin = normalise_query_for_search(query, language)
    cyrillic = latin_to_cyrillic(latin)
    return [latin] if cyrillic == latin else [latin, cyrillic]


def fold_uzbek_word(word: str) -> str:
    """One index term per word in either script: a lowercase word folded to Latin."""
    return normalize_latin(cyrillic_to_latin(word)).lower()
