"""Fetch tests against a real HTTP server on 127.0.0.1 (see conftest.fake_bank). No mocking of httpx."""

from __future__ import annotations

import datetime
import socket
import time
from decimal import Decimal

import httpx
import pytest

from fx import fetching
from fx.fetching import (
    DateMismatchError,
    FetchError,
    build_url,
    check_payload_date,
    fetch_payload,
    fetch_quotes,
    with_base_url,
)
from fx.providers import UnknownProviderError
from fx.providers.base import PayloadError, Quote

D = Decimal
day = datetime.date

NBK_PATH = "/rss/get_rates.cfm?fdate=13.03.2026"
CBR_PATH = "/scripts/XML_daily.asp?date_req=14/03/2026"
CBT_PATH = "/kurs/2026/14032026.xml"


def _rates(quotes: list[Quote]) -> dict[str, Decimal]:
    return {q.currency: q.rate for q in quotes}


# --------------------------------------------------------------------------- URL building


def test_with_base_url_keeps_path_and_query():
    assert (
        with_base_url(
            "https://www.cbr.ru/scripts/XML_daily.asp?date_req=01/04/2026", "http://127.0.0.1:9/cbr/"
        )
        == "http://127.0.0.1:9/cbr/scripts/XML_daily.asp?date_req=01/04/2026"
    )
    assert with_base_url("https://www.nbkr.kg/XML/daily.xml", "http://h") == "http://h/XML/daily.xml"


def test_build_url_overrides():
    assert build_url("cbt", day(2026, 3, 14)) == "https://cbt.tm/kurs/2026/14032026.xml"
    assert build_url("cbt", day(2026, 3, 14), base_url="http://a") == "http://a/kurs/2026/14032026.xml"
    assert (
        build_url("cbt", day(2026, 3, 14), base_urls={"cbt": "http://b", "nbk": "http://c"})
        == "http://b/kurs/2026/14032026.xml"
    )
    # a mapping without this source leaves the real endpoint
    assert build_url("cbt", day(2026, 3, 14), base_urls={"nbk": "http://c"}).startswith("https://cbt.tm/")


def test_unknown_source():
    with pytest.raises(UnknownProviderError, match="unknown FX source 'ecb'"):
        fetch_payload("ecb", None)


# --------------------------------------------------------------------------- happy paths per source


def test_fetch_nbk(fake_bank, payload):
    fake_bank.add(
        NBK_PATH, payload("nbk/get_rates-fdate-13.03.2026.xml"), content_type="text/xml; charset=UTF-8"
    )
    quotes = fetch_quotes("nbk", day(2026, 3, 13), base_url=fake_bank.base_url)
    assert _rates(quotes)["USD"] == D("481.35")
    (request,) = fake_bank.requests
    assert request.path == NBK_PATH
    # a browser-like agent (CBT 403s library agents) that still names us
    assert (
        request.headers["user-agent"].startswith("Mozilla/5.0")
        and "steppe-fx" in request.headers["user-agent"]
    )
    assert "xml" in request.headers["accept"]


def test_fetch_nbkr_latest_ignores_the_date(fake_bank, payload):
    fake_bank.add(
        "/XML/daily.xml", payload("nbkr/daily-2026-03-15-sunday.xml"), content_type="application/xml"
    )
    # NBKR has no date parameter, so no date check: the Sunday-dated set is accepted for Saturday.
    quotes = fetch_quotes("nbkr", day(2026, 3, 14), base_url=fake_bank.base_url)
    assert quotes[0].date == day(2026, 3, 15)
    assert _rates(quotes)["USD"] == D("87.45")


def test_fetch_cbu_json(fake_bank, payload):
    path = "/en/arkhiv-kursov-valyut/json/all/2026-03-13/"
    fake_bank.add(path, payload("cbu/json-all-2026-03-13.json"), content_type="application/json")
    quotes = fetch_quotes("cbu", day(2026, 3, 13), base_url=fake_bank.base_url)
    assert _rates(quotes)["USD"] == D("12251.87")
    assert fake_bank.requests[0].path == path
    assert "json" in fake_bank.requests[0].headers["accept"]


