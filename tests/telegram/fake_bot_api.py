"""A stand-in for api.telegram.org on 127.0.0.1: a real HTTP server that answers like the Bot API.

It keeps channels with their messages, so a test asks what a reader of the channel would see
(`FakeBotAPI.messages`), not which calls were made, and it checks what Telegram checks: the
token, the HTML parse mode's tags and entities, the caption and text limits, "message is not
modified", and that a channel post older than 48 hours can't be deleted. Faults are queued per
method (`fail`): an error answer, a slow answer, an answer that never comes while the test holds
it. A fault can also let the call take effect first (`performed=True`), as when Telegram posts
and the answer is lost on the way back.
"""

from __future__ import annotations

import io
import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from html import unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

TOKEN = "123456789:TEST-not-a-real-token_abcdefghijklmnop"  # the shape of a token, no bot behind it
BOT = {"id": 123456789, "is_bot": True, "first_name": "Steppe test bot", "username": "steppe_test_bot"}
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote"}
TAG = re.compile(r"<(/?)([a-zA-Z-]+)((?:\s+[a-z_-]+=\"[^\"<>]*\")*)\s*>")
ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


@dataclass
class Fault:
    """One answer the fake gives instead of (or after) doing what was asked."""

    status: int = 200
    body: dict | bytes | None = None  # None: the normal answer (so the call takes effect)
    delay: float = 0.0  # seconds before answering
    performed: bool = False  # with an error body: do what was asked, then answer the error
    hold: threading.Event | None = None  # answer only once the test sets it


def error(code: int, description: str, **parameters) -> Fault:
    body = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Fault(status=code, body=body)


@dataclass
class Message:
    message_id: int
    chat: dict
    date: int
    kind: str  # "photo" or "text"
    content: str  # the caption or text as sent (HTML)
    photo_size: tuple[int, int] | None = None  # (width, height) of the uploaded picture
    edits: int = 0

    @property
    def visible(self) -> str:
        return unescape(re.sub(r"<[^>]+>", "", self.content))

    def as_result(self) -> dict:
        result = {"message_id": self.message_id, "chat": self.chat, "date": self.date}
        if self.kind == "photo":
            result["photo"] = [{"file_id": f"photo{self.message_id}", "width": 1200, "height": 675}]
            result["caption"] = self.visible
        else:
            result["text"] = self.visible
        if self.edits:
            result["edit_date"] = int(time.time())
        return result


@dataclass
class Call:
    method: str
    params: dict
    files: dict = field(default_factory=dict)  # name -> (filename, bytes, content type)
    at: float = field(default_factory=time.time)  # when it arrived


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # clients that gave up are expected
            super().handle_error(request, client_address)


def check_markup(markup: str) -> str | None:
    """What Telegram's HTML parser would refuse in `markup`, or None."""
    stack = []
    position = 0
    for match in re.finditer(r"[<&]", markup):
        if match.start() < position:
            continue
        if match.group() == "&":
            entity = ENTITY.match(markup, match.start())
            if not entity:
                return f"can't parse entities: unsupported start tag or entity at byte offset {match.start()}"
            position = entity.end()
            continue
        tag = TAG.match(markup, match.start())
        if not tag or tag.group(2).lower() not in ALLOWED_TAGS:
            return f"can't parse entities: unsupported start tag at byte offset {match.start()}"
        name = tag.group(2).lower()
        if tag.group(1):
            if not stack or stack.pop() != name:
                return f"can't parse entities: unmatched end tag at byte offset {match.start()}"
        else:
            stack.append(name)
        position = tag.end()
    return (
        f"can't parse entities: can't find end tag corresponding to start tag {stack[-1]}" if stack else None
    )


def picture_size(upload: tuple[str, bytes, str] | None) -> tuple[int, int] | None:
    """The size of an uploaded picture, or None when it is not one Telegram could read."""
    if upload is None:
        return None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(upload[1])) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return None


