"""manage.py fx_parse SOURCE FILE: one JSON object per line; every shared sample; clear failures."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import require_or_skip
from tests.fx.conftest import SHARED_SAMPLES
from tests.fx.helpers import PAYLOADS, RECORDED

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"

# Every file in ../shared/fx-samples: (source, extra args, number of rates, rows that must be there).
SAMPLES = {
    "nbkr/daily-2026-05-24.xml": ("nbkr", [], 5, [("USD", "KGS", "87.45", "2026-05-24")]),
    "nbkr/daily-2026-07-03.xml": (
        "nbkr",
        [],
        5,
        [("USD", "KGS", "87.45", "2026-07-03"), ("KZT", "KGS", "0.1842", "2026-07-03")],
    ),  # fmt: skip
    "nbkr/weekly-2026-05-23.xml": ("nbkr", [], 40, [("UZS", "KGS", "0.0073", "2026-05-23")]),
    "nbkr/history-index1jsp-usd-2005-06-truncated.html": (
        "nbkr",
        ["--currency", "USD"],
        4,
        [("USD", "KGS", "40.9614", "2005-06-25")],
    ),  # fmt: skip
    "nbk/get_rates-fdate-01.04.2026.xml": ("nbk", [], 39, [("USD", "KZT", "478.77", "2026-04-01")]),
    "nbk/get_rates-fdate-02.04.2026.xml": (
        "nbk",
        [],
        39,
        [("UZS", "KZT", "0.0391", "2026-04-02")],
    ),  # per 100
    "nbk/rates_all-2016-04-18.xml": ("nbk", [], 39, [("USD", "KZT", "334.41", "2016-04-18")]),
    "cbu/json-all-2026-04-01.json": (
        "cbu",
        [],
        75,
        [("USD", "UZS", "12194.21", "2026-04-01"), ("TMT", "UZS", "4037.68", "2026-04-01")],
    ),  # fmt: skip
    "cbu/json-all-2026-04-02.json": ("cbu", [], 75, [("USD", "UZS", "12142.1", "2026-04-02")]),
    "cbu/json-2022-08-05-pretty.json": (
        "cbu",
        [],
        75,
        [("USD", "UZS", "10919.89", "2022-08-05"), ("IRR", "UZS", "0.26", "2022-08-05")],
    ),  # fmt: skip
    "nbt/export_xml-2026-05-18.xml": ("nbt", [], 36, [("USD", "TJS", "9.345", "2026-05-18")]),
    "nbt/export_xml-2026-05-19.xml": ("nbt", [], 36, [("UZS", "TJS", "0.000777", "2026-05-19")]),
    "cbt/kurs-2026-20052026.xml": ("cbt", [], 48, [("USD", "TMT", "3.5", "2026-05-20")]),
    "cbt/kurs-2026-21052026.xml": ("cbt", [], 48, [("KGS", "TMT", "0.040023", "2026-05-21")]),
    "cbr/XML_daily-2026-04-25.xml": (
        "cbr",
        [],
        54,
        [
            ("USD", "RUB", "75.5273", "2026-04-25"),
            ("KGS", "RUB", "0.864125", "2026-04-25"),
            ("UZS", "RUB", "0.00628322", "2026-04-25"),
            ("IRR", "RUB", "0.0000539256", "2026-04-25"),
        ],
    ),  # fmt: skip
    "cbr/XML_daily-2016-12-09-pretty.xml": ("cbr", [], 33, [("UZS", "RUB", "0.0199654", "2016-12-09")]),
    "cbr/XML_dynamic-R01335-KZT-2026-03-01..05.xml": (
        "cbr",
        [],
        3,
        [("KZT", "RUB", "0.155104", "2026-03-03")],
    ),
    "cbr/XML_dynamic-R01370-KGS-2026-03-01..05.xml": (
        "cbr",
        [],
        3,
        [("KGS", "RUB", "0.882534", "2026-03-03")],
    ),
    "cbr/XML_dynamic-R01670-TJS-2026-03-01..05.xml": (
        "cbr",
        [],
        3,
        [("TJS", "RUB", "8.09998", "2026-03-03")],
    ),
    "cbr/XML_dynamic-R01710A-TMT-2026-03-01..05.xml": (
        "cbr",
        [],
        3,
        [("TMT", "RUB", "22.0495", "2026-03-03")],
    ),
    "cbr/XML_dynamic-R01717-UZS-2026-03-01..05.xml": (
        "cbr",
        [],
        3,
        [("UZS", "RUB", "0.00633058", "2026-03-03")],
    ),
    "aggregator/open-er-api-v6-latest-USD-2024-01-09.json": (
        "open-er-api",
        [],
        None,
        [("USD", "KGS", "89.068448", "2024-01-09"), ("USD", "TMT", "3.500002", "2024-01-09")],
    ),  # fmt: skip
    "aggregator/fawazahmed0-currency-api-eur-2025-09-04.json": (
        "fawazahmed0",
        [],
        None,
        [("EUR", "TMT", "4.07734396", "2025-09-04"), ("EUR", "USD", "1.16620516", "2025-09-04")],
    ),  # fmt: skip
}
# Samples that are not rate lists: fx_parse must fail on them, saying why.
UNREADABLE = {"cbr/error-in-parameters.xml": ("cbr", "server said 'Error in parameters'")}


def parse(source: str, path: Path, *args: str) -> list[dict]:
    out = io.StringIO()
    call_command("fx_parse", source, str(path), *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_output_format_exactly():
    out = io.StringIO()
    call_command("fx_parse", "nbkr", str(RECORDED / "nbkr/daily-2026-03-15.xml"), stdout=out)
    first = out.getvalue().splitlines()[0]
    assert (
        first == '{"source": "nbkr", "currency": "USD", "home": "KGS", "rate": "87.45", "date": "2026-03-15"}'
    )


def test_every_shared_sample_is_covered():
    require_or_skip(SHARED_SAMPLES.is_dir(), f"the shared FX samples at {SHARED_SAMPLES}")
    files = {str(p.relative_to(SHARED_SAMPLES)) for p in SHARED_SAMPLES.rglob("*") if p.is_file()}
    files.discard("README.md")
    assert files == set(SAMPLES) | set(UNREADABLE)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_shared_sample(name):
    path = SHARED_SAMPLES / name
    require_or_skip(path.is_file(), f"the shared FX sample {path}")
    source, args, count, expected = SAMPLES[name]
    rows = parse(source, path, *args)
    if count is not None:
        assert len(rows) == count
    found = {(r["currency"], r["home"], r["rate"], r["date"]) for r in rows}
    for row in expected:
        assert row in found
    assert all(
        r["source"] == source and list(r)[:5] == ["source", "currency", "home", "rate", "date"] for r in rows
    )
    assert all("E" not in r["rate"] and not r["rate"].endswith(".") for r in rows)  # plain decimals


def test_dead_currencies_are_dropped_from_the_old_nbk_feed():
    path = SHARED_SAMPLES / "nbk/rates_all-2016-04-18.xml"
    require_or_skip(path.is_file(), f"the shared FX sample {path}")
    codes = {r["currency"] for r in parse("nbk", path)}
    assert {"LVL", "EEK", "TRL"}.isdisjoint(codes) and "USD" in codes


@pytest.mark.parametrize(
    "source,path,message",
    [
        ("cbr", SHARED_SAMPLES / "cbr/error-in-parameters.xml", "server said 'Error in parameters'"),
        ("nbk", PAYLOADS / "broken/billion-laughs.xml", "XML bomb"),
        ("nbk", PAYLOADS / "broken/truncated-nbk.xml", "truncated XML"),
        ("cbu", PAYLOADS / "broken/truncated-cbu.json", "truncated JSON"),
        ("nbt", PAYLOADS / "broken/html-error-page.html", "got an HTML page"),
        ("cbt", PAYLOADS / "broken/empty-cbt.xml", "no rates in payload"),
        ("nbk", RECORDED / "cbu/json-all-2026-03-13.json", "malformed XML"),  # the wrong source
        ("nbkr", SHARED_SAMPLES / "nbkr/history-index1jsp-usd-2005-06-truncated.html", "add --currency USD"),
        ("nbk", Path("/nonexistent/file.xml"), "no such file"),
        ("ecb", RECORDED / "nbk/get_rates-fdate-13.03.2026.xml", "unknown source 'ecb'"),
    ],
)
def test_unreadable_payloads_fail_clearly(source, path, message):
    if str(path).startswith(str(SHARED_SAMPLES)):
        require_or_skip(path.is_file(), f"the shared FX sample {path}")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("fx_parse", source, str(path), stdout=io.StringIO())


def test_as_a_user_runs_it():
    """A real process: JSON lines on stdout and exit 0; a clear message and a non-zero exit otherwise."""
    daily = str(RECORDED / "cbr/XML_daily-2026-03-14.xml")
    ok = subprocess.run([sys.executable, str(MANAGE), "fx_parse", "cbr", daily],
                        capture_output=True, text=True, timeout=60)  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert json.loads(lines[3]) == {"source": "cbr", "currency": "KZT", "home": "RUB", "rate": "0.162294",
                                    "date": "2026-03-14"}  # fmt: skip
    bad = subprocess.run([sys.executable, str(MANAGE), "fx_parse", "nbk", str(PAYLOADS / "broken/xxe.xml")],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert bad.returncode != 0 and bad.stdout == ""
    assert "cannot read this payload: nbk: refused XML with a DTD" in bad.stderr
    payload = (RECORDED / "nbt/export_xml-2026-03-14.xml").read_bytes()
    piped = subprocess.run([sys.executable, str(MANAGE), "fx_parse", "nbt", "-"], capture_output=True,
                           timeout=60, input=payload)  # fmt: skip
    assert piped.returncode == 0 and b'"currency": "USD", "home": "TJS", "rate": "9.4"' in piped.stdout


def test_nbkr_history_nominal_defaults_to_the_currency_s_nominal():
    path = SHARED_SAMPLES / "nbkr/history-index1jsp-usd-2005-06-truncated.html"
    require_or_skip(path.is_file(), f"the shared FX sample {path}")
    # The page has no nominal; JPY is quoted per 10 by NBKR.
    assert parse("nbkr", path, "--currency", "JPY")[0]["rate"] == "4.09614"
    assert parse("nbkr", path, "--currency", "JPY", "--nominal", "1")[0]["rate"] == "40.9614"
    with pytest.raises(CommandError, match="none is known for GBP"):
        parse("nbkr", path, "--currency", "GBP")


def test_a_row_without_a_rate_is_left_out_and_named_on_stderr():
    out, err = io.StringIO(), io.StringIO()
    call_command("fx_parse", "nbk", str(PAYLOADS / "broken/nbk-bad-number.xml"), stdout=out, stderr=err)
    currencies = [json.loads(line)["currency"] for line in out.getvalue().splitlines()]
    assert "USD" not in currencies and "EUR" in currencies
    assert err.getvalue().strip() == "left out, no rate given: nbk: USD rate is not given ('н/д')"
