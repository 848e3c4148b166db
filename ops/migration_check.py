"""Rolling deploys: a migration must not break the version still running (expand/contract).

While new app servers start, old ones keep serving on the migrated database. So a migration
may only *expand* the schema (add a table, a nullable column, a column with a database default,
an index); what the old code still uses is removed or made stricter only in a later release
(*contract*), once no server runs the old code. This check flags, in the project's own apps:

- RemoveField, DeleteModel: the old code still selects / inserts that column or table;
- RenameField, RenameModel: the old code uses the old name;
- AlterField to NOT NULL without a database default: the old code inserts NULL or omits it;
- AddField NOT NULL without a database default (db_default): the old code's INSERTs omit it.

A flagged migration that is safe after all (a table no code ever used, a first release) goes in
deploy/migration-allowlist.txt, one `app_label.migration_name  reason` per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.migrations import operations as ops
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

ALLOWLIST = Path(settings.BASE_DIR) / "deploy" / "migration-allowlist.txt"


@dataclass(frozen=True)
class Problem:
    migration: str  # app_label.name
    operation: str
    reason: str

    def __str__(self) -> str:
        return f"{self.migration}: {self.operation}: {self.reason}"


def _has_db_default(field: models.Field) -> bool:
    return getattr(field, "db_default", models.NOT_PROVIDED) is not models.NOT_PROVIDED


def _not_null(field: models.Field) -> bool:
    return not field.null and not field.many_to_many and not _has_db_default(field)


def check_operations(app_label: str, name: str, operations: list, state: ProjectState) -> list[Problem]:
    """Problems in `operations`, applied in order to `state` (the schema before the migration)."""
    label = f"{app_label}.{name}"
    problems = []
    state = state.clone()
    for operation in operations:
        kind = type(operation).__name__
        what = f"{kind} {operation.describe()}"
        if isinstance(operation, ops.RemoveField | ops.DeleteModel):
            problems.append(Problem(label, what, "the running version still reads and writes it"))
        elif isinstance(operation, ops.RenameField | ops.RenameModel):
            problems.append(Problem(label, what, "the running version uses the old name"))
        elif isinstance(operation, ops.AlterField):
            model_state = state.models.get((app_label, operation.model_name_lower))
            old = model_state.fields.get(operation.name) if model_state else None
            if old is not None and old.null and _not_null(operation.field):
                problems.append(
                    Problem(
                        label, what, "NOT NULL without a database default: the running version may write NULL"
                    )
                )
        elif isinstance(operation, ops.AddField) and _not_null(operation.field):
            problems.append(
                Problem(
                    label,
                    what,
                    "NOT NULL without db_default: the running version's INSERTs leave it out "
                    "(add it nullable or with db_default=…)",
                )
            )
        operation.state_forwards(app_label, state)
    return problems


def project_apps() -> set[str]:
    """Apps whose code lives in this repository (third-party migrations are their maintainers')."""
    from django.apps import apps

    base = Path(settings.BASE_DIR).resolve()
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base) and ".venv" not in Path(config.path).parts
    }


def read_allowlist(path: Path = ALLOWLIST) -> dict[str, str]:
    entries = {}
    if path.exists():
        for line in path.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            entries[name] = reason.strip()
    return entries


def check_project() -> tuple[list[Problem], dict[str, str]]:
    """Every flagged operation of the project's migrations, and the allowlist used."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    apps = project_apps()
    problems = []
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        if app_label not in apps or migration.initial:
            continue  # a new app's first migration creates tables no running code uses yet
        before = loader.project_state((app_label, name), at_end=False)
        problems.extend(check_operations(app_label, name, migration.operations, before))
    return problems, read_allowlist()
