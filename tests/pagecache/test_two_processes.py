"""Two app processes (granian) sharing PostgreSQL and Redis: a publish through one is seen through the other."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings as django_settings

from pagecache.nginx import free_port, stop_processes, wait_for_port
from tests.conftest import require_or_skip

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.shared_servers]
BASE_DIR = Path(__file__).resolve().parents[2]
GRANIAN = str(Path(sys.executable).with_name("granian"))


def database_url() -> str:
    db = django_settings.DATABASES["default"]
    auth = quote(db["USER"]) + (":" + quote(db["PASSWORD"]) if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_app(tmp_path: Path, name: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STEPPE_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="steppe.settings",
        # The test's own database (pytest-django's test_… database) and cache namespace.
        DATABASE_URL=database_url(),
        DATABASE_CONN_MAX_AGE="0",
        REDIS_URL=os.environ["REDIS_URL"],
        STEPPE_CACHE_PREFIX=django_settings.CACHES["default"]["KEY_PREFIX"],
        STEPPE_VAR_DIR=str(tmp_path / name),
        STEPPE_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        DJANGO_DEBUG="1",  # static files by name: no collectstatic for this test
        PYTHONUNBUFFERED="1",
    )
    log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
         "--no-ws", "--log-level", "warning", "steppe.wsgi:application"],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=30, process=process)
    except (RuntimeError, TimeoutError):
        process.kill()
        raise AssertionError((tmp_path / f"{name}.log").read_text()) from None
    return process, f"http://127.0.0.1:{port}"


def login(session: requests.Session, base: str, username: str, password: str) -> None:
    admin = f"{base}/{django_settings.STEPPE_ADMIN_PATH}"
    page = session.get(f"{admin}/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{admin}/login/", data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": f"{admin}/login/"},
    )  # fmt: skip
    assert "sessionid" in session.cookies, response.text[:500]


def publish_through_admin(session: requests.Session, base: str, page_id: int) -> None:
    url = f"{base}/{django_settings.STEPPE_ADMIN_PATH}/bulk/wagtailcore/page/publish/?id={page_id}"
    form = session.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        url, data={"csrfmiddlewaretoken": token}, headers={"Referer": url}, allow_redirects=False
    )
    assert response.status_code in (200, 302), response.text[:500]


@pytest.fixture
def two_apps(tmp_path):
    require_or_skip(
        django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "PostgreSQL (DATABASE_URL)",
    )
    require_or_skip(
        bool(os.environ.get("REDIS_URL")) and bool(django_settings.REDIS_URL), "Redis (REDIS_URL)"
    )
    processes = []
    try:
        for name in ("a", "b"):
            processes.append(start_app(tmp_path, name))
        yield [url for _process, url in processes]
    finally:
        stop_processes(*(process for process, _url in processes), timeout=10)


def test_a_publish_through_one_process_is_seen_through_the_other(
    two_apps, newsroom, django_user_model, settings
):
    from tests.factories import create_article

    # A hash the app processes accept (tests use a fast MD5 hasher the apps don't know).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]

    app_a, app_b = two_apps
    newsroom.add_article("Yesterday's news")
    draft = create_article(newsroom.sections["politics"], "Shared breaking story", live=False)
    django_user_model.objects.create_superuser("editor", "ed@example.org", "pw-long-enough-1")
    home = newsroom.home.url
    reader = requests.Session()
    for base in (app_a, app_b):
        reader.get(base + home, headers={"Host": "localhost"})
        cached = reader.get(base + home, headers={"Host": "localhost"})
        assert cached.headers["X-Cache"] == "HIT" and "Shared breaking story" not in cached.text

    editor = requests.Session()
    login(editor, app_a, "editor", "pw-long-enough-1")
    publish_through_admin(editor, app_a, draft.pk)
    draft.refresh_from_db()
    assert draft.live

    # Process b memoises the content version for half a second (news.cache.VERSION_MEMO_SECONDS).
    deadline = time.monotonic() + 1.5
    seen = ""
    while time.monotonic() < deadline and "Shared breaking story" not in seen:
        seen = reader.get(app_b + home, headers={"Host": "localhost"}).text
        time.sleep(0.05)
    assert "Shared breaking story" in seen
    article = reader.get(app_b + draft.url, headers={"Host": "localhost"})
    assert article.status_code == 200 and "Shared breaking story" in article.text
