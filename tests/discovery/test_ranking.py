import random
from datetime import UTC, datetime, timedelta

import pytest

from discovery.ranking import (
    Document,
    RankingConfig,
    SuggestionIndex,
    bm25_idf,
    recency_factor,
    score,
    select_query_terms,
)

DAY0 = datetime(2025, 3, 1, 12, 0)
COMMON = "government officials said meeting important issues discussed week country people new plan"


def filler(n: int, start: int = 0) -> list[Document]:
    """Background articles that make COMMON words common (low IDF)."""
    topics = ["weather", "football", "cinema", "railway", "harvest", "museum", "concert", "bakery"]
    return [
        Document(
            id=f"f{start + i}",
            language="en",
            title=f"{topics[i % len(topics)]} update",
            body=f"{COMMON} {topics[i % len(topics)]} {topics[(i + 3) % len(topics)]}",
            published=DAY0 - timedelta(days=i % 5),
        )
        for i in range(n)
    ]


def index_of(docs, config=None) -> SuggestionIndex:
    index = SuggestionIndex(config)
    index.build(docs)
    return index


def test_distinctive_terms_outrank_common_words():
    query = Document(
        "q", "en", title="Tokayev visits Astana", body=f"Tokayev Astana {COMMON}", published=DAY0
    )
    rare = Document("rare", "en", title="Tokayev speech", body="Tokayev spoke briefly.", published=DAY0)
    common = Document("common", "en", title="Officials meeting", body=f"{COMMON} {COMMON}", published=DAY0)
    index = index_of([query, rare, common, *filler(40)])
    ranked = index.scored("q", k=3)
    assert ranked[0][0] == "rare"
    scores = dict(index.scored("q", k=50))
    assert scores["rare"] > 2 * scores["common"]


def test_query_terms_are_the_distinctive_ones():
    query = Document(
        "q", "en", title="Tokayev visits Astana", body=f"Tokayev Astana {COMMON}", published=DAY0
    )
    others = [Document(f"o{i}", "en", title="Tokayev Astana", body="") for i in range(2)]
    index = index_of([query, *others, *filler(40)])
    terms = [t for t, _ in index.query_for("q")]
    assert terms[:2] in (["en:tokayev", "en:astana"], ["en:astana", "en:tokayev"])
    assert "en:govern" not in terms[:2]


def test_recency_breaks_ties_between_equal_matches():
    query = Document("q", "en", title="Bishkek flood", body="Bishkek flood water", published=DAY0)
    old = Document(
        "old", "en", title="Bishkek flood", body="Bishkek flood water", published=DAY0 - timedelta(days=90)
    )
    new = Document(
        "new", "en", title="Bishkek flood", body="Bishkek flood water", published=DAY0 - timedelta(days=1)
    )
    undated = Document("undated", "en", title="Bishkek flood", body="Bishkek flood water")
    index = index_of([old, query, undated, new, *filler(20)])
    assert index.suggest("q", k=3) == ["new", "old", "undated"]


def test_recency_is_only_mild():
    # A much better match from three months ago beats a weak match from yesterday.
    query = Document("q", "en", title="Osh bazaar fire", body="Osh bazaar fire traders", published=DAY0)
    strong_old = Document(
        "strong",
        "en",
        title="Osh bazaar fire",
        body="Osh bazaar fire traders losses",
        published=DAY0 - timedelta(days=90),
    )
    weak_new = Document("weak", "en", title="Fire drill", body="fire drill at school", published=DAY0)
    index = index_of([query, strong_old, weak_new, *filler(20)])
    assert index.suggest("q", k=2) == ["strong", "weak"]


