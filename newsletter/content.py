"""What an issue says, read from the newsroom: its stories, the site's name and addresses, editions."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from newsletter import editions
from newsletter.compose import IssueMail, RenderedMail, Story, render_issue

TOP_STORIES_HOURS = 24


class IssueNotReady(Exception):
    """The issue cannot be sent as it is; the message says what to change (shown to the editor)."""


# -- the site ---------------------------------------------------------------------------------


def site_root_url() -> str:
    """ "https://example.org": the default Site's address (kept in step with STEPPE_BASE_URL)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def site_name(language: str | None = None) -> str:
    """The masthead readers of `language` know: their home page's title, else the site's name."""
    from wagtail.models import Site

    from news.models import HomePage

    if language:
        title = (
            HomePage.objects.live()
            .filter(locale__language_code=language)
            .order_by("path")
            .values_list("title", flat=True)
            .first()
        )
        if title:
            return title
    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def site_host() -> str:
    return urlsplit(site_root_url()).netloc


def absolute(language: str, view_name: str, *args: str) -> str:
    """An absolute URL of a newsletter page in `language` (its /<lang>/ prefix)."""
    with translation.override(language):
        return site_root_url() + reverse(view_name, args=args)


def home_url(language: str) -> str:
    return site_root_url() + f"/{language}/"


# -- editions ---------------------------------------------------------------------------------


def topic_sections(language: str) -> list:
    """The topic sections (not countries) readers of `language` can follow, in menu order."""
    from news.models import SectionPage

    return list(
        SectionPage.objects.live().filter(locale__language_code=language, country="").order_by("path")
    )


def edition_choices(language: str) -> list[tuple[str, str]]:
    """Every edition a subscriber of `language` can choose, with its name in that language."""
    from news.models import COUNTRIES

    with translation.override(language):
        choices = [(editions.ALL, gettext("Every story (the general edition)"))]
        choices += [(code, str(name)) for code, name in COUNTRIES]
        choices += [(editions.topic_key(s.translation_key), s.title) for s in topic_sections(language)]
    return choices


def all_edition_choices() -> list[tuple[str, str]]:
    """Editions of every site language, for the admin: a topic once, named as its first language has it."""
    choices: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        for key, label in edition_choices(code):
            choices.setdefault(key, label)
    return list(choices.items())


def edition_label(key: str, language: str) -> str:
    """ "Kazakhstan", "Economy"; empty for the general edition or an edition that no longer exists."""
    if key == editions.ALL:
        return ""
    return dict(edition_choices(language)).get(key, "")


def edition_labels(keys: list[str], language: str) -> list[str]:
    names = dict(edition_choices(language))
    return [names[key] for key in keys if key in names]


# -- an issue's stories -----------------------------------------------------------------------


def stories_for(issue, now: datetime) -> list:
    """The published articles the issue shows, in order."""
    from news.models import ArticlePage, SectionPage

    if issue.content == issue.Content.TOP:
        articles = ArticlePage.objects.published().filter(
            locale__language_code=issue.language, date_published__gt=now - timedelta(hours=TOP_STORIES_HOURS)
        )
        if editions.is_country(issue.edition):
            articles = articles.filter(countries__contains=editions.contains_pattern(issue.edition))
        elif editions.is_topic(issue.edition):
            translation_key = issue.edition.removeprefix(editions.TOPIC_PREFIX)
            section = SectionPage.objects.filter(
                translation_key=translation_key, locale__language_code=issue.language
            ).first()
            if section is None:
                return []
            articles = articles.filter(path__startswith=section.path, depth__gt=section.depth)
        return list(articles.order_by("-featured", "-date_published", "-pk")[: issue.top_count])
    # Chosen by the editor (in memory in a preview of unsaved changes): drop what is not published.
    chosen = [link.article_id for link in issue.chosen_articles.all() if link.article_id]
    published = ArticlePage.objects.published().in_bulk(chosen)
    return [published[pk] for pk in dict.fromkeys(chosen) if pk in published]


def issue_mail(issue, now: datetime) -> IssueMail:
    from news.models import SectionPage

    articles = stories_for(issue, now)
    if not articles and not issue.intro.strip():
        if issue.content == issue.Content.TOP:
            raise IssueNotReady(
                gettext("No published stories in the last %(hours)d hours for this edition: nothing to send.")
                % {"hours": TOP_STORIES_HOURS}
            )
        raise IssueNotReady(gettext("Choose at least one published article, or write an introduction."))
    parents = {a.path[: -SectionPage.steplen] for a in articles}
    sections = dict(SectionPage.objects.filter(path__in=parents).values_list("path", "title"))
    with translation.override(issue.language):
        stories = [
            Story(
                title=article.title,
                standfirst=article.standfirst,
                url=article.get_full_url(),
                section=sections.get(article.path[: -SectionPage.steplen], ""),
                published=article.date_published,
            )
            for article in articles
        ]
    return IssueMail(
        subject=issue.subject,
        language=issue.language,
        site_name=site_name(issue.language),
        site_url=home_url(issue.language),
        manage_url=absolute(issue.language, "newsletter-home"),
        intro=issue.intro.strip(),
        edition_label=edition_label(issue.edition, issue.language),
        stories=stories,
        date=now,
    )


def render(issue, now: datetime) -> tuple[RenderedMail, int]:
    """The issue's mail as every recipient will get it, and how many stories it has."""
    mail = issue_mail(issue, now)
    return render_issue(mail), len(mail.stories)


def preview_mail(issue, now: datetime) -> tuple[str, str, str]:
    """(subject, html, text) as a subscriber will receive it, with a stand-in unsubscribe link."""
    rendered, _count = render(issue, now)
    text, html = rendered.personalised(absolute(issue.language, "newsletter-unsubscribe", "preview"))
    return rendered.subject, html, text
