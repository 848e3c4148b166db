"""manage.py fx_fetch against a real HTTP server on 127.0.0.1: happy paths, backfill, every fault.

Each fault hits one source (NBK or CBU) while the others answer normally: the faulty source writes
nothing, keeps its stored rates, shows the error on its status and the admin panel, and the other
sources are stored as usual.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from fx.fetching import build_url
from fx.models import Rate, SourceStatus
from fx.ticker import ticker_items
from tests.fx.helpers import PAYLOADS, recorded

pytestmark = pytest.mark.django_db
day = datetime.date

# The newest recorded set of each source: (payload, content type).
LATEST = {
    "cbr": ("cbr/XML_daily-2026-03-14.xml", "text/xml; charset=windows-1251"),
    "nbk": ("nbk/get_rates-fdate-13.03.2026.xml", "text/xml; charset=UTF-8"),
    "nbkr": ("nbkr/daily-2026-03-15.xml", "application/xml"),
    "cbu": ("cbu/json-all-2026-03-13.json", "application/json"),
    "nbt": ("nbt/export_xml-2026-03-14.xml", "text/xml;charset=UTF-8"),
    "cbt": ("cbt/kurs-2026-14032026.xml", "application/xml"),
}


def route(source: str, when: datetime.date | None = None) -> str:
    """The path + query the fetcher will ask our fake bank for."""
    return build_url(source, when, base_url="http://h").removeprefix("http://h")


@pytest.fixture
def banks(fake_bank, settings):
    """Every source pointed at one loopback server that serves its newest recorded set."""
    settings.STEPPE_FX_BASE_URLS = {source: fake_bank.base_url for source in LATEST}
    settings.STEPPE_FX_TIMEOUT = 1.0
    for source, (name, content_type) in LATEST.items():
        fake_bank.add(route(source), recorded(name), content_type=content_type)
    fake_bank.add("/XML/weekly.xml", recorded("nbkr/weekly-2026-03-14.xml"), content_type="application/xml")
    return fake_bank


def fetch(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("fx_fetch", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def stored_sources() -> set[str]:
    return set(Rate.objects.values_list("source", flat=True))


def test_fetch_latest_from_every_source(banks):
    out, err = fetch()
    assert err == ""
    assert stored_sources() == {"cbr", "nbk", "nbkr", "cbu", "nbt", "cbt"}
    assert "nbk: 10 new, 0 corrected, 0 unchanged" in out
    assert "nbkr: 13 new" in out  # daily.xml and weekly.xml
    assert Rate.objects.get(source="nbkr", currency="TMT").rate == Decimal("24.9857")
    statuses = {s.source: s for s in SourceStatus.objects.all()}
    assert not any(s.failing for s in statuses.values())
    assert statuses["nbk"].last_payload_date == day(2026, 3, 13)
    assert {i.currency: i.value for i in ticker_items("en")}["KZT"] == "0.002077"
    # Reusing one connection per source, with a browser-like agent that still names us.
    assert all("steppe-fx" in r.headers["user-agent"] for r in banks.requests)
    out, _ = fetch()  # every 30 minutes: nothing new, nothing written
    assert "nbk: 0 new, 0 corrected, 10 unchanged" in out


def test_quiet_run_prints_only_failures(banks):
    out, err = fetch("-v0")
    assert out == "" and err == ""
    banks.add(route("nbt"), b"", status=502, content_type="text/plain")
    out, err = fetch("-v0")
    assert out == "" and "nbt: HTTP 502" in err and "Failed: nbt" in err


def test_fetch_one_source(banks):
    fetch("--source", "cbu")
    assert stored_sources() == {"cbu"}
    assert [r.path for r in banks.requests] == [route("cbu")]


def test_backfill_since_shows_progress_and_reruns_cheaply(banks):
    for name in ["nbk/get_rates-fdate-12.03.2026.xml", "nbk/get_rates-fdate-13.03.2026.xml"]:
        when = datetime.datetime.strptime(name[-14:-4], "%d.%m.%Y").date()
        banks.add(route("nbk", when), recorded(name), content_type="text/xml")
    banks.add(
        route("cbr", day(2026, 3, 13)), recorded("cbr/XML_daily-2026-03-13.xml"), content_type="text/xml"
    )
    banks.add(
        route("cbr", day(2026, 3, 12)), PAYLOADS.joinpath("broken/cbr-error-in-parameters.xml").read_bytes()
    )
    out, err = fetch("--source", "nbk", "--source", "cbr", "--since", "2026-03-12", "--until", "2026-03-13")
    assert "[1/4] 2026-03-12 cbr: cbr: no rates in payload (server said 'Error in parameters')" in err
    assert "[2/4] 2026-03-12 nbk: 10 new" in out
    assert "[3/4] 2026-03-13 cbr: 9 new" in out
    assert "[4/4] 2026-03-13 nbk: 10 new" in out
    assert "29 rate(s) stored or corrected; 1 failure(s)." in out
    requests = len(banks.requests)
    out, _ = fetch(
        "--source", "nbk", "--source", "cbr", "--since", "2026-03-12", "--until", "2026-03-13", "-v2"
    )
    assert "[4/4] 2026-03-13 nbk: already stored, skipped" in out
    assert len(banks.requests) == requests + 1  # only the day CBR had nothing for is asked again
    assert "0 rate(s) stored or corrected" in out


def test_backfill_skips_nbkr_which_has_no_dated_endpoint(banks):
    out, _ = fetch("--source", "nbkr", "--date", "2026-03-13", "-v2")
    assert "2026-03-13 nbkr: serves only its current set, skipped" in out
    assert banks.requests == []


def test_cbt_sunday_has_no_file(banks):
    out, err = fetch("--source", "cbt", "--date", "2026-03-15", "-v2")
    assert "no file on this weekday" in out and err == ""


def test_bad_command_arguments():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a date"):
        call_command("fx_fetch", "--date", "13.03.2026")
    with pytest.raises(CommandError, match="is after"):
        call_command("fx_fetch", "--since", "2026-03-14", "--until", "2026-03-13")
    with pytest.raises(CommandError, match="--until needs --since"):
        call_command("fx_fetch", "--until", "2026-03-13")


def test_enqueue_runs_through_the_task_backend(banks, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    out, _ = fetch("--enqueue", "--source", "nbt")
    assert "Queued fx fetch task" in out
    assert stored_sources() == {"nbt"}


# --------------------------------------------------------------------------- faults


def broken(name: str) -> bytes:
    return (PAYLOADS / "broken" / name).read_bytes()


FAULTS = {
    "timeout": ("nbk", {"body": b"<rates/>", "delay": 3.0}, "timed out"),
    "trickle": (
        "nbk",
        {"body": recorded("nbk/get_rates-fdate-13.03.2026.xml"), "chunk_delay": 0.1},
        "timed out",
    ),
    "http-500": ("nbk", {"body": b"oops", "status": 500, "content_type": "text/plain"}, "HTTP 500"),
    "http-404": ("cbu", {"body": b"", "status": 404, "content_type": "text/plain"}, "HTTP 404"),
    "html-page": (
        "nbk",
        {"body": broken("html-error-page.html"), "content_type": "text/html"},
        "got an HTML page",
    ),
    "html-as-xml": ("nbk", {"body": broken("html-no-doctype.html")}, "got an HTML page"),
    "malformed": (
        "nbk",
        {"body": b"<?xml version='1.0'?><rates><date>13.03.2026</date><item></rates>"},
        "malformed XML",
    ),  # fmt: skip
    "truncated-xml": ("nbk", {"body": broken("truncated-nbk.xml")}, "truncated XML"),
    "truncated-json": (
        "cbu",
        {"body": broken("truncated-cbu.json"), "content_type": "application/json"},
        "truncated JSON",
    ),  # fmt: skip
    "broken-transfer": (
        "nbk",
        {"body": b"<?xml version='1.0'?><rates>", "declared_length": 5000},
        "nbk:",
    ),  # fmt: skip
    "xml-bomb": ("nbk", {"body": broken("billion-laughs.xml")}, "XML bomb"),
    "xxe": ("nbk", {"body": broken("xxe.xml")}, "refused XML with a DTD"),
    "empty-list": ("nbk", {"body": broken("empty-nbk.xml")}, "no rates in payload"),
    "empty-json-list": (
        "cbu",
        {"body": broken("empty-list.json"), "content_type": "application/json"},
        "no rates in payload",
    ),  # fmt: skip
    "json-error-object": (
        "cbu",
        {"body": broken("cbu-error-object.json"), "content_type": "application/json"},
        "expected a JSON array",
    ),  # fmt: skip
    "empty-body": ("nbk", {"body": b""}, "empty response body"),
    # "н/д" alone would be a rate not quoted that day (the row is skipped); "47O.12" is garbage.
    "bad-number": (
        "nbk",
        {"body": broken("nbk-bad-number.xml").replace("н/д".encode(), b"47O.12")},
        "is not a number",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_writes_nothing_and_spares_the_other_sources(banks, fault):
    source, route_kwargs, message = FAULTS[fault]
    call_command("fx_load_recorded", verbosity=0)  # yesterday's good rates are already stored
    before = list(Rate.objects.filter(source=source).order_by("id").values_list("currency", "date", "rate"))
    banks.add(route(source), **route_kwargs)
    out, err = fetch()
    assert message in err, err
    after = list(Rate.objects.filter(source=source).order_by("id").values_list("currency", "date", "rate"))
    assert after == before  # nothing wrong (nor anything at all) written
    status = SourceStatus.objects.get(source=source)
    assert status.failing and message in status.last_error
    others = SourceStatus.objects.exclude(source=source)
    assert others.count() == 5 and not any(s.failing for s in others)
    assert "1 failure(s)" in out
    assert len(ticker_items("en")) == 5  # the ticker keeps showing the stored rates


def test_a_rate_the_bank_did_not_quote_is_left_out_and_the_rest_stored(banks, caplog):
    payload = broken("nbk-bad-number.xml")  # 13.03.2026 with USD given as "н/д"
    banks.add(route("nbk"), payload)
    with caplog.at_level("WARNING", logger="fx"):
        out, err = fetch("--source", "nbk")
    assert "0 failure(s)" in out and err == "", (out, err)
    assert "nbk: USD rate is not given ('н/д'); that row was left out" in caplog.text
    stored = set(Rate.objects.filter(source="nbk", date=day(2026, 3, 13)).values_list("currency", flat=True))
    assert "USD" not in stored and {"AUD", "KGS", "UZS", "TJS"} <= stored
    assert len(stored) == payload.count(b"<item>") - 1
    assert not SourceStatus.objects.get(source="nbk").failing


def test_wrong_date_is_refused(banks):
    """NBT silently answers an out-of-range date with today's snapshot."""
    banks.add(route("nbt", day(2026, 3, 12)), recorded("nbt/export_xml-2026-03-14.xml"))
    out, err = fetch("--source", "nbt", "--date", "2026-03-12")
    assert "nbt: asked for 2026-03-12, payload is for 2026-03-14" in err
    assert not Rate.objects.exists()
    assert SourceStatus.objects.get(source="nbt").failing


