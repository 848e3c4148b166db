import pytest


# The discovery core is pure Python: it must run without Django (``-p no:django``) as well as inside the
# full suite. The project-wide autouse ``_isolated`` fixture needs pytest-django's ``settings`` fixture,
# so here it only does its work when pytest-django is loaded (the Django-side tests need it).
@pytest.fixture(autouse=True)
def _isolated(request):
    if not request.config.pluginmanager.has_plugin("django"):
        yield
        return
    settings = request.getfixturevalue("settings")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
