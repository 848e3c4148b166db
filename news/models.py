"""The newsroom's content: home, sections, articles, standard pages, authors and images."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery, Value
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from news import embargo as embargo_rules
from news.blocks import ArticleBodyBlock
from news.cache import restricted_paths
from news.embargo_admin import ArticlePageForm, EmbargoStatusPanel
from news.renditions import CARD_RENDITION

# The five countries the newsroom covers. Codes are locale-independent, so an article and its
# translations share them without any per-language rows.
COUNTRIES = [
    ("KZ", _("Kazakhstan")),
    ("KG", _("Kyrgyzstan")),
    ("TJ", _("Tajikistan")),
    ("TM", _("Turkmenistan")),
    ("UZ", _("Uzbekistan")),
]
COUNTRY_NAMES = dict(COUNTRIES)


class NewsImage(AbstractImage):
    """A Wagtail image that also knows its credit and a default caption."""

    credit = models.CharField(_("credit"), max_length=200, blank=True)
    caption = models.CharField(_("caption"), max_length=400, blank=True)
    alt_text = models.CharField(
        _("alt text"), max_length=300, blank=True, help_text=_("Describe the image for screen readers.")
    )
    admin_form_fields = Image.admin_form_fields + ("credit", "caption", "alt_text")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.caption or self.title

    def save(self, *args, **kwargs):
        # A new upload (not yet written to storage) loses its GPS data before it is stored.
        if self.file and not getattr(self.file, "_committed", True):
            self.remove_location()
        super().save(*args, **kwargs)

    def remove_location(self) -> None:
        from django.core.files.base import ContentFile

        from news.image_privacy import strip_location

        self.file.seek(0)
        cleaned = strip_location(self.file.read())
        self.file.seek(0)
        if cleaned is None:
            return
        name = self.file.name.rsplit("/", 1)[-1]
        self.file = ContentFile(cleaned, name=name)
        self.file_size = len(cleaned)
        self.file_hash = ""
        self._set_file_hash()


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def language_choices() -> list[tuple[str, str]]:
    """Every language steppe supports, not only this site's: a name may be entered ahead of a launch."""
    return list(settings.ALL_LANGUAGES)


def base_language(code: str | None) -> str:
    """The base language of a code: uz, uz-cyrl and UZ_Latn are all "uz"."""
    return (code or "").replace("_", "-").split("-")[0].lower()


class AuthorQuerySet(models.QuerySet):
    def localized(self, language: str) -> AuthorQuerySet:
        """Authors with their name and bio in `language` fetched in the same query (no query per author)."""
        code = base_language(language)
        local = AuthorLocalName.objects.filter(author_id=OuterRef("pk"), language=code)
        return self.annotate(
            local_language=Value(code),
            local_name=Subquery(local.values("name")[:1]),
            local_bio=Subquery(local.values("bio")[:1]),
        )


