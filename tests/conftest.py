import os
import shutil

import pytest

# In CI every service and tool must be present: a missing one fails instead of skipping.
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = "/usr/bin/chromium"


def require_or_skip(available: bool, what: str) -> None:
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI but is missing")
    pytest.skip(f"{what} is not available on this machine")


@pytest.fixture(autouse=True)
def _isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No collectstatic in unit tests: serve static files by name, not from the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def newsroom(db):
    from tests.factories import create_newsroom

    return create_newsroom()


@pytest.fixture
def chromium_path() -> str:
    require_or_skip(shutil.which("chromium") is not None and os.path.exists(CHROMIUM), "Debian's chromium")
    return CHROMIUM
