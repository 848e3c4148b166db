"""Storage: idempotent upserts, history, the jump check with the CBR cross-check, source health."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from fx.models import Rate, SourceStatus
from fx.providers.base import PayloadError
from fx.rates import JumpVerdict
from fx.storage import cbr_cross_rate, judge, quantize, record_error, record_success, store_quotes
from tests.fx.helpers import parse_recorded, quote

pytestmark = pytest.mark.django_db
D = Decimal
day = datetime.date


def stored(source: str, currency: str) -> dict[datetime.date, Decimal]:
    return dict(Rate.objects.filter(source=source, currency=currency).values_list("date", "rate"))


def test_store_is_idempotent_and_keeps_history():
    first = store_quotes("nbk", parse_recorded("nbk", "get_rates-fdate-12.03.2026.xml"))
    assert (first.created, first.updated, first.unchanged) == (10, 0, 0)
    again = store_quotes("nbk", parse_recorded("nbk", "get_rates-fdate-12.03.2026.xml"))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 10)
    store_quotes("nbk", parse_recorded("nbk", "get_rates-fdate-13.03.2026.xml"))
    assert stored("nbk", "USD") == {day(2026, 3, 12): D("478.77"), day(2026, 3, 13): D("481.35")}
    assert Rate.objects.filter(source="nbk").count() == 20


def test_nominal_is_divided_out_and_tiny_values_survive_the_database():
    store_quotes("cbr", parse_recorded("cbr", "XML_daily-2026-03-14.xml"))
    rates = {r.currency: r.rate for r in Rate.objects.filter(source="cbr")}
    assert rates["KZT"] == D("0.162294")  # 16,2294 per 100
    assert rates["UZS"] == D("0.00637621")  # 63,7621 per 10 000
    assert rates["IRR"] == D("0.0000744004")  # VunitRate in scientific notation, nominal 1 000 000
    Rate.objects.filter(source="cbr", currency="IRR").update(rate=D("0.0000820106"))
    assert Rate.objects.get(source="cbr", currency="IRR").rate == D("0.0000820106")


def test_a_corrected_rate_for_the_same_day_updates_the_row():
    store_quotes("nbt", [quote("nbt", "USD", "9.4108", day(2026, 3, 12))])
    result = store_quotes("nbt", [quote("nbt", "USD", "9.4100", day(2026, 3, 12))])
    assert (result.created, result.updated) == (0, 1)
    assert stored("nbt", "USD") == {day(2026, 3, 12): D("9.41")}


def test_quotes_of_another_source_are_refused():
    with pytest.raises(PayloadError, match="does not belong"):
        store_quotes("nbk", [quote("cbu", "USD", "12000", day(2026, 3, 12))])


def test_cbu_tmt_outlier_is_refused_when_cbr_disagrees():
    """CBU once published 4037.68 UZS per TMT (3.02 TMT/USD) against the 3.5 peg; CBR caught it."""
    store_quotes("cbr", parse_recorded("cbr", "XML_daily-2026-03-13.xml"))
    store_quotes("cbu", [quote("cbu", "TMT", "3493.84", day(2026, 3, 12)),
                         quote("cbu", "USD", "12228.47", day(2026, 3, 12))])  # fmt: skip
    result = store_quotes("cbu", [quote("cbu", "TMT", "4037.68", day(2026, 3, 13)),
                                  quote("cbu", "USD", "12251.87", day(2026, 3, 13))])  # fmt: skip
    assert result.created == 1  # USD stored, TMT refused
    assert stored("cbu", "TMT") == {day(2026, 3, 12): D("3493.84")}
    assert len(result.rejected) == 1 and "TMT = 4037.68 UZS" in result.rejected[0]
    assert "+15.57%" in result.rejected[0] and "CBR cross rate" in result.rejected[0]
    status = record_success("cbu", result)
    assert status.failing and "TMT" in status.last_error


def test_a_big_move_confirmed_by_cbr_is_stored():
    """A real devaluation: NBK moves 20% and CBR's cross rate moved with it."""
    store_quotes("nbk", [quote("nbk", "USD", "481.35", day(2026, 3, 13))])
    cbr = [quote("cbr", "USD", "78.1204", day(2026, 3, 14)), quote("cbr", "KZT", "0.13524", day(2026, 3, 14))]
    result = store_quotes("nbk", [quote("nbk", "USD", "577.62", day(2026, 3, 14))], cross_set=cbr)
    assert result.created == 1 and not result.rejected


