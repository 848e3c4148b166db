"""Fixtures for the Django-free WordPress importer core.

These tests run with ``-p no:django``; the project-wide autouse ``_isolated``
fixture needs pytest-django's ``settings``, so it is replaced here by a no-op
(nothing in wordpress/ touches Django settings or the cache).
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_or_skip

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "wxr-samples"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # These drive the Django importer (import_wordpress); they need pytest-django.
    django_modules = ("test_import.py", "test_import_variants.py")
    if collection_path.name in django_modules and not config.pluginmanager.hasplugin("django"):
        return True
    return None


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    yield


@pytest.fixture
def samples() -> Path:
    require_or_skip(SAMPLES.is_dir(), f"the shared WXR samples at {SAMPLES}")
    return SAMPLES
