"""The admin: lockout after repeated failed logins, a configurable path, password validators."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def login_url() -> str:
    return f"/{settings.STEPPE_ADMIN_PATH}/login/"


def attempt(client, password: str, address: str = "203.0.113.7"):
    return client.post(login_url(), {"username": "editor", "password": password}, REMOTE_ADDR=address)


def test_admin_login_locks_out_after_repeated_failures(client, editor):
    assert settings.AUTHENTICATION_BACKENDS[0].startswith("axes.backends.")
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        response = attempt(client, "wrong password")
        assert response.status_code == 200  # the login form again, with an error
        assert b"login" in response.content.lower()
    locked = attempt(client, "wrong password")
    assert locked.status_code == 429
    # Now even the right password is refused from that address...
    assert attempt(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # ...while another address can still log in.
    other = attempt(client.__class__(), PASSWORD, address="198.51.100.9")
    assert other.status_code == 302


def test_successful_login_resets_the_failure_count(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong password")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong password").status_code == 200


def test_lockout_leaves_public_pages_cached_and_under_csp(client, editor, newsroom):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong password")
    reader = client.__class__()
    first = reader.get("/en/", REMOTE_ADDR="203.0.113.7")
    second = reader.get("/en/", REMOTE_ADDR="203.0.113.7")
    assert first.status_code == second.status_code == 200
    assert second["X-Cache"] == "HIT"
    assert "default-src 'self'" in second["Content-Security-Policy"]
    # The admin keeps its own policy (no strict CSP there) and is never page-cached.
    login = client.get(login_url())
    assert "X-Cache" not in login
    assert "no-cache" in login.get("Cache-Control", "") or "private" in login.get("Cache-Control", "")


def test_client_address_behind_a_proxy(rf, settings):
    from steppe.hardening import client_ip

    settings.STEPPE_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.50", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "203.0.113.50"  # a forged first entry is ignored
    settings.STEPPE_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"


@pytest.mark.parametrize(
    "password",
    ["short1", "password123", "12345678901234", "editor-editor"],
)
def test_weak_passwords_are_rejected(password):
    user = get_user_model()(username="editor-editor", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_strong_password_is_accepted():
    validate_password("steppe-ink-kettle-91", get_user_model()(username="aida"))


def test_admin_path_is_configurable(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("STEPPE_", "DATABASE_URL"))}
    environment.update(STEPPE_VAR_DIR=str(tmp_path), STEPPE_ADMIN_PATH="/newsdesk-7f3/")
    script = (
        "from django.urls import resolve, reverse, Resolver404;"
        "print(reverse('wagtailadmin_login'));"
        "from django.conf import settings;"
        "print(settings.CONTENT_SECURITY_POLICY['EXCLUDE_URL_PREFIXES'], settings.STEPPE_PAGE_CACHE_EXCLUDE[0])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-2] == "/newsdesk-7f3/login/"
    assert lines[-1] == "['/newsdesk-7f3/'] /newsdesk-7f3/"
