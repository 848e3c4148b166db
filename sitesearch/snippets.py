"""Highlighted result snippets: the passage around the first words matching the query, escaped."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sitesearch.stemming import stem_word

_TOKEN_RE = re.compile(r"\w+|\W+", re.UNICODE)
WINDOW_WORDS = 32
MAX_SCAN_CHARS = 20_000


def highlight(text: str, terms: set[str], window: int = WINDOW_WORDS) -> SafeString:
    """About ``window`` words of ``text`` around the first match, matches wrapped in <mark>."""
    tokens = _TOKEN_RE.findall((text or "")[:MAX_SCAN_CHARS])
    words = [i for i, tok in enumerate(tokens) if tok[0].isalnum() or tok[0] == "_"]
    position = 0
    for n, i in enumerate(words):  # stems only up to the first match: the cost of a long body is bounded
        if terms and stem_word(tokens[i].lower()) in terms:
            position = n
            break
    start_word = max(0, position - window // 4)
    chosen = words[start_word : start_word + window]
    hits = {i for i in chosen if terms and stem_word(tokens[i].lower()) in terms}
    if not chosen:
        return mark_safe("")
    begin, end = chosen[0], chosen[-1] + 1
    parts = ["… " if start_word > 0 else ""]
    for i in range(begin, end):
        token = escape(tokens[i])
        parts.append(f"<mark>{token}</mark>" if i in hits else token)
    if end < len(tokens) and chosen[-1] != words[-1]:
        parts.append(" …")
    return mark_safe("".join(parts))  # every token escaped above