def test_fetch_nbt(fake_bank, payload):
    path = "/en/kurs/export_xml.php?date=2026-03-14&export=xmlout"
    fake_bank.add(
        path, payload("nbt/export_xml-2026-03-14-saturday.xml"), content_type="text/xml;charset=UTF-8"
    )
    quotes = fetch_quotes("nbt", day(2026, 3, 14), base_url=fake_bank.base_url)
    assert _rates(quotes)["USD"] == D("9.4")


def test_fetch_cbt(fake_bank, payload):
    fake_bank.add(CBT_PATH, payload("cbt/kurs-2026-14032026.xml"), content_type="text/xml")
    quotes = fetch_quotes("cbt", day(2026, 3, 14), base_urls={"cbt": fake_bank.base_url})
    assert _rates(quotes)["USD"] == D("3.5")


def test_fetch_cbr_windows_1251(fake_bank, payload):
    fake_bank.add(
        CBR_PATH,
        payload("cbr/XML_daily-2026-03-14-saturday.xml"),
        content_type="text/xml; charset=windows-1251",
    )
    quotes = fetch_quotes("cbr", day(2026, 3, 14), base_url=fake_bank.base_url)
    assert _rates(quotes)["UZS"] == D("0.00637621")
    assert fake_bank.requests[0].path == CBR_PATH  # slashes in date_req sent as-is


def test_fetch_cbr_monday_gets_saturdays_rates(fake_bank, payload):
    # CBR's Saturday rate also covers Sunday and Monday: an earlier date is legitimate.
    fake_bank.add(
        "/scripts/XML_daily.asp?date_req=16/03/2026", payload("cbr/XML_daily-2026-03-14-saturday.xml")
    )
    quotes = fetch_quotes("cbr", day(2026, 3, 16), base_url=fake_bank.base_url)
    assert quotes[0].date == day(2026, 3, 14)


def test_fetch_payload_returns_the_exact_bytes(fake_bank, payload):
    raw = payload("cbr/XML_daily-2026-03-14-saturday.xml")
    fake_bank.add(CBR_PATH, raw)
    assert fetch_payload("cbr", day(2026, 3, 14), base_url=fake_bank.base_url) == raw


def test_redirect_is_followed(fake_bank, payload):
    fake_bank.add(CBT_PATH, b"", status=301, headers={"Location": "/moved.xml"})
    fake_bank.add("/moved.xml", payload("cbt/kurs-2026-14032026.xml"))
    quotes = fetch_quotes("cbt", day(2026, 3, 14), base_url=fake_bank.base_url)
    assert _rates(quotes)["KGS"] == D("0.040023")


def test_shared_client_keeps_cookies_and_its_own_user_agent(fake_bank, payload):
    # CBU/CBR set session cookies; a long-lived client must send them back.
    fake_bank.add(
        NBK_PATH,
        payload("nbk/get_rates-fdate-13.03.2026.xml"),
        headers={"Set-Cookie": "cookiesession1=abc123; Path=/"},
    )
    with httpx.Client(headers={"User-Agent": "steppe-test/1"}) as client:
        fetch_quotes("nbk", day(2026, 3, 13), client=client, base_url=fake_bank.base_url)
        fetch_quotes("nbk", day(2026, 3, 13), client=client, base_url=fake_bank.base_url)
        assert not client.is_closed  # a caller's client is left open
    first, second = fake_bank.requests
    assert "cookie" not in first.headers
    assert second.headers["cookie"] == "cookiesession1=abc123"
    assert second.headers["user-agent"] == "steppe-test/1"


# --------------------------------------------------------------------------- faults


def test_slow_response_times_out(fake_bank, payload):
    fake_bank.add(NBK_PATH, payload("nbk/get_rates-fdate-13.03.2026.xml"), delay=3)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^nbk: timed out after 0.3s fetching http://127\.0\.0\.1:\d+/rss/"):
        fetch_payload("nbk", day(2026, 3, 13), base_url=fake_bank.base_url, timeout=0.3)
    assert time.monotonic() - started < 2