def test_recency_factor_values():
    assert recency_factor(DAY0, DAY0) == pytest.approx(1.0)
    assert recency_factor(DAY0, DAY0 - timedelta(days=30)) == pytest.approx(0.95)
    assert recency_factor(DAY0, DAY0 - timedelta(days=3000)) == pytest.approx(0.9)
    assert recency_factor(DAY0, DAY0 + timedelta(days=30)) == pytest.approx(1.0)  # follow-ups are fresh
    assert recency_factor(DAY0, None) == pytest.approx(0.9)
    assert recency_factor(None, DAY0) == 1.0
    assert recency_factor(DAY0, DAY0 - timedelta(days=10), weight=0.5, half_life_days=10) == pytest.approx(
        0.75
    )


def test_pinned_picks_come_first_in_editor_order():
    docs = [
        Document(
            "q",
            "en",
            title="Dushanbe dam",
            body="Rogun dam Dushanbe energy",
            pinned=["p2", "gone", "p1", "x"],
        ),
        Document("match", "en", title="Rogun dam", body="Rogun dam Dushanbe energy"),
        Document("p1", "en", title="Cinema week", body="unrelated film"),
        Document("p2", "ru", title="Кино", body="фильм"),  # editors may pin another language
        Document("x", "en", title="Rogun", body="Rogun dam"),
        *filler(10),
    ]
    index = index_of(docs)
    assert index.suggest("q", k=5) == ["p2", "p1", "x", "match"]  # "gone" isn't indexed (not live)
    assert index.suggest("q", k=5, exclude={"x"}) == ["p2", "p1", "match"]  # excluded even if pinned
    assert index.suggest("q", k=1) == ["p2"]
    assert index.suggest("q", k=0) == []
    assert index.suggest("match", k=3) == ["q", "x"]  # pins belong to "q" only


def test_never_self_translation_or_excluded():
    text = dict(title="Tashkent metro extension", body="Tashkent metro new line stations")
    docs = [
        Document("q", "en", **text, translation_key="t1", pinned=["q", "q-copy"]),
        Document("q-copy", "en", **text, translation_key="t1"),  # same language, same key: a duplicate
        Document("q-ru", "ru", title="Ташкентское метро", body="Tashkent metro", translation_key="t1"),
        Document("near", "en", **text),
        Document("dead", "en", **text),
        Document("other", "en", title="Tashkent metro fares", body="metro fares"),
        *filler(10),
    ]
    index = index_of(docs)
    result = index.suggest("q", k=10, exclude={"dead"})
    assert result[:2] == ["near", "other"]
    assert not {"q", "q-copy", "q-ru", "dead"} & set(result)
    assert "q" not in index.suggest("q-copy", k=10)
    with pytest.raises(KeyError):
        index.suggest("missing")


def test_other_languages_only_fill_missing_slots():
    place = dict(tags=["Aral Sea"], countries=["KZ"], section="Environment")
    en = [
        Document("q", "en", title="Aral sea", body="Aral sea water", **place),
        Document("en1", "en", title="Aral sea fish", body="Aral sea fish", tags=["Aral Sea"]),
        Document("en2", "en", title="Prices", body="water tariffs rise"),  # one body word in common
    ]
    ru = [
        Document("ru1", "ru", title="Аральское море", body="Аральское море", **place),
        Document("ru2", "ru", title="Арал", body="Арал", countries=["kz"]),
        Document("ru3", "ru", title="Погода", body="дождь"),  # shares nothing: never a fill
    ]
    index = index_of([*en, *ru, *filler(10)])
    scores = dict(index.scored("q", k=10))
    assert scores["ru1"] > scores["en2"]  # the Russian article matches better ...
    assert index.suggest("q", k=2) == ["en1", "en2"]  # ... but English results come first
    # Own language exhausted -> tag+country+section match, then the country-only match.
    assert index.suggest("q", k=10) == ["en1", "en2", "ru1", "ru2"]
    assert index.suggest("q", k=3, exclude={"en2"}) == ["en1", "ru1", "ru2"]
    assert index.suggest("ru2", k=10) == ["ru1", "q"]  # and the other way round


