"""Build small newsrooms for tests: real pages, published through Wagtail's own revision flow."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from news.models import ArticleAuthor, ArticlePage, Author, HomePage, NewsImage, SectionPage, StandardPage


def make_image(title: str = "Test image", credit: str = "Test Agency", size=(1600, 900)) -> NewsImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (120, 150, 180)).save(buffer, "JPEG")
    image = NewsImage(title=title, credit=credit, caption=f"Caption of {title}",
                      file=ImageFile(buffer, name="test.jpg"))  # fmt: skip
    image.save()
    return image


@dataclass
class Newsroom:
    home: HomePage
    sections: dict[str, SectionPage] = field(default_factory=dict)
    authors: list[Author] = field(default_factory=list)
    articles: list[ArticlePage] = field(default_factory=list)

    def add_article(self, title: str, section: str = "politics", **kwargs) -> ArticlePage:
        article = create_article(self.sections[section], title, **kwargs)
        self.articles.append(article)
        return article


def create_newsroom() -> Newsroom:
    locale = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Test Courier", slug="test-home", locale=locale))
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    room = Newsroom(home=home)
    for slug, title, country in [("kazakhstan", "Kazakhstan", "KZ"), ("uzbekistan", "Uzbekistan", "UZ"),
                                 ("politics", "Politics", ""), ("economy", "Economy", "")]:  # fmt: skip
        section = home.add_child(
            instance=SectionPage(title=title, slug=slug, country=country, show_in_menus=True)
        )
        section.save_revision().publish()
        room.sections[slug] = section
    about = home.add_child(
        instance=StandardPage(title="About us", slug="about", body="<p>About the test.</p>")
    )
    about.save_revision().publish()
    room.authors = [Author.objects.create(name="Aida Test"), Author.objects.create(name="Timur Test")]
    return room


def create_article(
    section: SectionPage,
    title: str,
    *,
    authors: list[Author] = (),
    tags: list[str] = (),
    countries: list[str] = ("KZ",),
    image: NewsImage | None = None,
    body: list | None = None,
    published: datetime | None = None,
    live: bool = True,
    go_live_at: datetime | None = None,
    **fields,
) -> ArticlePage:
    published = published or timezone.now() - timedelta(hours=1)
    article = ArticlePage(
        title=title,
        standfirst=f"Standfirst of {title}.",
        body=body if body is not None else [("paragraph", RichText(f"<p>Body of {title}.</p>"))],
        countries=list(countries),
        lead_image=image,
        lead_image_credit=image.credit if image else "",
        date_published=published if live and go_live_at is None else None,
        live=False,
        **fields,
    )
    section.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
        article.save()
    for order, author in enumerate(authors):
        ArticleAuthor.objects.create(page=article, author=author, sort_order=order)
    if go_live_at is not None:
        article.go_live_at = go_live_at
        article.save_revision().publish()  # a future go_live_at schedules it instead of publishing
    elif live:
        article.save_revision().publish()
    else:
        article.save_revision()
    article.refresh_from_db()
    return article


def translate(page: Page, language: str, **fields) -> Page:
    """Publish a translation of the page (and its missing parents) with the given texts."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    copy = page.specific.copy_for_translation(locale, copy_parents=True)
    for parent in copy.get_ancestors().filter(depth__gt=1).specific():
        if not parent.live:
            parent.save_revision().publish()
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def add_correction(
    article: ArticlePage,
    text: str,
    *,
    kind: str = "correction",
    date: datetime | None = None,
    publish: bool = True,
) -> ArticlePage:
    """Add a correction (or clarification) to the article's latest revision, as the admin's inline does.

    Published by default (a new revision, Wagtail's publish signals); `publish=False` saves a draft.
    Returns the article as it now is in the database.
    """
    from news.models import ArticleCorrection

    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    page.corrections.add(ArticleCorrection(kind=kind, text=text, date=date or timezone.now()))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ArticlePage.objects.get(pk=article.pk)
