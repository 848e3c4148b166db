"""Admin: a dashboard panel and an "Exchange rates" menu page with each source's health."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.db.models import Max
from django.http import HttpRequest
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from fx.models import Rate, SourceStatus
from fx.providers import PROVIDERS


def source_rows() -> list[dict]:
    """One row per source, including sources never fetched yet, with the newest stored date."""
    statuses = {s.source: s for s in SourceStatus.objects.all()}
    newest = dict(
        Rate.objects.order_by().values("source").annotate(newest=Max("date")).values_list("source", "newest")
    )
    return [
        {"source": name, "name": provider.NAME, "status": statuses.get(name), "newest": newest.get(name)}
        for name, provider in PROVIDERS.items()
    ]


class RatesPanel(Component):
    name = "fx_sources"
    order = 150
    template_name = "fx/admin/panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        rows = source_rows()
        return {"rows": rows, "failing": [r for r in rows if r["status"] and r["status"].failing]}


@hooks.register("construct_homepage_panels")
def add_rates_panel(request: HttpRequest, panels: list) -> None:
    if request.user.has_perm("fx.view_sourcestatus"):
        panels.append(RatesPanel())


class SourcesView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Exchange-rate sources"
    header_icon = "pick"
    template_name = "fx/admin/sources.html"

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "rows": source_rows()}


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    view = permission_required("fx.view_sourcestatus", raise_exception=True)(SourcesView.as_view())
    return [path("fx/sources/", view, name="fx_sources")]


class SourcesMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("fx.view_sourcestatus")


@hooks.register("register_settings_menu_item")
def register_sources_menu_item() -> MenuItem:
    return SourcesMenuItem("Exchange-rate sources", reverse("fx_sources"), icon_name="pick", order=900)
