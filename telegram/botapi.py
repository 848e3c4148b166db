"""The Bot API over HTTPS (httpx), with every failure sorted by what it means for a retry.

The one impure module of the Telegram core. A call either returns the method's `result` or raises:

- `Refused`: Telegram answered and said no (400 bad request, 401 bad token, 403 not an admin…);
  repeating the same call gets the same answer.
- `FloodWait`: 429, "retry after N seconds"; nothing was done.
- `NotDelivered`: nothing can have happened (no connection, the request not fully written, a 5xx
  answer from the Bot API itself); safe to repeat.
- `Uncertain`: the request reached Telegram and the answer was lost (read timeout, connection
  dropped, a gateway timeout): it may have taken effect. Repeating an edit or a delete is harmless;
  repeating a send may post twice (telegram.sync decides).

The bot token is part of every URL; no message raised here contains it.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from telegram.conf import TelegramConfig

USER_AGENT = "steppe-telegram/1.0"


class BotAPIError(Exception):
    """A call that did not return a result."""


class Refused(BotAPIError):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description


class FloodWait(BotAPIError):
    def __init__(self, retry_after: float, description: str) -> None:
        super().__init__(description)
        self.retry_after = retry_after


class NotDelivered(BotAPIError):
    pass


class Uncertain(BotAPIError):
    pass


def _hide(text: str, token: str) -> str:
    return text.replace(token, "<token>") if token else text


def _answer(method: str, response: httpx.Response) -> Any:
    """The result of a Bot API answer, or the error it stands for."""
    status = response.status_code
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict) or "ok" not in body:
        # Not the Bot API talking: a proxy's or load balancer's page.
        if status == 504:
            raise Uncertain(f"{method}: HTTP 504 Gateway Timeout (Telegram may have done it)")
        if status >= 500:
            raise NotDelivered(f"{method}: HTTP {status} {response.reason_phrase}")
        if status == 429:
            raise FloodWait(_retry_after(response.headers.get("retry-after")), f"{method}: HTTP 429")
        if 200 <= status < 300:
            raise Uncertain(f"{method}: HTTP {status} without a Bot API answer")
        raise Refused(
            status, f"{method}: HTTP {status} {response.reason_phrase} (is STEPPE_TELEGRAM_API_URL right?)"
        )
    if body.get("ok") is True:
        return body.get("result")
    code = int(body.get("error_code") or status)
    description = str(body.get("description") or f"HTTP {status}")
    if code == 429:
        parameters = body.get("parameters") or {}
        raise FloodWait(_retry_after(parameters.get("retry_after")), f"{method}: {description}")
    if code >= 500:
        raise NotDelivered(f"{method}: {code} {description}")
    raise Refused(code, description)


def _retry_after(value: object) -> float:
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 5.0  # a 429 without a figure: wait a little rather than hammer
    return max(seconds, 0.0)


def call(
    config: TelegramConfig,
    method: str,
    params: dict[str, Any],
    *,
    files: dict[str, tuple[str, bytes, str]] | None = None,
    client: httpx.Client | None = None,
) -> Any:
    """Call a Bot API method; its `result`, or one of this module's errors."""
    url = f"{config.api_url}/bot{config.token}/{method}"
    own_client = client is None
    client = client or httpx.Client(timeout=httpx.Timeout(config.timeout), headers={"User-Agent": USER_AGENT})
    try:
        if files:
            # multipart/form-data: every field a string, the upload as a file part.
            fields = {
                key: value if isinstance(value, str) else json.dumps(value) for key, value in params.items()
            }
            response = client.post(url, data=fields, files=files)
        else:
            response = client.post(url, json=params)
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
        raise NotDelivered(
            f"{method}: could not connect ({_hide(str(error), config.token) or type(error).__name__})"
        ) from None
    except (httpx.WriteError, httpx.WriteTimeout) as error:
        # The request never arrived whole, so Telegram cannot have acted on it.
        raise NotDelivered(f"{method}: sending the request failed ({type(error).__name__})") from None
    except httpx.TimeoutException:
        raise Uncertain(f"{method}: no answer within {config.timeout:g}s") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
        raise Refused(
            0, f"STEPPE_TELEGRAM_API_URL is not usable: {_hide(str(error), config.token)}"
        ) from None
    except httpx.HTTPError as error:
        raise Uncertain(
            f"{method}: the answer was lost ({type(error).__name__}: {_hide(str(error), config.token)})"
        ) from None
    finally:
        if own_client:
            client.close()
    return _answer(method, response)
