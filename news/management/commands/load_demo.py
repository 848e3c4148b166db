"""Load the demo newsroom once: safe to run again, it never duplicates anything.

Every object is found by a stable key (slug) before it is created, so a second run (or a run
after an interrupted one) only fills in what is missing.
"""

from __future__ import annotations

import io
import secrets
import zlib
from datetime import timedelta
from html import escape
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from news.demo import content
from news.demo.images import make_demo_image, make_portrait
from news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    AuthorLink,
    HomePage,
    NewsImage,
    SectionPage,
    StandardPage,
)

DEMO_NOTICE = {
    "en": "Demo content: this article is fictional, written for the steppe demo newsroom.",
    "ru": "Демонстрационный материал: статья вымышлена и написана для демо-редакции steppe.",
}
LOGIN_FILE = "demo-login.txt"


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-if-loaded", action="store_true", help="Say nothing when already loaded.")

    def handle(self, *args, **options):
        if self.is_loaded():
            if not options["quiet_if_loaded"]:
                self.stdout.write("Demo newsroom already loaded; nothing to do.")
            self.print_login()
            return
        self.now = timezone.now()
        locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
        }
        home = self.home(locales)
        sections = self.sections(home)
        self.standard_pages(home)
        authors = self.authors()
        total = len(content.ARTICLES)
        for number, spec in enumerate(content.ARTICLES, 1):
            self.article(spec, sections, authors, locales)
            if number % 10 == 0 or number == total:
                self.stdout.write(f"  articles: {number}/{total}")
        self.editor_login()
        self.stdout.write(
            self.style.SUCCESS(f"Demo newsroom loaded: {total} articles, {len(authors)} authors.")
        )
        self.print_login()

    # -- pieces -------------------------------------------------------------------------------

    def is_loaded(self) -> bool:
        last = content.ARTICLES[-1]
        return ArticlePage.objects.filter(
            slug=last["slug"], locale__language_code=settings.LANGUAGE_CODE
        ).exists()

    @transaction.atomic
    def home(self, locales: dict[str, Locale]) -> HomePage:
        default = locales[settings.LANGUAGE_CODE]
        home = HomePage.objects.filter(locale=default).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(title=settings.WAGTAIL_SITE_NAME, slug="front", locale=default)
            )
            home.save_revision().publish()
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            old_root = site.root_page if site.pk else None
            base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            port = base.port or (443 if base.scheme == "https" else 80)
            site.hostname, site.port, site.root_page, site.site_name = base.hostname, port, home, home.title
            site.save()
            if old_root and old_root.specific_class is Page and old_root.pk != home.pk:
                old_root.delete()  # Wagtail's "Welcome" placeholder
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE and not home.has_translation(locale):
                home.copy_for_translation(locale).save_revision().publish()
        return home

    def sections(self, home: HomePage) -> dict[str, SectionPage]:
        found = {}
        specs = [(c["slug"], c, c["code"]) for c in content.COUNTRIES] + [
            (t["slug"], t, "") for t in content.TOPICS
        ]
        for slug, spec, country in specs:
            section = SectionPage.objects.child_of(home).filter(slug=slug).first()
            if section is None:
                section = home.add_child(
                    instance=SectionPage(
                        title=spec["name_en"],
                        slug=slug,
                        intro=spec["intro_en"],
                        country=country,
                        show_in_menus=True,
                    )
                )
                section.save_revision().publish()
            self.translate(section, {"title": spec["name_ru"], "intro": spec["intro_ru"]})
            found[slug] = section
        for code_spec in content.COUNTRIES:
            found[code_spec["code"]] = found[code_spec["slug"]]
        return found

    def standard_pages(self, home: HomePage) -> None:
        for slug, title, title_ru, body, body_ru in [
            ("about", "About", "О нас", content.ABOUT_EN, content.ABOUT_RU),
            ("contact", "Contact", "Контакты", content.CONTACT_EN, content.CONTACT_RU),
        ]:
            page = StandardPage.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = home.add_child(
                    instance=StandardPage(title=title, slug=slug, body=paragraphs_html(body))
                )
                page.save_revision().publish()
            self.translate(page, {"title": title_ru, "body": paragraphs_html(body_ru)})

    def translate(self, page: Page, fields: dict) -> Page | None:
        """Create (once) the Russian version of a page with the given texts."""
        ru = Locale.objects.filter(language_code="ru").first()
        if ru is None or page.has_translation(ru):
            return None
        translation = page.copy_for_translation(ru, copy_parents=True)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return translation

    def authors(self) -> dict[str, Author]:
        found = {}
        for number, spec in enumerate(content.AUTHORS):
            author = Author.objects.filter(slug=spec["slug"]).first()
            if author is None:
                initials = "".join(part[0] for part in spec["name"].split()[:2])
                photo = self.image(
                    f"Portrait: {spec['name']}", make_portrait(number, initials), "steppe demo", ""
                )
                author = Author.objects.create(
                    name=spec["name"], slug=spec["slug"], bio=spec["bio_en"], photo=photo
                )
                for order, link in enumerate(spec.get("links", [])):
                    AuthorLink.objects.create(
                        author=author, sort_order=order, label=link["label"], url=link["url"]
                    )
            found[spec["slug"]] = author
        return found

    def image(self, title: str, data: bytes, credit: str, caption: str, alt: str = "") -> NewsImage:
        existing = NewsImage.objects.filter(title=title).first()
        if existing:
            return existing
        name = f"demo-{zlib.crc32(title.encode()):08x}.jpg"
        image = NewsImage(title=title, credit=credit, caption=caption, alt_text=alt,
                          file=ImageFile(io.BytesIO(data), name=name))  # fmt: skip
        image.save()
        return image

    @transaction.atomic
    def article(self, spec: dict, sections: dict, authors: dict, locales: dict) -> None:
        section = sections[spec["topic"]]
        page = ArticlePage.objects.child_of(section).filter(slug=spec["slug"]).first()
        if page is None:
            img = spec["image"]
            lead = self.image(
                f"Demo: {spec['title']}",
                make_demo_image(img["seed"], img["palette"], label=spec["topic"]),
                img["credit"],
                img["caption"],
                img["alt"],
            )
            published = (self.now - timedelta(days=spec["days_ago"])).replace(
                hour=spec.get("hours", 9), minute=(img["seed"] * 7) % 60, second=0, microsecond=0
            )
            if published > self.now:
                published -= timedelta(days=1)
            updated = spec.get("updated_days_ago")
            page = ArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                standfirst=spec["standfirst"],
                body=self.body(spec["body"], "en", spec),
                lead_image=lead,
                lead_image_credit=img["credit"],
                lead_image_caption=img["caption"],
                countries=spec["countries"],
                featured=spec.get("featured", False),
                date_published=published,
                first_published_at=published,
                date_updated=(self.now - timedelta(days=updated)) if updated is not None else None,
            )
            section.add_child(instance=page)
            page.tags.add(*spec["tags"])
            for order, slug in enumerate(spec["authors"]):
                ArticleAuthor.objects.create(page=page, author=authors[slug], sort_order=order)
            page.save_revision().publish()
        ru = spec.get("ru")
        if ru and "ru" in locales:
            self.translate(
                page,
                {
                    "title": ru["title"],
                    "standfirst": ru["standfirst"],
                    "body": self.body(ru["body"], "ru", spec),
                    "lead_image_caption": ru.get("image", {}).get("caption", page.lead_image_caption),
                    "lead_image_credit": ru.get("image", {}).get("credit", page.lead_image_credit),
                },
            )

    def body(self, blocks: list, language: str, spec: dict) -> list[tuple]:
        stream = [("paragraph", RichText(f"<p><em>{escape(DEMO_NOTICE[language])}</em></p>"))]
        for index, block in enumerate(blocks):
            kind = block[0]
            if kind == "p":
                stream.append(("paragraph", RichText(f"<p>{escape(block[1])}</p>")))
            elif kind == "h":
                stream.append(("heading", {"text": block[1], "level": "h2"}))
            elif kind == "quote":
                stream.append(
                    ("quote", {"text": block[1], "attribution": block[2] if len(block) > 2 else ""})
                )
            elif kind == "image":
                caption, credit = block[1], block[2]
                seed = spec["image"]["seed"] * 31 + index
                image = self.image(
                    f"Demo: {spec['slug']} #{index}",
                    make_demo_image(seed, spec["image"]["palette"], label=spec["topic"]),
                    credit,
                    caption if language == "en" else "",
                )
                stream.append(
                    ("image", {"image": image, "caption": caption, "credit": credit, "alt": caption})
                )
        return stream

    # -- the login printed by `make run` ------------------------------------------------------

    def editor_login(self) -> None:
        user_model = get_user_model()
        if user_model.objects.filter(username="editor").exists():
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser("editor", "editor@example.org", password)
        path = settings.VAR_DIR / LOGIN_FILE
        path.write_text(f"editor {password}\n")
        path.chmod(0o600)

    def print_login(self) -> None:
        path = settings.VAR_DIR / LOGIN_FILE
        if path.exists():
            username, password = path.read_text().split()
            self.stdout.write(f"Demo editor login: {username} / {password}")


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
