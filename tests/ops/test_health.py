import json

import pytest

from ops import health


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.1.2.3")  # a load balancer calls by address
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_ok_when_database_cache_and_storage_answer(client):
    response = client.get("/readyz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "failing": [],
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }


@pytest.mark.django_db
def test_readyz_names_the_failing_part_without_secrets(client, monkeypatch):
    def broken_cache():
        raise ConnectionError("Error connecting to redis://:hunter2-secret@10.0.0.9:6379/0")

    monkeypatch.setitem(health.CHECKS, "cache", broken_cache)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["cache"]
    assert body["checks"] == {"database": "ok", "cache": "error: ConnectionError", "storage": "ok"}
    assert b"hunter2" not in response.content and b"10.0.0.9" not in response.content


@pytest.mark.django_db
def test_readyz_flags_an_unwritable_media_folder(client, settings, tmp_path):
    # A media folder that cannot be made: its parent is a file. (A folder without write permission
    # would not do: CI runs as root, who writes anywhere.)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = str(blocker / "media")
    response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["storage"]
    assert body["checks"]["storage"].startswith("error: ")


def test_health_endpoints_answer_over_plain_http_behind_the_ssl_redirect(tmp_path):
    """A load balancer probes by plain HTTP: in production the site redirects readers to HTTPS, but
    /healthz, /readyz and /metrics answer as they are."""
    import secrets

    from tests.security.test_deploy import manage

    script = (
        "from django.test import Client; c = Client(HTTP_HOST='example.org');"
        "print(*[c.get(p).status_code for p in ('/healthz', '/readyz', '/metrics', '/en/')])"
    )
    result = manage(
        "shell",
        "-c",
        script,
        tmp_path=tmp_path,
        STEPPE_PRODUCTION="1",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr
    healthz, readyz, metrics, home = result.stdout.split()[-4:]
    assert home == "301", "production does not redirect plain HTTP: the check below proves nothing"
    assert (healthz, readyz, metrics) == ("200", "200", "200")
