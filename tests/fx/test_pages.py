"""The exchange-rates page (/en/fx/, /ru/fx/), its converter and charts; the JSON API and its 400s."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates():
    call_command("fx_load_recorded", verbosity=0)


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_rates_page_en(client, rates):
    html = text(client.get("/en/fx/"))
    assert "<h1>Official exchange rates</h1>" in html
    table = html[html.index('id="fx-usd"') : html.index('id="converter"')]
    assert table.count('<tr id="rate-') == 5
    assert '<td class="fx-num">0.00008162</td>' in table and '<td class="fx-num">12,251.87</td>' in table
    assert "National Bank of the Kyrgyz Republic" in table and "fixed since January 1, 2015" in table
    assert '<time datetime="2026-03-13">March 13, 2026</time>' in table
    # 90-day charts: server-side SVG, accessible, no script or inline style anywhere.
    assert html.count('<svg class="fx-chart"') == 5
    assert 'role="img" aria-labelledby="chart-KZT-t chart-KZT-d"' in html
    assert "KZT/USD from 0.002089 on March 12, 2026 to 0.002077 on March 13, 2026, 2 rates." in html
    assert "<script" not in html and "style=" not in html and "<style" not in html
    # Every bank's own list, including currencies beyond the five.
    assert html.count('<details class="fx-bank"') == 6
    assert re.search(
        r'id="bank-nbkr".*?<th scope="row">GBP <small>\(14 Mar\)</small></th>'
        r'<td class="fx-num">113.2201</td>',
        html,
        re.S,
    )


def test_rates_page_ru(client, rates):
    html = text(client.get("/ru/fx/"))
    assert "<h1>Официальные курсы валют</h1>" in html and '<html lang="ru">' in html
    assert '<td class="fx-num">0,00008162</td>' in html and '<td class="fx-num">12\xa0251,87</td>' in html
    assert "Национальный банк Казахстана" in html and "13 марта 2026\u202fг." in html


def test_page_without_rates(client):
    html = text(client.get("/en/fx/"))
    assert "No rates have been stored yet." in html and "fx-ticker-list" not in html


@pytest.mark.parametrize(
    "query,expected",
    [
        ("amount=100&from=USD&to=KZT", "100 USD = 48,135 KZT"),
        ("amount=1%2C000.50&from=KZT&to=UZS", "1,000.5 KZT = 25,465.87 UZS"),  # 1000.5 / 481.35 * 12251.87
        ("amount=1000000&from=UZS&to=USD", "1,000,000 UZS = 81.62 USD"),
        ("amount=1&from=UZS&to=USD", "1 UZS = 0.00008162 USD"),
        ("amount=7&from=TMT&to=TMT", "7 TMT = 7 TMT"),
    ],
)
def test_converter_en(client, rates, query, expected):
    html = text(client.get(f"/en/fx/?{query}"))
    assert f"<strong>{expected}</strong>" in html


def test_converter_ru_accepts_decimal_comma_and_spaces(client, rates):
    html = text(client.get("/ru/fx/?amount=2+500%2C5&from=USD&to=TJS"))
    assert "<strong>2\xa0500,5 USD = 23\xa0504,7 TJS</strong>" in html
    html = text(client.get("/ru/fx/?amount=2500.5&from=USD&to=TJS"))
    assert "<strong>2\xa0500,5 USD = 23\xa0504,7 TJS</strong>" in html


@pytest.mark.parametrize(
    "query,message",
    [
        ("amount=&from=USD&to=KZT", "Enter an amount to convert."),
        ("amount=abc&from=USD&to=KZT", "Enter the amount as a number"),
        ("amount=-5&from=USD&to=KZT", "Enter an amount greater than zero."),
        ("amount=0&from=USD&to=KZT", "Enter an amount greater than zero."),
        ("amount=1e400&from=USD&to=KZT", "Enter the amount as a number"),
        ("amount=99999999999999999999&from=USD&to=KZT", "too large"),
        ("amount=5&from=EUR&to=KZT", "Choose currencies from the list."),
        ("amount=5&from=%00%FF&to=KZT", "Choose currencies from the list."),
        ("amount=" + "9" * 5000 + "&from=USD&to=KZT", "too large"),
        ("amount=1.2.3&from=USD&to=KZT", "Enter the amount as a number"),
        ("amount=%3Cscript%3E&from=USD&to=KZT", "Enter the amount as a number"),
    ],
)
def test_converter_bad_input_gets_a_message_never_500(client, rates, query, message):
    html = text(client.get(f"/en/fx/?{query}"))
    assert 'role="alert"' in html and message in html
    assert "<script>" not in html


def test_converter_without_rates(client):
    html = text(client.get("/en/fx/?amount=5&from=USD&to=KZT"))
    assert "Choose currencies from the list." in html


def test_page_is_served_from_cache(client, rates):
    client.get("/en/fx/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/fx/")
    assert response["X-Cache"] == "HIT" and len(queries) == 0


def test_new_rates_replace_cached_pages(client, rates):
    import datetime

    from fx.storage import store_quotes
    from fx.sync import publish_changes
    from tests.fx.helpers import quote

    assert "0.002077" in text(client.get("/en/fx/"))
    store_quotes("nbk", [quote("nbk", "USD", "470.00", datetime.date(2026, 3, 16))])
    publish_changes()
    html = text(client.get("/en/fx/"))
    assert "0.002128" in html and "+2.41%" in html


def test_ticker_on_a_news_page(client, rates, newsroom):
    html = text(client.get("/en/"))
    strip = html[html.index('<aside class="ticker-strip"') : html.index('<header class="site-header">')]
    assert strip.count('<li class="fx-item') == 5 and 'aria-label="Official exchange rates"' in strip


# --------------------------------------------------------------------------- API


def test_api_latest(client, rates):
    data = client.get("/api/fx/latest").json()
    assert data["base"] == "USD"
    kzt = next(r for r in data["rates"] if r["currency"] == "KZT")
    assert kzt["units_per_usd"] == "481.35" and kzt["date"] == "2026-03-13" and kzt["source"] == "nbk"
    assert kzt["previous_units_per_usd"] == "478.77" and kzt["change_percent"] == "-0.54"
    kgs = next(r for r in data["rates"] if r["currency"] == "KGS")
    assert kgs["change_percent"] == "0.00"
    assert [r["currency"] for r in data["rates"]] == ["KZT", "KGS", "UZS", "TJS", "TMT"]
    assert data["banks"]["cbr"]["home"] == "RUB"
    assert {"currency": "IRR", "rate": "0.0000744004", "date": "2026-03-14"} in data["banks"]["cbr"]["rates"]


def test_api_history(client, rates):
    data = client.get("/api/fx/history?currency=KZT&from=2026-03-01&to=2026-03-31").json()
    assert data["source"] == "nbk" and data["base"] == "USD"
    assert [(p["date"], p["units_per_usd"]) for p in data["rates"]] == [
        ("2026-03-12", "478.77"),
        ("2026-03-13", "481.35"),
    ]
    data = client.get("/api/fx/history?currency=kzt").json()  # default: 90 days to the newest rate
    assert (data["from"], data["to"], len(data["rates"])) == ("2025-12-13", "2026-03-13", 2)
    data = client.get("/api/fx/history?currency=EUR&source=nbt&from=2026-03-13&to=2026-03-14").json()
    assert data["home"] == "TJS" and [p["date"] for p in data["rates"]] == ["2026-03-13", "2026-03-14"]


@pytest.mark.parametrize(
    "query,message",
    [
        ("", "'currency' is required"),
        ("currency=", "'currency' is required"),
        ("currency=KZTT", "three-letter ISO 4217 code"),
        ("currency=K%00T", "three-letter ISO 4217 code"),
        ("currency=EUR", "must be one of KZT, KGS, UZS, TJS, TMT"),
        ("currency=KZT&source=ecb", "'source' must be one of"),
        ("currency=KZT&from=2026-02-30", "'from' is not a valid date"),
        ("currency=KZT&from=13.03.2026", "'from' must be a date as YYYY-MM-DD"),
        ("currency=KZT&to=" + "9" * 3000, "'to' must be a date as YYYY-MM-DD"),
        ("currency=KZT&from=2026-03-14&to=2026-03-01", "'from' must not be after 'to'"),
        ("currency=KZT&from=1995-01-01&to=2026-03-01", "at most 1830 days"),
        ("currency=URL&source=cbr&to=0001-01-01", "'to' must be between 1990-01-01 and 2100-12-31"),
        ("currency=KZT&from=9999-12-31", "'from' must be between"),
        ("currency=KZT&start=2026-01-01", "unknown parameter 'start'"),
        ("currency=KZT&from=%F0%9F%92%A5", "'from' must be a date"),
        ("currency=KZT&from=0000-01-01", "'from' is not a valid date"),
    ],
)
def test_api_history_bad_parameters_get_400(client, rates, query, message):
    response = client.get(f"/api/fx/history?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["error"]


def test_api_rejects_other_methods(client):
    assert client.post("/api/fx/latest").status_code == 405


def test_openapi(client):
    spec = client.get("/api/fx/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/api/fx/latest", "/api/fx/history", "/api/fx/openapi.json"}
    params = {p["name"] for p in spec["paths"]["/api/fx/history"]["get"]["parameters"]}
    assert params == {"currency", "from", "to", "source"}
    assert "400" in spec["paths"]["/api/fx/history"]["get"]["responses"]


def test_api_is_cached_and_expired_by_new_rates(client, rates):
    client.get("/api/fx/latest")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/fx/latest")
    assert response["X-Cache"] == "HIT" and len(queries) == 0
