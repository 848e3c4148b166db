"""Fixtures for the Django-free WordPress importer core.

These tests run with ``-p no:django``; the project-wide autouse ``_isolated``
fixture needs pytest-django's ``settings``, so it is replaced here by a no-op
(nothing in wordpress/ touches Django settings or the cache).
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "wxr-samples"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # test_import.py drives the Django importer (import_wordpress); it needs pytest-django.
    if collection_path.name == "test_import.py" and not config.pluginmanager.hasplugin("django"):
        return True
    return None


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    yield


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"shared WXR samples not found at {SAMPLES}")
    return SAMPLES
