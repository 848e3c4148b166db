"""Reads from a read replica, writes to the primary (enabled by DATABASE_REPLICA_URL).

Only what can stand a replica's lag of a moment goes there: reads made while serving an
anonymous GET/HEAD request outside the admin (ops.middleware marks those requests). Everything
else, editors, forms, the task worker, management commands, reads the primary, and so does the
rest of a request once it has written anything (read-your-writes). Migrations run on the primary
only; the replica gets them by replication.
"""

from __future__ import annotations

import contextvars

REPLICA = "replica"

# True while serving a request whose reads may go to the replica; off everywhere else.
reads_from_replica: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "steppe_reads_from_replica", default=False
)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if reads_from_replica.get() else "default"

    def db_for_write(self, model, **hints):
        reads_from_replica.set(False)  # read what was just written from where it was written
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
