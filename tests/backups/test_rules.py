"""The pure rules under backup and restore: how a backup's migrations stand to this code's, what a
restore does to the media storage, which names may be written, how a format-1 dump is read."""

from __future__ import annotations

import pytest

from backups.media import is_safe_name, plan_media
from backups.portable import from_format1
from backups.schema import CodeMigrations, compare

pytestmark = pytest.mark.backend_independent

# news: 0001 → 0002; wagtailcore: a squashed 0001 (replacing 0001_initial and 0002_x) → 0003.
CODE = CodeMigrations(
    nodes={
        ("news", "0001_initial"): (),
        ("news", "0002_names"): (),
        ("wagtailcore", "0001_squashed_0002"): (("wagtailcore", "0001_initial"), ("wagtailcore", "0002_x")),
        ("wagtailcore", "0003_y"): (),
    },
    children={
        ("news", "0001_initial"): frozenset({("news", "0002_names")}),
        ("news", "0002_names"): frozenset(),
        ("wagtailcore", "0001_squashed_0002"): frozenset(
            {("wagtailcore", "0003_y"), ("news", "0001_initial")}
        ),
        ("wagtailcore", "0003_y"): frozenset(),
    },
    on_disk=frozenset(
        {
            ("news", "0001_initial"),
            ("news", "0002_names"),
            ("wagtailcore", "0001_squashed_0002"),
            ("wagtailcore", "0001_initial"),
            ("wagtailcore", "0002_x"),
            ("wagtailcore", "0003_y"),
        }
    ),
    apps=frozenset({"news", "wagtailcore"}),
)
EVERYTHING = {"news": ["0001_initial", "0002_names"], "wagtailcore": ["0001_initial", "0002_x", "0003_y"]}


def test_the_same_migrations_are_the_same_schema():
    # Applying a squashed migration records the ones it replaces; an app this code does not
    # install (an app the site once had) is no difference.
    result = compare({**EVERYTHING, "oldapp": ["0001_initial"]}, CODE)
    assert result.same and not result.unknown and not result.missing


def test_fewer_migrations_are_an_older_steppe_with_targets_to_rebuild_its_schema():
    result = compare({"news": ["0001_initial"], "wagtailcore": ["0001_initial", "0002_x"]}, CODE)
    assert not result.same and not result.unknown
    assert result.missing == ["news.0002_names", "wagtailcore.0003_y"]
    assert result.targets(CODE) == [("news", "0001_initial")]  # its ancestors include the squashed one


def test_a_squashed_migration_half_applied_is_not_applied():
    result = compare({"wagtailcore": ["0001_initial"]}, CODE)
    assert "wagtailcore.0001_squashed_0002" in result.missing


def test_migrations_this_code_does_not_have_are_a_newer_steppe():
    result = compare({**EVERYTHING, "news": [*EVERYTHING["news"], "0003_future"]}, CODE)
    assert result.unknown == ["news.0003_future"] and not result.same


def test_media_plan_adds_keeps_replaces_and_deletes():
    plan = plan_media(
        wanted={"a.jpg": "1", "b.jpg": "2", "c.jpg": "3"},
        present={"b.jpg": "2", "c.jpg": None, "d.jpg": None},
    )
    assert (plan.add, plan.keep, plan.replace, plan.delete) == (["a.jpg"], ["b.jpg"], ["c.jpg"], ["d.jpg"])


@pytest.mark.parametrize(
    "name, safe",
    [
        ("original_images/a.jpg", True),
        ("images/a.fill-480x270.webp", True),
        ("/etc/passwd", False),
        ("../outside.jpg", False),
        ("images/../../outside.jpg", False),
        ("images//a.jpg", False),
        ("images\\a.jpg", False),
        ("", False),
        ("./a.jpg", False),
    ],
)
def test_only_names_inside_the_media_folder_are_written(name, safe):
    assert is_safe_name(name) is safe


def test_a_format_1_dump_names_content_types_and_permissions_by_natural_key():
    rows = [
        {"model": "wagtailcore.page", "pk": 3, "fields": {"title": "Home", "content_type": 12}},
        {"model": "contenttypes.contenttype", "pk": 12, "fields": {"app_label": "news", "model": "homepage"}},
        {
            "model": "contenttypes.contenttype",
            "pk": 2,
            "fields": {"app_label": "wagtailcore", "model": "page"},
        },
        {
            "model": "auth.permission",
            "pk": 7,
            "fields": {"codename": "publish_page", "content_type": 2, "name": "x"},
        },
        {"model": "auth.group", "pk": 1, "fields": {"name": "Editors", "permissions": [7]}},
        {"model": "django_tasks_database.dbtaskresult", "pk": "a", "fields": {}},
        {"model": "wagtailsearch.sqliteftsindexentry", "pk": 1, "fields": {}},
    ]
    references = {
        "wagtailcore.page": {"content_type": "contenttypes.contenttype"},
        "auth.permission": {"content_type": "contenttypes.contenttype"},
        "auth.group": {"permissions": "auth.permission"},
    }
    converted = list(from_format1(rows, references))
    assert [row["model"] for row in converted] == [
        "contenttypes.contenttype",
        "contenttypes.contenttype",
        "auth.permission",
        "wagtailcore.page",
        "auth.group",
    ]  # content types, then permissions, first; the task queue and search index left out
    assert "pk" not in converted[0] and "pk" not in converted[2]
    assert converted[2]["fields"]["content_type"] == ["wagtailcore", "page"]
    assert converted[3] == {
        "model": "wagtailcore.page",
        "pk": 3,
        "fields": {"title": "Home", "content_type": ["news", "homepage"]},
    }
    assert converted[4]["fields"]["permissions"] == [["publish_page", "wagtailcore", "page"]]