@register_snippet
class Author(index.Indexed, ClusterableModel):
    """A byline. `name` and `bio` are the defaults; `local_names` hold how readers of a language write them."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ForeignKey(
        NewsImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("photo")
    )
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio"), FieldPanel("photo"),
              InlinePanel("local_names", label=_("Name and bio in other languages")),
              InlinePanel("links", label=_("Links"))]  # fmt: skip
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.RelatedFields("local_names", [index.SearchField("name"), index.AutocompleteField("name")]),
    ]

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:200] or "author"
        super().save(*args, **kwargs)

    # -- the author as readers of one language see them ---------------------------------------

    def name_for(self, language: str | None = None) -> str:
        """The name in `language` (default: the active one), else `name`."""
        local = self._local_texts(language)
        return (local and local[0]) or self.name

    def bio_for(self, language: str | None = None) -> str:
        local = self._local_texts(language)
        return (local and local[1]) or self.bio

    def in_language(self, language: str) -> Author:
        """Make `display_name` / `display_bio` (what templates show) use `language`."""
        self._display_language = base_language(language)
        return self

    @property
    def display_name(self) -> str:
        return self.name_for(getattr(self, "_display_language", None))

    @property
    def display_bio(self) -> str:
        return self.bio_for(getattr(self, "_display_language", None))

    def remember_local(self, language: str, name: str | None, bio: str | None = None) -> None:
        """Record a local name found by a query that already ran (see localized_byline)."""
        known = self.__dict__.setdefault("_local_cache", {})
        known[base_language(language)] = (name or "", bio or "") if (name or bio) else None

    def _local_texts(self, language: str | None) -> tuple[str, str] | None:
        code = base_language(language or get_language())
        known = self.__dict__.setdefault("_local_cache", {})
        if code not in known:
            if self.__dict__.get("local_language") == code:  # AuthorQuerySet.localized
                self.remember_local(code, self.__dict__.get("local_name"), self.__dict__.get("local_bio"))
            else:
                # Prefetched or in memory (a preview) when available; otherwise one query per author.
                for row in self.local_names.all():
                    known.setdefault(row.language, (row.name, row.bio))
                known.setdefault(code, None)
        return known[code]


class AuthorLocalName(Orderable):
    """How an author's name (and bio) is written for readers of one language."""

    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="local_names")
    language = models.CharField(_("language"), max_length=16, choices=language_choices)
    name = models.CharField(_("name"), max_length=200)
    bio = models.TextField(_("bio"), blank=True, help_text=_("Leave empty to show the default bio."))
    panels = [FieldPanel("language"), FieldPanel("name"), FieldPanel("bio")]

    class Meta(Orderable.Meta):
        verbose_name = _("name in another language")
        constraints = [
            models.UniqueConstraint(fields=["author", "language"], name="news_author_local_name_language")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class AuthorLink(Orderable):
    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=100)
    url = models.URLField(_("URL"))
    panels = [FieldPanel("label"), FieldPanel("url")]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticleQuerySet(PageQuerySet):
    def published(self) -> ArticleQuerySet:
        """What readers may see: live, in the past, not behind a view restriction or an embargo."""
        now = timezone.now()
        # A live article never has an embargo ahead (news.embargo); this holds if one ever did.
        queryset = self.live().filter(date_published__lte=now).exclude(embargo__gt=now)
        for restricted in restricted_paths():
            queryset = queryset.exclude(path__startswith=restricted)
        return queryset

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-date_published", "-pk")

    def for_cards(self) -> ArticleQuerySet:
        """Everything an article card shows, in a fixed number of queries."""
        return self.select_related("locale").prefetch_related(
            Prefetch("lead_image", queryset=NewsImage.objects.prefetch_renditions(CARD_RENDITION))
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class HomePage(RoutablePageMixin, Page):
    """The front page of one language; also serves the author and tag pages below it."""

    lead_article = models.ForeignKey(
        "news.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("lead story"), help_text=_("Leave empty to lead with the newest featured article."),
    )  # fmt: skip
    content_panels = Page.content_panels + [FieldPanel("lead_article")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "news.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def articles(self) -> ArticleQuerySet:
        return ArticlePage.objects.published().filter(locale_id=self.locale_id).newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False) or getattr(self, "_routed", False):
            return context
        newest = list(self.articles().for_cards()[:40])
        lead = None
        if self.lead_article_id:
            lead = next((a for a in newest if a.pk == self.lead_article_id), None)
            if lead is None:
                lead = self.articles().for_cards().filter(pk=self.lead_article_id).first()
        if lead is None:
            lead = next((a for a in newest if a.featured), newest[0] if newest else None)
        rest = [a for a in newest if a != lead]
        top = rest[:6]
        shown = {a.pk for a in top} | ({lead.pk} if lead else set())
        rows = []
        for code, name in COUNTRIES:
            row = [a for a in rest if code in a.country_codes and a.pk not in shown][:4]
            if row:
                rows.append({"code": code, "name": name, "articles": row,
                             "section": self.country_sections().get(code)})  # fmt: skip
        context.update(lead=lead, top_stories=top, country_rows=rows)
        return context

    def country_sections(self) -> dict[str, SectionPage]:
        return {s.country: s for s in SectionPage.objects.live().child_of(self).exclude(country="")}

    def paginate(self, request, queryset) -> PaginatorPage:
        return paginate(request, queryset)

    @path("authors/<str:slug>/", name="author")
    def author_page(self, request, slug: str):
        language = get_language()  # this home's language (its URL prefix); self.locale would be a query
        author = get_object_or_404(Author.objects.localized(language).prefetch_related("links"), slug=slug)
        author.in_language(language)
        languages = self.listing_languages("author", author.pk)
        articles = self.articles().filter(article_authors__author=author).for_cards()
        return self.render(
            request,
            context_overrides={
                "author": author,
                "page_obj": self.paginate(request, articles),
                "listing_languages": languages,
            },
            template="news/author_page.html",
        )

    @path("tags/<str:slug>/", name="tag")
    def tag_page(self, request, slug: str):
        from taggit.models import Tag

        tag = get_object_or_404(Tag, slug=slug)
        languages = self.listing_languages("tag", tag.pk)
        articles = self.articles().filter(tagged_items__tag=tag).for_cards()
        return self.render(
            request,
            context_overrides={
                "tag": tag,
                "page_obj": self.paginate(request, articles),
                "listing_languages": languages,
            },
            template="news/tag_page.html",
        )

    @path("corrections/", name="corrections")
    def corrections_page(self, request):
        """Every correction and clarification in this language, newest first (news.corrections).

        It exists in every language, empty or not: a newsroom's corrections policy is linked from
        every page's footer.
        """
        from news.corrections import published_corrections

        notices = published_corrections(ArticlePage.objects.published().filter(locale_id=self.locale_id))
        return self.render(
            request,
            context_overrides={
                "page_obj": self.paginate(request, notices),
                "listing_title": _("Corrections and clarifications"),
                "listing_description": _(
                    "When we get a fact wrong we correct it, and when a passage could mislead we "
                    "clarify it. Each notice is also shown at the top of its article."
                ),
            },
            template="news/corrections_page.html",
        )

    def listing_languages(self, kind: str, pk: int) -> frozenset[str]:
        """Where a tag or author page exists; 404 in this home's language when it lists nothing here.

        Readers and search engines never land on an empty listing; the switcher and hreflang link
        only these languages (news.languages.alternates).
        """
        from news.languages import listing_languages

        languages = listing_languages(kind, pk)
        if get_language() not in languages:  # this home's language (its URL prefix)
            raise Http404("No published article in this language")
        return languages

    def route(self, request, path_components):
        self._routed = bool(path_components)
        return super().route(request, path_components)


def paginate(request, queryset) -> PaginatorPage:
    """Page through a list; any junk in ?page= gives the nearest real page, never an error."""
    paginator = Paginator(queryset, settings.STEPPE_ARTICLES_PER_PAGE)
    raw = request.GET.get("page", "1")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 1
    return paginator.get_page(number)


class SectionPage(Page):
    """A country or a topic. Country sections list every article about their country."""

    intro = models.TextField(_("introduction"), blank=True)
    country = models.CharField(
        _("country"), max_length=2, choices=COUNTRIES, blank=True,
        help_text=_("Set for a country section; leave empty for a topic such as Politics."),
    )  # fmt: skip
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("country")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage", "live.LivePage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("section")

    def articles(self) -> ArticleQuerySet:
        in_section = Q(path__startswith=self.path, depth__gt=self.depth)
        if self.country:
            in_section |= Q(countries__contains=f",{self.country},")
        return ArticlePage.objects.published().filter(in_section, locale_id=self.locale_id).newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(request, self.articles().for_cards())
        return context


class StandardPage(Page):
    """About, contact and other plain pages linked from the footer."""

    body = RichTextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class CountriesField(models.CharField):
    """Country codes stored as ",KZ,UZ," so "about Kazakhstan" is one indexed LIKE on any database."""

    def from_db_value(self, value, expression, connection):
        return value

    def to_python(self, value):
        # full_clean (Page.save of a live page, save_revision) and revision restores call this:
        # CharField's would store a list as its repr "['KZ']", which no country section matches.
        if isinstance(value, list | tuple):
            return self.get_prep_value(value)
        return super().to_python(value)

    def formfield(self, **kwargs):
        from django import forms

        return forms.MultipleChoiceField(
            choices=COUNTRIES, required=False, widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name, help_text=self.help_text,
        )  # fmt: skip

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            codes = [c for c, _name in COUNTRIES if c in value]
            return f",{','.join(codes)}," if codes else ""
        return value or ""

    def pre_save(self, model_instance, add):
        # Lists given in code become the stored form before saving or serialising a revision.
        value = self.get_prep_value(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def value_to_string(self, obj):
        return self.get_prep_value(getattr(obj, self.attname))

    def save_form_data(self, instance, data):
        setattr(instance, self.attname, self.get_prep_value(data))

    def value_from_object(self, obj):
        return codes_from_countries(getattr(obj, self.attname))


def codes_from_countries(value: str | list[str] | None) -> list[str]:
    if isinstance(value, list | tuple):
        return list(value)
    return [c for c in (value or "").split(",") if c]


class ArticlePage(Page):
    standfirst = models.TextField(_("standfirst"), max_length=600, help_text=_("One or two sentences."))
    date_published = models.DateTimeField(
        _("date published"), null=True, blank=True, db_index=True,
        help_text=_("Shown to readers. Filled in with the first publication time when left empty."),
    )  # fmt: skip
    date_updated = models.DateTimeField(
        _("substantively updated"), null=True, blank=True,
        help_text=_('Set when the story changed in substance; readers see "Updated …".'),
    )  # fmt: skip
    lead_image = models.ForeignKey(
        NewsImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead image"),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=400, blank=True)
    lead_image_credit = models.CharField(
        _("lead image credit"), max_length=200, blank=True,
        help_text=_("Required with a lead image. Defaults to the image's own credit."),
    )  # fmt: skip
    body = StreamField(ArticleBodyBlock(), blank=True)
    countries = CountriesField(_("countries"), max_length=32, blank=True, default="", db_index=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    featured = models.BooleanField(_("top story"), default=False)
    embargo = models.DateTimeField(
        _("embargoed until"), null=True, blank=True, db_index=True,
        help_text=_("Nothing makes the article public before this time: not publishing, "
                    "a schedule, a preview link or an import."),
    )  # fmt: skip

    objects = ArticleManager()
    # A translation or a copy is a new text: the original's notices (in its language, about its
    # errors) are not carried over; each version gets its own.
    exclude_fields_in_copy = ["corrections"]

    content_panels = [
        EmbargoStatusPanel(),  # the notice while an embargo holds
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultipleChooserPanel("article_authors", chooser_field_name="author", label=_("Byline"), min_num=0),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("countries"),
        FieldPanel("tags"),
        InlinePanel("pinned_links", max_num=3, label=_("Pinned related articles (up to three)")),
        InlinePanel("corrections", label=_("Corrections and clarifications")),
    ]
    settings_panels = [FieldPanel("embargo")] + Page.settings_panels + [
        FieldPanel("date_published"), FieldPanel("date_updated"), FieldPanel("featured")
    ]  # fmt: skip
    base_form_class = ArticlePageForm
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("date_published"),
        index.FilterField("embargo"),  # published() excludes an embargo ahead
        index.FilterField("countries"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("article_authors", [index.RelatedFields("author", [index.SearchField("name")])]),
        # Stemmed copies for en/ru morphology on every database (sitesearch.stemming).
        index.SearchField("search_title_stems", boost=3),
        index.SearchField("search_stems"),
    ]

    class Meta:
        verbose_name = _("article")

    @classmethod
    def serve_queryset(cls) -> ArticleQuerySet:
        """How news.views loads an article to serve it: its byline and tags come along.

        Whether it has corrections is part of the same query, so the many articles without any
        cost no query for them (correction_list).
        """
        return (
            cls.objects.select_related("locale")
            .prefetch_related(Prefetch("article_authors", queryset=ArticleAuthor.with_local_names()), "tags")
            .annotate(has_corrections=Exists(ArticleCorrection.objects.filter(page_id=OuterRef("pk"))))
        )

    def search_title_stems(self) -> str:
        from sitesearch.stemming import stems

        return " ".join(stems(self._search_script(self.title)))

    def _search_script(self, text: str) -> str:
        """Uzbek articles are indexed in Latin whichever script they are written in (translit.search)."""
        from translit.search import normalise_query_for_search

        return normalise_query_for_search(text, self.locale.language_code)

    def search_stems(self) -> str:
        from discovery.documents import body_text
        from sitesearch.stemming import stems

        tags = " ".join(tag.name for tag in self.tags.all())
        text = " ".join([self.standfirst or "", body_text(self.body), tags])
        return " ".join(stems(self._search_script(text)))

    @property
    def country_codes(self) -> list[str]:
        return codes_from_countries(self.countries)

    @property
    def country_names(self) -> list[tuple[str, str]]:
        return [(c, COUNTRY_NAMES[c]) for c in self.country_codes if c in COUNTRY_NAMES]

    @cached_property
    def display_date(self):
        return self.date_published or self.first_published_at or self.latest_revision_created_at

    # -- corrections and clarifications (news.corrections) ---------------------------------------

    @cached_property
    def correction_list(self) -> list[ArticleCorrection]:
        """The notices, newest first: from the database, or the form's in a preview."""
        from news.corrections import newest_first

        if getattr(self, "has_corrections", None) is False:  # serve_queryset said there are none
            return []
        return newest_first(self.corrections.all())

    @property
    def date_revised(self):
        """The "Updated" readers see: date_updated, or the newest notice when that is later."""
        from news.corrections import revised_at

        return revised_at(self.date_updated, self.correction_list)

    @property
    def date_modified(self):
        """dateModified (JSON-LD, Open Graph) and the feeds' updated time."""
        from news.corrections import modified_at

        return modified_at(self.date_updated, self.last_published_at, self.correction_list)

    @property
    def is_corrected(self) -> bool:
        from news.corrections import is_corrected

        return is_corrected(self.correction_list)

    @property
    def lead_credit(self) -> str:
        if self.lead_image_credit:
            return self.lead_image_credit
        return self.lead_image.credit if self.lead_image else ""

    @property
    def lead_caption(self) -> str:
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.caption if self.lead_image else ""

    def byline(self) -> list[Author]:
        """The byline's authors in order, each showing their name in this article's language.

        No query when article_authors was prefetched with ArticleAuthor.with_local_names();
        otherwise (a preview, Wagtail's own routing) one query for all the local names.
        """
        links = list(self.article_authors.all())
        language = base_language(self.locale.language_code)
        unknown = [link.author for link in links if not hasattr(link, "author_local_name")]
        if unknown:
            rows = AuthorLocalName.objects.filter(author__in=[a.pk for a in unknown], language=language)
            texts = {
                author_id: (name, bio)
                for author_id, name, bio in rows.values_list("author_id", "name", "bio")
            }
            for author in unknown:
                author.remember_local(language, *texts.get(author.pk, (None, None)))
        for link in links:
            if hasattr(link, "author_local_name"):
                link.author.remember_local(language, link.author_local_name, link.author_local_bio)
        return [link.author.in_language(language) for link in links]

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_credit:
            image_credit = (
                NewsImage.objects.filter(pk=self.lead_image_id).values_list("credit", flat=True).first()
            )
            if image_credit:
                self.lead_image_credit = image_credit
            else:
                raise ValidationError({"lead_image_credit": _("Give a credit for the lead image.")})

    def save(self, *args, **kwargs):
        embargo_rules.check_save(self, kwargs.get("update_fields"))
        if self.live and not self.date_published:
            # The moment it went live, never later than now (a late scheduler run is still "now").
            now = timezone.now()
            self.date_published = min(self.go_live_at or self.first_published_at or now, now)
        return super().save(*args, **kwargs)

    def publish(self, revision, *args, log_action=True, **kwargs):
        # Every publish of an article comes here (Revision.publish calls it): the embargo's gate.
        if not embargo_rules.check_publish(self, revision, log_action):
            return None
        return super().publish(revision, *args, log_action=log_action, **kwargs)

    def serve(self, request, *args, **kwargs):
        if embargo_rules.holds(self) and not getattr(request, "is_preview", False):
            raise Http404("Embargoed")  # never reached while publishing keeps the rule
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if embargo_rules.holds(self):
            return []  # as serve(): only if the database was edited by hand
        return super().get_sitemap_urls(request)

    @property
    def status_string(self):
        """The admin's status tag (page listings, reports): says until when an embargo holds."""
        status = super().status_string
        if self.live or not embargo_rules.holds(self):
            return status
        return _("%(status)s, embargoed until %(time)s") % {
            "status": status, "time": embargo_rules.local_time(self.embargo)
        }  # fmt: skip

    def get_context(self, request, *args, **kwargs):
        from news.article_context import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")
    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]

    @classmethod
    def with_local_names(cls) -> models.QuerySet:
        """Byline rows for a prefetch: the author and their name in the article's language, one query."""
        local = AuthorLocalName.objects.filter(
            author_id=OuterRef("author_id"), language=OuterRef("page__locale__language_code")
        )
        return cls.objects.select_related("author").annotate(
            author_local_name=Subquery(local.values("name")[:1]),
            author_local_bio=Subquery(local.values("bio")[:1]),
        )


class PinnedArticle(Orderable):
    """An editor's hand-picked related article, shown first under "Suggested articles"."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="pinned_links")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("article")]


class ArticleCorrection(Orderable):
    """A correction or clarification readers see at the top of a published article.

    A child of the page (not a snippet), so each one is kept in the article's revision history.
    """

    CORRECTION = "correction"
    CLARIFICATION = "clarification"
    KINDS = [(CORRECTION, _("Correction")), (CLARIFICATION, _("Clarification"))]

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(_("type"), max_length=16, choices=KINDS, default=CORRECTION)
    text = models.TextField(_("text"), max_length=2000)
    date = models.DateTimeField(_("date"), default=timezone.now)
    panels = [
        FieldPanel("kind"),
        FieldPanel("text", help_text=_("Plain text: what was wrong and what is right. Readers see it "
                                       "at the top of the article and on the corrections page.")),
        FieldPanel("date", help_text=_("When the notice was made. It moves the article's "
                                       '"Updated" date when it is later.')),
    ]  # fmt: skip

    class Meta(Orderable.Meta):
        verbose_name = _("correction")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def clean(self):
        super().clean()
        # A notice from the future would sit at the top of the corrections page and keep the
        # article "Updated" ahead of time; a minute's grace covers clocks a little apart.
        if self.date and self.date > timezone.now() + timedelta(minutes=1):
            raise ValidationError({"date": _("The date of a correction cannot be in the future.")})


def home_for_locale(locale_id: int) -> HomePage | None:
    """The home page of one language (one site per installation; see docs/deploy.md)."""
    return HomePage.objects.live().filter(locale_id=locale_id).order_by("path").first()
