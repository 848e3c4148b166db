"""The "Breaking news" admin page: per language, the banner that is up, a form to set one and a
button to take it down. Only users with breaking.manage_breakingnews (Editors, Moderators) see it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from breaking import actions
from breaking.forms import BannerForm
from breaking.models import BreakingNews


def forbidden() -> HttpResponse:
    # A 403, not Wagtail's redirect to the dashboard that a raised PermissionDenied would give.
    return HttpResponseForbidden(
        _("You may not set the breaking-news banner: ask an admin to add you to Editors or Moderators."),
        content_type="text/plain; charset=utf-8",
    )


class BreakingNewsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "breaking/admin/index.html"
    page_title = gettext_lazy("Breaking news")
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not actions.can_manage(request.user):
            return forbidden()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(
        self, bound: BannerForm | None = None, bound_locale: int | None = None, **kwargs
    ) -> dict:
        languages = []
        for locale in Locale.objects.order_by("pk"):
            form = (
                bound
                if bound is not None and locale.pk == bound_locale
                else BannerForm(prefix=f"l{locale.pk}")
            )
            languages.append(
                {
                    "locale": locale,
                    "current": actions.current(locale),
                    "form": form,
                    "recent": BreakingNews.objects.filter(locale=locale).select_related("created_by")[:5],
                }
            )
        return {**super().get_context_data(**kwargs), "languages": languages}

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        locale = get_object_or_404(Locale, pk=kwargs["locale_id"])
        if request.POST.get("action") == "clear":
            try:
                actions.clear_banner(locale, request.user)
            except actions.BannerError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("The %(language)s banner is down: readers no longer see it.")
                    % {"language": locale.get_display_name()},
                )
            return redirect(reverse("breaking_index") + f"#language-{locale.language_code}")
        form = BannerForm(request.POST, prefix=f"l{locale.pk}")
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.set_banner(
                    locale, request.user, data["text"], data["expires_at"],
                    link_url=data.get("link_url") or "", link_page=data.get("link_page"),
                )  # fmt: skip
            except actions.BannerError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The %(language)s banner is up on every page of that language.")
                    % {"language": locale.get_display_name()},
                )
                return redirect(reverse("breaking_index") + f"#language-{locale.language_code}")
        messages.error(request, _("The banner was not set: see the errors below."))
        return self.render_to_response(self.get_context_data(bound=form, bound_locale=locale.pk), status=400)
