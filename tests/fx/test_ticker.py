"""Parser -> storage -> ticker end to end, weekend changes, settings, locales, query budget."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from fx import ticker
from fx.models import Direction, TickerSettings, TickerSnapshot
from fx.storage import store_quotes
from fx.sync import publish_changes
from tests.fx.helpers import quote

pytestmark = pytest.mark.django_db
day = datetime.date
TODAY = day(2026, 3, 16)  # Monday after the recorded week


@pytest.fixture
def rates():
    call_command("fx_load_recorded", verbosity=0)


def items(locale: str = "en", today: datetime.date = TODAY) -> dict[str, ticker.TickerItem]:
    return {item.currency: item for item in ticker.ticker_items(locale, today)}


def render_ticker(language: str) -> str:
    with translation.override(language):
        return Template("{% load fx_tags %}{% fx_ticker %}").render(Context({}))


def test_recorded_payloads_end_to_end(rates):
    shown = items()
    assert list(shown) == ["KGS", "KZT", "TJS", "UZS", "TMT"]
    # Each value is 1 / the home bank's own USD rate, with at least four significant digits.
    assert shown["KZT"].value == "0.002077"  # 1/481.35 (NBK)
    assert shown["KGS"].value == "0.01144"  # 1/87.45 (NBKR)
    assert shown["TJS"].value == "0.1064"  # 1/9.40 (NBT)
    assert shown["UZS"].value == "0.00008162"  # 1/12251.87 (CBU), not "0.00008"
    assert shown["TMT"].value == "0.2857"  # the 3.5 peg (CBT)
    assert shown["KZT"].change == "-0.54%" and shown["KZT"].direction == "down"  # 478.77 -> 481.35
    assert shown["UZS"].change == "-0.19%" and shown["UZS"].direction == "down"
    assert shown["KGS"].change == "0.00%" and shown["KGS"].direction == "flat"  # never "-0.00%"
    assert (shown["KZT"].date, shown["KZT"].previous_date) == (day(2026, 3, 13), day(2026, 3, 12))
    assert shown["KGS"].date == day(2026, 3, 15)  # NBKR stamps the effective date
    assert shown["KZT"].source == "nbk" and shown["KZT"].source_name == "National Bank of Kazakhstan"
    assert shown["TMT"].fixed and not shown["TMT"].stale


def test_change_over_a_weekend_is_against_the_previous_published_rate():
    """NBK publishes nothing on Saturday and Sunday: Monday's change is against Friday."""
    store_quotes("nbk", [quote("nbk", "USD", "480.00", day(2026, 3, 13))])  # Friday
    store_quotes("nbk", [quote("nbk", "USD", "484.80", day(2026, 3, 16))])  # Monday
    publish_changes()
    kzt = items(today=day(2026, 3, 16))["KZT"]
    assert kzt.previous_date == day(2026, 3, 13)
    assert kzt.change == "-0.99%"  # 480/484.8 - 1: the tenge lost value


def test_change_over_a_holiday_and_a_late_backfill():
    """Nauryz (21-23 March): the change skips the holiday, also when an older day arrives later."""
    store_quotes("nbk", [quote("nbk", "USD", "500.00", day(2026, 3, 24))])
    store_quotes("nbk", [quote("nbk", "USD", "505.00", day(2026, 3, 20))])  # backfilled afterwards
    publish_changes()
    kzt = items(today=day(2026, 3, 24))["KZT"]
    assert (kzt.date, kzt.previous_date) == (day(2026, 3, 24), day(2026, 3, 20))
    assert kzt.change == "+1.00%" and kzt.direction == "up"


def test_stale_mark_after_the_configured_days(rates):
    assert not items(today=day(2026, 3, 17))["KZT"].stale  # 4 days after 13 March
    assert items(today=day(2026, 3, 18))["KZT"].stale
    settings = TickerSettings.load()
    settings.stale_after_days = 10
    settings.save()  # editors' change rebuilds the snapshot
    assert not items(today=day(2026, 3, 18))["KZT"].stale
    assert not items(today=day(2027, 1, 1))["TMT"].stale  # the peg holds: never stale