def test_a_big_move_without_a_cross_rate_is_refused_unless_accepted():
    store_quotes("nbt", [quote("nbt", "USD", "9.40", day(2026, 3, 13))])
    refused = store_quotes("nbt", [quote("nbt", "USD", "11.00", day(2026, 3, 14))])
    assert refused.created == 0 and "no CBR cross rate" in refused.rejected[0]
    accepted = store_quotes("nbt", [quote("nbt", "USD", "11.00", day(2026, 3, 14))], accept_jumps=True)
    assert accepted.created == 1 and "accepted on request" in accepted.warnings[0]
    assert not record_success("nbt", accepted).failing


def test_the_bound_is_configurable(settings):
    settings.STEPPE_FX_MAX_JUMP_PCT = "20"
    store_quotes("nbt", [quote("nbt", "USD", "9.40", day(2026, 3, 13))])
    assert store_quotes("nbt", [quote("nbt", "USD", "11.00", day(2026, 3, 14))]).created == 1


def test_first_value_far_from_cbr_is_refused():
    cbr = parse_recorded("cbr", "XML_daily-2026-03-14.xml")
    result = store_quotes("cbu", [quote("cbu", "USD", "1225.187", day(2026, 3, 14))], cross_set=cbr)
    assert result.created == 0 and result.rejected


def test_stored_cbr_set_is_used_for_the_cross_check_across_a_weekend():
    """CBR's Saturday set covers Sunday and Monday: a Monday quote is checked against it."""
    store_quotes("cbr", parse_recorded("cbr", "XML_daily-2026-03-14.xml"))
    store_quotes("nbk", [quote("nbk", "USD", "481.35", day(2026, 3, 13))])
    result = store_quotes("nbk", [quote("nbk", "USD", "560.00", day(2026, 3, 16))])
    assert result.rejected and "CBR cross rate is 481.3" in result.rejected[0]


def test_cbt_peg_moving_is_an_alert():
    store_quotes("cbt", [quote("cbt", "USD", "3.5", day(2026, 3, 13))])
    result = store_quotes("cbt", [quote("cbt", "USD", "3.52", day(2026, 3, 14))])
    assert result.created == 1  # a 0.6% move is within the bound, but the peg has moved
    assert any("not the 3.5 peg" in w for w in result.warnings)
    assert record_success("cbt", result).failing


def test_judge_and_cross_rate_arithmetic():
    cbr = parse_recorded("cbr", "XML_daily-2026-03-14.xml")
    assert cbr_cross_rate(cbr, "USD", "KZT").quantize(D("0.01")) == D("481.35")
    assert cbr_cross_rate(cbr, "RUB", "KGS").quantize(D("0.0001")) == D("1.1194")
    assert cbr_cross_rate(cbr, "XAU", "KGS") is None
    bound, tol = D(5), D(1)
    assert judge(None, D("100"), None, bound_pct=bound, tolerance_pct=tol) == JumpVerdict.OK
    assert judge(None, D("100"), D("104"), bound_pct=bound, tolerance_pct=tol) == JumpVerdict.OK
    assert judge(None, D("100"), D("120"), bound_pct=bound, tolerance_pct=tol) == JumpVerdict.REJECTED
    assert judge(D("100"), D("104"), None, bound_pct=bound, tolerance_pct=tol) == JumpVerdict.OK
    assert judge(D("100"), D("110"), D("110.5"), bound_pct=bound, tolerance_pct=tol) == JumpVerdict.CONFIRMED
    assert quantize(D("0.000000000000004")) == D("0E-14")


def test_record_error_then_success():
    status = record_error("nbk", "nbk: HTTP 503 Service Unavailable from http://x")
    assert status.failing and status.consecutive_failures == 1
    record_error("nbk", "nbk: timed out")
    status = SourceStatus.objects.get(source="nbk")
    assert status.consecutive_failures == 2 and status.last_error == "nbk: timed out"
    result = store_quotes("nbk", parse_recorded("nbk", "get_rates-fdate-13.03.2026.xml"))
    status = record_success("nbk", result)
    assert not status.failing and status.consecutive_failures == 0
    assert status.last_payload_date == day(2026, 3, 13) and status.last_stored == 10
    assert status.last_error == "nbk: timed out"  # kept for the record, no longer the alarm
