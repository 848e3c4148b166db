"""A GIN index on the combined title+body vector the PostgreSQL search backend queries.

Wagtail's database backend matches ``title || body @@ to_tsquery(...)``; without an index on that
exact expression PostgreSQL scans every index entry (seconds at 100,000 articles). Other databases:
nothing to do (SQLite uses its FTS5 table).
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS sitesearch_entry_title_body_gin "
    "ON wagtailsearch_indexentry USING GIN ((title || body))"
)
DROP = "DROP INDEX IF EXISTS sitesearch_entry_title_body_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]
    operations = [migrations.RunPython(forwards, backwards)]
