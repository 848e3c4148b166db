"""The audit's site: the demo newsroom and the recorded exchange rates, served by a live server."""

from __future__ import annotations

import os
import shutil
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


@pytest.fixture
def node_tools(chromium_path) -> dict:
    """Lighthouse and axe-core from the repository's package-lock.json (`npm ci`, run by make)."""
    require_or_skip(shutil.which("node") is not None, "node (Debian's nodejs)")
    require_or_skip(LIGHTHOUSE.exists() and AXE.exists(), "node_modules (run `npm ci --ignore-scripts`)")
    return {"node": shutil.which("node"), "lighthouse": LIGHTHOUSE, "axe": AXE, "chrome": chromium_path}


def warm(url: str) -> None:
    """Fetch a page (it fills the page cache and makes the image renditions) and its images."""
    with urllib.request.urlopen(url, timeout=60) as response:
        assert response.status == 200, url
        response.read()


@pytest.fixture
def demo_site(live_server) -> dict[str, str]:
    """URLs of each page type of the demo newsroom, warmed up (renditions made, pages cached)."""
    from news.models import ArticlePage, SectionPage

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    call_command("load_demo", verbosity=0)
    call_command("fx_load_recorded", verbosity=0)
    from breaking.models import BreakingNews

    # The demo's breaking-news banner is atop every English page below: the audit covers it.
    assert BreakingNews.objects.current().filter(locale__language_code="en").exists()
    article = ArticlePage.objects.live().filter(locale__language_code="en").exclude(lead_image=None)
    article = article.order_by("-date_published").first()
    section = SectionPage.objects.live().filter(locale__language_code="en", slug="culture").first()
    corrected = (
        ArticlePage.objects.live().filter(locale__language_code="en").exclude(corrections=None).first()
    )
    from live.demo import DEMO_SLUG
    from live.models import LivePage

    live = LivePage.objects.live().get(locale__language_code="en", slug=DEMO_SLUG)
    base = live_server.url
    pages = {
        "home": f"{base}/en/",
        "article": f"{base}{article.url}",
        "section": f"{base}{section.url}",
        "fx": f"{base}/en/fx/",
        "search": f"{base}{search_url()}",
        # The demo's corrected article (its notices under the headline) and the corrections page.
        "corrected": f"{base}{corrected.url}",
        "corrections": f"{base}/en/corrections/",
        # The demo's live coverage page: entries, the Pinned box, the polling script.
        "live": f"{base}{live.url}",
    }
    for url in pages.values():
        warm(url)
    return pages


def search_url() -> str:
    """The search page with a query that finds demo articles."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return reverse("search") + "?q=water"
