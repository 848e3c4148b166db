"""Content-based "Suggested articles" ranking (pure Python, no Django, no numpy).

Model
-----
Every article becomes a bag of weighted terms:

* words of the title, standfirst, body and tags, analysed in the article's own language
  (:mod:`discovery.text`: lowercase, stopwords removed, Snowball stem for en/ru). Word terms are keyed
  by language (``"en:elect"``) so that document frequencies, and hence IDF, are per language: a Russian
  newsroom's volume doesn't make English words look rare.
* language-neutral tokens for tags (``#tag:...``), countries (``#country:kz``) and the section
  (``#section:...``). They are the only bridge between languages and drive the cross-language fill.

Each field multiplies the term frequency by its boost (:class:`RankingConfig.field_weights`: title and
tags count more than body text). The suggestions for article *q* are computed "more like this" style:
its top ``query_terms`` terms by BM25 weight form a query, which is scored against the inverted index
with BM25, then multiplied by a mild recency factor. See :func:`score` for the exact formula; the index
computes the same numbers with an inlined loop.

Storage is compact on purpose (100,000 articles must fit comfortably in a worker): postings are
``array('i')`` of internal slots plus ``array('f')`` of term frequencies, and each document keeps only
its own term ids and frequencies, never its text. All global statistics (N, df, average length) are
read at query time, so an index grown one article at a time returns exactly what a full rebuild does.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter

from .text import analyzer_for, normalise_language

__all__ = [
    "DocId",
    "Document",
    "RankingConfig",
    "SuggestionIndex",
    "bm25_idf",
    "recency_factor",
    "score",
    "select_query_terms",
]

DocId = Hashable  # the caller's primary key: int or str in practice

_SECONDS_PER_DAY = 86_400.0


@dataclass
class Document:
    """One article as the ranking sees it. ``pinned`` are ids the editor wants shown first."""

    id: DocId
    language: str
    title: str = ""
    standfirst: str = ""
    body: str = ""
    tags: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    section: str | None = None
    published: datetime | None = None
    translation_key: str | None = None
    pinned: list[DocId] = field(default_factory=list)


@dataclass(frozen=True)
class RankingConfig:
    """Tunable knobs.

    Tuning was done on one half of the labelled NewsArticles corpus (ids with even CRC32) and checked on
    the other half (see discovery/evaluation.py): ``query_terms`` 30 -> 50 was the only change that
    mattered (+0.02 precision@5; 75 adds nothing). Field boosts, k1, b, ``max_df_ratio`` and the
    recency weight moved precision by less than 0.005 either way and keep their textbook values.
    """

    # Term-frequency multipliers per field: a word in the title says more about the topic than one
    # buried in paragraph twelve; editors' tags are deliberate. Countries and section only emit a
    # language-neutral token; tag words are also indexed as ordinary words.
    field_weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "title": 3.0,
            "standfirst": 2.0,
            "body": 1.0,
            "tags": 3.0,
            "countries": 2.0,
            "section": 1.0,
        }
    )
    k1: float = 1.2  # BM25 term-frequency saturation
    b: float = 0.75  # BM25 length normalisation
    query_terms: int = 50  # only the article's most distinctive terms are looked up: bounded cost
    # Query terms present in more than this share of a language's documents are skipped (they cost
    # long postings scans and carry almost no IDF weight) ...
    max_df_ratio: float = 0.25
    # ... but never prune a term this rare: small indexes keep all their terms.
    max_df_floor: int = 100
    # Cost cap for big indexes: query terms are taken best first, skipping any whose postings would push
    # the total scanned past this. Only long (= common, low-IDF) lists get skipped, and only at scale.
    max_query_postings: int = 50_000
    recency_weight: float = 0.1  # at most a 10% penalty: a tie-breaker, not a ranking signal
    recency_half_life_days: float = 30.0
    max_body_chars: int = 20_000  # bounds the cost of a pathological 1 MB body


def bm25_idf(df: int, n: int) -> float:
    """BM25 inverse document frequency; always positive (the ``1 +`` keeps very common terms >= 0)."""
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def _saturate(tf: float, length: float, avg_length: float, k1: float, b: float) -> float:
    return tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * length / avg_length))


def recency_factor(
    query_published: datetime | None,
    candidate_published: datetime | None,
    *,
    weight: float = 0.1,
    half_life_days: float = 30.0,
) -> float:
    """Multiplier in ``[1 - weight, 1]`` that gently prefers recent candidates.

    Age is measured back from the *query* article's publication time, not from "now": for a
    just-published article that means "newer is better", and a stored list doesn't depend on the day
    the rebuild ran. Candidates published after the query article (follow-ups) count as fresh.
    Undated candidates get the full penalty; an undated query article applies no recency at all.
    """
    if query_published is None:
        return 1.0
    if candidate_published is None:
        return 1.0 - weight
    age_days = max(0.0, (_timestamp(query_published) - _timestamp(candidate_published)) / _SECONDS_PER_DAY)
    return (1.0 - weight) + weight * 0.5 ** (age_days / half_life_days)


def select_query_terms(
    doc_tf: Mapping[str, float],
    doc_length: int,
    avg_length: float,
    df: Mapping[str, int],
    n_docs: Mapping[str, int],
    config: RankingConfig,
) -> list[tuple[str, float]]:
    """The query of an article: its ``config.query_terms`` highest-weighted terms, best first.

    ``n_docs[term]`` is the number of documents of the term's language (all documents for neutral
    tokens). A term's weight is ``idf(t) * sat(tf)`` with BM25 saturation. Terms only this article has
    (df < 2) cannot match anything, very common terms are pruned, and the total postings a query may
    scan is capped (see :class:`RankingConfig`). Ties are broken by the term itself so the query is
    deterministic.
    """
    scored: list[tuple[float, str]] = []
    for term, tf in doc_tf.items():
        d = df.get(term, 0)
        n = n_docs[term]
        if d < 2 or d > max(config.max_df_ratio * n, config.max_df_floor):
            continue
        weight = bm25_idf(d, n) * _saturate(tf, doc_length, avg_length, config.k1, config.b)
        scored.append((-weight, term))
    scored.sort()
    query: list[tuple[str, float]] = []
    budget = config.max_query_postings
    for neg, term in scored:
        if len(query) == config.query_terms:
            break
        if df[term] > budget and query:
            continue
        budget -= df[term]
        query.append((term, -neg))
    return query


def score(
    query: Sequence[tuple[str, float]],
    candidate_tf: Mapping[str, float],
    candidate_length: int,
    avg_length: float,
    df: Mapping[str, int],
    n_docs: Mapping[str, int],
    config: RankingConfig,
    recency: float = 1.0,
) -> float:
    """Score of one candidate for a query built by :func:`select_query_terms` (reference formula).

    ::

        score(q, d) = R · Σ_{t ∈ Q}  w_q(t) · idf(t) · tf_d(t)·(k1 + 1) / (tf_d(t) + k1·(1 − b + b·|d|/avgdl))

        w_q(t)  = idf(t) · sat(tf_q(t))   the query weight, so IDF counts twice: distinctive terms
                                          (names, places) dominate, as in a cosine over TF-IDF vectors
        idf(t)  = ln(1 + (N_lang − df + 0.5) / (df + 0.5))
        tf_d(t) = Σ_fields field_weight · occurrences of t in that field
        |d|     = number of terms in d (unweighted), avgdl over the whole index
        R       = recency_factor(...) ∈ [1 − recency_weight, 1]

    The result is 0 when the candidate shares no query term. :class:`SuggestionIndex` evaluates
    exactly this with postings lists; the tests check that the two agree.
    """
    total = 0.0
    for term, q_weight in query:
        tf = candidate_tf.get(term)
        if tf:
            idf = bm25_idf(df[term], n_docs[term])
            total += q_weight * idf * _saturate(tf, candidate_length, avg_length, config.k1, config.b)
    return total * recency


def _timestamp(value: datetime) -> float:
    # Naive datetimes are taken as UTC: the CMS stores aware datetimes, this only keeps tests terse.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def _neutral(kind: str, value: str) -> str | None:
    value = " ".join(value.lower().split())
    return f"#{kind}:{value}" if value else None


@dataclass(slots=True)  # slots: ~100 bytes less per article, 10 MB at 100k
class _Slot:
    """What the index remembers about one article (no text)."""

    id: DocId
    language: str
    translation_key: str | None
    timestamp: float | None  # publication time as POSIX seconds
    pinned: tuple[DocId, ...]
    length: int
    terms: array  # array('i') of term ids
    tfs: array  # array('f'), parallel to ``terms``


class SuggestionIndex:
    """Inverted index over articles; answers "suggested articles" for any indexed article.

    * :meth:`build` indexes many documents (full rebuild),
    * :meth:`add_or_update` / :meth:`remove` keep it current as articles are published or unpublished,
    * :meth:`suggest` returns ids: pinned picks first, then same-language articles by :func:`score`,
      then (only to fill up to ``k``) other-language articles reached through tags/countries/section.

    The caller indexes only live articles; ``exclude`` covers anything else that must not be shown.
    Not thread-safe: one writer at a time (reads during a write may see a half-updated document).
    """

    def __init__(self, config: RankingConfig | None = None) -> None:
        self.config = config or RankingConfig()
        self._reset()

    def _reset(self) -> None:
        self._slot_of: dict[DocId, int] = {}
        self._slots: list[_Slot | None] = []
        self._lengths: list[int] = []  # slot -> |d|, a flat list because the scoring loop reads it
        self._free: list[int] = []
        self._term_ids: dict[str, int] = {}
        self._term_names: list[str] = []
        self._term_lang: list[str | None] = []  # None: language-neutral token
        self._post_ids: list[array] = []  # term id -> array('i') of slots
        self._post_tfs: list[array] = []  # term id -> array('f') of term frequencies
        self._lang_docs: dict[str, int] = {}
        self._total_length = 0  # int, so incremental updates never drift from a rebuild

    # -- maintenance ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._slot_of

    def build(self, docs: Iterable[Document]) -> None:
        """Replace the whole index with ``docs`` (later duplicates of an id win)."""
        self._reset()
        for doc in docs:
            self.add_or_update(doc)

    def add_or_update(self, doc: Document) -> None:
        """Index ``doc``, replacing any previous version with the same id."""
        if doc.id in self._slot_of:
            self.remove(doc.id)
        term_tf, length = self._analyse(doc)
        language = normalise_language(doc.language)
        term_ids = self._term_ids
        tids: list[int] = []
        for term in term_tf:
            tid = term_ids.get(term)
            if tid is None:
                tid = len(self._term_names)
                term_ids[term] = tid
                self._term_names.append(term)
                self._term_lang.append(None if term.startswith("#") else language)
                self._post_ids.append(array("i"))
                self._post_tfs.append(array("f"))
            tids.append(tid)
        terms = array("i", tids)
        tfs = array("f", term_tf.values())
        slot_index = self._free.pop() if self._free else len(self._slots)
        slot = _Slot(
            id=doc.id,
            language=language,
            translation_key=doc.translation_key,
            timestamp=_timestamp(doc.published) if doc.published is not None else None,
            pinned=tuple(doc.pinned),
            length=length,
            terms=terms,
            tfs=tfs,
        )
        if slot_index == len(self._slots):
            self._slots.append(slot)
            self._lengths.append(length)
        else:
            self._slots[slot_index] = slot
            self._lengths[slot_index] = length
        post_ids, post_tfs = self._post_ids, self._post_tfs
        for tid, tf in zip(tids, tfs, strict=True):
            post_ids[tid].append(slot_index)
            post_tfs[tid].append(tf)
        self._slot_of[doc.id] = slot_index
        self._lang_docs[language] = self._lang_docs.get(language, 0) + 1
        self._total_length += length

    def remove(self, doc_id: DocId) -> bool:
        """Drop ``doc_id`` from the index; returns False if it wasn't there."""
        slot_index = self._slot_of.pop(doc_id, None)
        if slot_index is None:
            return False
        slot = self._slots[slot_index]
        assert slot is not None
        for tid in slot.terms:
            ids = self._post_ids[tid]
            pos = ids.index(slot_index)  # C-speed scan; postings are unordered
            del ids[pos]
            del self._post_tfs[tid][pos]
        self._slots[slot_index] = None
        self._free.append(slot_index)
        self._lang_docs[slot.language] -= 1
        if not self._lang_docs[slot.language]:
            del self._lang_docs[slot.language]
        self._total_length -= slot.length
        return True

    def _analyse(self, doc: Document) -> tuple[dict[str, float], int]:
        """Field-weighted term frequencies of ``doc`` and its length in terms."""
        weights = self.config.field_weights
        language = normalise_language(doc.language)
        analyzer = analyzer_for(language)
        prefix = language + ":"
        tf: dict[str, float] = {}
        length = 0
        word_fields = (
            ("title", doc.title),
            ("standfirst", doc.standfirst),
            ("body", doc.body[: self.config.max_body_chars] if doc.body else ""),
            ("tags", " . ".join(doc.tags)),
        )
        for name, text in word_fields:
            stems = analyzer.terms(text or "")
            if not stems:
                continue
            w = weights.get(name, 1.0)
            length += len(stems)
            for stem, count in Counter(stems).items():  # Counter counts in C
                term = prefix + stem
                tf[term] = tf.get(term, 0.0) + w * count
        neutral = [(weights.get("tags", 1.0), _neutral("tag", t)) for t in doc.tags]
        neutral += [(weights.get("countries", 1.0), _neutral("country", c)) for c in doc.countries]
        if doc.section:
            neutral.append((weights.get("section", 1.0), _neutral("section", doc.section)))
        for w, term in neutral:
            if term is not None and term not in tf:  # a repeated tag is still one tag
                tf[term] = w
                length += 1
        return tf, length

    # -- statistics (read at query time, never cached: see module docstring) ------------------
    def _avg_length(self) -> float:
        return self._total_length / len(self._slot_of) if self._slot_of else 1.0

    def _n_for(self, tid: int) -> int:
        lang = self._term_lang[tid]
        return len(self._slot_of) if lang is None else self._lang_docs.get(lang, 0)

    def document_terms(self, doc_id: DocId) -> dict[str, float]:
        """Field-weighted term frequencies of an indexed document (for debugging and tests)."""
        slot = self._slots[self._slot_of[doc_id]]
        assert slot is not None
        return {self._term_names[t]: tf for t, tf in zip(slot.terms, slot.tfs, strict=True)}

    def query_for(self, doc_id: DocId) -> list[tuple[str, float]]:
        """The weighted query terms used for ``doc_id`` (see :func:`select_query_terms`)."""
        slot = self._slots[self._slot_of[doc_id]]
        assert slot is not None
        names = self._term_names
        doc_tf: dict[str, float] = {}
        df: dict[str, int] = {}
        n_docs: dict[str, int] = {}
        for tid, tf in zip(slot.terms, slot.tfs, strict=True):
            name = names[tid]
            doc_tf[name] = tf
            df[name] = len(self._post_ids[tid])
            n_docs[name] = self._n_for(tid)
        return select_query_terms(doc_tf, slot.length, self._avg_length(), df, n_docs, self.config)

    # -- ranking ------------------------------------------------------------------------------
    def scored(self, doc_id: DocId, k: int = 4, exclude: Iterable[DocId] = ()) -> list[tuple[DocId, float]]:
        """Best ``k`` (id, score) pairs by content, same language first (no pinned picks)."""
        slot_index = self._slot_of[doc_id]
        if k <= 0:
            return []
        me = self._slots[slot_index]
        assert me is not None
        cfg = self.config
        k1, b = cfg.k1, cfg.b
        avg = self._avg_length()
        c_const = k1 * (1.0 - b)  # sat(tf) denominator = tf + c_const + c_len * |d|
        c_len = k1 * b / avg
        slots = self._slots

        lengths = self._lengths
        acc: dict[int, float] = {}
        for name, q_weight in self.query_for(doc_id):
            tid = self._term_ids[name]
            ids = self._post_ids[tid]
            factor = q_weight * bm25_idf(len(ids), self._n_for(tid)) * (k1 + 1.0)
            get = acc.get
            for s, tf in zip(ids, self._post_tfs[tid], strict=True):
                acc[s] = get(s, 0.0) + factor * tf / (tf + c_const + c_len * lengths[s])

        blocked = set(exclude)
        blocked.add(doc_id)
        ref = me.timestamp
        w = cfg.recency_weight
        half_life_s = cfg.recency_half_life_days * _SECONDS_PER_DAY
        # Recency only ever lowers a score, by a factor >= ``floor``. So once k eligible same-language
        # candidates are known, nothing whose raw score is below floor x the k-th of them can make the
        # list: walk candidates by raw score and stop there. Exact, and it spares tens of thousands of
        # recency computations at 100k articles. The short probe almost always suffices; a full sort
        # is the fallback (many exclusions, or too few same-language matches).
        floor = 1.0 - w if ref is not None else 1.0
        ranked = heapq.nlargest(32 * k + 64, acc.items(), key=itemgetter(1))
        complete = len(ranked) == len(acc)
        while True:
            own: list[tuple[float, float, str, DocId]] = []
            other: list[tuple[float, float, str, DocId]] = []
            threshold = -1.0
            stopped = False
            for s, raw in ranked:
                if raw < threshold:
                    stopped = True
                    break
                cand = slots[s]
                assert cand is not None
                if s == slot_index or raw <= 0.0 or cand.id in blocked:
                    continue
                if me.translation_key is not None and cand.translation_key == me.translation_key:
                    continue
                # recency_factor(), inlined on precomputed timestamps
                if ref is None:
                    value = raw
                elif cand.timestamp is None:
                    value = raw * (1.0 - w)
                else:
                    age = ref - cand.timestamp
                    value = raw * ((1.0 - w) + w * 0.5 ** (age / half_life_s)) if age > 0.0 else raw
                # Ties: newer first, then id, so results never depend on internal slot numbers.
                entry = (-value, -(cand.timestamp or 0.0), str(cand.id), cand.id)
                if cand.language == me.language:
                    own.append(entry)
                    if len(own) == k:
                        threshold = raw * floor
                else:
                    other.append(entry)
            if stopped or complete:
                break
            ranked = sorted(acc.items(), key=itemgetter(1), reverse=True)
            complete = True
        best = heapq.nsmallest(k, own)
        if len(best) < k:  # other languages only fill what our own language cannot
            best += heapq.nsmallest(k - len(best), other)
        return [(entry[3], -entry[0]) for entry in best]

    def suggest(self, doc_id: DocId, k: int = 4, exclude: Iterable[DocId] = ()) -> list[DocId]:
        """Ids of up to ``k`` suggested articles for indexed article ``doc_id``.

        Order: the editor's pinned picks (in their order, if indexed), then :meth:`scored`. Never the
        article itself, a translation of it (same ``translation_key``) or anything in ``exclude``.
        Raises KeyError if ``doc_id`` isn't indexed.
        """
        if k <= 0:
            return []
        me = self._slots[self._slot_of[doc_id]]
        assert me is not None
        blocked = set(exclude)
        blocked.add(doc_id)
        result: list[DocId] = []
        for pid in me.pinned:
            if len(result) == k:
                return result
            slot_index = self._slot_of.get(pid)
            if slot_index is None or pid in blocked:
                continue  # not live (not indexed) or excluded
            cand = self._slots[slot_index]
            assert cand is not None
            if me.translation_key is not None and cand.translation_key == me.translation_key:
                continue
            result.append(pid)
            blocked.add(pid)
        if len(result) < k:
            result.extend(i for i, _ in self.scored(doc_id, k - len(result), blocked))
        return result

    def pinned_of(self, doc_id: DocId) -> tuple[DocId, ...]:
        """The editor's pinned picks of an indexed article, in their order."""
        slot = self._slots[self._slot_of[doc_id]]
        assert slot is not None
        return slot.pinned

    def newest_eligible(self, doc_id: DocId, candidates: Iterable[DocId]) -> DocId | None:
        """The newest of ``candidates`` that may be suggested for ``doc_id``, or None.

        Eligible: indexed, in ``doc_id``'s language, neither the article itself nor a translation of
        it. Ties: newer first, then id (as :meth:`scored`), so the answer never depends on slots.
        """
        me = self._slots[self._slot_of[doc_id]]
        assert me is not None
        best: tuple[float, str] | None = None
        chosen: DocId | None = None
        for cid in candidates:
            slot_index = self._slot_of.get(cid)
            if slot_index is None or cid == doc_id:
                continue
            cand = self._slots[slot_index]
            assert cand is not None
            if cand.language != me.language:
                continue
            if me.translation_key is not None and cand.translation_key == me.translation_key:
                continue
            key = (cand.timestamp or 0.0, str(cid))
            if best is None or key > best:
                best, chosen = key, cid
        return chosen

    def related_to(self, doc_id: DocId, limit: int = 10) -> list[DocId]:
        """Articles whose stored suggestions most likely change when ``doc_id`` is published.

        Similarity is nearly symmetric, so these are ``doc_id``'s own best matches; a publishing hook
        recomputes their lists after computing the new article's.
        """
        return [i for i, _ in self.scored(doc_id, limit)]
