"""The editors' side: issues as a Wagtail snippet, with a page to send or schedule each one."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from newsletter.content import IssueNotReady, all_edition_choices, render
from newsletter.models import Issue
from newsletter.sending import delivery_counts, recipients
from newsletter.tasks import queue_send

SEND_PERMISSION = "newsletter.send_issue"


class IssueAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["edition"]
        self.fields["edition"] = forms.ChoiceField(
            label=field.label, help_text=field.help_text, choices=all_edition_choices(), initial=field.initial
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.instance.editable:
            raise ValidationError(
                _("This issue has been sent (or is being sent): it can no longer be changed.")
            )
        return cleaned


def send_url(issue: Issue) -> str:
    return reverse("wagtailsnippets_newsletter_issue:send", args=[issue.pk])


class IssueIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(SEND_PERMISSION):
            label = _("Send or schedule") if instance.editable else _("Delivery report")
            buttons.append(Button(label, url=send_url(instance), icon_name="mail", priority=5))
        return buttons


class IssueEditView(EditView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(SEND_PERMISSION):
            label = _("Send or schedule") if self.object.editable else _("Delivery report")
            buttons.append(HeaderButton(label, url=send_url(self.object), icon_name="mail"))
        return buttons


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=gettext_lazy("In the site's time zone."),
    )

    def clean_send_at(self) -> datetime:
        value = self.cleaned_data["send_at"]
        if value <= timezone.now():
            raise ValidationError(_("Choose a time in the future, or send it now."))
        return value


class IssueSendView(WagtailAdminTemplateMixin, TemplateView):
    """Send now, schedule, cancel a schedule; once sending, how far it has got."""

    template_name = "newsletter/admin/send.html"
    header_icon = "mail"
    page_title = gettext_lazy("Newsletter issue")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(SEND_PERMISSION):
            raise PermissionDenied
        self.issue = get_object_or_404(Issue, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.issue.subject

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailsnippets_newsletter_issue:list"), "label": _("Newsletter issues")},
            {
                "url": reverse("wagtailsnippets_newsletter_issue:edit", args=[self.issue.pk]),
                "label": self.issue.subject,
            },
            {"url": "", "label": _("Send or schedule")},
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        issue = self.issue
        problem = ""
        stories = 0
        if issue.editable:
            try:
                _rendered, stories = render(issue, timezone.now())
            except IssueNotReady as error:
                problem = str(error)
        due = (
            issue.status == Issue.Status.SCHEDULED
            and issue.send_at is not None
            and issue.send_at <= timezone.now()
        )
        context.update(
            issue=issue,
            due=due,
            problem=problem,
            stories=stories,
            recipient_count=recipients(issue).count() if issue.editable else None,
            counts=delivery_counts(issue.pk) if not issue.editable else None,
            schedule_form=kwargs.get("schedule_form") or ScheduleForm(initial={"send_at": issue.send_at}),
            edit_url=reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action")
        issue = self.issue
        if action == "cancel":
            if Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(
                status=Issue.Status.DRAFT, send_at=None, wake_at=None
            ):
                messages.success(request, _("The schedule is cancelled: the issue is a draft again."))
            else:
                messages.error(request, _("Too late to cancel: sending has started."))
            return redirect(request.path)
        if action not in ("send_now", "schedule"):
            messages.error(request, _("Unknown action."))
            return redirect(request.path)
        if not issue.editable:
            messages.error(request, _("This issue has been sent (or is being sent) already."))
            return redirect(request.path)
        try:
            render(issue, timezone.now())
        except IssueNotReady as error:
            messages.error(request, str(error))
            return redirect(request.path)
        if action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(schedule_form=form), status=400)
            when = form.cleaned_data["send_at"]
        else:
            when = timezone.now()
        with transaction.atomic():
            changed = Issue.objects.filter(
                pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]
            ).update(status=Issue.Status.SCHEDULED, send_at=when, wake_at=when, last_error="")
            if changed:
                # A schedule that moves leaves the old task queued: it finds the issue not due yet.
                queue_send(issue.pk, max((when - timezone.now()).total_seconds(), 0))
        if not changed:
            messages.error(request, _("This issue has been sent (or is being sent) already."))
        elif action == "schedule":
            messages.success(
                request,
                _("Scheduled for %(when)s.") % {"when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")},
            )
        else:
            messages.success(request, _("Sending has started. This page shows how far it has got."))
        return redirect(request.path)


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = gettext_lazy("Newsletter")
    menu_name = "newsletter"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["subject", "language", "edition_name", "status", "send_at", "updated_at"]
    list_filter = ["status", "language"]
    index_view_class = IssueIndexView
    edit_view_class = IssueEditView
    edit_handler = ObjectList(Issue.panels, base_form_class=IssueAdminForm)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send/<int:pk>/", IssueSendView.as_view(), name="send")]
