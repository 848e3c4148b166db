"""Dates, relative times and numbers in each of the seven languages (CLDR via Babel)."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import translation

from fx.formatting import format_change_percent, format_rate
from news.templatetags.news_tags import local_date, local_datetime, time_ago

MOMENT = datetime(2025, 2, 25, 14, 30, tzinfo=ZoneInfo("Asia/Almaty"))


def plain(text: str) -> str:
    """CLDR groups with a no-break or narrow no-break space; compare with plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# language: (long date, medium date-time, 3 hours ago, 1234567.891, KZT/USD rate, change)
EXPECTED = {
    "en": (
        "February 25, 2025",
        "Feb 25, 2025, 2:30:00 PM",
        "3 hours ago",
        "1,234,567.891",
        "481.35",
        "+0.25%",
    ),
    "ru": (
        "25 февраля 2025 г.",
        "25 февр. 2025 г., 14:30:00",
        "3 часа назад",
        "1 234 567,891",
        "481,35",
        "+0,25 %",
    ),
    "kk": (
        "2025 ж. 25 ақпан",
        "2025 ж. 25 ақп., 14:30:00",
        "3 сағат бұрын",
        "1 234 567,891",
        "481,35",
        "+0,25%",
    ),
    "ky": (
        "2025-ж., 25-февраль",
        "2025-ж., 25-фев. 14:30:00",
        "3 саат мурун",
        "1 234 567,891",
        "481,35",
        "+0,25%",
    ),
    "uz": ("25-fevral, 2025", "25-fev, 2025, 14:30:00", "3 soat oldin", "1 234 567,891", "481,35", "+0,25%"),
    "tg": ("25 Феврал 2025", "25 Фев 2025 14:30:00", "3 соат пеш", "1 234 567,891", "481,35", "+0,25%"),
    "tk": ("25 fewral 2025", "25 few 2025 14:30:00", "3 sagat öň", "1 234 567,891", "481,35", "+0,25 %"),
}


@pytest.mark.parametrize("language", list(EXPECTED))
def test_dates_numbers_and_relative_times(language):
    long_date, medium_datetime, ago, number, rate, change = EXPECTED[language]
    with translation.override(language):
        assert plain(local_date(MOMENT)) == long_date
        assert plain(local_datetime(MOMENT)) == medium_datetime
        assert time_ago(MOMENT - timedelta(hours=3, minutes=4), now=MOMENT) == ago
    from babel.numbers import format_decimal

    assert plain(format_decimal(Decimal("1234567.891"), locale=language)) == number
    assert plain(format_rate(Decimal("481.35"), language)) == rate
    assert plain(format_change_percent(Decimal("0.25"), language)) == change


def test_relative_time_only_for_recent_moments():
    with translation.override("ru"):
        assert time_ago(MOMENT - timedelta(minutes=20), now=MOMENT) == "20 минут назад"
        assert time_ago(MOMENT - timedelta(days=3), now=MOMENT) == ""
        assert time_ago(None) == ""


@pytest.mark.django_db
@override_settings(STEPPE_PAGE_CACHE=False)
def test_updated_line_has_absolute_time_and_relative_time(client, newsroom):
    from django.utils import timezone

    from news.cache import bump_content_version

    article = newsroom.add_article("An updated story")
    article.date_updated = timezone.now() - timedelta(hours=5, minutes=1)
    article.save_revision().publish()
    bump_content_version()
    html = client.get(article.url).content.decode()
    assert 'class="updated"' in html and "<time datetime=" in html
    assert "(5 hours ago)" in html
