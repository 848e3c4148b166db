"""/<lang>/search/: full-text search of published articles with filters, order and pages."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelsearch.query import PlainText
from wagtail.models import Locale

from discovery.documents import body_text
from news.models import COUNTRIES, ArticlePage, SectionPage
from sitesearch.snippets import highlight
from sitesearch.stemming import query_terms
from translit.search import normalise_query_for_search

MAX_QUERY_CHARS = 200
MAX_PAGE = 1000


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_CHARS)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *COUNTRIES]
    )
    section = forms.TypedChoiceField(label=_("Section"), required=False, coerce=int, empty_value=None)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language"), required=False)
    order = forms.ChoiceField(
        label=_("Order"), required=False, choices=[("", _("Most relevant")), ("date", _("Newest first"))]
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *[(s.pk, s.title) for s in sections]]
        self.fields["language"].choices = [("", _("This language")), ("all", _("All languages")),
                                           *settings.LANGUAGES]  # fmt: skip


def _clean_text(value: str) -> str:
    # Lone surrogates or NULs (from broken percent-encoding) cannot be stored or searched.
    return value.encode("utf-8", "ignore").decode("utf-8").replace("\x00", "")


def _page_number(raw: str) -> int | None:
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        return None
    return int(raw)


def search(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseBadRequest()
    language = get_language()
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        locale = None
    sections = list(SectionPage.objects.live().filter(locale=locale).order_by("path")) if locale else []
    data = {
        key: _clean_text(request.GET.get(key, ""))
        for key in ("q", "country", "section", "date_from", "date_to", "language", "order")
    }
    if len(request.GET.get("q", "")) > MAX_QUERY_CHARS * 4:
        return HttpResponseBadRequest("Query too long.")
    data["q"] = data["q"][:MAX_QUERY_CHARS]
    form = SearchForm(data, sections=sections)
    number = _page_number(request.GET.get("page", ""))
    context = {"form": form, "query": data["q"].strip(), "page_obj": None, "terms": [], "searched": False}
    status = 200
    if number is None or number > MAX_PAGE:
        status = 400
    elif not form.is_valid():
        status = 400
    else:
        context.update(run_search(form.cleaned_data, locale, sections, number))
    response = render(request, "sitesearch/search.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def run_search(cleaned: dict, locale, sections, number: int) -> dict:
    # Uzbek is indexed in Latin (news.models.ArticlePage._search_script): a query in either script
    # finds an article in either script when the search is in Uzbek.
    target_language = cleaned["language"] or (locale.language_code if locale else "")
    terms = query_terms(normalise_query_for_search(cleaned["q"], target_language))
    if not terms:
        return {"terms": [], "searched": bool(cleaned["q"])}
    articles = ArticlePage.objects.published()
    if cleaned["language"] != "all":
        target = locale
        if cleaned["language"]:
            target = Locale.objects.filter(language_code=cleaned["language"]).first()
        articles = articles.filter(locale=target) if target else articles.none()
    if cleaned["country"]:
        code = cleaned["country"]
        articles = articles.filter(
            pk__in=ArticlePage.objects.filter(countries__contains=f",{code},").values("pk")
        )
    if cleaned["section"]:
        section = next((s for s in sections if s.pk == cleaned["section"]), None)
        articles = articles.descendant_of(section) if section else articles.none()
    tz = timezone.get_current_timezone()
    if cleaned["date_from"]:
        articles = articles.filter(date_published__gte=datetime.combine(cleaned["date_from"], time.min, tz))
    if cleaned["date_to"]:
        end = datetime.combine(cleaned["date_to"], time.min, tz) + timedelta(days=1)
        articles = articles.filter(date_published__lt=end)
    by_date = cleaned["order"] == "date"
    if by_date:
        articles = articles.order_by("-date_published")
    results = articles.search(PlainText(" ".join(terms), operator="and"), order_by_relevance=not by_date)
    paginator = Paginator(results, settings.STEPPE_SEARCH_PER_PAGE)
    page_obj = paginator.get_page(number)
    term_set = set(terms)
    hits = list(page_obj.object_list)
    for article in hits:
        article.snippet = highlight(f"{article.standfirst} {body_text(article.body)}", term_set)
    return {"terms": terms, "page_obj": page_obj, "hits": hits, "searched": True}
