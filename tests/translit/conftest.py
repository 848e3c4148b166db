from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    # The project-wide autouse fixture needs pytest-django's `settings`; transliteration is
    # Django-free and runs with `-p no:django`, so it is overridden here with a no-op.
    yield
