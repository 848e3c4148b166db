"""Editions: what a subscriber asked for and what an issue is for.

An edition is a short key: ``all`` (the general edition, every story), a country code (``KZ``)
or a topic section (``t:`` + the section's translation key, the same in every language). A
subscriber holds a set of keys; an issue is for exactly one, and goes to the subscribers of its
language whose set contains it. Keys are stored as ",all,KZ," so "subscribers of KZ" is one
indexed LIKE on any database, like news.models.CountriesField.
"""

from __future__ import annotations

from collections.abc import Iterable

ALL = "all"
TOPIC_PREFIX = "t:"
COUNTRY_CODES = ("KZ", "KG", "TJ", "TM", "UZ")  # news.models.COUNTRIES, without importing Django models


def topic_key(translation_key: object) -> str:
    return f"{TOPIC_PREFIX}{translation_key}"


def is_topic(key: str) -> bool:
    return key.startswith(TOPIC_PREFIX)


def is_country(key: str) -> bool:
    return key in COUNTRY_CODES


def stored(keys: Iterable[str]) -> str:
    """ ",all,KZ," for a set of keys, in a stable order (general first, then countries, then topics)."""
    unique = dict.fromkeys(k for k in keys if k)
    ordered = [k for k in unique if k == ALL]
    ordered += [k for k in COUNTRY_CODES if k in unique]
    ordered += sorted(k for k in unique if is_topic(k))
    return f",{','.join(ordered)}," if ordered else ""


def parse(value: str | None) -> list[str]:
    return [key for key in (value or "").split(",") if key]


def contains_pattern(key: str) -> str:
    """The substring a stored set contains when it has `key` (for a `__contains` lookup)."""
    return f",{key},"
