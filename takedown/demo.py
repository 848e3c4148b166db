"""The demo newsroom's taken-down address, so a newcomer sees a 410: /en/society/demo-taken-down-story/."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

DEMO_SLUG = "demo-taken-down-story"
DEMO_REASON = "demo: a fictional court order, to show how a takedown looks (not a real case)."


def load_demo_takedown(section, user=None) -> str | None:
    """Publish a short fictional article under `section` and take it down; its address, or None
    when it is there already (idempotent)."""
    from news.models import ArticlePage
    from takedown.actions import take_down
    from takedown.models import Takedown

    if Takedown.objects.filter(url_path=f"{section.url_path}{DEMO_SLUG}/").exists():
        return None
    page = ArticlePage.objects.child_of(section).filter(slug=DEMO_SLUG).first()
    if page is None:
        published = timezone.now() - timedelta(days=3)
        page = ArticlePage(
            title="Demo: a story that was taken down",
            slug=DEMO_SLUG,
            standfirst="Demo content: a fictional article, taken down to show readers' 410 notice.",
            body=[
                (
                    "paragraph",
                    RichText(
                        "<p>Demo content. This fictional article exists only so that "
                        "the demo newsroom has one taken-down address.</p>"
                    ),
                )
            ],  # fmt: skip
            countries=["KZ"],
            date_published=published,
            first_published_at=published,
        )
        section.add_child(instance=page)
        page.save_revision().publish()
    elif not page.live:
        page.save_revision().publish()
    page.refresh_from_db()
    take_down(page, user, DEMO_REASON)
    return page.url
