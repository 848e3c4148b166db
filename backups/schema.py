"""Which steppe a backup came from: its version and the migrations its database had applied.

A backup restores as it is when its database had exactly the migrations this code has; one made by
an older steppe (fewer migrations) is brought forward first (backups.archive); one made by a newer
steppe (migrations this code does not have) is refused, since this code cannot read its tables.
"""

from __future__ import annotations

import subprocess
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

MigrationKey = tuple[str, str]


def steppe_version() -> str:
    """`0.1.0 (52d3dcf)`: the project version, and the commit when this is a git checkout."""
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as handle:
            version = tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        version = "unknown"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""  # an installed copy without git: the version alone
    return f"{version} ({commit})" if commit else version


def recorded_migrations(connection) -> dict[str, list[str]]:
    """The migrations a database has applied, by app ({} for a database never migrated)."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


@dataclass(frozen=True)
class CodeMigrations:
    """This code's migrations: the graph's nodes (a squashed migration stands for those it
    replaces) with what each replaces, and every migration file there is (replaced ones too)."""

    nodes: Mapping[MigrationKey, tuple[MigrationKey, ...]]
    children: Mapping[MigrationKey, frozenset[MigrationKey]]
    on_disk: frozenset[MigrationKey]
    apps: frozenset[str]


def code_migrations() -> CodeMigrations:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    graph = loader.graph
    nodes = {key: tuple(tuple(r) for r in (graph.nodes[key].replaces or ())) for key in graph.nodes}
    children = {key: frozenset(child.key for child in graph.node_map[key].children) for key in graph.nodes}
    return CodeMigrations(
        nodes=nodes,
        children=children,
        on_disk=frozenset(loader.disk_migrations),
        apps=frozenset(app for app, _name in loader.disk_migrations),
    )


@dataclass(frozen=True)
class SchemaComparison:
    unknown: list[str] = field(default_factory=list)  # in the backup, not in this code: a newer steppe
    missing: list[str] = field(default_factory=list)  # in this code, not in the backup: an older one
    applied_nodes: frozenset[MigrationKey] = frozenset()  # this code's nodes the backup had applied

    @property
    def same(self) -> bool:
        return not self.unknown and not self.missing

    def targets(self, code: CodeMigrations) -> list[MigrationKey]:
        """The newest applied node of each line: migrating to these rebuilds the backup's schema."""
        return sorted(
            key
            for key in self.applied_nodes
            if not (code.children.get(key, frozenset()) & self.applied_nodes)
        )


def compare(recorded: Mapping[str, Iterable[str]], code: CodeMigrations) -> SchemaComparison:
    """How a backup's applied migrations stand to this code's. Apps this code does not install are
    left out: their tables are not in this code's dump either, and a database keeps the records of
    apps it once had."""
    done = {(app, name) for app, names in recorded.items() for name in names if app in code.apps}
    unknown = sorted(f"{app}.{name}" for app, name in done - code.on_disk)
    applied, missing = set(), []
    for key, replaces in code.nodes.items():
        # Applying a squashed migration records the ones it replaces, not itself.
        if key in done or (replaces and all(r in done for r in replaces)):
            applied.add(key)
        else:
            missing.append(f"{key[0]}.{key[1]}")
    return SchemaComparison(unknown=unknown, missing=sorted(missing), applied_nodes=frozenset(applied))
