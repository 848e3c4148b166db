"""Load the demo newsroom once: safe to run again, it never duplicates anything.

Every object is found by a stable key (slug) before it is created, so a second run (or a run
after an interrupted one) only fills in what is missing. English is the source language; every
other language of the site (settings.LANGUAGES) gets the translations news.demo.content has for
it (Russian in news/demo/articles_*.py, Kazakh and Uzbek in news/demo/data/*.json), so a database
loaded before a language was added gets that language on the next run.
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
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search import index as search_index

from news.demo import content
from news.demo.images import make_demo_image, make_portrait
from news.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    Author,
    AuthorLink,
    AuthorLocalName,
    HomePage,
    NewsImage,
    SectionPage,
    StandardPage,
)
from translit.uzbek import to_script

DEMO_NOTICE = {
    "en": "Demo content: this article is fictional, written for the steppe demo newsroom.",
    "ru": "Демонстрационный материал: статья вымышлена и написана для демо-редакции steppe.",
    "kk": "Демо материал: бұл мақала ойдан шығарылған, steppe демо-редакциясы үшін жазылған.",
    "uz": "Demo material: bu maqola toʻqima, steppe demo tahririyati uchun yozilgan.",
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
        if self.has_own_articles():
            # A newsroom of its own (restored from a backup onto a new server, or imported), run by
            # `make run`: fictional articles and a demo superuser must never be mixed into it.
            if not options["quiet_if_loaded"]:
                self.stdout.write("This site has articles of its own; the demo newsroom is not loaded.")
            return
        self.now = timezone.now()
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
        }
        # What each other language of this site gets; a language without demo texts gets its
        # home page only (as before), never English text under its prefix.
        self.texts = {code: content.translations(code) for code in translated_languages()}
        home = self.home()
        sections = self.sections(home)
        self.standard_pages(home)
        authors = self.authors()
        total = len(content.ARTICLES)
        for number, spec in enumerate(content.ARTICLES, 1):
            self.article(spec, sections, authors)
            if number % 10 == 0 or number == total:
                self.stdout.write(f"  articles: {number}/{total}")
        from takedown.demo import load_demo_takedown

        gone = load_demo_takedown(sections["society"])  # one taken-down address: it answers 410
        if gone:
            self.stdout.write(f"  taken down (410 Gone): {gone}")
        from breaking.demo import load_demo_banner

        if load_demo_banner("en"):  # one breaking-news banner (its text is English), for 7 days
            self.stdout.write("  breaking-news banner: up in English for 7 days")
        from live.demo import load_demo_live

        live = load_demo_live(sections["politics"])  # one live coverage page with entries
        if live:
            self.stdout.write(f"  live coverage: {live}")
        self.editor_login()
        self.stdout.write(
            self.style.SUCCESS(f"Demo newsroom loaded: {total} articles, {len(authors)} authors.")
        )
        self.print_login()

    # -- pieces -------------------------------------------------------------------------------

    def is_loaded(self) -> bool:
        """Two queries: the last article of every language and the authors' last local names are there.

        Articles are loaded in order, each with all its translations, after the sections, pages
        and authors; so the last one present in a language means that language is complete.
        """
        from live.demo import DEMO_SLUG as LIVE_SLUG
        from live.models import LivePage

        if not LivePage.objects.filter(slug=LIVE_SLUG).exists():
            return False  # a demo loaded before live coverage existed gets its live page
        markers = Q(slug=content.ARTICLES[-1]["slug"], locale__language_code=settings.LANGUAGE_CODE)
        wanted, named = 1, []
        for code in translated_languages():
            texts = content.translations(code)
            last = next((a for a in reversed(content.ARTICLES) if a["key"] in texts["articles"]), None)
            if last is not None:
                markers |= Q(slug=last["slug"], locale__language_code=code)
                wanted += 1
            if content.AUTHORS[-1]["slug"] in texts["authors"]:
                named.append(code)
        corrected = next((a for a in content.ARTICLES if a.get("corrections")), None)
        if corrected is not None:  # a demo loaded before corrections existed gets them
            code = settings.LANGUAGE_CODE
            markers |= Q(slug=corrected["slug"], locale__language_code=code, corrections__isnull=False)
            wanted += 1
        if ArticlePage.objects.filter(markers).distinct().count() < wanted:
            return False
        local = AuthorLocalName.objects.filter(author__slug=content.AUTHORS[-1]["slug"], language__in=named)
        return local.count() == len(named)

    def has_own_articles(self) -> bool:
        """Articles that are not the demo's (a demo loaded halfway has only the demo's: it resumes)."""
        from takedown.demo import DEMO_SLUG

        demo_slugs = [spec["slug"] for spec in content.ARTICLES] + [DEMO_SLUG]
        return ArticlePage.objects.exclude(slug__in=demo_slugs).exists()

    @transaction.atomic
    def home(self) -> HomePage:
        locales = self.locales
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
                translation = home.copy_for_translation(locale)
                title = self.texts.get(code, {}).get("home", {}).get("title")
                if title:  # a language edition's masthead; without one the brand stays as it is
                    translation.title = title
                    translation.draft_title = title
                translation.save_revision().publish()
        return home

    @transaction.atomic  # one commit, not one per row
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
            for code, texts in self.texts.items():
                if slug in texts["sections"]:
                    self.translate(section, code, texts["sections"][slug])
            found[slug] = section
        for code_spec in content.COUNTRIES:
            found[code_spec["code"]] = found[code_spec["slug"]]
        return found

    @transaction.atomic  # one commit, not one per row
    def standard_pages(self, home: HomePage) -> None:
        for slug, title, body in [
            ("about", "About", content.ABOUT_EN),
            ("contact", "Contact", content.CONTACT_EN),
        ]:
            page = StandardPage.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = home.add_child(
                    instance=StandardPage(title=title, slug=slug, body=paragraphs_html(body))
                )
                page.save_revision().publish()
            for code, texts in self.texts.items():
                text = texts["pages"].get(slug)
                if text:
                    self.translate(
                        page, code, {"title": text["title"], "body": paragraphs_html(text["body"])}
                    )

    def translate(self, page: Page, language: str, fields: dict) -> Page | None:
        """Create (once) the version of a page in `language` with the given texts, and publish it."""
        locale = self.locales[language]
        if page.has_translation(locale):
            return None
        translation = page.copy_for_translation(locale, copy_parents=True)
        for name, value in fields.items():
            setattr(translation, name, value)
        if "title" in fields:
            translation.draft_title = fields["title"]
        translation.save_revision().publish()
        return translation

    @transaction.atomic  # one commit, not one per row
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
        self.author_local_names(found)
        return found

    def author_local_names(self, authors: dict[str, Author]) -> None:
        """Each author's name and bio in every other language of the site (two queries when complete)."""
        have = set(
            AuthorLocalName.objects.filter(author__in=authors.values()).values_list("author_id", "language")
        )
        missing = [
            AuthorLocalName(
                author=author, language=code, sort_order=order, name=text["name"], bio=text.get("bio", "")
            )
            for slug, author in authors.items()
            for order, (code, texts) in enumerate(self.texts.items())
            if (text := texts["authors"].get(slug)) and (author.pk, code) not in have
        ]
        if missing:
            AuthorLocalName.objects.bulk_create(missing)
            for author in {local.author for local in missing}:
                search_index.insert_or_update_object(author)  # the admin's author search finds local names

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
    def article(self, spec: dict, sections: dict, authors: dict) -> None:
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
        self.corrections(page, spec, settings.LANGUAGE_CODE)
        for code, texts in self.texts.items():
            text = texts["articles"].get(spec["key"])
            if text is None:
                continue
            image = text.get("image", {})
            self.translate(
                page,
                code,
                {
                    "title": text["title"],
                    "standfirst": text["standfirst"],
                    "body": self.body(text["body"], code, spec, text.get("script")),
                    "lead_image_caption": image.get("caption", page.lead_image_caption),
                    "lead_image_credit": image.get("credit", page.lead_image_credit),
                },
            )
            translation = page.get_translation_or_none(self.locales[code])
            if translation is not None:
                self.corrections(translation.specific, spec, code)

    def corrections(self, page: ArticlePage, spec: dict, language: str) -> None:
        """The article's demo notices in `language` (English, or a translation's own text), once.

        Added as an editor does, in a revision published after the article's first one, so the
        demo's revision history shows the article before and after its correction.
        """
        default = language == settings.LANGUAGE_CODE
        notices = [n for n in spec.get("corrections", []) if default or n.get(language)]
        if not notices or page.corrections.exists():
            return
        page = page.get_latest_revision_as_object()
        page.corrections = [
            ArticleCorrection(
                kind=notice["kind"],
                text=notice["text"] if default else notice[language],
                date=self.now - timedelta(days=notice["days_ago"]),
            )
            for notice in notices
        ]
        page.save_revision().publish()

    def body(self, blocks: list, language: str, spec: dict, script: str | None = None) -> list[tuple]:
        notice = DEMO_NOTICE[language]
        if script:  # Uzbek written in Cyrillic carries the notice in Cyrillic too
            notice = to_script(notice, script)
        stream = [("paragraph", RichText(f"<p><em>{escape(notice)}</em></p>"))]
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


def translated_languages() -> list[str]:
    """The site's languages other than the default one, the language of the English originals."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
