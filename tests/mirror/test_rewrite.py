"""HTML, CSS and feed rewriting with a stand-in for the exporter's link map."""

from mirror.rewrite import Resolved, redirect_page, rewrite_absolute_urls, rewrite_css, rewrite_html

ORIGIN = "https://news.example.org"
COPIED = {
    "/en/": "../index.html",
    "/en/tags/water/": "../tags/water/index.html",
    "/static/css/site.abc.css": "../../static/css/site.abc.css",
    "/media/images/a.width-480.jpg": "../../media/images/a.width-480.jpg",
    "/media/images/a.width-800.jpg": "../../media/images/a.width-800.jpg",
    "/en/feeds/rss.xml": "../feeds/rss.xml",
}


def resolve(raw: str) -> Resolved:
    if ":" in raw.split("/", 1)[0] and not raw.startswith(ORIGIN):  # another host, mailto:
        return Resolved(None, raw, False)
    path = raw.removeprefix(ORIGIN)
    return Resolved(COPIED.get(path.split("#")[0]), ORIGIN + path, True)


PAGE = f"""<!doctype html><html lang="en"><head>
<link rel="stylesheet" href="/static/css/site.abc.css">
<link rel="canonical" href="{ORIGIN}/en/politics/x/">
<link rel="alternate" hreflang="ru" href="{ORIGIN}/ru/politics/x/">
<link rel="alternate" type="application/rss+xml" href="/en/feeds/rss.xml">
<script type="application/ld+json">{{"url": "{ORIGIN}/en/politics/x/"}}</script>
</head><body>
<form class="site-search" action="/en/search/"><input name="q"></form>
<a href="#main">skip</a>
<a href="/en/">home</a> <a href="{ORIGIN}/en/tags/water/">water</a>
<a href="/en/search/?q=water">search</a> <a href="https://other.example.net/x">elsewhere</a>
<a href="mailto:desk@example.org">mail</a>
<picture><source srcset="/media/images/a.width-480.jpg 480w, /media/images/gone.jpg 900w">
<img src="/media/images/a.width-800.jpg" srcset="/media/images/a.width-480.jpg 480w, /media/images/a.width-800.jpg 800w" alt="A"></picture>
<img src="/_util/hit/7.gif" alt="" hidden>
<img src="https://other.example.net/pic.jpg" alt="kept">
<p style="background: url('/media/images/a.width-800.jpg')">styled</p>
</body></html>"""


def test_links_become_relative_and_what_cannot_work_goes():
    out = rewrite_html(PAGE, resolve).decode()
    assert out.startswith("<!doctype html>")
    assert 'href="../../static/css/site.abc.css"' in out
    assert 'href="../feeds/rss.xml"' in out
    # The canonical and hreflang links and the JSON-LD keep the canonical site, on purpose.
    assert f'rel="canonical" href="{ORIGIN}/en/politics/x/"' in out
    assert f'hreflang="ru" href="{ORIGIN}/ru/politics/x/"' in out
    assert f'"url": "{ORIGIN}/en/politics/x/"' in out
    assert "<form" not in out and 'name="q"' not in out
    assert 'href="#main"' in out
    assert 'href="../index.html">home' in out and 'href="../tags/water/index.html">water' in out
    assert f'href="{ORIGIN}/en/search/?q=water"' in out  # not in the copy: the canonical site
    assert 'href="https://other.example.net/x"' in out and 'href="mailto:desk@example.org"' in out
    assert 'srcset="../../media/images/a.width-480.jpg 480w"' in out  # the missing candidate left out
    assert (
        'src="../../media/images/a.width-800.jpg" srcset="../../media/images/a.width-480.jpg 480w, '
        '../../media/images/a.width-800.jpg 800w"' in out
    )
    assert "/_util/hit/" not in out  # the beacon would call the blocked host
    assert 'src="https://other.example.net/pic.jpg"' in out
    assert 'url("../../media/images/a.width-800.jpg")' in out


def test_css_urls_are_made_relative():
    css = "a{background:url(/media/images/a.width-800.jpg)} @import '/static/css/site.abc.css'; b{x:url(data:x)}"
    out = rewrite_css(css, resolve)
    assert 'url("../../media/images/a.width-800.jpg")' in out
    assert '@import "../../static/css/site.abc.css"' in out
    assert "url(data:x)" in out


def test_absolute_urls_in_feeds():
    feed = (
        f"<link>{ORIGIN}/en/</link><guid>tag:news.example.org,2025:article:7</guid>"
        f"<content:encoded>&lt;a href=&quot;{ORIGIN}/en/tags/water/&quot;&gt;</content:encoded>"
        f"<link>{ORIGIN}:8443/en/</link>"
    )
    seen = []

    def replace(path: str) -> str | None:
        seen.append(path)
        return "https://mirror.example.net/m" + path

    out = rewrite_absolute_urls(feed, ORIGIN, replace)
    assert seen == ["/en/", "/en/tags/water/"]
    assert "<link>https://mirror.example.net/m/en/</link>" in out
    assert "tag:news.example.org,2025:article:7" in out  # ids are not URLs
    assert f"<link>{ORIGIN}:8443/en/</link>" in out  # another port is another site


def test_redirect_page_escapes_the_link():
    page = redirect_page('en/index.html"><script>', "https://news.example.org/")
    assert b"<script>" not in page and b"url=en/index.html&quot;&gt;&lt;script&gt;" in page
