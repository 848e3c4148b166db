"""Log records as one JSON object per line (STEPPE_LOG_FORMAT=json, the default in production).

Every record made while a request is served carries that request's id (the X-Request-ID header
the load balancer sent, or one made here), so the lines of one request can be found together.
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("steppe_request_id", default="")

# Attributes every LogRecord has; anything else was passed as `extra=` and goes into the JSON.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get()
        return True


def process_label() -> str:
    """The name of this process among the newsroom's (web, worker, scheduler), or "".

    supervisord (`make run`) sets SUPERVISOR_PROCESS_NAME in each child; STEPPE_PROCESS_NAME
    names a process run any other way.
    """
    return os.environ.get("STEPPE_PROCESS_NAME") or os.environ.get("SUPERVISOR_PROCESS_NAME", "")


class LabelledFormatter(logging.Formatter):
    """Plain lines, each prefixed with the process name, as `make run` mixes three processes' output."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        label = process_label()
        if not label:
            return text
        prefix = f"{label:<9} | "
        return "\n".join(prefix + line for line in text.splitlines())


class QuietTaskProgress(logging.Filter):
    """Leaves out the worker's two INFO lines per task (started, succeeded) from plain logs.

    Loading the demo enqueues about 1,500 index updates; their progress would bury the admin login
    `make run` prints. Failures are logged at ERROR and still show; STEPPE_LOG_TASKS=1 shows all.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("django_tasks") and record.levelno <= logging.INFO)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if not entry.get("request_id"):
            entry.pop("request_id", None)
        if label := process_label():
            entry["process_name"] = label
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)
