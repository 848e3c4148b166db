"""Tests for fx.rates: USD rates, % change, jump checks, cross rates and the TMT peg."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from fx.providers import cbr, cbt, cbu, nbkr, nbt
from fx.providers.base import Quote
from fx.rates import (
    TMT_PEG,
    JumpVerdict,
    agrees,
    assess_jump,
    cbr_cross_per_usd,
    check_tmt_peg,
    cross_per_usd,
    deviation_pct,
    is_suspicious_jump,
    local_per_usd,
    percent_change,
    rate_of,
    usd_per_local,
    usd_rate,
)

D = Decimal
day = datetime.date


PEG_DAY = datetime.date(2026, 5, 20)


def q(
    currency: str, rate: str, *, source: str = "cbt", home: str = "TMT", on: datetime.date = PEG_DAY
) -> Quote:
    return Quote(source=source, currency=currency, home=home, rate=D(rate), date=on)


# --------------------------------------------------------------------------- USD rates


def test_usd_rate_is_the_home_banks_own(payload):
    quotes = nbkr.parse(payload("nbkr/daily-2026-03-15-sunday.xml"))
    assert usd_rate(quotes, "KGS") == D("87.45")
    assert local_per_usd(quotes, "KGS") == D("87.45")
    assert usd_rate(quotes, "KZT") is None  # quotes of another home currency do not count


def test_usd_rate_missing_gives_none(payload):
    assert usd_rate(nbkr.parse(payload("nbkr/weekly-2026-03-14.xml")), "KGS") is None


def test_rate_of_takes_the_newest_date(payload):
    quotes = cbr.parse(payload("cbr/XML_dynamic-R01235-USD-2026-03-10..14.xml"))
    assert rate_of(quotes, "USD", "RUB") == D("78.1204")


@pytest.mark.parametrize(
    ("local_per_usd_rate", "quantum", "expected"),
    [
        ("87.45", "0.000001", "0.011435"),  # KGS
        ("478.77", "0.0000001", "0.0020887"),  # KZT
        ("12194.21", "0.00000001", "0.00008201"),  # UZS
        ("9.3450", "0.00001", "0.10701"),  # TJS
        ("3.5", "0.000001", "0.285714"),  # TMT
    ],
)
def test_usd_per_local_matches_readme(local_per_usd_rate, quantum, expected):
    value = usd_per_local(D(local_per_usd_rate))
    assert isinstance(value, Decimal)
    assert value.quantize(D(quantum)) == D(expected)


def test_usd_per_local_keeps_precision_for_tiny_values():
    # 28 significant digits, far more than display needs: a 0.01% move in UZS stays visible.
    assert usd_per_local(D("12194.21")) != usd_per_local(D("12195.43"))
    assert len(usd_per_local(D("12194.21")).as_tuple().digits) >= 20


def test_usd_per_local_refuses_non_positive():
    with pytest.raises(ValueError, match="must be positive"):
        usd_per_local(D("0"))


# --------------------------------------------------------------------------- % change and jumps


@pytest.mark.parametrize(
    ("today", "previous", "expected"),
    [
        ("101", "100", "1"),
        ("99", "100", "-1"),
        ("87.45", "87.45", "0"),
        ("12142.10", "12194.21", "-0.42733"),
    ],
)
def test_percent_change(today, previous, expected):
    result = percent_change(D(today), D(previous))
    assert isinstance(result, Decimal)
    assert result.quantize(D(expected)) == D(expected)


def test_percent_change_from_zero_is_an_error():
    with pytest.raises(ValueError, match="zero previous"):
        percent_change(D("1"), D("0"))


def test_percent_change_is_exact_enough_for_uzs():
    # 1/12194.21 -> 1/12210.71: about -0.135%, must not collapse to zero.
    change = percent_change(usd_per_local(D("12210.71")), usd_per_local(D("12194.21")))
    assert change.quantize(D("0.0001")) == D("-0.1351")


@pytest.mark.parametrize(
    ("prev", "new", "bound", "suspicious"),
    [
        ("100", "101.9", 2, False),
        ("100", "102", 2, False),  # exactly on the bound is allowed
        ("100", "102.1", 2, True),
        ("100", "97.9", 2, True),
        ("3.5", "3.0201", D("5"), True),
        ("100", "0", 2, True),
        ("0", "100", 2, True),
    ],
)
def test_is_suspicious_jump(prev, new, bound, suspicious):
    assert is_suspicious_jump(D(prev), D(new), bound) is suspicious


# --------------------------------------------------------------------------- cross rates


def test_cbr_cross_rates_match_readme(shared_sample):
    quotes = cbr.parse(shared_sample("cbr/XML_daily-2026-04-25.xml"))
    kgs = cbr_cross_per_usd(quotes, "KGS")
    assert kgs.quantize(D("0.0001")) == D("87.4032")  # 75.5273 / 0.864125
    assert usd_per_local(kgs).quantize(D("0.000001")) == D("0.011441")
    tmt = cbr_cross_per_usd(quotes, "TMT")
    assert usd_per_local(tmt).quantize(D("0.000001")) == D("0.285714")
    assert cbr_cross_per_usd(quotes, "RUB") == D("75.5273")
    assert cbr_cross_per_usd(quotes, "USD") == D("1")
    assert cbr_cross_per_usd(quotes, "XYZ") is None


def test_cross_through_cbt_matches_nbkr(shared_sample):
    # README: CBT 21.05 (4.0023/100)/3.5 = 0.011435, same as NBKR 1/87.45.
    cbt_quotes = cbt.parse(shared_sample("cbt/kurs-2026-21052026.xml"))
    kgs_per_usd = cross_per_usd(cbt_quotes, "KGS", "TMT")
    assert usd_per_local(kgs_per_usd).quantize(D("0.000001")) == D("0.011435")
    assert agrees(kgs_per_usd, D("87.45"), D("0.01"))


def test_own_fixtures_are_consistent_across_banks(payload):
    cbr_quotes = cbr.parse(payload("cbr/XML_daily-2026-03-14-saturday.xml"))
    cbu_usd = usd_rate(cbu.parse(payload("cbu/json-all-2026-03-13.json")), "UZS")
    nbt_usd = usd_rate(nbt.parse(payload("nbt/export_xml-2026-03-14-saturday.xml")), "TJS")
    assert agrees(cbr_cross_per_usd(cbr_quotes, "UZS"), cbu_usd)
    assert agrees(cbr_cross_per_usd(cbr_quotes, "TJS"), nbt_usd)
    assert agrees(cbr_cross_per_usd(cbr_quotes, "KGS"), D("87.45"))
    assert agrees(cbr_cross_per_usd(cbr_quotes, "TMT"), TMT_PEG)


def test_deviation_and_agreement():
    assert deviation_pct(D("100.5"), D("100")) == D("0.5")
    assert agrees(D("100.5"), D("100"))
    assert not agrees(D("100.6"), D("100"))
    assert not agrees(D("0"), D("100"))


def test_cbu_tmt_outlier_is_rejected_by_the_cbr_cross(shared_sample):
    """CBU 01.04.2026 published TMT at 4037.68 UZS (3.02 TMT/USD); the peg says 3.5."""
    cbr_quotes = cbr.parse(shared_sample("cbr/XML_daily-2026-04-25.xml"))
    cross = cbr_cross_per_usd(cbr_quotes, "TMT")

    bad = cross_per_usd(cbu.parse(shared_sample("cbu/json-all-2026-04-01.json")), "TMT", "UZS")
    assert bad.quantize(D("0.0001")) == D("3.0201")
    assert assess_jump(TMT_PEG, bad, cross=cross, bound_pct=2) is JumpVerdict.REJECTED

    good = cross_per_usd(cbu.parse(shared_sample("cbu/json-all-2026-04-02.json")), "TMT", "UZS")
    assert assess_jump(TMT_PEG, good, cross=cross, bound_pct=2) is JumpVerdict.OK


@pytest.mark.parametrize(
    ("previous", "new", "cross", "verdict"),
    [
        ("100", "101", None, JumpVerdict.OK),
        ("100", "110", "109.8", JumpVerdict.CONFIRMED),
        ("100", "110", "100.2", JumpVerdict.REJECTED),
        ("100", "110", None, JumpVerdict.UNVERIFIED),
        (None, "110", None, JumpVerdict.UNVERIFIED),
        (None, "110", "110.1", JumpVerdict.CONFIRMED),
        ("100", "0", "100", JumpVerdict.REJECTED),
    ],
)
def test_assess_jump(previous, new, cross, verdict):
    result = assess_jump(
        None if previous is None else D(previous),
        D(new),
        cross=None if cross is None else D(cross),
        bound_pct=D("2"),
    )
    assert result is verdict


# --------------------------------------------------------------------------- TMT peg


def test_tmt_peg_holds_in_every_cbt_sample(shared_sample):
    for name in ["cbt/kurs-2026-20052026.xml", "cbt/kurs-2026-21052026.xml"]:
        assert check_tmt_peg(cbt.parse(shared_sample(name))) is None


def test_tmt_peg_holds_in_own_fixtures(payload):
    assert check_tmt_peg(cbt.parse(payload("cbt/kurs-2026-14032026.xml"))) is None
    assert check_tmt_peg(cbt.parse(payload("cbt/kurs-2022-15062022.xml"))) is None


def test_tmt_peg_broken_is_reported():
    message = check_tmt_peg([q("USD", "3.6"), q("EUR", "3.9")])
    assert message == (
        "cbt: USD is 3.6 TMT on 2026-05-20, not the 3.5 peg; the fixed TMT/USD rate needs review"
    )


def test_tmt_peg_uses_the_newest_cbt_quote():
    old_bad = q("USD", "3.49", on=day(2026, 5, 19))
    assert check_tmt_peg([old_bad, q("USD", "3.50")]) is None
    assert "3.51" in check_tmt_peg([q("USD", "3.5", on=day(2026, 5, 19)), q("USD", "3.51")])


def test_tmt_peg_needs_a_cbt_usd_quote():
    assert "no USD rate" in check_tmt_peg([q("EUR", "3.9")])
    # A TMT rate from another bank is not CBT's USD rate.
    assert "no USD rate" in check_tmt_peg([q("USD", "3.5", source="nbt", home="TJS")])


def test_tmt_peg_not_checked_before_2015():
    assert check_tmt_peg([q("USD", "2.85", on=day(2014, 12, 31))]) is None
