"""Live coverage: a page of timestamped entries (an election night, a border crisis).

The entries are children of the page (an InlinePanel), not snippets: each publish is a Wagtail
revision, so every entry posted, edited or removed is in the page's history, and readers get
them through the same publish that bumps the content version and purges nginx (live.entries).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from news.models import Author, NewsImage

# What an entry's editor offers: the inline formatting of article text, no headings (the page
# has them: the entry's own headline is an h3 under the h2 of the list).
ENTRY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The renditions an entry's image is shown in (live/entry.html srcset, JSON-LD).
ENTRY_RENDITIONS = ("width-480", "width-800")


class LivePage(RoutablePageMixin, Page):
    standfirst = models.TextField(_("standfirst"), max_length=600, help_text=_("One or two sentences."))
    coverage_start = models.DateTimeField(
        _("coverage started"), null=True, blank=True,
        help_text=_("Shown to readers. Filled in with the first publication time when left empty."),
    )  # fmt: skip
    ended_at = models.DateTimeField(
        _("coverage ended"), null=True, blank=True,
        help_text=_("Set when the coverage is over: readers see that it has ended, and when. "
                    "Leave empty while it is live."),
    )  # fmt: skip
    lead_image = models.ForeignKey(
        NewsImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("lead image"),
    )  # fmt: skip

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("lead_image"),
        MultiFieldPanel([FieldPanel("coverage_start"), FieldPanel("ended_at")], heading=_("Coverage")),
        InlinePanel(
            "entries",
            label=_("Entry"),
            heading=_("Entries"),
            help_text=_(
                "Add an entry at the bottom and publish: readers see it at the top within "
                "seconds. Edits and removals reach them the same way."
            ),
        ),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.RelatedFields("entries", [index.SearchField("title"), index.SearchField("body")]),
    ]

    class Meta:
        verbose_name = _("live coverage page")

    @property
    def is_live_coverage(self) -> bool:
        """Still going on (no end set, or an end in the future)."""
        return self.ended_at is None or self.ended_at > timezone.now()

    @property
    def started_at(self):
        return self.coverage_start or self.first_published_at or self.latest_revision_created_at

    @cached_property
    def entry_list(self) -> list[LiveEntry]:
        """Every entry, newest first, with its author (and their local names) and image.

        From the database when served; from the form's in-memory rows in a preview (modelcluster's
        FakeQuerySet, where unsaved entries have no pk yet).
        """
        from live.entries import newest_first

        rows = self.entries.all()
        if isinstance(rows, models.QuerySet):
            # Images with their renditions (live/entry.html, the JSON-LD): no query per entry.
            images = NewsImage.objects.prefetch_renditions(*ENTRY_RENDITIONS)
            rows = rows.select_related("author").prefetch_related(
                "author__local_names", Prefetch("image", queryset=images)
            )
        return newest_first(rows)

    @property
    def pinned_entries(self) -> list[LiveEntry]:
        return [entry for entry in self.entry_list if entry.pinned]

    @property
    def updated_at(self):
        """The newest entry's time, or the last publish (dateModified, the feed's updated)."""
        from news.corrections import later

        newest = self.entry_list[0].posted_at if self.entry_list else None
        return later(newest, self.last_published_at, self.ended_at if not self.is_live_coverage else None)

    def extra_cached_urls(self) -> list[str]:
        """Addresses besides the page's own that show its entries (pagecache.purge purges them)."""
        from live.entries import cached_urls

        return cached_urls(self)

    def clean(self):
        super().clean()
        start = self.coverage_start or self.first_published_at
        if self.ended_at and start and self.ended_at < start:
            raise ValidationError({"ended_at": _("The coverage cannot end before it started.")})

    def save(self, *args, **kwargs):
        if self.live and not self.coverage_start:
            self.coverage_start = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from live.entries import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context

    @path("feed/", name="feed")
    def feed_view(self, request):
        from live.feeds import entry_feed

        return entry_feed(request, self)


class LiveEntry(Orderable):
    """One timestamped post on a live page; its anchor is #entry-<pk>, stable across edits."""

    page = ParentalKey(LivePage, on_delete=models.CASCADE, related_name="entries")
    posted_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    title = models.CharField(
        _("headline"), max_length=200, blank=True,
        help_text=_("Optional: a few words readers see in bold above the text."),
    )  # fmt: skip
    author = models.ForeignKey(
        Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="live_entries",
        verbose_name=_("author"),
    )  # fmt: skip
    body = RichTextField(_("text"), features=ENTRY_FEATURES)
    image = models.ForeignKey(
        NewsImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("image"),
    )  # fmt: skip
    pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Shown first, in the Pinned box, as well as in its place.")
    )
    panels = [
        FieldPanel("posted_at"),
        FieldPanel("title"),
        FieldPanel("author"),
        FieldPanel("body"),
        FieldPanel("image"),
        FieldPanel("pinned"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("entry")
        verbose_name_plural = _("entries")

    def __str__(self) -> str:
        return self.headline

    @property
    def text(self) -> str:
        """The body as plain text (structured data, feed titles, search snippets)."""
        return " ".join(strip_tags(self.body or "").split())

    @property
    def headline(self) -> str:
        """The editor's headline, else the start of the text (BlogPosting.headline, Atom title)."""
        return self.title or Truncator(self.text).chars(110) or str(_("Entry"))