def refuse(code: int, description: str) -> tuple[int, dict]:
    return code, {"ok": False, "error_code": code, "description": description}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeBotAPI:
    def __init__(self, channels: dict[str, int] | None = None) -> None:
        # @username -> numeric chat id
        self.channels = channels or {"@steppe_en": -1001000000001, "@steppe_ru": -1001000000002}
        self.admin_rights = {
            "can_post_messages": True,
            "can_edit_messages": True,
            "can_delete_messages": True,
        }
        self.chats_the_bot_is_admin_of = set(self.channels.values())
        self.messages: dict[int, dict[int, Message]] = {chat: {} for chat in self.channels.values()}
        self.calls: list[Call] = []
        self.faults: dict[str, list[Fault]] = {}
        self.received = threading.Event()  # set whenever a call arrives (for held answers)
        self._next_id = 100
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    # --- for tests ---

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeBotAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail(self, method: str, *faults: Fault) -> None:
        """The next calls of `method` get these answers, in order; then normal ones again."""
        with self._lock:
            self.faults.setdefault(method, []).extend(faults)

    def channel(self, name: str) -> list[Message]:
        """What a reader of the channel sees, oldest first."""
        with self._lock:
            return sorted(self.messages[self.channels[name]].values(), key=lambda m: m.message_id)

    def age(self, name: str, message_id: int, hours: float) -> None:
        with self._lock:
            self.messages[self.channels[name]][message_id].date -= int(hours * 3600)

    def delete_in_telegram(self, name: str, message_id: int) -> None:
        """An admin of the channel deleted the post by hand."""
        with self._lock:
            del self.messages[self.channels[name]][message_id]

    def methods(self) -> list[str]:
        with self._lock:
            return [call.method for call in self.calls]

    # --- the Bot API ---

    def _chat(self, chat_id) -> int | None:
        chat_id = str(chat_id)
        if chat_id in self.channels:
            return self.channels[chat_id]
        if chat_id.lstrip("-").isdigit() and int(chat_id) in self.messages:
            return int(chat_id)
        return None

    def _chat_object(self, chat: int) -> dict:
        name = next(name for name, number in self.channels.items() if number == chat)
        return {"id": chat, "type": "channel", "title": f"Steppe {name[-2:].upper()}", "username": name[1:]}

    def handle(self, method: str, params: dict, files: dict) -> tuple[int, dict]:
        """The normal answer of the Bot API (under the lock)."""
        if method == "getMe":
            return 200, {"ok": True, "result": BOT}
        chat = self._chat(params.get("chat_id", ""))
        if chat is None:
            return refuse(400, "Bad Request: chat not found")
        if method == "getChat":
            return 200, {"ok": True, "result": self._chat_object(chat)}
        if method == "getChatMember":
            if chat in self.chats_the_bot_is_admin_of:
                member = {"status": "administrator", **self.admin_rights}
            else:
                member = {"status": "left"}
            return 200, {"ok": True, "result": {"user": BOT, **member}}
        if chat not in self.chats_the_bot_is_admin_of:
            return refuse(403, "Forbidden: bot is not a member of the channel chat")
        if method in ("sendPhoto", "sendMessage"):
            kind = "photo" if method == "sendPhoto" else "text"
            content = params.get("caption" if kind == "photo" else "text", "")
            problem = self._check_content(kind, content, params)
            if problem:
                return refuse(400, f"Bad Request: {problem}")
            size = None
            if kind == "photo":
                size = picture_size(files.get("photo"))
                if size is None:
                    return refuse(400, "Bad Request: IMAGE_PROCESS_FAILED")
            self._next_id += 1
            message = Message(
                self._next_id, self._chat_object(chat), int(time.time()), kind, content, photo_size=size
            )
            self.messages[chat][message.message_id] = message
            return 200, {"ok": True, "result": message.as_result()}
        message = self.messages[chat].get(int(params.get("message_id") or 0))
        if method in ("editMessageCaption", "editMessageText"):
            if message is None:
                return refuse(400, "Bad Request: message to edit not found")
            kind = "photo" if method == "editMessageCaption" else "text"
            if message.kind != kind:
                what = "caption" if kind == "photo" else "text"
                return refuse(400, f"Bad Request: there is no {what} in the message to edit")
            content = params.get("caption" if kind == "photo" else "text", "")
            problem = self._check_content(kind, content, params)
            if problem:
                return refuse(400, f"Bad Request: {problem}")
            if content == message.content:
                return 400, {"ok": False, "error_code": 400, "description": NOT_MODIFIED}
            message.content, message.edits = content, message.edits + 1
            return 200, {"ok": True, "result": message.as_result()}
        if method == "deleteMessage":
            if message is None:
                return refuse(400, "Bad Request: message to delete not found")
            if time.time() - message.date >= 48 * 3600:
                return refuse(400, "Bad Request: message can't be deleted")
            del self.messages[chat][message.message_id]
            return 200, {"ok": True, "result": True}
        return refuse(404, "Not Found")

    def _check_content(self, kind: str, content: str, params: dict) -> str | None:
        if params.get("parse_mode") != "HTML":
            return "this fake expects parse_mode HTML"
        problem = check_markup(content)
        if problem:
            return problem
        visible = unescape(re.sub(r"<[^>]+>", "", content))
        limit = 1024 if kind == "photo" else 4096
        if utf16_length(visible) > limit:
            return "message caption is too long" if kind == "photo" else "message is too long"
        if not visible.strip():
            return "message text is empty"
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                match = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", self.path)
                if not match or match.group(1) != TOKEN:
                    return self.answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                method = match.group(2)
                params, files = parse_body(self.headers.get("Content-Type", ""), raw)
                with api._lock:
                    api.calls.append(Call(method, params, files))
                    queued = api.faults.get(method) or []
                    fault = queued.pop(0) if queued else None
                    if fault is None or fault.performed or fault.body is None:
                        status, body = api.handle(method, params, files)
                api.received.set()
                if fault is not None:
                    if fault.hold is not None:
                        fault.hold.wait(60)
                    if fault.delay:
                        time.sleep(fault.delay)
                    if fault.body is not None:
                        status, body = fault.status, fault.body
                self.answer(status, body)

            def answer(self, status: int, body: dict | bytes) -> None:
                payload = body if isinstance(body, bytes) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header(
                        "Content-Type", "text/html" if isinstance(body, bytes) else "application/json"
                    )
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except ConnectionError:
                    pass  # the client timed out and left

        return Handler


def parse_body(content_type: str, raw: bytes) -> tuple[dict, dict]:
    if content_type.startswith("application/json"):
        return json.loads(raw or b"{}"), {}
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
        params, files = {}, {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if part.get_filename():
                files[name] = (part.get_filename(), payload, part.get_content_type())
            else:
                params[name] = payload.decode()
        return params, files
    return dict(parse_qsl(raw.decode())), {}
