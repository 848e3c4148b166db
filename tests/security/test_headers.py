import re

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_strict_security_headers(client, newsroom):
    article = newsroom.add_article("Headers")
    for url in ["/en/", "/en/politics/", article.url, "/en/about/"]:
        for _ in range(2):  # rendered, then from the page cache
            response = client.get(url)
            csp = response["Content-Security-Policy"]
            assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp
            assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
            assert "camera=()" in response["Permissions-Policy"]
            assert response["X-Frame-Options"] == "SAMEORIGIN"
            assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client, newsroom):
    article = newsroom.add_article("Inline check")
    for url in ["/en/", article.url]:
        html = client.get(url).content.decode()
        scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html)
        assert scripts == []
        assert " style=" not in html and "<style" not in html
