import io
import json
import logging

import pytest

from ops.logs import JsonFormatter, LabelledFormatter, QuietTaskProgress, RequestIdFilter, request_id_var


@pytest.fixture
def request_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("steppe.request")
    old_level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_json_formatter_writes_one_object_per_line_with_the_request_id():
    token = request_id_var.set("req-42")
    try:
        record = logging.makeLogRecord(
            {
                "name": "fx",
                "levelno": logging.WARNING,
                "levelname": "WARNING",
                "msg": "two\nlines %s",
                "args": ("x",),
            }
        )
        RequestIdFilter().filter(record)
        line = JsonFormatter().format(record)
    finally:
        request_id_var.reset(token)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "fx"
    assert entry["message"] == "two\nlines x"
    assert entry["request_id"] == "req-42"
    assert entry["time"].endswith("+00:00")


@pytest.mark.django_db
def test_request_id_passes_through_and_every_request_is_logged(client, request_log, newsroom):
    response = client.get("/en/", HTTP_X_REQUEST_ID="lb-7f3a.1")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "lb-7f3a.1"
    (entry,) = [e for e in lines(request_log) if e["path"] == "/en/"]
    assert entry["request_id"] == "lb-7f3a.1"
    assert entry["status"] == 200 and entry["method"] == "GET" and entry["level"] == "INFO"
    assert isinstance(entry["duration_ms"], float)
    assert entry["cache"] == "MISS"


@pytest.mark.django_db
def test_a_bad_request_id_is_replaced(client, request_log):
    response = client.get("/en/does-not-exist/", HTTP_X_REQUEST_ID="evil\u2028id with spaces")
    assert response.status_code == 404
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()
    assert lines(request_log)[-1]["request_id"] == response["X-Request-ID"]


def test_plain_lines_carry_the_process_name_supervisord_gives(monkeypatch):
    formatter = LabelledFormatter("%(levelname)s %(message)s")
    record = logging.makeLogRecord({"msg": "first\nsecond", "levelname": "INFO", "levelno": logging.INFO})
    monkeypatch.delenv("STEPPE_PROCESS_NAME", raising=False)
    monkeypatch.delenv("SUPERVISOR_PROCESS_NAME", raising=False)
    assert formatter.format(record) == "INFO first\nsecond"
    monkeypatch.setenv("SUPERVISOR_PROCESS_NAME", "worker")
    # Every line of a multi-line record (a traceback) is labelled, not just the first.
    assert formatter.format(record) == "worker    | INFO first\nworker    | second"
    assert json.loads(JsonFormatter().format(record))["process_name"] == "worker"


def test_plain_logs_leave_out_task_progress_but_not_task_failures():
    quiet = QuietTaskProgress()
    progress = logging.makeLogRecord(
        {"name": "django_tasks", "levelno": logging.INFO, "msg": "state=RUNNING"}
    )
    failure = logging.makeLogRecord({"name": "django_tasks", "levelno": logging.ERROR, "msg": "state=FAILED"})
    other = logging.makeLogRecord({"name": "steppe.scheduler", "levelno": logging.INFO, "msg": "enqueued"})
    assert [quiet.filter(r) for r in (progress, failure, other)] == [False, True, True]
