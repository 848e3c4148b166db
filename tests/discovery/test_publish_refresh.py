"""Publishing an article reaches the suggestions of the articles it suggests, through the real queue.

The database task backend, as production: publishing queues discovery.tasks.refresh_suggestions,
the rows are run as `manage.py db_worker` runs them (tests.tasks), then the pages are read over the
test client with the page cache on.
"""

import re

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.rich_text import RichText

from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db

REFRESH = "discovery.tasks.refresh_suggestions"
# Long articles on one story share most of their words: by their own measure they are each
# other's best matches. A short new piece on the same story scores lower in their queries (fewer
# of their terms, less often) although they are its best matches.
CLUSTER = (
    "Tengiz Kashagan Karachaganak oil fields pipeline Caspian consortium barrels crude exports "
    "Atyrau refinery tanker terminal Novorossiysk quota OPEC output maintenance Chevron Eni "
    "shareholders royalties budget tenge revenue drilling offshore platform sulphur gas injection "
)


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


@pytest.fixture
def queue(settings, tmp_path):
    from discovery import engine

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.STEPPE_SUGGESTIONS_SNAPSHOT = str(tmp_path / "index.pickle")
    engine.set_live_index(None)  # the "worker" (this process) starts without an index
    yield
    engine.set_live_index(None)


@pytest.fixture
def oil_story(newsroom, queue, django_capture_on_commit_callbacks):
    """Six long articles on the Caspian oil story (their lists computed), plus unrelated noise."""
    with django_capture_on_commit_callbacks(execute=True):
        long = [
            newsroom.add_article(
                f"Caspian oil consortium report {i}",
                body=body(*[CLUSTER + f"week {i} part {j}" for j in range(6)]),
                tags=["oil", "caspian"],
            )
            for i in range(6)
        ]
        for i in range(4):
            newsroom.add_article(
                f"Fergana cotton harvest {i}",
                section="uzbekistan",
                countries=["UZ"],
                body=body("Uzbekistan cotton harvest Fergana pickers fields textile farmers"),
            )
    run_queued_tasks()
    return long


def shown_suggestions(client, page) -> list[str]:
    html = client.get(page.url).content.decode()
    section = html.split('id="suggested-heading"', 1)[1].split("</section>")[0]
    return re.findall(r'href="([^"]+)"', section)


def test_a_new_article_enters_the_suggestions_of_the_articles_it_suggests(
    client, newsroom, oil_story, django_capture_on_commit_callbacks
):
    before = {article.pk: shown_suggestions(client, article) for article in oil_story}  # now page-cached
    with django_capture_on_commit_callbacks(execute=True):
        new = newsroom.add_article(
            "Tengiz oil exports dip during pipeline maintenance",
            body=body("Tengiz crude exports through the Caspian pipeline dipped for maintenance at Atyrau."),
            tags=["oil"],
        )
    assert REFRESH in DBTaskResult.objects.ready().values_list("task_path", flat=True)
    assert REFRESH in run_queued_tasks()
    suggested = shown_suggestions(client, new)
    related = [a for a in oil_story if a.url in suggested]
    assert len(related) >= 3, suggested  # the new piece suggests the long ones
    # Each of the articles it suggests first now suggests it back, on a page read right after
    # the worker ran (not the copy the page cache held from before).
    for article in [a for a in oil_story if a.url in suggested[:3]]:
        assert new.url not in before[article.pk]
        assert new.url in shown_suggestions(client, article), article.title
    # Unpublished: it leaves them again, and their pages show it no more.
    with django_capture_on_commit_callbacks(execute=True):
        new.refresh_from_db()
        new.unpublish()
    assert REFRESH in run_queued_tasks()
    from discovery.models import StoredSuggestion

    assert not StoredSuggestion.objects.filter(article_id=new.pk).exists()
    assert not StoredSuggestion.objects.filter(page_id=new.pk).exists()
    for article in oil_story:
        assert new.url not in shown_suggestions(client, article)


def test_a_refresh_that_changes_stored_lists_retires_cached_pages(newsroom, oil_story):
    from discovery import engine
    from news.cache import content_version

    version = content_version()
    engine.refresh([oil_story[0].pk])  # nothing changed since the last refresh: same lists
    assert content_version() == version
    from discovery.models import StoredSuggestion

    StoredSuggestion.objects.filter(page_id=oil_story[0].pk).delete()  # the list shown differs now
    engine.refresh([oil_story[0].pk])
    assert content_version() > version


def test_rebuild_stores_the_same_lists_as_publishing_one_by_one(
    newsroom, oil_story, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    from discovery.models import StoredSuggestion

    def lists():
        rows = StoredSuggestion.objects.order_by("page_id", "rank").values_list("page_id", "article_id")
        found: dict[int, list[int]] = {}
        for page_id, article_id in rows:
            found.setdefault(page_id, []).append(article_id)
        return found

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.add_article(
            "Tengiz oil exports dip during pipeline maintenance",
            body=body("Tengiz crude exports through the Caspian pipeline dipped for maintenance at Atyrau."),
            tags=["oil"],
        )
    run_queued_tasks()
    incremental = lists()
    call_command("rebuild_suggestions", "--restart", stdout=StringIO())
    assert lists() == incremental
