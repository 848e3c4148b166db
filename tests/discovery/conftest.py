import pytest


# The discovery core is pure Python: it must run without Django (``-p no:django``) as well as inside the
# full suite. The project-wide autouse ``_isolated`` fixture needs pytest-django's ``settings`` fixture,
# so it is replaced here by a no-op for this package only.
@pytest.fixture(autouse=True)
def _isolated():
    yield
