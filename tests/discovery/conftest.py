import pytest


@pytest.fixture
def live_suggestions(request, tmp_path):
    """A fresh per-test suggestion index (snapshots under tmp_path) and inline tasks."""
    settings = request.getfixturevalue("settings")
    from discovery import engine

    settings.STEPPE_SUGGESTIONS_SNAPSHOT = str(tmp_path / "index.pickle")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    engine.set_live_index(None)
    yield engine
    engine.set_live_index(None)
