"""The database part of a backup, in a form any new install of steppe can load.

Every row keeps its primary key (pages, revisions' object ids, log entries, tagged items and the
other generic relations name rows by id), except content types and permissions: `migrate` creates
those itself, numbered in whatever order it met the apps, so the same content type has other ids on
another install. They, and every reference to them (a page's or revision's content type, group and
user permissions, Wagtail's page and collection permissions, log entries …), are written by natural
key (`["news", "articlepage"]`, `["publish", "wagtailcore", "page"]`) and matched by it on loading.

The dump is JSON Lines, one row a line, so neither writing nor loading holds it in memory. Loading
empties every table but the content types and permissions (what `migrate` made: the default site,
root page, locales, groups, workflows …) and inserts the rows in one transaction.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.core.management.color import no_style
from django.core.serializers import base
from django.core.serializers.jsonl import Serializer as JsonLinesSerializer
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import connections

CONTENT_TYPE = "contenttypes.contenttype"
PERMISSION = "auth.permission"
# The models matched by natural key, in the order they must be loaded (permissions name a content type).
BY_NATURAL_KEY = (CONTENT_TYPE, PERMISSION)
NATURAL_KEY_FIELDS = {CONTENT_TYPE: ("app_label", "model"), PERMISSION: ("codename", "content_type")}
KEPT_TABLES = ("django_content_type", "auth_permission")

# Not content: sessions, login-attempt logs, the task queue, editors' open editing sessions and the
# search index (rebuilt on restore). App labels or model labels.
EXCLUDED = (
    "sessions",
    "axes",
    "django_tasks_database",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "modelsearch.indexentry",
    "wagtailadmin.editingsession",
)


def is_excluded(label: str) -> bool:
    return label in EXCLUDED or label.split(".")[0] in EXCLUDED


def dumped_models(registry: Apps = global_apps) -> list[type]:
    """The models a backup holds: content types and permissions first, then the rest by label."""
    models = [
        model
        for model in registry.get_models()
        if not model._meta.proxy and model._meta.managed and not is_excluded(model._meta.label_lower)
    ]
    order = {label: position for position, label in enumerate(BY_NATURAL_KEY)}
    return sorted(models, key=lambda m: (order.get(m._meta.label_lower, len(order)), m._meta.label_lower))


def natural_keys(using: str) -> dict[str, dict[int, list[str]]]:
    """Every content type's and permission's natural key by id, read once (not a query per row)."""
    content_types = {
        pk: [app_label, model]
        for pk, app_label, model in global_apps.get_model(CONTENT_TYPE)
        ._base_manager.using(using)
        .values_list("pk", "app_label", "model")
    }
    permissions = {
        pk: [codename, *content_types[content_type]]
        for pk, codename, content_type in global_apps.get_model(PERMISSION)
        ._base_manager.using(using)
        .values_list("pk", "codename", "content_type")
    }
    return {CONTENT_TYPE: content_types, PERMISSION: permissions}


class PortableSerializer(JsonLinesSerializer):
    """Django's JSON Lines serializer, with natural keys for content types and permissions only
    (Django's own --natural-primary would also drop the ids of pages, sites, tags, users …)."""

    def __init__(self, keys: Mapping[str, Mapping[int, list[str]]]):
        super().__init__()
        self.keys = keys

    def get_dump_object(self, obj) -> dict:
        data = super().get_dump_object(obj)
        if obj._meta.label_lower in BY_NATURAL_KEY:
            del data["pk"]
        return data

    def handle_fk_field(self, obj, field) -> None:
        keys = self.keys.get(field.remote_field.model._meta.label_lower)
        if keys is None:
            return super().handle_fk_field(obj, field)
        value = getattr(obj, field.attname)
        self._current[field.name] = None if value is None else keys[value]

    def handle_m2m_field(self, obj, field) -> None:
        keys = self.keys.get(field.remote_field.model._meta.label_lower)
        if keys is None or not field.remote_field.through._meta.auto_created:
            return super().handle_m2m_field(obj, field)
        related = getattr(obj, field.name).values_list("pk", flat=True)
        self._current[field.name] = [keys[pk] for pk in sorted(related)]


def write_dump(stream: IO[str], using: str) -> Counter:
    """Write every row of the database `using` to `stream`; returns the rows written per model."""
    counts: Counter = Counter()
    serializer = PortableSerializer(natural_keys(using))

    def rows() -> Iterator:
        for model in dumped_models():
            label = model._meta.label_lower
            counts[label] = 0  # an empty table is counted too: the restore checks it stays empty
            for obj in model._base_manager.using(using).order_by(model._meta.pk.name).iterator(2000):
                counts[label] += 1
                yield obj

    serializer.serialize(rows(), stream=stream)
    return counts


def read_dump(stream: IO[str]) -> Iterator[dict]:
    for number, line in enumerate(stream, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise base.DeserializationError(f"line {number} of the database dump: {exc}") from exc


class PortableDeserializer(PythonDeserializer):
    """Django's deserializer, with the models taken from a given registry: the historical models of
    an older schema when a backup is brought forward, the current ones otherwise."""

    def __init__(self, objects: Iterable[dict], *, registry: Apps, using: str):
        super().__init__(objects, using=using)
        self.registry = registry
        self.natural_ids: dict[tuple, int] = {}

    def natural_id(self, model, key: list[str]) -> int:
        """The id of the content type or permission with this natural key, looked up in the
        registry's own model (Django's managers would answer with current models, which historical
        ones refuse) and remembered: the same few keys are named by every page and revision."""
        label = model._meta.label_lower
        memo = (label, *key)
        if memo not in self.natural_ids:
            rows = model._base_manager.using(self.using)
            if label == CONTENT_TYPE:
                rows = rows.filter(app_label=key[0], model=key[1])
            else:
                rows = rows.filter(
                    codename=key[0], content_type__app_label=key[1], content_type__model=key[2]
                )
            found = rows.values_list("pk", flat=True).first()
            if found is None:
                raise base.DeserializationError(f"no {model._meta.verbose_name} {key} in the backup")
            self.natural_ids[memo] = found
        return self.natural_ids[memo]

    def _handle_fk_field_node(self, field, field_value):
        target = field.remote_field.model
        if target._meta.label_lower in BY_NATURAL_KEY and isinstance(field_value, list):
            return self.natural_id(target, field_value)
        return super()._handle_fk_field_node(field, field_value)

    def _handle_m2m_field_node(self, field, field_value):
        target = field.remote_field.model
        if target._meta.label_lower in BY_NATURAL_KEY:
            return [self.natural_id(target, key) if isinstance(key, list) else key for key in field_value]
        return super()._handle_m2m_field_node(field, field_value)

    def _get_model_from_node(self, model_identifier: str):
        try:
            return self.registry.get_model(model_identifier)
        except (LookupError, TypeError, ValueError) as exc:
            raise base.DeserializationError(
                f"the backup has rows of {model_identifier}, which this steppe does not have"
            ) from exc


def model_tables(registry: Apps, using: str) -> list[str]:
    existing = set(connections[using].introspection.table_names())
    tables = {
        model._meta.db_table
        for model in registry.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return sorted(tables & existing)


def empty_tables(registry: Apps, using: str) -> None:
    """Delete every row but the content types and permissions (and the migration records)."""
    connection = connections[using]
    tables = [table for table in model_tables(registry, using) if table not in KEPT_TABLES]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _match_by_natural_key(instance, label: str, using: str) -> None:
    """Give a content type or permission the id of the row `migrate` made for it, if there is one."""
    manager = type(instance)._base_manager.using(using)
    lookup = {
        name: getattr(instance, type(instance)._meta.get_field(name).attname)
        for name in NATURAL_KEY_FIELDS[label]
    }
    instance.pk = manager.filter(**lookup).values_list("pk", flat=True).first()
    instance._state.adding = instance.pk is None


def load_dump(objects: Iterable[dict], *, using: str, registry: Apps = global_apps) -> Counter:
    """Replace the database's rows with `objects` (a dump's rows); returns the rows per model.

    Must run inside a transaction: with every foreign key checked only once all rows are in, a dump
    whose rows do not hold together fails here, before anything is committed.
    """
    connection = connections[using]
    if not connection.in_atomic_block:
        raise RuntimeError("load_dump must run inside transaction.atomic")
    counts: Counter = Counter()
    empty_tables(registry, using)
    with connection.constraint_checks_disabled():
        for item in PortableDeserializer(objects, registry=registry, using=using):
            label = item.object._meta.label_lower
            counts[label] += 1
            if label in BY_NATURAL_KEY:
                _match_by_natural_key(item.object, label, using)
                item.save(using=using)
            else:
                # Every other table was just emptied: an insert, without the update Django tries first.
                item.save(using=using, force_insert=True)
    tables = [table for table in model_tables(registry, using) if table not in KEPT_TABLES]
    connection.check_constraints(table_names=tables)
    reset_sequences(registry, using)
    return counts


def reset_sequences(registry: Apps, using: str) -> None:
    """After inserting rows with their ids, start PostgreSQL's id sequences past the highest one, so
    the next page, revision or user gets a free id (SQLite's AUTOINCREMENT follows by itself)."""
    connection = connections[using]
    existing = set(model_tables(registry, using))
    models = [m for m in registry.get_models() if m._meta.managed and m._meta.db_table in existing]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def row_counts(models: Iterable[type], using: str) -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.using(using).count() for model in models}


def from_format1(objects: Iterable[dict], references: Mapping[str, Mapping[str, str]]) -> Iterator[dict]:
    """The rows of a format-1 backup (Django's dumpdata, content types and permissions by id) as
    portable rows: every id of a content type or permission replaced by its natural key, looked up
    in the dump's own content type and permission rows. `references` gives, per model label, the
    fields that point at a content type or permission and which of the two. Excluded models (the
    task queue and search index, which format 1 kept) are left out."""
    rows = list(objects)
    content_types = {
        row["pk"]: [row["fields"]["app_label"], row["fields"]["model"]]
        for row in rows
        if row["model"] == CONTENT_TYPE
    }
    permissions = {
        row["pk"]: [row["fields"]["codename"], *content_types[row["fields"]["content_type"]]]
        for row in rows
        if row["model"] == PERMISSION
    }
    keys = {CONTENT_TYPE: content_types, PERMISSION: permissions}
    order = {label: position for position, label in enumerate(BY_NATURAL_KEY)}
    for row in sorted(rows, key=lambda r: order.get(r["model"], len(order))):  # stable: the rest keep order
        if is_excluded(row["model"]):
            continue
        fields = dict(row["fields"])
        for name, target in references.get(row["model"], {}).items():
            value = fields.get(name)
            if isinstance(value, list):
                fields[name] = [keys[target][pk] for pk in value]
            elif value is not None:
                fields[name] = keys[target][value]
        converted = {"model": row["model"], "fields": fields}
        if row["model"] not in BY_NATURAL_KEY:
            converted["pk"] = row["pk"]
        yield converted


def natural_key_references(registry: Apps = global_apps) -> dict[str, dict[str, str]]:
    """Per model label, its concrete fields that point at a content type or permission."""
    found: dict[str, dict[str, str]] = {}
    for model in registry.get_models():
        for field in model._meta.local_fields + model._meta.local_many_to_many:
            target = field.remote_field and field.remote_field.model
            if target and not isinstance(target, str) and target._meta.label_lower in BY_NATURAL_KEY:
                found.setdefault(model._meta.label_lower, {})[field.name] = target._meta.label_lower
    return found
