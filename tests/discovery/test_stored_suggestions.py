"""Stored suggestions: computed in the background on publish, served in one query, never a draft."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.factories import create_article, translate

pytestmark = pytest.mark.django_db


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def story(newsroom, title, text, **kwargs):
    return newsroom.add_article(title, body=body(text), **kwargs)


@pytest.fixture
def archive(newsroom):
    """Two topics: Caspian oil exports and Fergana cotton harvest, plus noise."""
    oil = [
        story(
            newsroom,
            f"Caspian oil exports {i}",
            "Kazakhstan pipeline oil exports Tengiz Kashagan barrels crude Caspian tanker",
        )
        for i in range(3)
    ]
    cotton = [
        story(
            newsroom,
            f"Fergana cotton harvest {i}",
            "Uzbekistan cotton harvest Fergana pickers fields textile farmers",
            section="uzbekistan",
            countries=["UZ"],
        )
        for i in range(3)
    ]
    return oil, cotton


def suggestions_html(client, page):
    return client.get(page.url).content.decode()


def stored_ids(page):
    from discovery.models import StoredSuggestion

    return list(
        StoredSuggestion.objects.filter(page=page).order_by("rank").values_list("article_id", flat=True)
    )


def test_refresh_stores_on_topic_lists(archive, live_suggestions):
    oil, cotton = archive
    live_suggestions.refresh([oil[0].pk])
    ids = stored_ids(oil[0])
    assert ids[:2] and set(ids[:2]) <= {o.pk for o in oil[1:]}
    assert oil[0].pk not in ids
    # Its closest matches' lists were refreshed too.
    assert stored_ids(oil[1])[:2] and set(stored_ids(oil[1])[:2]) <= {oil[0].pk, oil[2].pk}


def test_publish_enqueues_and_the_article_page_reads_the_stored_list(
    client, newsroom, archive, live_suggestions, django_capture_on_commit_callbacks
):
    oil, cotton = archive
    with django_capture_on_commit_callbacks(execute=True):
        new = story(
            newsroom,
            "Fergana cotton exports",
            "Uzbekistan cotton harvest Fergana textile farmers fields",
            section="uzbekistan",
            countries=["UZ"],
        )
    assert set(stored_ids(new)[:3]) == {c.pk for c in cotton}
    html = suggestions_html(client, new)
    suggested = html.split('id="suggested-heading"', 1)[1].split("</section>")[0]
    titles = [chunk.split("<", 1)[0] for chunk in suggested.split('/">')[1:]]
    assert [t.startswith("Fergana cotton harvest") for t in titles] == [True, True, True, False]


def test_serving_stored_list_is_one_query(archive, live_suggestions):
    from news.article_context import suggested_articles

    oil, _ = archive
    live_suggestions.refresh([oil[0].pk])
    with CaptureQueriesContext(connection) as queries:
        shown = suggested_articles(oil[0], [])
    assert len(queries) == 1
    assert [a.pk for a in shown] == stored_ids(oil[0])[:4]


def test_unpublished_article_leaves_lists_at_once_and_after_refresh(
    archive, live_suggestions, django_capture_on_commit_callbacks
):
    from news.article_context import suggested_articles

    oil, _ = archive
    live_suggestions.refresh([o.pk for o in oil])
    assert oil[1].pk in [a.pk for a in suggested_articles(oil[0], [])]
    # The read filter hides it even before any recomputation ...
    type(oil[1]).objects.filter(pk=oil[1].pk).update(live=False)
    assert oil[1].pk not in [a.pk for a in suggested_articles(oil[0], [])]
    # ... and the unpublish signal recomputes the lists that showed it.
    type(oil[1]).objects.filter(pk=oil[1].pk).update(live=True)
    with django_capture_on_commit_callbacks(execute=True):
        oil[1].refresh_from_db()
        oil[1].unpublish()
    assert oil[1].pk not in stored_ids(oil[0])
    assert stored_ids(oil[1]) == []


def test_never_drafts_future_or_own_translation_and_other_language_only_to_fill(newsroom, live_suggestions):
    text = "Kazakhstan wheat harvest grain export Kostanay elevators"
    a = story(newsroom, "Wheat harvest A", text)
    b = story(newsroom, "Wheat harvest B", text)
    draft = create_article(newsroom.sections["politics"], "Wheat harvest draft", body=body(text), live=False)
    future = story(newsroom, "Wheat harvest future", text, published=timezone.now() + timedelta(days=2))
    ru = translate(a, "ru", title="Урожай пшеницы", standfirst="Пшеница", slug="urozhai")
    live_suggestions.refresh([a.pk])
    ids = stored_ids(a)
    assert ids[0] == b.pk
    assert draft.pk not in ids and future.pk not in ids and ru.pk not in ids and a.pk not in ids
    # The Russian translation has no Russian neighbours: English fills, but never its own original.
    live_suggestions.refresh([ru.pk])
    ru_ids = stored_ids(ru)
    assert a.pk not in ru_ids and b.pk in ru_ids


def test_pinned_picks_come_first(newsroom, archive, live_suggestions):
    from news.models import PinnedArticle

    oil, cotton = archive
    PinnedArticle.objects.create(page=oil[0], article=cotton[2], sort_order=0)
    live_suggestions.refresh([oil[0].pk])
    assert stored_ids(oil[0])[0] == cotton[2].pk


def test_index_snapshot_survives_a_restart_and_catches_up(newsroom, archive, live_suggestions):
    oil, cotton = archive
    live = live_suggestions.live_index()
    live.save()
    assert len(live.index) == 6
    live_suggestions.set_live_index(None)  # a new worker process
    extra = story(newsroom, "Caspian tanker oil", "Caspian oil exports pipeline tanker barrels crude Tengiz")
    oil[2].unpublish()
    restarted = live_suggestions.LiveIndex.load()
    assert restarted is not None and len(restarted.index) == 6
    restarted.sync()
    assert extra.pk in restarted.index and oil[2].pk not in restarted.index
    assert len(restarted.index) == 6


def test_rebuild_command_is_rerunnable_and_resumes(newsroom, archive, live_suggestions, tmp_path):
    from io import StringIO

    from discovery.models import StoredSuggestion

    out = StringIO()
    call_command("rebuild_suggestions", stdout=out)
    assert "lists: 6/6" in out.getvalue()
    first = {p: stored_ids(p) for p in archive[0] + archive[1]}
    call_command("rebuild_suggestions", stdout=StringIO())  # again: same result
    assert {p: stored_ids(p) for p in archive[0] + archive[1]} == first
    # An interrupted run leaves its marker: the next run skips what it already computed.
    marker = tmp_path / "index.pickle.rebuild"
    marker.write_text((timezone.now() - timedelta(minutes=1)).isoformat())
    StoredSuggestion.objects.filter(page=archive[0][0]).delete()
    out = StringIO()
    call_command("rebuild_suggestions", stdout=out)
    assert "Resuming" in out.getvalue() and "lists: 1/1" in out.getvalue()
    assert stored_ids(archive[0][0]) == first[archive[0][0]]
    assert not marker.exists()


def test_rebuild_missing_computes_only_lists_that_are_not_stored(newsroom, archive, live_suggestions):
    """`make run` runs it at every start: a restart (or a restored backup) keeps what readers saw."""
    from io import StringIO

    from discovery.models import StoredSuggestion

    call_command("rebuild_suggestions", stdout=StringIO())
    kept = archive[1][0]
    # A stored list that a full rebuild would rewrite (as if ranked before the archive grew).
    StoredSuggestion.objects.filter(page=kept).delete()
    StoredSuggestion.objects.create(page=kept, article=archive[0][2], rank=0, computed_at=timezone.now())
    lost = archive[0][0]
    StoredSuggestion.objects.filter(page=lost).delete()
    out = StringIO()
    call_command("rebuild_suggestions", "--missing", stdout=out)
    assert "lists: 1/1" in out.getvalue()
    assert stored_ids(kept) == [archive[0][2].pk]
    assert stored_ids(lost) != []
    call_command("rebuild_suggestions", stdout=StringIO())  # without --missing: every list again
    assert stored_ids(kept) != [archive[0][2].pk]


def test_suggest_eval_command(tmp_path):
    import json
    from io import StringIO

    corpus = tmp_path / "c.jsonl"
    rows = []
    for i in range(6):
        rows.append(
            {
                "id": f"o{i}",
                "title": "oil pipeline",
                "body": "oil barrels crude pipeline tanker",
                "language": "en",
                "label": "oil",
                "date": f"2020-01-0{i + 1}",
            }
        )
        rows.append(
            {
                "id": f"c{i}",
                "title": "cotton harvest",
                "body": "cotton fields harvest pickers textile",
                "language": "en",
                "label": "cotton",
                "date": f"2020-01-0{i + 1}",
            }
        )
    corpus.write_text("\n".join(json.dumps(r) for r in rows))
    out = StringIO()
    call_command("suggest_eval", str(corpus), "--k", "3", stdout=out)
    text = out.getvalue()
    assert "precision@3  engine       1.000" in text and "newest" in text