def test_trickling_body_hits_the_overall_deadline(fake_bank, payload):
    # every chunk arrives well within the per-read timeout, but the whole body would take ~9 s
    fake_bank.add(CBT_PATH, payload("cbt/kurs-2026-14032026.xml"), chunk_delay=0.2)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^cbt: timed out after 1s"):
        fetch_payload("cbt", day(2026, 3, 14), base_url=fake_bank.base_url, timeout=1)
    assert time.monotonic() - started < 3


def test_http_500(fake_bank):
    fake_bank.add(NBK_PATH, b"Internal error", status=500, content_type="text/plain")
    with pytest.raises(FetchError, match=r"^nbk: HTTP 500 Internal Server Error from http://") as excinfo:
        fetch_payload("nbk", day(2026, 3, 13), base_url=fake_bank.base_url)
    assert excinfo.value.status == 500
    assert excinfo.value.source == "nbk"
    assert excinfo.value.url.endswith(NBK_PATH)


def test_http_404_like_a_cbt_sunday(fake_bank):
    # no route: the fake bank answers 404 with an HTML body
    with pytest.raises(
        FetchError, match=r"^cbt: HTTP 404 Not Found from http://.*/kurs/2026/15032026\.xml$"
    ) as exc:
        fetch_payload("cbt", day(2026, 3, 15), base_url=fake_bank.base_url)
    assert exc.value.status == 404


def test_html_page_with_status_200(fake_bank, payload):
    fake_bank.add(NBK_PATH, payload("broken/html-error-page.html"), content_type="text/html; charset=utf-8")
    with pytest.raises(FetchError, match=r"^nbk: expected XML, got an HTML page \(Content-Type: text/html"):
        fetch_payload("nbk", day(2026, 3, 13), base_url=fake_bank.base_url)


def test_html_page_labelled_as_xml(fake_bank, payload):
    # NBT without export=xmlout answers a help page; do not trust the header alone
    fake_bank.add(
        "/en/kurs/export_xml.php?date=2026-03-14&export=xmlout",
        payload("broken/html-no-doctype.html"),
        content_type="text/xml",
    )
    with pytest.raises(FetchError, match=r"^nbt: expected XML, got an HTML page from http://"):
        fetch_payload("nbt", day(2026, 3, 14), base_url=fake_bank.base_url)


def test_json_source_gets_html(fake_bank, payload):
    fake_bank.add(
        "/en/arkhiv-kursov-valyut/json/", payload("broken/html-error-page.html"), content_type="text/html"
    )
    with pytest.raises(FetchError, match=r"^cbu: expected JSON, got an HTML page"):
        fetch_payload("cbu", None, base_url=fake_bank.base_url)


def test_connection_cut_mid_body(fake_bank, payload):
    raw = payload("cbr/XML_daily-2026-03-14-saturday.xml")
    fake_bank.add(CBR_PATH, raw[:400], declared_length=len(raw))
    with pytest.raises(FetchError, match=r"^cbr: connection broken before the full response arrived"):
        fetch_payload("cbr", day(2026, 3, 14), base_url=fake_bank.base_url)


def test_truncated_body_with_matching_length(fake_bank, payload):
    # the transfer is complete but the document itself is cut: the parser must catch it
    fake_bank.add(CBR_PATH, payload("broken/truncated-cbr.xml"))
    with pytest.raises(PayloadError, match=r"^cbr: truncated XML \(no closing </ValCurs>\)"):
        fetch_quotes("cbr", day(2026, 3, 14), base_url=fake_bank.base_url)


def test_truncated_json(fake_bank, payload):
    fake_bank.add(
        "/en/arkhiv-kursov-valyut/json/",
        payload("broken/truncated-cbu.json"),
        content_type="application/json",
    )
    with pytest.raises(PayloadError, match=r"^cbu: truncated JSON at line 1 column"):
        fetch_quotes("cbu", None, base_url=fake_bank.base_url)


