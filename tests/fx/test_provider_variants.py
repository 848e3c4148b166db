"""Parsers against variants of the real samples that other days may bring.

Every payload here is a real sample from /work/shared/fx-samples edited the way the
format notes say a bank's answer can differ: other layout (BOM, blank lines, CRLF,
indentation), other nominals, reordered or missing elements, the other decimal
separator, JSON numbers instead of strings, other encodings, error pages served with
200, truncated bodies. Each test checks the exact value or the exact error.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from types import ModuleType

import pytest

from fx.providers import cbr, cbt, cbu, nbk, nbkr, nbt
from fx.providers.base import PayloadError, Quote, parse_decimal

D = Decimal
day = datetime.date
BOM = b"\xef\xbb\xbf"

SAMPLES: dict[str, tuple[ModuleType, str]] = {
    "nbkr": (nbkr, "nbkr/daily-2026-05-24.xml"),
    "nbkr-weekly": (nbkr, "nbkr/weekly-2026-05-23.xml"),
    "nbk": (nbk, "nbk/get_rates-fdate-01.04.2026.xml"),
    "nbk-rss": (nbk, "nbk/rates_all-2016-04-18.xml"),
    "cbu": (cbu, "cbu/json-all-2026-04-01.json"),
    "nbt": (nbt, "nbt/export_xml-2026-05-18.xml"),
    "cbt": (cbt, "cbt/kurs-2026-20052026.xml"),
    "cbr": (cbr, "cbr/XML_daily-2026-04-25.xml"),
    "cbr-dynamic": (cbr, "cbr/XML_dynamic-R01335-KZT-2026-03-01..05.xml"),
}


def _rates(quotes: list[Quote]) -> dict[str, Decimal]:
    return {q.currency: q.rate for q in quotes}


def _summary(quotes: list[Quote]) -> set[tuple[str, datetime.date, Decimal]]:
    return {(q.currency, q.date, q.rate) for q in quotes}


def _swap(raw: bytes, old: bytes, new: bytes, count: int = 1) -> bytes:
    """Replace ``old`` (which must be in the sample, so a changed sample fails loudly)."""
    assert old in raw, f"{old!r} not in the sample"
    return raw.replace(old, new, count)


@pytest.fixture
def sample(shared_sample):
    def read(key: str) -> tuple[ModuleType, bytes]:
        module, name = SAMPLES[key]
        return module, shared_sample(name)

    return read


# --------------------------------------------------------------------------- every source: layout


def _to_lf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n")


LAYOUTS = {
    "utf8-bom": lambda raw: BOM + raw,
    "blank-lines-before-declaration": lambda raw: b"\r\n\n  " + raw,
    "bom-then-blank-line": lambda raw: BOM + b"\n" + raw,
    "lf": _to_lf,
    "crlf": lambda raw: _to_lf(raw).replace(b"\n", b"\r\n"),
    "trailing-newlines": lambda raw: raw + b"\r\n\r\n",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("key", SAMPLES)
def test_layout_changes_give_the_same_quotes(sample, key, layout):
    module, raw = sample(key)
    assert _summary(module.parse(LAYOUTS[layout](raw))) == _summary(module.parse(raw))


@pytest.mark.parametrize("key", ["nbkr", "nbk", "nbt", "cbt", "cbr"])
def test_reindented_xml_gives_the_same_quotes(sample, key):
    module, raw = sample(key)
    # Whitespace between every pair of tags: CBR 2016 was indented, 2026 has none at all.
    pretty = re.sub(rb">\s*<", b">\n\t\t<", raw)
    assert pretty != raw
    assert _summary(module.parse(pretty)) == _summary(module.parse(raw))


@pytest.mark.parametrize("key", SAMPLES)
@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9])
def test_truncated_body_is_reported_as_truncated(sample, key, keep):
    module, raw = sample(key)
    with pytest.raises(PayloadError, match=rf"^{module.SOURCE}: truncated (XML|JSON)"):
        module.parse(raw[: int(len(raw) * keep)])


@pytest.mark.parametrize("key", ["nbkr", "nbk", "cbu", "nbt", "cbt", "cbr"])
def test_error_pages_served_with_200(sample, key):
    module, _ = sample(key)
    source = module.SOURCE
    html = b"\n<!DOCTYPE html>\n<html><head><title>503</title></head><body>Maintenance</body></html>"
    with pytest.raises(PayloadError, match=rf"^{source}: expected (XML|JSON), got an HTML page$"):
        module.parse(html)
    with pytest.raises(PayloadError, match=rf"^{source}: malformed (XML|JSON)"):
        module.parse(b"Service Temporarily Unavailable")
    with pytest.raises(PayloadError, match=rf"^{source}: empty payload"):
        module.parse(b" \r\n")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("87,4500", ",", D("87.45")),
        ("87.4500", ",", D("87.45")),  # the other separator, unambiguous (4 decimals)
        ("0.163", ",", D("0.163")),  # a leading 0 is never a thousands group
        ("478,77", ".", D("478.77")),
        ("12 194,21", ",", D("12194.21")),
        ("12\u00a0194.21", ".", D("12194.21")),
        ("1\u202f234\u202f567,5", ",", D("1234567.5")),
        ("5,39256E-05", ",", D("0.0000539256")),
        (" \r\n\t3.5\t", ".", D("3.5")),
    ],
)
def test_parse_decimal_reads_both_separators_when_unambiguous(text, decimal, expected):
    assert parse_decimal(text, source="t", what="x", decimal=decimal) == expected


@pytest.mark.parametrize(
    ("text", "decimal", "message"),
    [
        ("1,234", ".", r"^t: x '1,234' is ambiguous: the feed uses a decimal '\.'"),
        ("1.234", ",", r"^t: x '1.234' is ambiguous: the feed uses a decimal ','"),
        ("12,194.21", ".", r"^t: x mixes a decimal comma and a dot"),
        ("87 45", ",", r"^t: x is not a number: '87 45'"),
        ("1 2345,5", ",", r"^t: x is not a number"),
        ("1.234.567", ".", r"^t: x is not a number"),
        ("1E999999999", ".", r"^t: x is out of any plausible range"),
        ("1E-999999999", ".", r"^t: x is out of any plausible range"),
    ],
)
def test_parse_decimal_refuses_what_it_cannot_read_for_sure(text, decimal, message):
    with pytest.raises(PayloadError, match=message):
        parse_decimal(text, source="t", what="x", decimal=decimal)


# --------------------------------------------------------------------------- NBKR


def _nbkr_currency(code: str, nominal: str, value: str) -> bytes:
    return f'<Currency ISOCode="{code}">\n<Nominal>{nominal}</Nominal>\n<Value>{value}</Value>\n</Currency>\n'.encode()


USD_NBKR = b'<Currency ISOCode="USD">\n<Nominal>1</Nominal>\n<Value>87,4500</Value>\n</Currency>\n'


@pytest.mark.parametrize(
    ("nominal", "value", "expected"),
    [
        ("1", "87,4500", D("87.45")),
        ("100", "8745,0000", D("87.45")),
        ("10000", "874500,0000", D("87.45")),
        (" 10 ", "874,5", D("87.45")),
        ("0010", "874,5", D("87.45")),
    ],
)
def test_nbkr_divides_any_nominal(sample, nominal, value, expected):
    _, raw = sample("nbkr")
    quotes = nbkr.parse(_swap(raw, USD_NBKR, _nbkr_currency("USD", nominal, value)))
    assert _rates(quotes)["USD"] == expected


def test_nbkr_currency_added_removed_and_reordered(sample):
    _, raw = sample("nbkr")
    edited = _swap(raw, USD_NBKR, b"")  # USD gone
    edited = _swap(
        edited,
        b"</CurrencyRates>",
        # a new currency, Value before Nominal, extra whitespace, lower-case code
        b'<Currency ISOCode=" jpy ">\r\n  <Value>\r\n 5,4969 </Value>\r\n  <Nominal>10</Nominal>\r\n</Currency>\r\n'
        b"</CurrencyRates>",
    )
    rates = _rates(nbkr.parse(edited))
    assert "USD" not in rates
    assert rates["JPY"] == D("0.54969")
    assert rates["EUR"] == D("101.5076")


def test_nbkr_date_is_the_root_attribute_even_on_a_weekend(sample):
    _, raw = sample("nbkr")
    quotes = nbkr.parse(_swap(raw, b'Date="24.05.2026"', b'Date="31.05.2026"'))
    assert {q.date for q in quotes} == {day(2026, 5, 31)}  # a Sunday
    assert {q.published for q in quotes} == {None}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-87,4500", r"^nbkr: USD value must be positive"),
        ("1.234", r"^nbkr: USD value '1.234' is ambiguous"),
        ("87 45", r"^nbkr: USD value is not a number: '87 45'$"),
        ("н.д.", r"^nbkr: USD value is not a number"),
        ("1E-999999999", r"^nbkr: USD value is out of any plausible range"),
    ],
)
def test_nbkr_bad_values_name_the_problem(sample, value, message):
    _, raw = sample("nbkr")
    edited = _swap(raw, USD_NBKR, _nbkr_currency("USD", "1", value).decode().encode("cp1251"))
    with pytest.raises(PayloadError, match=message):
        nbkr.parse(edited)


@pytest.mark.parametrize(
    ("nominal", "message"),
    [("0", r"'0'"), ("1,0", r"'1,0'"), ("", r"''"), ("ten", r"'ten'")],
)
def test_nbkr_bad_nominals_name_the_problem(sample, nominal, message):
    _, raw = sample("nbkr")
    with pytest.raises(PayloadError, match=rf"^nbkr: USD nominal is not a positive integer: {message}$"):
        nbkr.parse(_swap(raw, USD_NBKR, _nbkr_currency("USD", nominal, "87,4500")))


def test_nbkr_missing_or_odd_date(sample):
    _, raw = sample("nbkr")
    with pytest.raises(PayloadError, match=r"^nbkr: missing date$"):
        nbkr.parse(_swap(raw, b' Date="24.05.2026"', b""))
    with pytest.raises(PayloadError, match=r"^nbkr: cannot read date '2026/05/24'$"):
        nbkr.parse(_swap(raw, b'Date="24.05.2026"', b'Date="2026/05/24"'))


def test_a_row_for_the_home_currency_is_dropped_at_1_and_refused_otherwise(sample):
    _, raw = sample("nbkr")
    at_one = nbkr.parse(
        _swap(raw, b"</CurrencyRates>", _nbkr_currency("KGS", "1", "1,0000") + b"</CurrencyRates>")
    )
    assert "KGS" not in _rates(at_one) and len(at_one) == 5
    with pytest.raises(PayloadError, match=r"^nbkr: lists its own currency KGS at 87.4500, not 1$"):
        nbkr.parse(_swap(raw, b'ISOCode="USD"', b'ISOCode="KGS"'))


def test_nbkr_history_row_without_value_does_not_borrow_the_next_one(shared_sample):
    raw = shared_sample("nbkr/history-index1jsp-usd-2005-06-truncated.html")
    without = _swap(raw, b"<td><!--value-->40,9614<!--value--></td>", b"<td>-</td>")
    with pytest.raises(PayloadError, match=r"^nbkr: history page has unpaired"):
        nbkr.parse_history(without, "USD")
    empty = _swap(raw, b"40,9614", b"")
    with pytest.raises(PayloadError, match=r"^nbkr: USD value on 25.06.2005 is not given$"):
        nbkr.parse_history(empty, "USD")


def test_nbkr_history_uses_the_known_nominal(shared_sample):
    raw = shared_sample("nbkr/history-index1jsp-usd-2005-06-truncated.html")
    # JPY is quoted per 10 in NBKR's XML feeds; the history page does not say so.
    assert _rates(nbkr.parse_history(raw, "JPY"))["JPY"] == D("4.09879")
    assert _rates(nbkr.parse_history(raw, "JPY", 1))["JPY"] == D("40.9879")  # caller knows better
    with pytest.raises(
        PayloadError, match=r"^nbkr: the history page has no nominal and none is known for GBP$"
    ):
        nbkr.parse_history(raw, "GBP")
    assert _rates(nbkr.parse_history(raw, "GBP", 1))["GBP"] == D("40.9879")


# --------------------------------------------------------------------------- NBK


USD_NBK = b"<title>USD</title>\n            <description>478.77</description>\n            <quant>1</quant>"


@pytest.mark.parametrize(
    ("description", "quant", "expected"),
    [
        ("478.77", "1", D("478.77")),
        ("47877.00", "100", D("478.77")),
        ("4787700", "10000", D("478.77")),
        ("478,77", "1", D("478.77")),  # a decimal comma, unambiguous with 2 decimals
    ],
)
def test_nbk_value_and_quant(sample, description, quant, expected):
    _, raw = sample("nbk")
    edited = _swap(
        raw,
        USD_NBK,
        f"<title>USD</title><description>{description}</description><quant>{quant}</quant>".encode(),
    )
    assert _rates(nbk.parse(edited))["USD"] == expected


def test_nbk_reordered_item_and_date_after_the_items(sample):
    _, raw = sample("nbk")
    edited = _swap(raw, USD_NBK, b"<quant>1</quant><description> 478.77 </description><title>USD</title>")
    edited = _swap(edited, b"<date>01.04.2026</date>", b"")
    edited = _swap(edited, b"</rates>", b"<date>02.04.2026</date></rates>")
    quotes = nbk.parse(edited)
    assert _rates(quotes)["USD"] == D("478.77")
    assert {q.date for q in quotes} == {day(2026, 4, 2)}
    assert len(quotes) == 39


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ("1,234", r"^nbk: USD rate '1,234' is ambiguous"),
    ],
)
def test_nbk_bad_rates(sample, description, message):
    _, raw = sample("nbk")
    edited = _swap(
        raw, b"<description>478.77</description>", f"<description>{description}</description>".encode()
    )
    with pytest.raises(PayloadError, match=message):
        nbk.parse(edited)


def test_nbk_day_without_rates_and_missing_date(sample):
    _, raw = sample("nbk")
    head = raw[: raw.index(b"<item>")]
    with pytest.raises(PayloadError, match=r"^nbk: no rates in payload$"):
        nbk.parse(head + b"</rates>")
    with pytest.raises(PayloadError, match=r"^nbk: missing date$"):
        nbk.parse(_swap(raw, b"<date>01.04.2026</date>", b""))


def test_nbk_rss_with_four_digit_years_and_a_newer_date(sample):
    _, raw = sample("nbk-rss")
    four_digits = re.sub(rb"<pubDate>(\d\d\.\d\d)\.(\d\d)</pubDate>", rb"<pubDate>\1.20\2</pubDate>", raw)
    assert four_digits != raw
    assert _summary(nbk.parse(four_digits)) == _summary(nbk.parse(raw))


# --------------------------------------------------------------------------- CBU


def _cbu_rows(raw: bytes) -> list[dict]:
    return json.loads(raw)


def test_cbu_json_numbers_instead_of_strings(sample):
    _, raw = sample("cbu")
    rows = _cbu_rows(raw)
    for row in rows:
        row["id"] = str(row["id"])
        row["Nominal"] = int(row["Nominal"])
    numeric = json.dumps(rows).replace('"Rate": "12194.21"', '"Rate": 12194.21')
    assert '"Rate": 12194.21' in numeric
    quotes = cbu.parse(numeric.encode())
    assert _summary(quotes) == _summary(cbu.parse(raw))
    assert str(_rates(quotes)["USD"]) == "12194.21"  # never went through a float


def test_cbu_reordered_pretty_unescaped_and_a_float_nominal(sample):
    _, raw = sample("cbu")
    rows = list(reversed(_cbu_rows(raw)))
    text = json.dumps(rows, ensure_ascii=False, indent=4).replace('"Nominal": "1",', '"Nominal": 1.0,')
    assert '"Nominal": 1.0,' in text
    assert _summary(cbu.parse(text.encode("utf-8"))) == _summary(cbu.parse(raw))


@pytest.mark.parametrize(
    ("nominal", "rate", "expected"),
    [("1", "12194.21", D("12194.21")), ("100", "1219421", D("12194.21")), ("10", "0.09", D("0.009"))],
)
def test_cbu_divides_the_nominal(sample, nominal, rate, expected):
    _, raw = sample("cbu")
    rows = _cbu_rows(raw)
    rows[0].update(Nominal=nominal, Rate=rate)
    assert _rates(cbu.parse(json.dumps(rows).encode()))["USD"] == expected


def test_cbu_one_currency_as_a_bare_object(sample):
    _, raw = sample("cbu")
    (quote,) = cbu.parse(json.dumps(_cbu_rows(raw)[0]).encode())
    assert (quote.currency, quote.rate, quote.date) == ("USD", D("12194.21"), day(2026, 4, 1))


def test_cbu_xml_endpoint(sample):
    _, raw = sample("cbu")
    entries = "".join(
        f'<CcyNtry ID="{row["Code"]}"><Ccy>{row["Ccy"]}</Ccy><CcyNm_RU>{row["CcyNm_RU"]}</CcyNm_RU>'
        f"<CcyMnrUnts>2</CcyMnrUnts><Nominal>{row['Nominal']}</Nominal><Rate>{row['Rate']}</Rate>"
        f"<date>{row['Date']}</date></CcyNtry>\n"
        for row in _cbu_rows(raw)
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<CBU_Curr name="CBU Currency XML by ISO 4217">\n{entries}</CBU_Curr>'
    assert _summary(cbu.parse(xml.encode())) == _summary(cbu.parse(raw))
    with pytest.raises(PayloadError, match=r"^cbu: unexpected XML root <ValCurs>"):
        cbu.parse(b'<?xml version="1.0"?><ValCurs Date="2026-04-01"></ValCurs>')


def test_cbu_iso_date(sample):
    _, raw = sample("cbu")
    text = raw.replace(b'"Date":"01.04.2026"', b'"Date":"2026-04-01"')
    assert text != raw
    assert {q.date for q in cbu.parse(text)} == {day(2026, 4, 1)}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("Rate", "12,194", r"^cbu: USD rate '12,194' is ambiguous"),
        ("Rate", None, r"^cbu: row 0 has no 'Rate'$"),
        ("Rate", "-1", r"^cbu: USD rate must be positive"),
        ("Nominal", True, r"^cbu: row 0 'Nominal' has unexpected type bool$"),
        ("Nominal", "0", r"^cbu: USD nominal is not a positive integer"),
        ("Date", "", r"^cbu: missing USD date$"),
    ],
)
def test_cbu_bad_fields(sample, field, value, message):
    _, raw = sample("cbu")
    rows = _cbu_rows(raw)
    rows[0][field] = value
    with pytest.raises(PayloadError, match=message):
        cbu.parse(json.dumps(rows).encode())


def test_cbu_nan_and_overflow_are_refused(sample):
    _, raw = sample("cbu")
    for literal, message in [("NaN", "unexpected type float"), ("1e400", "out of any plausible range")]:
        text = _swap(raw, b'"Rate":"12194.21"', f'"Rate":{literal}'.encode())
        with pytest.raises(PayloadError, match=message):
            cbu.parse(text)


def test_cbu_error_answers(sample):
    with pytest.raises(PayloadError, match=r"^cbu: expected a JSON array, got dict with keys \[\]$"):
        cbu.parse(b"{}")
    with pytest.raises(PayloadError, match=r"^cbu: malformed JSON .*body starts 'Bad Gateway'$"):
        cbu.parse(b"Bad Gateway")
    _, raw = sample("cbu")
    with pytest.raises(PayloadError, match=r"^cbu: malformed JSON \(Extra data"):
        cbu.parse(raw + b"\n<!-- 0.12s -->")


# --------------------------------------------------------------------------- NBT


def test_nbt_russian_page_in_windows_1251(sample):
    _, raw = sample("nbt")
    russian = _swap(raw, b"<Name>US Dollar</Name>", "<Name>Доллар США</Name>".encode("cp1251"))
    expected = _summary(nbt.parse(raw))
    declared = _swap(russian, b'encoding="utf-8"', b'encoding="windows-1251"')
    assert _summary(nbt.parse(declared)) == expected
    # The same bytes still claiming UTF-8, or with no declaration at all.
    assert _summary(nbt.parse(russian)) == expected
    assert _summary(nbt.parse(russian.split(b"\n", 1)[1])) == expected


def test_nbt_dd_mm_yyyy_date_and_other_nominals(sample):
    _, raw = sample("nbt")
    edited = _swap(raw, b'Date="2026-05-18"', b'Date="18.05.2026"')
    edited = _swap(
        edited,
        b"<Nominal>100</Nominal>\n   <Name>Uzbekistan Sum</Name>\n   <Value>0.0780</Value>",
        b"<Nominal>1000</Nominal>\n   <Name>Uzbekistan Sum</Name>\n   <Value>0.7800</Value>",
    )
    quotes = nbt.parse(edited)
    assert {q.date for q in quotes} == {day(2026, 5, 18)}
    assert _rates(quotes)["UZS"] == D("0.00078")
    assert _rates(quotes)["KGS"] == D("0.10686")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            b"<Nominal>1</Nominal>",
            "<Nominal>²</Nominal>".encode(),
            r"^nbt: USD nominal is not a positive integer: '²'$",
        ),
        (
            b"<Nominal>1</Nominal>",
            "<Nominal>١٠</Nominal>".encode(),
            r"^nbt: USD nominal is not a positive integer",
        ),
        (b"<Value>9.3450</Value>", b"<Value>9,345</Value>", r"^nbt: USD value '9,345' is ambiguous"),
        (b"<CharCode>USD</CharCode>", b"", r"^nbt: invalid currency code None$"),
        (b' Date="2026-05-18"', b"", r"^nbt: missing date$"),
        (
            b"</ValCurs>",
            b'<Record Date="17.05.2026"><CharCode>USD</CharCode><Nominal>1</Nominal><Value>9.1</Value></Record></ValCurs>',
            r"^nbt: payload mixes <Record> \(series\) and <Valute> \(daily\) rows$",
        ),
    ],
)
def test_nbt_bad_payloads(sample, old, new, message):
    _, raw = sample("nbt")
    with pytest.raises(PayloadError, match=message):
        nbt.parse(_swap(raw, old, new))


# --------------------------------------------------------------------------- CBT


def test_cbt_2020_2023_iso_date_and_lf(sample):
    _, raw = sample("cbt")
    old_style = _to_lf(_swap(raw, b"<date>20.05.2026</date>", b"<date>2026-05-20</date>"))
    assert _summary(cbt.parse(old_style)) == _summary(cbt.parse(raw))


def test_cbt_ignores_rate_usd_and_a_tmt_row(sample):
    _, raw = sample("cbt")
    # rate_usd changes direction between currencies: garbage in it must change nothing.
    garbage = re.sub(rb"<rate_usd>[^<]*</rate_usd>", b"<rate_usd>n/a</rate_usd>", raw)
    with_tmt = _swap(
        garbage,
        b"</cbt_currency_rate>",
        b'\t<rate code="TMT">\r\n\t\t<rate_usd>3.5</rate_usd>\r\n\t\t<multiplier>1</multiplier>\r\n'
        b"\t\t<rate_tmt>1</rate_tmt>\r\n\t</rate>\r\n</cbt_currency_rate>",
    )
    quotes = cbt.parse(with_tmt)
    assert _summary(quotes) == _summary(cbt.parse(raw))
    assert "TMT" not in _rates(quotes)


def test_cbt_multipliers(sample):
    _, raw = sample("cbt")
    rates = _rates(cbt.parse(raw))
    assert rates["UZS"] == D("0.0002913")  # 0.2913 per 1000
    assert rates["IRR"] == D("0.00000265")  # 0.0265 per 10000
    edited = _swap(
        raw,
        b"<multiplier>1000</multiplier>\r\n\t\t<rate_tmt>0.2913</rate_tmt>",
        b"<multiplier>10000</multiplier>\r\n\t\t<rate_tmt>2.913</rate_tmt>",
    )
    assert _rates(cbt.parse(edited))["UZS"] == D("0.0002913")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            b"<rate_tmt>3.5</rate_tmt>",
            b"<rate_tmt>3,500</rate_tmt>",
            r"^cbt: USD rate_tmt '3,500' is ambiguous",
        ),
        (b"<multiplier>1</multiplier>", b"", r"^cbt: USD multiplier is not a positive integer: None$"),
        (b"<date>20.05.2026</date>", b"<date>20.05.26</date>", r"^cbt: cannot read date '20.05.26'$"),
    ],
)
def test_cbt_bad_payloads(sample, old, new, message):
    _, raw = sample("cbt")
    with pytest.raises(PayloadError, match=message):
        cbt.parse(_swap(raw, old, new))


# --------------------------------------------------------------------------- CBR


USD_CBR = b"<Nominal>1</Nominal><Name>\xc4\xee\xeb\xeb\xe0\xf0 \xd1\xd8\xc0</Name><Value>75,5273</Value><VunitRate>75,5273</VunitRate>"


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        (b"<Nominal>1</Nominal><Value>75,5273</Value>", D("75.5273")),  # 2016 style: no VunitRate
        (b"<Nominal>100</Nominal><Value>7552,73</Value><VunitRate>75,5273</VunitRate>", D("75.5273")),
        (b"<Nominal>1</Nominal><Value>75,5273</Value><VunitRate>7,55273E+01</VunitRate>", D("75.5273")),
        (b"<Nominal>1</Nominal><Value>75.5273</Value><VunitRate>75.5273</VunitRate>", D("75.5273")),
        (b"<VunitRate>75,5273</VunitRate>", D("75.5273")),  # only the per-unit figure
        (
            b"<Name>US Dollar</Name><Value>75,5273</Value><Nominal>1</Nominal>",
            D("75.5273"),
        ),  # _eng, reordered
    ],
)
def test_cbr_value_nominal_and_vunitrate_variants(sample, replacement, expected):
    _, raw = sample("cbr")
    assert _rates(cbr.parse(_swap(raw, USD_CBR, replacement)))["USD"] == expected


def test_cbr_nominal_change_without_vunitrate_change_is_refused(sample):
    # UZS moved from per 1000 (2016) to per 10000: a Value read against the wrong Nominal is caught.
    _, raw = sample("cbr")
    edited = _swap(raw, b"<CharCode>UZS</CharCode><Nominal>10000<", b"<CharCode>UZS</CharCode><Nominal>1000<")
    with pytest.raises(
        PayloadError, match=r"^cbr: UZS Value/Nominal = 0.0628322 but VunitRate = 0.00628322$"
    ):
        cbr.parse(edited)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b"<Value>75,5273</Value>", b"<Value>1.234</Value>", r"^cbr: USD value '1.234' is ambiguous"),
        (b' Date="25.04.2026"', b"", r"^cbr: missing date$"),
        (b'Date="25.04.2026"', b'Date="2026-04-25"', r"^cbr: cannot read date '2026-04-25'$"),
    ],
)
def test_cbr_bad_payloads(sample, old, new, message):
    _, raw = sample("cbr")
    with pytest.raises(PayloadError, match=message):
        cbr.parse(_swap(raw, old, new))


def test_cbr_empty_dynamic_range_and_error_answer(sample):
    _, raw = sample("cbr-dynamic")
    empty = raw[: raw.index(b"<Record")] + b"</ValCurs>"
    with pytest.raises(PayloadError, match=r"^cbr: no rates in payload$"):
        cbr.parse(empty)
    with pytest.raises(
        PayloadError, match=r"^cbr: no rates in payload \(server said 'Error in parameters'\)$"
    ):
        cbr.parse(
            b'<?xml version="1.0" encoding="windows-1251" ?>\r\n<ValCurs>Error in parameters</ValCurs>\r\n'
        )


# -- rows the bank did not quote ---------------------------------------------------------------

NOT_QUOTED = [
    # (source, the USD row's rate as published, the same row with no rate that day)
    ("nbkr", b"<Value>87,4500</Value>", [b"<Value></Value>", b"<Value>0,0000</Value>", "<Value>н/д</Value>".encode("cp1251")]),
    ("nbk", b"<description>478.77</description>", [b"<description></description>", b"<description>0.00</description>", b"<description>-</description>"]),
    ("nbt", b"<Value>9.3450</Value>", [b"<Value/>", b"<Value>0</Value>"]),
    ("cbt", b"<rate_tmt>3.5</rate_tmt>", [b"<rate_tmt></rate_tmt>", b"<rate_tmt>0.00</rate_tmt>"]),
    ("cbr", b"<Value>75,5273</Value><VunitRate>75,5273</VunitRate>", [b"<Value></Value><VunitRate></VunitRate>"]),
]  # fmt: skip


@pytest.mark.parametrize(("source", "published", "variants"), NOT_QUOTED, ids=[row[0] for row in NOT_QUOTED])
def test_a_rate_not_quoted_that_day_leaves_out_its_row_and_keeps_the_others(
    sample, source, published, variants
):
    module, raw = sample(source)
    complete = module.parse(raw)
    assert "USD" in _rates(complete) and complete.skipped == []
    for variant in variants:
        quotes = module.parse(_swap(raw, published, variant))
        assert "USD" not in _rates(quotes), variant
        assert len(quotes) == len(complete) - 1, variant  # every other currency is still there
        assert len(quotes.skipped) == 1 and quotes.skipped[0].startswith(f"{source}: USD "), quotes.skipped


def test_cbu_rate_not_quoted(sample):
    _, raw = sample("cbu")
    rows = _cbu_rows(raw)
    for value in ("", "0", "0.00"):
        rows[0]["Rate"] = value
        quotes = cbu.parse(json.dumps(rows).encode())
        assert "USD" not in _rates(quotes) and len(quotes) == len(rows) - 1
        assert quotes.skipped and "USD rate" in quotes.skipped[0]


def test_a_payload_with_no_quoted_rate_at_all_is_refused_naming_the_rows(sample):
    _, raw = sample("cbt")
    emptied = re.sub(rb"<rate_tmt>[^<]*</rate_tmt>", b"<rate_tmt></rate_tmt>", raw)
    with pytest.raises(
        PayloadError, match=r"^cbt: no rates in payload \(cbt: \w{3} rate_tmt is not given; .* more\)$"
    ):
        cbt.parse(emptied)


def test_garbage_in_one_row_still_refuses_the_whole_payload(sample):
    # Not "not quoted": a number that cannot be read means the format changed; trust none of it.
    _, raw = sample("nbk")
    with pytest.raises(PayloadError, match=r"^nbk: USD rate is not a number: '47O.12'$"):
        nbk.parse(raw.replace(b"<description>478.77</description>", b"<description>47O.12</description>"))
