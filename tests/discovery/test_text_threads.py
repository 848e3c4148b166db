"""The analyzers are shared by every thread of a granian worker: stemming must be thread-safe.

Seen in the acceptance suite: under load, one search in 15,000 answered 500 with an IndexError
from inside the Snowball stemmer, whose object keeps the word being stemmed in an attribute, so two
threads stemming at once corrupted each other's word.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from discovery.text import Analyzer, _snowball

WORDS = [f"{stem}{ending}" for stem in ("govern", "nation", "relat", "electr", "particip", "organis")
         for ending in ("ational", "ization", "fulness", "iveness", "ements", "ingly", "ousness")]  # fmt: skip


def test_stemming_in_many_threads_gives_what_one_thread_gives():
    expected = {word: Analyzer("en", stem=_snowball("english")).terms(word) for word in WORDS}
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to make a race show
    try:
        for _round in range(5):
            analyzer = Analyzer("en", stem=_snowball("english"), cache_limit=1)  # no memo: always stem

            def stem_all(offset: int, analyzer: Analyzer = analyzer) -> dict[str, list[str]]:
                words = WORDS[offset:] + WORDS[:offset]
                return {word: analyzer.terms(word) for word in words * 20}

            with ThreadPoolExecutor(8) as pool:
                for result in pool.map(stem_all, range(8)):
                    assert result == expected
    finally:
        sys.setswitchinterval(previous)
