"""CI check: no destructive migration unless the allowlist gives a reason (ops/migration_check.py)."""

import pytest
from django.db import models
from django.db.migrations import operations as ops
from django.db.migrations.state import ModelState, ProjectState

from ops.migration_check import check_operations, check_project, read_allowlist


def test_project_migrations_are_safe_for_rolling_deploys():
    problems, allowlist = check_project()
    for name, reason in allowlist.items():
        assert reason, f"{name} is allowlisted without a reason"
    unexplained = [str(problem) for problem in problems if problem.migration not in allowlist]
    assert not unexplained, (
        "These migrations would break the version still running during a rolling deploy "
        "(docs/deploy.md 'Migrations'). Split them into expand now / contract in a later release, "
        "or list them in deploy/migration-allowlist.txt with the reason they are safe:\n"
        + "\n".join(unexplained)
    )


@pytest.fixture
def state():
    """A synthetic app with one model, as the schema stands before the migration under test."""
    project = ProjectState()
    project.add_model(
        ModelState(
            "demoapp",
            "Story",
            [
                ("id", models.BigAutoField(primary_key=True)),
                ("title", models.CharField(max_length=100)),
                ("kicker", models.CharField(max_length=100, null=True)),
            ],
        )
    )
    return project


@pytest.mark.parametrize(
    "operation, flagged",
    [
        (ops.RemoveField("story", "kicker"), True),
        (ops.DeleteModel("Story"), True),
        (ops.RenameField("story", "title", "headline"), True),
        (ops.RenameModel("Story", "Article"), True),
        (ops.AlterField("story", "kicker", models.CharField(max_length=100)), True),
        (ops.AlterField("story", "kicker", models.CharField(max_length=100, db_default="")), False),
        (ops.AlterField("story", "kicker", models.CharField(max_length=200, null=True)), False),
        (ops.AlterField("story", "title", models.CharField(max_length=200)), False),  # was NOT NULL already
        (ops.AddField("story", "summary", models.TextField(default="")), True),
        (ops.AddField("story", "summary", models.TextField(db_default="")), False),
        (ops.AddField("story", "summary", models.TextField(null=True)), False),
        (ops.AddIndex("story", models.Index(fields=["title"], name="story_title_idx")), False),
        (
            ops.CreateModel(
                "Tag", [("id", models.BigAutoField(primary_key=True)), ("name", models.TextField())]
            ),
            False,
        ),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, bool) else str(value),
)
def test_synthetic_operations(state, operation, flagged):
    problems = check_operations("demoapp", "0002_change", [operation], state)
    assert bool(problems) is flagged, problems
    if flagged:
        assert problems[0].migration == "demoapp.0002_change"


def test_a_later_operation_sees_the_earlier_ones(state):
    """Adding a nullable column then making it NOT NULL in one migration is still flagged."""
    operations = [
        ops.AddField("story", "summary", models.TextField(null=True)),
        ops.AlterField("story", "summary", models.TextField()),
    ]
    (problem,) = check_operations("demoapp", "0003_summary", operations, state)
    assert problem.operation.startswith("AlterField")


def test_allowlist_format(tmp_path):
    path = tmp_path / "allow.txt"
    path.write_text("# comment\n\nnews.0007_drop_old_table  the table was never used by any release\n")
    assert read_allowlist(path) == {"news.0007_drop_old_table": "the table was never used by any release"}
