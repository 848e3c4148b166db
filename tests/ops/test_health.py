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
    media = tmp_path / "media"
    media.mkdir()
    media.chmod(0o500)
    settings.MEDIA_ROOT = str(media)
    try:
        response = client.get("/readyz")
    finally:
        media.chmod(0o700)
    import os

    if os.geteuid() == 0:  # root writes anywhere: the check cannot fail here
        assert response.status_code == 200
    else:
        assert response.status_code == 503
        assert json.loads(response.content)["failing"] == ["storage"]


def test_readyz_is_exempt_from_the_ssl_redirect():
    import re

    from django.conf import settings

    from steppe import settings as steppe_settings  # noqa: F401  the module, whatever PRODUCTION is

    exempt = [r"^healthz$", r"^readyz$", r"^metrics$"]
    source = open(steppe_settings.__file__).read()
    assert 'SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]' in source
    assert all(
        re.match(pattern, path)
        for pattern, path in zip(exempt, ["healthz", "readyz", "metrics"], strict=True)
    )
    assert settings.MIDDLEWARE[0] == "ops.middleware.OpsMiddleware"