def test_unconfirmed_jump_is_refused_and_shown(banks, admin_client):
    call_command("fx_load_recorded", verbosity=0)
    wrong = recorded("cbu/json-all-2026-03-13.json").replace(b'"Rate":"12251.87"', b'"Rate":"14251.87"')
    wrong = wrong.replace(b'"Date":"13.03.2026"', b'"Date":"14.03.2026"')
    banks.add(route("cbu"), wrong, content_type="application/json")
    out, err = fetch("--source", "cbr", "--source", "cbu")
    assert "cbu: refused USD = 14251.87 UZS on 2026-03-14 (+16.32% from 12251.87" in err
    assert "CBR cross rate is 12251.8" in err
    assert not Rate.objects.filter(source="cbu", currency="USD", date=day(2026, 3, 14)).exists()
    assert Rate.objects.filter(source="cbu", date=day(2026, 3, 14)).count() == 8  # the other rows are fine
    panel = admin_client.get("/admin/").content.decode()
    assert "Exchange-rate sources — 1 failing" in panel
    assert "refused USD = 14251.87 UZS" in panel
    out, err = fetch("--source", "cbu", "--accept-jumps")
    assert Rate.objects.get(source="cbu", currency="USD", date=day(2026, 3, 14)).rate == Decimal("14251.87")


def test_admin_sources_page(banks, admin_client, client, django_user_model):
    banks.add(route("nbk"), b"down", status=503, content_type="text/plain")
    fetch()
    page = admin_client.get("/admin/fx/sources/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('data-fx-state="ok"') == 5 and html.count('data-fx-state="failing"') == 1
    assert "nbk: HTTP 503" in html and "National Bank of Kazakhstan" in html
    editor = django_user_model.objects.create_user("editor", password="x" * 12)
    client.force_login(editor)
    assert client.get("/admin/fx/sources/").status_code in (302, 403)
