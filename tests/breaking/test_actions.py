"""Setting and clearing: what is refused and why, one banner per language, the audit log."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import Locale, ModelLogEntry, PageLogEntry

from breaking import actions
from breaking.banner import current_banner
from breaking.models import TEXT_MAX, BreakingNews

pytestmark = pytest.mark.django_db


def problems(text="Polls have closed", link_url="", link_page=None, expires_in=timedelta(hours=1)):
    now = timezone.now()
    return actions.problems(text, link_url, link_page, None if expires_in is None else now + expires_in, now)


def test_a_good_banner_has_no_problems(newsroom):
    assert problems() == {}
    assert problems(link_url="https://example.org/live") == {}
    assert problems(link_page=newsroom.home, expires_in=actions.LONGEST - timedelta(minutes=1)) == {}


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"text": "   "}, "text", "Write the banner"),
        ({"text": "x" * (TEXT_MAX + 1)}, "text", f"At most {TEXT_MAX} characters"),
        ({"text": "two\nlines"}, "text", "One line only"),
        ({"link_url": "javascript:alert(1)"}, "link_url", "https://"),
        ({"link_url": "example.org"}, "link_url", "https://"),
        ({"expires_in": None}, "expires_at", "Say when"),
        ({"expires_in": timedelta(seconds=-1)}, "expires_at", "in the future"),
        ({"expires_in": actions.LONGEST + timedelta(minutes=1)}, "expires_at", "At most 7 days"),
    ],
)
def test_what_is_refused_is_named_by_field(newsroom, fields, field, words):
    found = problems(**fields)
    assert list(found) == [field] and words in found[field]


def test_a_page_and_an_address_at_once_or_an_unpublished_page_are_refused(newsroom):
    assert list(problems(link_url="https://example.org/", link_page=newsroom.home)) == ["link_url"]
    draft = newsroom.add_article("Not yet out", live=False)
    assert "not published" in problems(link_page=draft)["link_page"]


def test_set_banner_refuses_with_the_reason_and_writes_nothing(newsroom, english, people):
    with pytest.raises(actions.BannerError, match="in the future"):
        actions.set_banner(english, people["editor"], "Late", timezone.now() - timedelta(minutes=1))
    assert not BreakingNews.objects.exists() and not ModelLogEntry.objects.exists()


def test_one_banner_per_language_a_new_one_replaces_the_old(newsroom, english, desk, people):
    russian = Locale.objects.create(language_code="ru")
    first = desk.put_up(english, "First")
    other = desk.put_up(russian, "Другой язык")
    second = desk.put_up(english, "Second")
    first.refresh_from_db()
    assert first.cleared_at is not None and first.cleared_by == people["editor"]
    assert list(BreakingNews.objects.current().order_by("pk")) == [other, second]
    assert current_banner("en")["text"] == "Second" and current_banner("ru")["text"] == "Другой язык"
    # The database keeps it so, whatever the code path: a second uncleared row is refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        BreakingNews.objects.create(
            locale=english, text="Sneaked in", expires_at=timezone.now() + timedelta(hours=1)
        )


def test_setting_replacing_and_clearing_are_in_the_audit_log(newsroom, english, desk, people):
    first = desk.put_up(english, "Polls have closed", link_url="https://example.org/results")
    second = desk.put_up(english, "Results are in")
    desk.take_down(english)
    kind = ContentType.objects.get_for_model(BreakingNews)
    entries = list(ModelLogEntry.objects.filter(content_type=kind).order_by("timestamp", "pk"))
    assert [(e.action, e.object_id, e.user) for e in entries] == [
        (actions.SET, str(first.pk), people["editor"]),
        (actions.CLEAR, str(first.pk), people["editor"]),
        (actions.SET, str(second.pk), people["editor"]),
        (actions.CLEAR, str(second.pk), people["editor"]),
    ]
    assert entries[0].data["text"] == "Polls have closed" and entries[0].data["language"] == "en"
    assert entries[1].data["replaced"] is True and entries[3].data["replaced"] is False
    assert entries[0].label == "Polls have closed"
    # Labels in Reports → Site history come from the registered actions, not the raw names.
    assert registry.get_action_label(actions.SET) == "Set breaking news"
    assert registry.get_action_label(actions.CLEAR) == "Clear breaking news"
    assert not PageLogEntry.objects.filter(action__startswith="breaking.").exists()


def test_clearing_when_nothing_is_up_is_refused(newsroom, english, desk):
    with pytest.raises(actions.BannerError, match="no banner up"):
        desk.take_down(english)


def test_at_the_expiry_the_task_logs_it_and_retires_the_language(newsroom, english, desk, settings):
    banner = desk.put_up(english, "Short-lived", seconds=2)
    assert actions.expire(banner.pk) == "not yet"  # too early: it waits (re-deferred)
    time.sleep(max(0.0, (banner.expires_at - timezone.now()).total_seconds()) + 0.1)
    assert current_banner("en") is None  # readers stopped seeing it at the second, task or not
    assert actions.expire(banner.pk) == "expired; en purged"
    banner.refresh_from_db()
    assert banner.cleared_at == banner.expires_at and banner.cleared_by is None
    entry = ModelLogEntry.objects.get(action=actions.EXPIRE)
    assert entry.object_id == str(banner.pk) and entry.user is None
    assert actions.expire(banner.pk) == "cleared before its expiry"  # run twice: logged once
    assert ModelLogEntry.objects.filter(action=actions.EXPIRE).count() == 1
    # An expired banner is no longer "up": a new one can be set, and clearing finds nothing.
    with pytest.raises(actions.BannerError):
        desk.take_down(english)
    desk.put_up(english, "Next")
    assert current_banner("en")["text"] == "Next"


def test_with_a_task_worker_the_purge_is_repeated_and_the_expiry_is_deferred(
    newsroom, english, desk, settings
):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    before = timezone.now()
    banner = desk.put_up(english, "Queued", minutes=30)
    queued = [(r.task.name, r.task.run_after, r.args) for r in default_task_backend.results]
    purges = [
        (run_after, args[0]) for name, run_after, args in queued if name == "purge_urls_from_cache_task"
    ]
    # Once at once, once after every web process's memo of the page generation has run out.
    assert [run_after is None for run_after, _urls in purges] == [True, False]
    assert purges[0][1] == purges[1][1] and "http://localhost/en/" in purges[0][1]
    assert before + timedelta(seconds=1) <= purges[1][0] <= timezone.now() + timedelta(seconds=1)
    assert ("expire_banner", banner.expires_at, [banner.pk]) in queued
