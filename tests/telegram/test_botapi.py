"""The Bot API client sorts every failure by what it means for a retry (real sockets, the fake)."""

from __future__ import annotations

import pytest

from telegram import botapi
from telegram.conf import TelegramConfig
from tests.deploy.helpers import free_port
from tests.telegram.fake_bot_api import TOKEN, Fault, error


def cfg(url: str, token: str = TOKEN) -> TelegramConfig:
    return TelegramConfig(token=token, channels={"en": "@steppe_en"}, api_url=url, timeout=0.5)


@pytest.fixture
def api(bot_api):
    return bot_api


def send(api, **params):
    return botapi.call(
        cfg(api.url),
        "sendMessage",
        {"chat_id": "@steppe_en", "parse_mode": "HTML", "text": "<b>hi</b>", **params},
    )


def test_a_result_comes_back_as_the_message(api):
    message = send(api)
    assert message["chat"]["id"] == -1001000000001 and message["text"] == "hi"


@pytest.mark.parametrize(
    ("fault", "raised", "detail"),
    [
        (error(429, "Too Many Requests: retry after 3", retry_after=3), botapi.FloodWait, "retry after 3"),
        (Fault(status=429, body=b"slow down"), botapi.FloodWait, "HTTP 429"),
        (error(500, "Internal Server Error"), botapi.NotDelivered, "500 Internal Server Error"),
        (Fault(status=502, body=b"<html>Bad Gateway</html>"), botapi.NotDelivered, "HTTP 502"),
        (Fault(status=504, body=b"<html>Gateway Time-out</html>"), botapi.Uncertain, "HTTP 504"),
        (Fault(delay=1.0), botapi.Uncertain, "no answer within 0.5s"),
        (
            Fault(status=200, body=b"<html>captive portal</html>"),
            botapi.Uncertain,
            "without a Bot API answer",
        ),
        (error(400, "Bad Request: chat not found"), botapi.Refused, "chat not found"),
        (Fault(status=404, body=b"<html>Not Found</html>"), botapi.Refused, "STEPPE_TELEGRAM_API_URL"),
    ],
)
def test_each_failure_is_told_apart(api, fault, raised, detail):
    api.fail("sendMessage", fault)
    with pytest.raises(raised, match=detail) as caught:
        send(api)
    if raised is botapi.FloodWait:
        assert caught.value.retry_after == (3 if fault.body and isinstance(fault.body, dict) else 5)
    assert TOKEN not in str(caught.value)


def test_a_wrong_token_is_refused_and_never_repeated_in_the_error(api):
    with pytest.raises(botapi.Refused, match="Unauthorized") as caught:
        botapi.call(cfg(api.url, token="999:wrong-token"), "getMe", {})
    assert caught.value.code == 401 and "wrong-token" not in str(caught.value)


def test_no_server_is_not_delivered(api):
    with pytest.raises(botapi.NotDelivered, match="could not connect"):
        botapi.call(cfg(f"http://127.0.0.1:{free_port()}"), "getMe", {})


def test_an_unusable_api_url_is_a_refusal_naming_the_setting():
    with pytest.raises(botapi.Refused, match="STEPPE_TELEGRAM_API_URL"):
        botapi.call(cfg("ftp://127.0.0.1"), "getMe", {})


def test_a_photo_goes_as_multipart_with_the_caption(api):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (1, 2, 3)).save(buffer, "JPEG")
    message = botapi.call(
        cfg(api.url),
        "sendPhoto",
        {"chat_id": "@steppe_en", "parse_mode": "HTML", "caption": "<i>pic</i>"},
        files={"photo": ("pic.jpg", buffer.getvalue(), "image/jpeg")},
    )
    assert message["caption"] == "pic"
    [call] = api.calls
    assert call.files["photo"][0] == "pic.jpg" and call.params["chat_id"] == "@steppe_en"
    assert api.channel("@steppe_en")[0].photo_size == (40, 30)
