import re
from datetime import UTC, datetime

import pytest

from ops import metrics


@pytest.fixture(autouse=True)
def _fresh_counters():
    metrics.reset_local()
    yield
    metrics.reset_local()


def scrape(client, **headers):
    response = client.get("/metrics", **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return response.content.decode()


def value(text, series):
    match = re.search(rf"^{re.escape(series)} (\S+)$", text, re.M)
    assert match, f"{series} missing from\n{text}"
    return float(match.group(1))


@pytest.mark.django_db
def test_requests_latency_and_page_cache_hits_are_counted(client, newsroom):
    for _ in range(3):
        assert client.get("/en/").status_code == 200
    assert client.get("/en/no-such-page/").status_code == 404
    text = scrape(client)
    assert value(text, 'steppe_http_requests_total{status="2xx"}') == 3
    assert value(text, 'steppe_http_requests_total{status="4xx"}') == 1
    assert value(text, 'steppe_http_request_duration_seconds_count{status="2xx"}') == 3
    assert value(text, 'steppe_http_request_duration_seconds_bucket{status="2xx",le="+Inf"}') == 3
    assert value(text, 'steppe_page_cache_requests_total{result="miss"}') == 1
    assert value(text, 'steppe_page_cache_requests_total{result="hit"}') == 2
    assert value(text, "steppe_page_cache_hit_ratio") == pytest.approx(2 / 3)
    # Buckets are cumulative.
    buckets = [
        float(v)
        for v in re.findall(
            r'^steppe_http_request_duration_seconds_bucket\{status="2xx",le="[^"]+"\} (\S+)$', text, re.M
        )
    ]
    assert buckets == sorted(buckets) and len(buckets) == len(metrics.BUCKETS) + 1


@pytest.mark.django_db
def test_counts_from_other_processes_add_up_through_the_cache(client):
    from django.core.cache import cache

    metrics._add("req|2xx", 5)
    metrics.flush(force=True)
    # Another worker process added 7 more to the same shared counter.
    cache.incr(metrics._key("req|2xx"), 7)
    assert value(scrape(client), 'steppe_http_requests_total{status="2xx"}') == 12


@pytest.mark.django_db
def test_metrics_are_not_public(client, settings):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code == 403
    # Through a proxy the address is the proxy's own: not trusted.
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 403
    settings.STEPPE_METRICS_TOKEN = "s3cret-token"
    assert (
        client.get("/metrics", REMOTE_ADDR="203.0.113.5", HTTP_AUTHORIZATION="Bearer wrong").status_code
        == 403
    )
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.5", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200


@pytest.mark.django_db
def test_task_runs_failures_and_fx_last_success(client, settings):
    from fx.models import SourceStatus
    from scheduling.tasks import heartbeat

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    heartbeat.enqueue()
    heartbeat.enqueue()
    when = datetime(2026, 3, 13, 9, 30, tzinfo=UTC)
    SourceStatus.objects.create(source="nbk", last_success_at=when, consecutive_failures=2)
    SourceStatus.objects.create(source="cbt")
    text = scrape(client)
    assert value(text, 'steppe_task_runs_total{task="scheduling.tasks.heartbeat",status="SUCCESSFUL"}') == 2
    assert value(text, 'steppe_fx_source_last_success_timestamp_seconds{source="nbk"}') == when.timestamp()
    assert value(text, 'steppe_fx_source_last_success_timestamp_seconds{source="cbt"}') == 0
    assert value(text, 'steppe_fx_source_consecutive_failures{source="nbk"}') == 2


def test_a_failed_task_is_counted_as_a_failure(db, client):
    metrics.observe_task("fx.tasks.fetch_rates", "FAILED")
    text = scrape(client)
    assert value(text, 'steppe_task_runs_total{task="fx.tasks.fetch_rates",status="FAILED"}') == 1
    assert value(text, 'steppe_task_failures_total{task="fx.tasks.fetch_rates"}') == 1


@pytest.mark.django_db
def test_an_app_s_failing_gauges_leave_the_others_served(client, monkeypatch):
    from fx.models import SourceStatus

    def broken() -> list[str]:
        raise RuntimeError("this app's table is gone")

    monkeypatch.setattr(metrics, "_gauge_sources", [broken, *metrics._gauge_sources])
    SourceStatus.objects.create(source="nbk", consecutive_failures=3)
    text = scrape(client)
    assert value(text, 'steppe_fx_source_consecutive_failures{source="nbk"}') == 3
    assert "# TYPE steppe_scheduler_last_fire_timestamp_seconds gauge" in text
