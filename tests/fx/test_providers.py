"""Parser tests: the shared real samples, our own recorded payloads, and broken payloads."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from fx.providers import PROVIDERS, UnknownProviderError, cbr, cbt, cbu, get_provider, nbk, nbkr, nbt
from fx.providers.base import PayloadError, Quote, parse_decimal
from fx.rates import usd_per_local
from tests.conftest import require_or_skip

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "fx-samples"
D = Decimal
day = datetime.date


def _rates(quotes: list[Quote]) -> dict[str, Decimal]:
    return {q.currency: q.rate for q in quotes}


def _shared_files() -> list:
    if not SHARED.is_dir():
        return [pytest.param(None, id="shared-samples-missing")]  # fails in CI, skips elsewhere
    files = [
        path
        for path in sorted(SHARED.glob("*/*"))
        if path.is_file() and path.parent.name in PROVIDERS  # skips aggregator/
    ]
    return [pytest.param(path, id=f"{path.parent.name}/{path.name}") for path in files]


# --------------------------------------------------------------------------- registry


def test_registry_has_the_six_sources_with_their_home_currency():
    assert {name: module.HOME for name, module in PROVIDERS.items()} == {
        "nbk": "KZT",
        "nbkr": "KGS",
        "cbu": "UZS",
        "nbt": "TJS",
        "cbt": "TMT",
        "cbr": "RUB",
    }
    for name, module in PROVIDERS.items():
        assert module.SOURCE == name
        assert module.NAME and callable(module.parse) and callable(module.url_for)


def test_get_provider_unknown_name_is_a_clear_error():
    assert get_provider("cbr") is cbr
    with pytest.raises(UnknownProviderError, match=r"unknown FX source 'ecb'; known sources: cbr, cbt, cbu"):
        get_provider("ecb")


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        (nbk, "https://nationalbank.kz/rss/get_rates.cfm?fdate=01.04.2026"),
        (nbkr, "https://www.nbkr.kg/XML/daily.xml"),
        (cbu, "https://cbu.uz/en/arkhiv-kursov-valyut/json/all/2026-04-01/"),
        (nbt, "https://www.nbt.tj/en/kurs/export_xml.php?date=2026-04-01&export=xmlout"),
        (cbt, "https://cbt.tm/kurs/2026/01042026.xml"),
        (cbr, "https://www.cbr.ru/scripts/XML_daily.asp?date_req=01/04/2026"),
    ],
)
def test_url_for_a_date(module, expected):
    assert module.url_for(day(2026, 4, 1)) == expected


def test_url_for_latest():
    assert cbr.url_for(None) == "https://www.cbr.ru/scripts/XML_daily.asp"
    assert cbu.url_for(None) == "https://cbu.uz/en/arkhiv-kursov-valyut/json/"
    assert nbkr.url_for(None) == nbkr.url_for(day(2001, 1, 1)) == "https://www.nbkr.kg/XML/daily.xml"
    assert nbkr.url_for(None, weekly=True) == "https://www.nbkr.kg/XML/weekly.xml"
    # Sources that need a date get today's date at the bank.
    assert nbk.url_for(None).startswith("https://nationalbank.kz/rss/get_rates.cfm?fdate=")
    assert nbt.url_for(None).endswith("&export=xmlout")


def test_history_and_dynamic_urls():
    assert nbkr.history_url("USD", day(2005, 6, 1), day(2005, 6, 30)) == (
        "https://www.nbkr.kg/index1.jsp?item=1562&lang=ENG&valuta_id=15&beg_day=01&beg_month=06"
        "&beg_year=2005&end_day=30&end_month=06&end_year=2005"
    )
    assert cbr.dynamic_url("KGS", day(2026, 3, 1), day(2026, 3, 5)) == (
        "https://www.cbr.ru/scripts/XML_dynamic.asp?date_req1=01/03/2026&date_req2=05/03/2026&VAL_NM_RQ=R01370"
    )
    with pytest.raises(ValueError, match="no known CBR id for XYZ"):
        cbr.dynamic_url("XYZ", day(2026, 3, 1), day(2026, 3, 5))


# --------------------------------------------------------------------------- number parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("87,4500", D("87.4500")),
        (" 478.77 ", D("478.77")),
        ("5,39256E-05", D("0.0000539256")),
        ("1E-4", D("0.0001")),
        ("1.2e+3", D("1200")),
        ("12\u00a0194,21", D("12194.21")),
        ("+0.02", D("0.02")),
    ],
)
def test_parse_decimal_accepts_feed_notations(text, expected):
    value = parse_decimal(text, source="t", what="x")
    assert isinstance(value, Decimal)
    assert value == expected


@pytest.mark.parametrize("text", ["NaN", "Infinity", "1,234.5", "", "n/a", "0x10", None])
def test_parse_decimal_rejects_garbage(text):
    with pytest.raises(PayloadError):
        parse_decimal(text, source="t", what="x")


def test_quote_is_frozen():
    quote = Quote(source="nbk", currency="USD", home="KZT", rate=D("1"), date=day(2026, 1, 1))
    assert quote.published is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.rate = D("2")  # type: ignore[misc]


# --------------------------------------------------------------------------- shared real samples


@pytest.mark.parametrize("path", _shared_files())
def test_every_shared_sample_parses(path: Path | None):
    require_or_skip(path is not None, f"the shared FX samples at {SHARED}")
    provider = get_provider(path.parent.name)
    raw = path.read_bytes()
    if path.name == "error-in-parameters.xml":
        with pytest.raises(PayloadError, match="Error in parameters"):
            provider.parse(raw)
        return
    quotes = nbkr.parse_history(raw, "USD") if path.suffix == ".html" else provider.parse(raw)
    assert quotes
    for quote in quotes:
        assert quote.source == provider.SOURCE
        assert quote.home == provider.HOME
        assert isinstance(quote.rate, Decimal) and quote.rate > 0
        assert len(quote.currency) == 3 and quote.currency.isupper()
        assert day(2005, 1, 1) <= quote.date <= day(2026, 12, 31)


def test_readme_check_values(shared_sample):
    nbkr_daily = nbkr.parse(shared_sample("nbkr/daily-2026-05-24.xml"))
    assert {q.date for q in nbkr_daily} == {day(2026, 5, 24)}
    assert _rates(nbkr_daily)["USD"] == D("87.45")
    assert usd_per_local(D("87.45")).quantize(D("0.000001")) == D("0.011435")

    nbk_rates = nbk.parse(shared_sample("nbk/get_rates-fdate-01.04.2026.xml"))
    assert nbk_rates[0].date == day(2026, 4, 1)
    assert _rates(nbk_rates)["USD"] == D("478.77")
    assert usd_per_local(D("478.77")).quantize(D("0.0000001")) == D("0.0020887")

    cbu_rates = cbu.parse(shared_sample("cbu/json-all-2026-04-01.json"))
    assert _rates(cbu_rates)["USD"] == D("12194.21")
    assert usd_per_local(D("12194.21")).quantize(D("0.00000001")) == D("0.00008201")

    nbt_rates = nbt.parse(shared_sample("nbt/export_xml-2026-05-18.xml"))
    assert nbt_rates[0].date == day(2026, 5, 18)
    assert _rates(nbt_rates)["USD"] == D("9.3450")
    assert usd_per_local(D("9.3450")).quantize(D("0.00001")) == D("0.10701")

    cbt_rates = cbt.parse(shared_sample("cbt/kurs-2026-20052026.xml"))
    assert _rates(cbt_rates)["USD"] == D("3.5")
    assert usd_per_local(D("3.5")).quantize(D("0.000001")) == D("0.285714")

    cbr_rates = _rates(cbr.parse(shared_sample("cbr/XML_daily-2026-04-25.xml")))
    assert cbr_rates["USD"] == D("75.5273")
    assert cbr_rates["KGS"] == D("0.864125")  # 86,4125 per 100
    assert cbr_rates["UZS"] == D("0.00628322")  # 62,8322 per 10000
    assert (cbr_rates["KGS"] / cbr_rates["USD"]).quantize(D("0.000001")) == D("0.011441")
    assert (cbr_rates["UZS"] / cbr_rates["USD"]).quantize(D("0.00000001")) == D("0.00008319")


def test_nbk_get_rates_sample_divides_quant(shared_sample):
    rates = _rates(nbk.parse(shared_sample("nbk/get_rates-fdate-01.04.2026.xml")))
    assert len(rates) == 39
    assert "TMT" not in rates  # NBK does not list the manat
    assert rates["KGS"] == D("5.47")
    assert rates["UZS"] == D("0.0393")  # 3.93 per 100
    assert rates["IRR"] == D("0.0004")  # 0.4 per 1000
    assert rates["AMD"] == D("1.272")  # 12.72 per 10


def test_nbk_rss_sample_drops_dead_currencies(shared_sample):
    quotes = nbk.parse(shared_sample("nbk/rates_all-2016-04-18.xml"))
    assert len(quotes) == 42 - 3
    assert {q.date for q in quotes} == {day(2016, 4, 18)}
    rates = _rates(quotes)
    assert not {"LVL", "EEK", "TRL"} & rates.keys()
    assert rates["USD"] == D("334.41")
    assert rates["UZS"] == D("0.1159")  # 11.59 per 100


def test_nbkr_weekly_sample(shared_sample):
    quotes = nbkr.parse(shared_sample("nbkr/weekly-2026-05-23.xml"))
    rates = _rates(quotes)
    assert quotes[0].date == day(2026, 5, 23)
    assert "USD" not in rates
    assert rates["TJS"] == D("9.4148")
    assert rates["TMT"] == D("24.9857")
    assert rates["UZS"] == D("0.0073")  # only 2 significant digits: never derive UZS from NBKR
    assert rates["JPY"] == D("0.54969")  # 5,4969 per 10
    assert rates["IRR"] == D("0.00007")  # 0,0007 per 10


def test_nbkr_history_sample(shared_sample):
    quotes = nbkr.parse_history(shared_sample("nbkr/history-index1jsp-usd-2005-06-truncated.html"), "USD")
    assert [(q.date, q.rate) for q in quotes] == [
        (day(2005, 6, 25), D("40.9614")),
        (day(2005, 6, 18), D("41.0685")),
        (day(2005, 6, 11), D("41.0511")),
        (day(2005, 6, 4), D("40.9879")),
    ]


def test_cbu_samples_keep_the_tmt_outlier_as_published(shared_sample):
    # The parser reports what the bank said; judging it is fx.rates' job.
    first = _rates(cbu.parse(shared_sample("cbu/json-all-2026-04-01.json")))
    second = _rates(cbu.parse(shared_sample("cbu/json-all-2026-04-02.json")))
    assert first["TMT"] == D("4037.68") and second["TMT"] == D("3469.17")
    assert first["IRR"] == D("0.009")  # "0.09" per 10
    assert len(first) == 75


def test_cbu_pretty_2022_sample(shared_sample):
    quotes = cbu.parse(shared_sample("cbu/json-2022-08-05-pretty.json"))
    assert quotes[0].date == day(2022, 8, 5)
    assert _rates(quotes)["USD"] == D("10919.89")


def test_nbt_sample_nominals(shared_sample):
    rates = _rates(nbt.parse(shared_sample("nbt/export_xml-2026-05-18.xml")))
    assert len(rates) == 36
    assert rates["KGS"] == D("0.10686")  # 1.0686 per 10
    assert rates["UZS"] == D("0.00078")  # 0.0780 per 100
    assert rates["IRR"] == D("0.0000071")  # 0.0071 per 1000
    assert rates["RUB"] == D("0.1277")  # Valute ID 810, CharCode trusted


def test_cbt_sample_uses_rate_tmt_not_rate_usd(shared_sample):
    quotes = cbt.parse(shared_sample("cbt/kurs-2026-21052026.xml"))
    rates = _rates(quotes)
    assert quotes[0].date == day(2026, 5, 21)
    assert len(rates) == 48 and "TMT" not in rates
    assert rates["EUR"] == D("4.0569")  # rate_usd is 1.1591 USD per EUR: ignored
    assert rates["KGS"] == D("0.040023")  # 4.0023 per 100
    assert rates["UZS"] == D("0.00029")  # 0.29 per 1000
    assert rates["IRR"] == D("0.00000265")  # 0.0265 per 10000


def test_cbr_sample_scientific_vunitrate(shared_sample):
    rates = _rates(cbr.parse(shared_sample("cbr/XML_daily-2026-04-25.xml")))
    assert len(rates) == 54
    assert rates["IRR"] == D("0.0000539256")  # VunitRate 5,39256E-05, Value 53,9256 per 1000000
    assert rates["TMT"] == D("21.5792")
    assert rates["TJS"] == D("8.00866")


def test_cbr_2016_sample_without_vunitrate(shared_sample):
    quotes = cbr.parse(shared_sample("cbr/XML_daily-2016-12-09-pretty.xml"))
    rates = _rates(quotes)
    assert quotes[0].date == day(2016, 12, 9)
    assert len(rates) == 33
    assert rates["USD"] == D("63.3901")
    assert rates["UZS"] == D("0.0199654")  # nominal was 1000 in 2016, 10000 in 2026


def test_cbr_dynamic_sample(shared_sample):
    quotes = cbr.parse(shared_sample("cbr/XML_dynamic-R01717-UZS-2026-03-01..05.xml"))
    assert [(q.currency, q.date, q.rate) for q in quotes] == [
        ("UZS", day(2026, 3, 3), D("0.00633058")),
        ("UZS", day(2026, 3, 4), D("0.00635628")),
        ("UZS", day(2026, 3, 5), D("0.00638769")),
    ]


# --------------------------------------------------------------------------- our recorded payloads


def test_own_nbk_get_rates(payload):
    quotes = nbk.parse(payload("nbk/get_rates-fdate-13.03.2026.xml"))
    assert {q.date for q in quotes} == {day(2026, 3, 13)}
    assert _rates(quotes) == {
        "AUD": D("309.47"),
        "AMD": D("1.234"),
        "USD": D("481.35"),
        "EUR": D("524.14"),
        "IRR": D("0.00046"),
        "CNY": D("66.52"),
        "KGS": D("5.50"),
        "RUB": D("6.16"),
        "TJS": D("51.21"),
        "UZS": D("0.0393"),
    }


def test_own_nbk_rss_keeps_only_newest_date(payload):
    quotes = nbk.parse(payload("nbk/rates_all-2019-07-05.xml"))
    assert {q.date for q in quotes} == {day(2019, 7, 5)}
    assert sorted(_rates(quotes)) == ["EUR", "KGS", "RUB", "TJS", "USD", "UZS"]
    assert _rates(quotes)["UZS"] == D("0.0448")


def test_own_nbkr_daily_with_a_sunday_date(payload):
    quotes = nbkr.parse(payload("nbkr/daily-2026-03-15-sunday.xml"))
    assert quotes[0].date == day(2026, 3, 15) and quotes[0].date.weekday() == 6
    assert quotes[0].published is None
    assert _rates(quotes) == {
        "USD": D("87.45"),
        "EUR": D("95.2233"),
        "CNY": D("12.0888"),
        "KZT": D("0.1817"),
        "RUB": D("1.1194"),
    }


def test_own_nbkr_weekly_nominals(payload):
    rates = _rates(nbkr.parse(payload("nbkr/weekly-2026-03-14.xml")))
    assert rates["JPY"] == D("0.59012")
    assert rates["BYR"] == D("0.0034")  # 0,3400 per 100
    assert rates["IRR"] == D("0.00008")


def test_own_cbu(payload):
    quotes = cbu.parse(payload("cbu/json-all-2026-03-13.json"))
    rates = _rates(quotes)
    assert {q.date for q in quotes} == {day(2026, 3, 13)}
    assert rates["USD"] == D("12251.87")
    assert rates["KGS"] == D("140.10")
    assert rates["IRR"] == D("0.012")  # "0.12" per 10
    assert rates["TMT"] == D("3500.53")


def test_own_cbu_drops_a_stale_row(payload):
    quotes = cbu.parse(payload("cbu/json-all-2026-03-13-stale-row.json"))
    assert [q.currency for q in quotes] == ["USD", "EUR", "RUB"]


def test_own_cbu_json_number_stays_exact(payload):
    (quote,) = cbu.parse(payload("cbu/json-numeric-rate.json"))
    assert quote.rate == D("12251.87") and str(quote.rate) == "12251.87"


def test_own_nbt_saturday(payload):
    quotes = nbt.parse(payload("nbt/export_xml-2026-03-14-saturday.xml"))
    assert quotes[0].date == day(2026, 3, 14) and quotes[0].date.weekday() == 5
    rates = _rates(quotes)
    assert rates["USD"] == D("9.4")
    assert rates["UZS"] == D("0.000767")  # per 100
    assert rates["IRR"] == D("0.000009")  # per 1000
    assert rates["KZT"] == D("0.01953")  # per 10


def test_own_nbt_dynamic(payload):
    quotes = nbt.parse(payload("nbt/export_xml_dynamic-USD-2026-03-12..14.xml"))
    assert [(q.date, q.rate) for q in quotes] == [
        (day(2026, 3, 12), D("9.4108")),
        (day(2026, 3, 13), D("9.4")),
        (day(2026, 3, 14), D("9.4")),
    ]


def test_own_cbt_2026_crlf_and_multipliers(payload):
    raw = payload("cbt/kurs-2026-14032026.xml")
    assert b"\r\n" in raw and "ABŞ-NYŇ".encode() in raw
    quotes = cbt.parse(raw)
    rates = _rates(quotes)
    assert quotes[0].date == day(2026, 3, 14)
    assert rates["USD"] == D("3.5")
    assert rates["IRR"] == D("0.00000333")  # 0.0333 per 10000
    assert rates["UZS"] == D("0.0002857")  # per 1000
    assert rates["KGS"] == D("0.040023")  # per 100
    assert rates["EUR"] == D("3.8112")


def test_own_cbt_2022_iso_date(payload):
    quotes = cbt.parse(payload("cbt/kurs-2022-15062022.xml"))
    assert {q.date for q in quotes} == {day(2022, 6, 15)}
    assert _rates(quotes)["KZT"] == D("0.008081")


def test_own_cbr_windows_1251_saturday(payload):
    raw = payload("cbr/XML_daily-2026-03-14-saturday.xml")
    assert "Сомов".encode("cp1251") in raw  # really windows-1251 bytes
    quotes = cbr.parse(raw)
    rates = _rates(quotes)
    assert quotes[0].date == day(2026, 3, 14)
    assert rates == {
        "USD": D("78.1204"),
        "EUR": D("85.0312"),
        "CNY": D("10.8741"),
        "KZT": D("0.162294"),
        "KGS": D("0.893315"),
        "TJS": D("8.31068"),
        "TMT": D("22.3201"),
        "UZS": D("0.00637621"),
        "IRR": D("0.0000744004"),
    }


def test_own_cbr_dynamic_usd(payload):
    quotes = cbr.parse(payload("cbr/XML_dynamic-R01235-USD-2026-03-10..14.xml"))
    assert [(q.currency, q.date, q.rate) for q in quotes] == [
        ("USD", day(2026, 3, 11), D("77.883")),
        ("USD", day(2026, 3, 12), D("78.0415")),
        ("USD", day(2026, 3, 14), D("78.1204")),
    ]


def test_cbr_nominal_vunitrate_disagreement_is_refused(payload):
    with pytest.raises(PayloadError, match=r"cbr: KZT Value/Nominal = 16.2294 but VunitRate = 0.162294"):
        cbr.parse(payload("cbr/XML_daily-nominal-vunitrate-mismatch.xml"))


def test_every_rate_is_decimal_never_float(payload):
    for module, name in [
        (nbk, "nbk/get_rates-fdate-13.03.2026.xml"),
        (cbu, "cbu/json-all-2026-03-13.json"),
        (cbr, "cbr/XML_daily-2026-03-14-saturday.xml"),
    ]:
        assert all(type(q.rate) is Decimal for q in module.parse(payload(name)))


# --------------------------------------------------------------------------- broken payloads


@pytest.mark.parametrize(
    ("module", "name", "message"),
    [
        (nbk, "broken/html-error-page.html", r"^nbk: expected XML, got an HTML page$"),
        (nbt, "broken/html-no-doctype.html", r"^nbt: expected XML, got an HTML page$"),
        (cbu, "broken/html-error-page.html", r"^cbu: expected JSON, got an HTML page$"),
        (nbk, "broken/truncated-nbk.xml", r"^nbk: truncated XML \(no closing </rates>\)"),
        (cbr, "broken/truncated-cbr.xml", r"^cbr: truncated XML \(no closing </ValCurs>\)"),
        (cbu, "broken/truncated-cbu.json", r"^cbu: truncated JSON at line 1 column \d+$"),
        (nbk, "broken/billion-laughs.xml", r"^nbk: refused XML with a DTD"),
        (nbk, "broken/xxe.xml", r"^nbk: refused XML with a DTD"),
        (nbt, "broken/xxe-parameter-entity.xml", r"^nbt: refused XML with a DTD"),
        (nbk, "broken/empty-nbk.xml", r"^nbk: no rates in payload$"),
        (nbt, "broken/empty-nbt.xml", r"^nbt: no rates in payload$"),
        (cbt, "broken/empty-cbt.xml", r"^cbt: no rates in payload$"),
        (nbkr, "broken/empty-nbkr.xml", r"^nbkr: no rates in payload$"),
        (cbu, "broken/empty-list.json", r"^cbu: no rates in payload$"),
        (cbu, "broken/empty-body.bin", r"^cbu: empty payload \(expected JSON\)$"),
        (cbr, "broken/empty-body.bin", r"^cbr: empty payload \(expected XML\)$"),
        (
            cbu,
            "broken/cbu-error-object.json",
            r"^cbu: expected a JSON array, got dict \(server said 'Too many requests'\)$",
        ),
        (cbr, "broken/cbr-error-in-parameters.xml", r"^cbr: no rates in payload \(server said 'Error in"),
        (cbr, "broken/cbr-unknown-dynamic-id.xml", r"^cbr: unknown CBR id 'R09999'"),
        (nbk, "cbr/XML_daily-2026-03-14-saturday.xml", r"^nbk: unexpected XML root <ValCurs>"),
        (cbt, "nbt/export_xml-2026-03-14-saturday.xml", r"^cbt: unexpected XML root <ValCurs>"),
    ],
)
def test_broken_payloads_raise_payload_error(module, name, message, payload):
    with pytest.raises(PayloadError, match=message):
        module.parse(payload(name))


def test_payload_error_is_a_value_error():
    assert issubclass(PayloadError, ValueError)


def test_xml_bomb_is_refused_quickly(payload):
    # Expanding it would take 10**9 * 3 bytes; refusing must be instant.
    import time

    started = time.monotonic()
    with pytest.raises(PayloadError):
        nbk.parse(payload("broken/billion-laughs.xml"))
    assert time.monotonic() - started < 1


def test_external_entity_content_never_appears(payload):
    with pytest.raises(PayloadError) as excinfo:
        nbk.parse(payload("broken/xxe.xml"))
    assert "root:" not in str(excinfo.value)


def test_contradictory_duplicate_is_refused(payload):
    raw = payload("nbkr/daily-2026-03-15-sunday.xml").replace(
        b"</CurrencyRates>",
        b'<Currency ISOCode="USD">\n<Nominal>1</Nominal>\n<Value>88,0000</Value>\n</Currency>\n'
        b"</CurrencyRates>",
    )
    with pytest.raises(PayloadError, match="USD listed twice for 2026-03-15"):
        nbkr.parse(raw)


def test_nbkr_history_without_rows(payload):
    with pytest.raises(PayloadError, match="nbkr: no rates in payload"):
        nbkr.parse_history(payload("broken/html-error-page.html"), "USD")
