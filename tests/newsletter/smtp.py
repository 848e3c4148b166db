"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives and can misbehave on cue.

Tests point EMAIL_HOST/EMAIL_PORT at it (the acceptance newsroom too) and read the messages as a
mail client would: headers, the text and HTML parts, the links.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.deploy.helpers import free_port

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def to(self) -> str:
        return self.rcpt_tos[0]

    def part(self, content_type: str) -> str:
        body = self.message.get_body(preferencelist=(content_type.split("/")[1],))
        assert body is not None and body.get_content_type() == content_type, f"no {content_type} part"
        return body.get_content().replace("\r\n", "\n")  # the wire's line ends, as a client shows them

    @property
    def text(self) -> str:
        return self.part("text/plain")

    @property
    def html(self) -> str:
        return self.part("text/html")

    def links(self) -> list[str]:
        return re.findall(r"https?://[^\s\"'<>]+", self.text)


# What the server does with the nth DATA command (1-based) since it was cleared.
# "ok": keep it and answer 250; "drop": keep it, then cut the connection before answering (the
# sender cannot know it arrived); "lose": cut the connection without keeping it; "4xx"/"5xx":
# answer an error and keep nothing; any callable: called (after keeping it), then 250.
Action = str | Callable[[], None]


@dataclass
class Handler:
    received: list[Received] = field(default_factory=list)
    on_data: Callable[[int], Action] = lambda n: "ok"
    refuse_rcpt: dict[str, str] = field(default_factory=dict)  # address -> "550 …" / "450 …"
    lock: threading.Lock = field(default_factory=threading.Lock)
    data_commands: int = 0
    connections: int = 0  # EHLOs: one per SMTP session

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802 - aiosmtpd's hook name
        session.host_name = hostname
        with self.lock:
            self.connections += 1
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's hook name
        if address in self.refuse_rcpt:
            return self.refuse_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            self.data_commands += 1
            action = self.on_data(self.data_commands)
        if action in ("4xx", "5xx"):
            return "451 4.3.0 try again later" if action == "4xx" else "554 5.6.0 message refused"
        if action == "lose":
            server.transport.abort()
            return "250 OK"
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        if callable(action):
            action()
        elif action == "drop":
            server.transport.abort()
        return "250 OK"


class SMTPServer:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.handler = Handler()
        self.controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def start(self) -> SMTPServer:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=10)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def clear(self) -> None:
        with self.handler.lock:
            self.handler.received.clear()
            self.handler.data_commands = 0
            self.handler.connections = 0
        self.handler.on_data = lambda n: "ok"
        self.handler.refuse_rcpt.clear()

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]

    def wait_for(self, predicate: Callable[[list[Received]], bool], timeout: float = 30.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.received
            if predicate(got):
                return got
            time.sleep(0.05)
        raise AssertionError(
            f"the SMTP server did not receive what was expected in {timeout}s: {len(got)} messages"
        )
