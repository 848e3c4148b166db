"""Reading Uzbek pages in either script: the choice travels in the URL (`?script=cyrl`).

Why the URL and not a cookie: the anonymous page cache keys on path + query, so the Latin and the
Cyrillic rendering of a page are two ordinary cache entries (no Vary: Cookie, which would split the
cache per visitor), links can be shared in the reader's script, and nothing is stored on the
reader's device, so no consent banner is involved. Latin (the official script) is the default.

Pages are written by editors in whichever script they prefer; the rendered HTML is transliterated
as a whole (text nodes only, see translit.uzbek.transliterate_html), so templates, catalog strings
(the uz catalog is Latin), Babel dates and page content all come out in the chosen script.
"""

from __future__ import annotations

import re

from django.conf import settings

from translit.uzbek import to_script, transliterate_html

PARAM = "script"
CYRILLIC = "cyrl"
LATIN = "latn"
LANGUAGE = "uz"


def uzbek_enabled() -> bool:
    return any(code == LANGUAGE for code, _name in settings.LANGUAGES)


def requested_script(request) -> str:
    return CYRILLIC if request.GET.get(PARAM, "").lower() == CYRILLIC else LATIN


def script_links(path: str, current: str) -> list[dict]:
    """The script switcher: Latin and Cyrillic versions of the same path."""
    return [
        {
            "script": LATIN,
            "lang": "uz-Latn",
            "name": "Lotin",
            "url": f"{path}?{PARAM}={LATIN}",
            "current": current == LATIN,
        },
        {
            "script": CYRILLIC,
            "lang": "uz-Cyrl",
            "name": "Кирилл",
            "url": f"{path}?{PARAM}={CYRILLIC}",
            "current": current == CYRILLIC,
        },
    ]


_HTML_LANG = re.compile(r'<html([^>]*)\blang="uz"', re.IGNORECASE)
# Internal links to Uzbek pages (no script parameter yet) keep the reader in Cyrillic.
_UZ_HREF = re.compile(r'(href|action)="(/uz/[^"#]*?)(#[^"]*)?"')
# Attributes a reader sees or hears (transliterate_html keeps every attribute as written).
_READER_ATTRS = re.compile(r'(<(?![^>]*\btranslate="no")[^>]*?\s(?:alt|placeholder|aria-label)=")([^"]*)(")')
_GET_FORM = re.compile(r'(<form\b[^>]*\baction="/uz/[^"]*"[^>]*>)', re.IGNORECASE)


def _keep_script(match: re.Match[str]) -> str:
    attr, url, fragment = match.group(1), match.group(2), match.group(3) or ""
    if f"{PARAM}=" in url:
        return match.group(0)
    joiner = "&amp;" if "?" in url else "?"
    return f'{attr}="{url}{joiner}{PARAM}={CYRILLIC}{fragment}"'


def render_in_script(html: str, script: str) -> str:
    """The page in `script`, marked uz-Latn/uz-Cyrl; in Cyrillic, links and forms keep the choice."""
    html = transliterate_html(html, script)
    html = _READER_ATTRS.sub(lambda m: m.group(1) + to_script(m.group(2), script) + m.group(3), html)
    html = _HTML_LANG.sub(
        lambda m: f'<html{m.group(1)}lang="uz-{"Cyrl" if script == CYRILLIC else "Latn"}"', html, count=1
    )
    if script == CYRILLIC:
        html = _UZ_HREF.sub(_keep_script, html)
        # A GET form drops its action's query string: carry the choice in a hidden field.
        html = _GET_FORM.sub(
            lambda m: (
                m.group(1)
                if re.search(r'method="post"', m.group(1), re.IGNORECASE)
                else f'{m.group(1)}<input type="hidden" name="{PARAM}" value="{CYRILLIC}">'
            ),
            html,
        )
    return html


class UzbekScriptMiddleware:
    """Transliterates Uzbek HTML pages to the reader's script (inside the page cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "LANGUAGE_CODE", None) != LANGUAGE
            or not uzbek_enabled()
            or response.streaming
            or response.status_code not in (200, 404)
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset)
        response.content = render_in_script(html, requested_script(request)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