def test_editors_choose_currencies_and_direction(rates):
    settings = TickerSettings.load()
    settings.show_tjs = settings.show_tmt = False
    settings.direction = Direction.USD_IN_LOCAL
    settings.save()
    shown = items()
    assert list(shown) == ["KGS", "KZT", "UZS"]
    assert shown["UZS"].label == "USD/UZS" and shown["UZS"].value == "12,251.87"
    assert shown["UZS"].sentence == "1 USD = 12,251.87 UZS"
    assert shown["KZT"].change == "+0.54%" and shown["KZT"].direction == "up"  # the dollar rose


def test_tmt_shows_the_peg_without_any_cbt_rate():
    store_quotes("nbk", [quote("nbk", "USD", "481.35", day(2026, 3, 13))])
    publish_changes()
    tmt = items()["TMT"]
    assert tmt.value == "0.2857" and tmt.fixed and tmt.date is None and tmt.change == "0.00%"


def test_tmt_follows_a_confirmed_new_official_rate():
    store_quotes("cbt", [quote("cbt", "USD", "3.5", day(2026, 3, 13))])
    store_quotes("cbt", [quote("cbt", "USD", "3.55", day(2026, 3, 14))])
    publish_changes()
    tmt = items()["TMT"]
    assert not tmt.fixed and tmt.value == "0.2817" and tmt.change == "-1.41%"


def test_rendered_ticker_en(rates):
    html = render_ticker("en")
    assert 'aria-label="Official exchange rates"' in html
    assert html.count('<li class="fx-item') == 5
    assert '<span class="fx-value">0.00008162</span>' in html
    assert "-0.54%" in html and "0.00%" in html and "-0%" not in html
    assert '<span class="visually-hidden">down</span>' in html and "▼" in html
    assert '<time datetime="2026-03-13">13 Mar</time>' in html
    assert '<abbr title="National Bank of Kazakhstan" translate="no">NBK</abbr>' in html
    assert "rate for March 13, 2026 · National Bank of Kazakhstan" in html
    assert 'href="/en/fx/#rate-KZT"' in html


def test_rendered_ticker_ru(rates):
    html = render_ticker("ru")
    assert '<span class="fx-value">0,00008162</span>' in html  # decimal comma
    assert "-0,54\xa0%" in html and "0,00\xa0%" in html  # CLDR ru percent: no-break space before %
    assert '<time datetime="2026-03-13">13 мар.</time>' in html
    assert "Официальные курсы валют" in html and "Национальный банк Казахстана" in html
    assert 'href="/ru/fx/#rate-KZT"' in html


def test_rendered_ticker_ru_other_direction_groups_thousands(rates):
    settings = TickerSettings.load()
    settings.direction = Direction.USD_IN_LOCAL
    settings.save()
    html = render_ticker("ru")
    assert '<span class="fx-value">12\xa0251,87</span>' in html


def test_empty_before_any_rate():
    assert render_ticker("en").strip() == ""


def test_query_budget_one_when_cold_zero_when_cached(rates, django_assert_num_queries):
    render_ticker("en")
    with django_assert_num_queries(0):
        render_ticker("en")
    cache.clear()  # e.g. Redis restarted: the snapshot is read back from its table in one query
    with django_assert_num_queries(1):
        html = render_ticker("ru")
    assert "0,002077" in html
    with django_assert_num_queries(0):
        render_ticker("en")


def test_no_snapshot_costs_one_query_then_none(django_assert_num_queries):
    with django_assert_num_queries(1):
        render_ticker("en")
    with django_assert_num_queries(0):
        render_ticker("en")


def test_snapshot_is_persisted_and_versioned(rates):
    data = TickerSnapshot.objects.get().data
    assert data["entries"]["KZT"]["local_per_usd"].startswith("481.35")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT.*", data["built_at"])


@pytest.mark.django_db
def test_ticker_settings_loaded_from_a_backup_build_no_snapshot_of_their_own():
    """A restore loads the settings row and then the backup's own snapshot row: a snapshot built
    by the first would collide with the second (the disaster-recovery drill's restore failed so)."""
    from django.core import serializers

    from fx.models import TickerSettings, TickerSnapshot

    TickerSettings.objects.create(show_tmt=False)
    assert TickerSnapshot.objects.filter(key="ticker").exists(), "saving settings rebuilds the ticker"
    dump = serializers.serialize("json", TickerSettings.objects.all())
    TickerSettings.objects.all().delete()
    TickerSnapshot.objects.all().delete()
    for loaded in serializers.deserialize("json", dump):
        loaded.save()  # raw, as loaddata and restore save
    assert TickerSettings.objects.get().show_tmt is False
    assert not TickerSnapshot.objects.exists()
