"""Tests for fx.formatting: significant-digit rates and signed % changes, per locale."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from fx.formatting import change_direction, format_change_percent, format_rate, round_percent

D = Decimal
NBSP = "\u00a0"
TICKER_LOCALES = ["en", "ru", "kk", "ky", "uz", "tg", "tk"]

# A deterministic sweep instead of a property-testing library: mantissas that hit rounding
# edges (…5, …95, 9999…) at every magnitude a rate can have, 1e-9 .. 1e8.
_MANTISSAS = [
    "1",
    "1.5",
    "2.71828",
    "3.14159265",
    "4.9995",
    "5.0005",
    "8.20106",
    "9.9996",
    "9.99996",
    "1.23456789",
]
SWEEP = [D(m).scaleb(exp) for m in _MANTISSAS for exp in range(-9, 9)]
PCT_SWEEP = [
    D(m).scaleb(exp) * sign
    for m in _MANTISSAS + ["4.99", "5"]
    for exp in (-3, -2, -1, 0, 1)
    for sign in (1, -1)
]


@pytest.mark.parametrize(
    ("value", "en", "ru"),
    [
        ("0.0000820106", "0.00008201", "0,00008201"),
        ("0.011435", "0.01144", "0,01144"),
        ("87.45", "87.45", "87,45"),
        ("87.4500", "87.45", "87,45"),
        ("12830.5", "12,830.5", f"12{NBSP}830,5"),
        ("0.285714285714", "0.2857", "0,2857"),
        ("3.5", "3.500", "3,500"),
        ("0.0020887", "0.002089", "0,002089"),
        ("0.10701", "0.1070", "0,1070"),
        ("478.77", "478.77", "478,77"),
        ("12194.21", "12,194.21", f"12{NBSP}194,21"),
        ("5.39256E-05", "0.00005393", "0,00005393"),
        ("1.2E+3", "1,200", f"1{NBSP}200"),
    ],
)
def test_format_rate_en_ru(value, en, ru):
    assert format_rate(D(value), "en") == en
    assert format_rate(D(value), "ru") == ru


def test_format_rate_never_loses_uzs_to_five_decimals():
    assert format_rate(D("0.0000820106"), "en") != "0.00008"
    # two UZS fixings a normal day apart must look different
    assert format_rate(D(1) / D("12194.21"), "en") != format_rate(D(1) / D("12142.10"), "en")


def test_format_rate_rounding_up_a_digit():
    assert format_rate(D("0.0099996"), "en") == "0.01000"
    assert format_rate(D("9999.9996"), "en") == "10,000"


def test_format_rate_more_significant_digits():
    assert format_rate(D("0.0000820106"), "en", min_significant=6) == "0.0000820106"
    assert format_rate(D("87.45"), "en", min_significant=6) == "87.4500"


def test_format_rate_refuses_non_finite():
    with pytest.raises(ValueError):
        format_rate(D("NaN"), "en")


@pytest.mark.parametrize("locale", TICKER_LOCALES + ["ru-RU", "uz_Latn", "en_US", "zz"])
def test_format_rate_other_locales_do_not_crash(locale):
    text = format_rate(D("0.0000820106"), locale)
    assert re.fullmatch(r"0[.,]00008201", text)
    big = format_rate(D("12830.5"), locale)
    assert big.replace(NBSP, "").replace(",", "").replace(".", "") in {"128305"}


@pytest.mark.parametrize("value", SWEEP, ids=str)
def test_format_rate_sweep_four_significant_digits(value):
    text = format_rate(value, "en")
    assert "E" not in text and "e" not in text
    digits = text.replace(",", "").replace(".", "").lstrip("0")
    assert len(digits) >= 4
    # Reading it back is within half a unit of the 4th significant digit.
    shown = D(text.replace(",", ""))
    assert abs(shown - value) <= D(10) ** (value.adjusted() - 3) / 2


@pytest.mark.parametrize(
    ("pct", "en", "ru"),
    [
        ("0", "0.00%", f"0,00{NBSP}%"),
        ("-0.004", "0.00%", f"0,00{NBSP}%"),
        ("0.0049", "0.00%", f"0,00{NBSP}%"),
        ("-0", "0.00%", f"0,00{NBSP}%"),
        ("0.005", "+0.01%", f"+0,01{NBSP}%"),
        ("-0.005", "-0.01%", f"-0,01{NBSP}%"),
        ("1.2", "+1.20%", f"+1,20{NBSP}%"),
        ("-0.42733", "-0.43%", f"-0,43{NBSP}%"),
        ("-13.62", "-13.62%", f"-13,62{NBSP}%"),
        ("1234.5", "+1,234.50%", f"+1{NBSP}234,50{NBSP}%"),
    ],
)
def test_format_change_percent_en_ru(pct, en, ru):
    assert format_change_percent(D(pct), "en") == en
    assert format_change_percent(D(pct), "ru") == ru


def test_format_change_percent_none():
    assert format_change_percent(None, "en") == "\u2014"


@pytest.mark.parametrize("locale", TICKER_LOCALES)
def test_format_change_percent_other_locales(locale):
    assert format_change_percent(D("-0.001"), locale).startswith("0")
    assert re.fullmatch(rf"\+1[.,]25{NBSP}?%", format_change_percent(D("1.25"), locale))
    assert re.fullmatch(rf"-1[.,]25{NBSP}?%", format_change_percent(D("-1.25"), locale))


@pytest.mark.parametrize("pct", PCT_SWEEP, ids=str)
def test_change_text_and_direction_agree(pct):
    text = format_change_percent(pct, "en")
    direction = change_direction(pct)
    assert not text.startswith("-0.00") and text != "-0%"
    assert re.fullmatch(r"[+-]?\d+\.\d\d%", text)
    expected = {"+": "up", "-": "down"}.get(text[0], "flat")
    assert direction == expected
    if direction == "flat":
        assert text == "0.00%"


@pytest.mark.parametrize(
    ("pct", "direction"),
    [("0.3", "up"), ("-0.3", "down"), ("0", "flat"), ("0.004", "flat"), ("-0.0049", "flat"), ("0.005", "up")],
)
def test_change_direction(pct, direction):
    assert change_direction(D(pct)) == direction


def test_change_direction_none_is_flat():
    assert change_direction(None) == "flat"


def test_round_percent_never_negative_zero():
    rounded = round_percent(D("-0.001"))
    assert rounded == 0 and not rounded.is_signed()
