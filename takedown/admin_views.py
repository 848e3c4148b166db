"""Admin views: take an article down (with the internal reason), reverse it, list takedowns."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from takedown import actions
from takedown.forms import TakedownForm
from takedown.models import Takedown


def forbidden(message: str) -> HttpResponse:
    # A 403, not Wagtail's redirect to the dashboard that a raised PermissionDenied would give.
    return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")


def _explorer_url(page: Page) -> str:
    parent = page.get_parent()
    return reverse("wagtailadmin_explore", args=[parent.pk]) if parent else reverse("wagtailadmin_home")


class TakeDownView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "takedown/admin/take_down.html"
    page_title = gettext_lazy("Take down")
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not actions.can_take_down(request.user):
            return forbidden(_("You may not take articles down: ask an admin for the takedown permission."))
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]), "label": self.page.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "page": self.page,
            "form": kwargs.get("form") or TakedownForm(),
            "problem": kwargs.get("problem", ""),
            "address": self.page.get_url() if self.page.live else "",
        }

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = TakedownForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            takedown = actions.take_down(self.page, request.user, form.cleaned_data["reason"])
        except actions.TakedownError as error:
            return self.render_to_response(self.get_context_data(form=form, problem=str(error)), status=400)
        messages.success(
            request,
            _("'%(title)s' is taken down: %(url)s now answers 410 Gone with the takedown notice.")
            % {"title": takedown.title, "url": takedown.url},
        )
        return redirect(_explorer_url(self.page))


class ReverseView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "takedown/admin/reverse.html"
    page_title = gettext_lazy("Reverse takedown")
    header_icon = "undo"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not actions.can_reverse(request.user):
            return forbidden(_("Only an admin may reverse a takedown."))
        self.takedown = get_object_or_404(Takedown.objects.select_related("taken_down_by"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.takedown.title

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [
            {"url": reverse("takedown_list"), "label": _("Takedowns")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "takedown": self.takedown,
            "problem": kwargs.get("problem", ""),
        }

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            page = actions.reverse(self.takedown, request.user)
        except actions.TakedownError as error:
            return self.render_to_response(self.get_context_data(problem=str(error)), status=400)
        messages.success(
            request, _("The takedown is reversed: '%(title)s' is published again.") % {"title": page.title}
        )
        return redirect(reverse("takedown_list"))


class TakedownListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "takedown/admin/list.html"
    page_title = gettext_lazy("Takedowns")
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (actions.can_take_down(request.user) or actions.can_reverse(request.user)):
            return forbidden(_("You may not see the takedowns."))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs) -> dict:
        takedowns = Takedown.objects.select_related("taken_down_by", "reversed_by")[:200]
        return {
            **super().get_context_data(**kwargs),
            "takedowns": takedowns,
            "can_reverse": actions.can_reverse(self.request.user),
        }


class TakenDownEditView(WagtailAdminTemplateMixin, TemplateView):
    """Shown instead of the edit view: a taken-down article is not edited (nor published) until
    the takedown is reversed."""

    template_name = "takedown/admin/taken_down.html"
    page_title = gettext_lazy("Taken down")
    header_icon = "warning"

    page: Page | None = None
    takedown: Takedown | None = None

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.page.title}]

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "page": self.page,
            "takedown": self.takedown,
            "can_reverse": actions.can_reverse(self.request.user),
            "history_url": reverse("wagtailadmin_pages:history", args=[self.page.pk]),
        }