def synthetic_corpus(n: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    vocab = [f"word{i}" for i in range(300)]
    langs = ["en", "en", "en", "ru"]
    docs = []
    for i in range(n):
        words = rng.sample(vocab, 25)
        docs.append(
            Document(
                id=i,
                language=rng.choice(langs),
                title=" ".join(words[:4]),
                standfirst=" ".join(words[4:8]),
                body=" ".join(rng.choices(words, k=rng.randrange(10, 120))),
                tags=rng.sample(["politics", "economy", "sport", "culture"], 2),
                countries=rng.sample(["KZ", "KG", "UZ"], 1),
                section=rng.choice(["news", "analysis"]),
                published=DAY0 - timedelta(hours=rng.randrange(2000)) if i % 7 else None,
                translation_key=f"tk{i // 2}" if i % 5 == 0 else None,
            )
        )
    return docs


def test_incremental_updates_equal_a_full_rebuild():
    docs = synthetic_corpus(120)
    full = index_of(docs)

    incremental = SuggestionIndex()
    rng = random.Random(3)
    order = docs[:]
    rng.shuffle(order)
    stale = synthetic_corpus(40, seed=99)  # earlier versions of some articles, and articles later removed
    for i, doc in enumerate(order):
        if i % 3 == 0:
            old = stale[i % len(stale)]
            incremental.add_or_update(Document(**{**old.__dict__, "id": doc.id}))  # old version first
        incremental.add_or_update(doc)
        if i % 4 == 0:
            incremental.add_or_update(Document(**{**stale[i % len(stale)].__dict__, "id": f"tmp{i}"}))
    for i in range(0, len(order), 4):
        assert incremental.remove(f"tmp{i}")
    assert not incremental.remove("tmp-never")

    assert len(incremental) == len(full) == 120
    for doc in docs:
        assert incremental.scored(doc.id, k=8) == full.scored(doc.id, k=8)  # exact, scores included
        assert incremental.suggest(doc.id, k=5) == full.suggest(doc.id, k=5)


def test_index_scores_match_the_reference_formula():
    docs = synthetic_corpus(60)
    config = RankingConfig(query_terms=12)
    index = index_of(docs, config)
    q = docs[3]
    n_docs_all = len(index)
    by_id = {d.id: d for d in docs}
    terms = {d.id: index.document_terms(d.id) for d in docs}
    lengths = {d.id: index._slots[index._slot_of[d.id]].length for d in docs}
    avg = sum(lengths.values()) / n_docs_all
    df: dict[str, int] = {}
    for tf in terms.values():
        for t in tf:
            df[t] = df.get(t, 0) + 1
    lang_counts = {lang: sum(1 for d in docs if d.language == lang) for lang in ("en", "ru")}
    n_docs = {t: n_docs_all if t.startswith("#") else lang_counts[t.split(":")[0]] for t in df}

    query = select_query_terms(terms[q.id], lengths[q.id], avg, df, n_docs, config)
    assert query == index.query_for(q.id)
    assert len(query) == config.query_terms

    for cand_id, got in index.scored(q.id, k=10):
        cand = by_id[cand_id]
        recency = recency_factor(q.published, cand.published)
        expected = score(query, terms[cand_id], lengths[cand_id], avg, df, n_docs, config, recency)
        assert got == pytest.approx(expected, rel=1e-9)
        assert expected > 0


def _reference_ranking(index, docs, query_id, k, exclude=()):
    """Brute force: score() + recency_factor() for every other article, same tie-break as the index."""
    config = index.config
    by_id = {d.id: d for d in docs}
    terms = {d.id: index.document_terms(d.id) for d in docs}
    lengths = {d.id: index._slots[index._slot_of[d.id]].length for d in docs}
    avg = sum(lengths.values()) / len(docs)
    df: dict[str, int] = {}
    for tf in terms.values():
        for t in tf:
            df[t] = df.get(t, 0) + 1
    n_docs = {t: len(docs) if t.startswith("#") else sum(d.language == t[:2] for d in docs) for t in df}
    me = by_id[query_id]
    query = select_query_terms(terms[query_id], lengths[query_id], avg, df, n_docs, config)
    rows = []
    for d in docs:
        if d.id == query_id or d.id in exclude:
            continue
        if me.translation_key is not None and d.translation_key == me.translation_key:
            continue
        rec = recency_factor(me.published, d.published, weight=config.recency_weight)
        value = score(query, terms[d.id], lengths[d.id], avg, df, n_docs, config, rec)
        if value > 0:
            ts = d.published.replace(tzinfo=UTC).timestamp() if d.published else 0.0
            rows.append((d.language != me.language, -value, -ts, str(d.id), d.id))
    rows.sort()
    return [(r[-1], -r[1]) for r in rows[:k]], {r[-1]: -r[1] for r in rows}


@pytest.mark.parametrize("config", [RankingConfig(), RankingConfig(recency_weight=0.6, query_terms=8)])
def test_ranking_equals_brute_force(config):
    # The index stops early once recency can no longer reorder candidates; check that this is exact.
    docs = synthetic_corpus(150, seed=11)
    index = index_of(docs, config)
    for doc in docs[:40]:
        for k in (1, 4, 12):
            exclude = {docs[(doc.id + 1) % 150].id, docs[(doc.id + 7) % 150].id}
            expected, everyone = _reference_ranking(index, docs, doc.id, k, exclude)
            got = index.scored(doc.id, k, exclude)
            # Same scores position by position (ids may only differ inside float-rounding ties) ...
            assert [v for _, v in got] == pytest.approx([v for _, v in expected], rel=1e-12)
            # ... and each returned article really has the score it was ranked by.
            assert all(everyone[i] == pytest.approx(v, rel=1e-12) for i, v in got)
            exact = sum(g == e for (g, _), (e, _) in zip(got, expected, strict=True))
            assert exact >= len(expected) - 2


def test_query_postings_budget_skips_long_lists():
    doc_tf = {"en:rare": 1.0, "en:common": 5.0, "en:mid": 1.0}
    df = {"en:rare": 2, "en:common": 20, "en:mid": 8}
    n_docs = dict.fromkeys(df, 100)
    unlimited = select_query_terms(doc_tf, 7, 7.0, df, n_docs, RankingConfig())
    assert [t for t, _ in unlimited] == ["en:rare", "en:common", "en:mid"]
    capped = select_query_terms(doc_tf, 7, 7.0, df, n_docs, RankingConfig(max_query_postings=10))
    assert [t for t, _ in capped] == ["en:rare", "en:mid"]  # "common" would scan 60 postings
    assert (
        select_query_terms(doc_tf, 7, 7.0, df, n_docs, RankingConfig(max_query_postings=1))[0][0] == "en:rare"
    )


def test_bm25_idf_prefers_rare_terms():
    assert bm25_idf(1, 1000) > bm25_idf(10, 1000) > bm25_idf(900, 1000) > 0


def test_field_boosts_title_over_body():
    title_hit = Document("t", "en", title="Naryn", body="road repairs continue")
    body_hit = Document("b", "en", title="Road repairs", body="road repairs continue Naryn")
    query = Document("q", "en", title="Naryn", body="Naryn")
    index = index_of([query, body_hit, title_hit, *filler(10)])
    assert index.document_terms("t")["en:naryn"] == 3.0
    assert index.document_terms("b")["en:naryn"] == 1.0
    assert index.suggest("q", k=2) == ["t", "b"]


def test_removed_documents_disappear_and_slots_are_reused():
    docs = [Document(str(i), "en", title="Karakol ski", body="Karakol ski resort") for i in range(4)]
    index = index_of(docs)
    assert index.remove("1")
    assert "1" not in index.suggest("0", k=5)
    index.add_or_update(Document("new", "en", title="Karakol ski", body="Karakol ski resort"))
    assert len(index._slots) == 4  # the freed slot was reused
    assert set(index.suggest("0", k=5)) == {"2", "3", "new"}