def test_empty_body(fake_bank):
    fake_bank.add(NBK_PATH, b"")
    with pytest.raises(FetchError, match=r"^nbk: empty response body from http://"):
        fetch_payload("nbk", day(2026, 3, 13), base_url=fake_bank.base_url)


def test_xml_bomb_over_http(fake_bank, payload):
    fake_bank.add(NBK_PATH, payload("broken/billion-laughs.xml"))
    with pytest.raises(PayloadError, match=r"^nbk: refused XML with a DTD"):
        fetch_quotes("nbk", day(2026, 3, 13), base_url=fake_bank.base_url)


def test_response_too_large(fake_bank, payload, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_BYTES", 1000)
    fake_bank.add(
        "/en/arkhiv-kursov-valyut/json/",
        payload("cbu/json-all-2026-03-13.json"),
        content_type="application/json",
    )
    with pytest.raises(FetchError, match=r"^cbu: response larger than 1000 bytes"):
        fetch_payload("cbu", None, base_url=fake_bank.base_url)


def test_connection_refused():
    with socket.socket() as sock:  # grab a free port, then close it so nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=r"^nbkr: cannot connect to http://127\.0\.0\.1:\d+/XML/daily\.xml"):
        fetch_payload("nbkr", None, base_url=f"http://127.0.0.1:{port}", timeout=2)


# --------------------------------------------------------------------------- date sanity


def test_wrong_date_is_refused(fake_bank, payload):
    # asked for the 13th, the bank served the 12th
    fake_bank.add(NBK_PATH, payload("nbk/get_rates-fdate-12.03.2026.xml"))
    with pytest.raises(DateMismatchError, match=r"^nbk: asked for 2026-03-13, payload is for 2026-03-12$"):
        fetch_quotes("nbk", day(2026, 3, 13), base_url=fake_bank.base_url)


def test_nbt_out_of_range_date_answers_today(fake_bank, payload):
    # NBT silently returns today's snapshot for dates it does not have
    fake_bank.add(
        "/en/kurs/export_xml.php?date=2001-01-01&export=xmlout",
        payload("nbt/export_xml-2026-03-14-saturday.xml"),
    )
    with pytest.raises(DateMismatchError, match=r"^nbt: asked for 2001-01-01, payload is for 2026-03-14$"):
        fetch_quotes("nbt", day(2001, 1, 1), base_url=fake_bank.base_url)


def test_cbr_later_date_than_asked_is_refused(fake_bank, payload):
    fake_bank.add(
        "/scripts/XML_daily.asp?date_req=13/03/2026", payload("cbr/XML_daily-2026-03-14-saturday.xml")
    )
    with pytest.raises(DateMismatchError, match=r"^cbr: asked for 2026-03-13, payload is for 2026-03-14$"):
        fetch_quotes("cbr", day(2026, 3, 13), base_url=fake_bank.base_url)


def test_date_mismatch_is_a_payload_error():
    assert issubclass(DateMismatchError, PayloadError)


def test_check_payload_date_carry_window(payload):
    from fx.providers import cbr

    quotes = cbr.parse(payload("cbr/XML_daily-2026-03-14-saturday.xml"))
    check_payload_date("cbr", day(2026, 3, 24), quotes)  # 10 days: New-Year-holiday length
    with pytest.raises(DateMismatchError, match="asked for 2026-03-25, payload is for 2026-03-14"):
        check_payload_date("cbr", day(2026, 3, 25), quotes)


def test_latest_request_has_no_date_check(fake_bank, payload):
    fake_bank.add("/scripts/XML_daily.asp", payload("cbr/XML_daily-2026-03-14-saturday.xml"))
    quotes = fetch_quotes("cbr", None, base_url=fake_bank.base_url)
    assert fake_bank.requests[0].path == "/scripts/XML_daily.asp"
    assert quotes[0].date == day(2026, 3, 14)
