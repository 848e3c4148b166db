"""Crawl a served export the way a reader's browser would: every page, link, image and stylesheet."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html

LINK_ATTRIBUTES = ("href", "src", "poster")


@dataclass
class Crawl:
    statuses: dict[str, int] = field(default_factory=dict)  # every URL under the base: its status
    broken: list[tuple[str, str, int]] = field(default_factory=list)  # (url, linked from, status)
    outside: list[tuple[str, str]] = field(default_factory=list)  # (link, page): leaves the copy's path
    external: set[str] = field(default_factory=set)  # absolute links to other hosts
    bodies: dict[str, bytes] = field(default_factory=dict)


def links_in(html: bytes) -> list[str]:
    doc = lxml.html.document_fromstring(html)
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in LINK_ATTRIBUTES:
            if element.get(attribute):
                found.append(element.get(attribute))
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
    return found


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(start: str, limit: int = 20000) -> Crawl:
    """Follow every link from `start` that stays on its host; links must stay under its folder."""
    base = start.rsplit("/", 1)[0] + "/"
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(start))
    result = Crawl()
    queue = deque([(start, "(start)")])
    seen = {start}
    while queue and len(result.statuses) < limit:
        url, referrer = queue.popleft()
        status, content_type, body = fetch(url)
        result.statuses[url] = status
        if status != 200:
            result.broken.append((url, referrer, status))
            continue
        result.bodies[url] = body
        if not content_type.startswith("text/html"):
            continue
        for link in links_in(body):
            if link.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            target = urldefrag(urljoin(url, link))[0]
            if not target.startswith(origin + "/"):
                result.external.add(target)
                continue
            if not target.startswith(base):
                result.outside.append((link, url))
                continue
            if target not in seen:
                seen.add(target)
                queue.append((target, url))
    return result
