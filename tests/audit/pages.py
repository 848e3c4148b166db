"""A realistic article for the weight, lite and mode tests, built with the factories."""

from __future__ import annotations

from django.core.management import call_command
from wagtail.rich_text import RichText

from tests.factories import create_newsroom, make_image

PARAGRAPH = (
    "<p>Farmers downstream of the reservoir said the new schedule would let them plan the cotton and "
    "wheat season for the first time in years, while officials in both capitals promised to publish "
    "the daily releases so that villages could check them against what reaches their canals.</p>"
)


def build_site():
    """A newsroom with a long illustrated article, eight others with images, and the FX ticker."""
    room = create_newsroom()
    authors = room.authors
    for i in range(8):
        room.add_article(
            f"Other story number {i} about the region's water and roads",
            section=["politics", "economy", "kazakhstan", "uzbekistan"][i % 4],
            image=make_image(f"Photo {i}"),
            authors=authors[:1],
            tags=["water"],
        )
    body = []
    for i in range(12):
        body.append(("paragraph", RichText(PARAGRAPH)))
        if i in (3, 8):
            image = make_image(f"Body {i}")
            body.append(
                (
                    "image",
                    {"image": image, "caption": "A canal", "credit": "", "alt": "A canal near the fields"},
                )
            )
        if i == 5:
            body.append(("heading", {"text": "What the schedule says", "level": "h2"}))
    article = room.add_article(
        "Kazakhstan and Uzbekistan agree a summer water schedule for the Syr Darya",
        image=make_image("Lead photo"),
        authors=authors,
        tags=["water", "agriculture", "diplomacy"],
        body=body,
    )
    call_command("fx_load_recorded", verbosity=0)
    return room, article
