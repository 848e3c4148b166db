"""What editors see and can do in the admin: every post's status, and the three decisions only
a person can make (telegram.sync): post again, "it is in the channel", try again."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from telegram import sync
from telegram.formatting import message_id_from_link
from telegram.models import TelegramPost

Status = TelegramPost.Status
PER_PAGE = 50


class PostsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Telegram posts")
    header_icon = "site"
    template_name = "telegram/admin/posts.html"

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs) -> dict:
        posts = TelegramPost.objects.select_related("article")
        status = self.request.GET.get("status", "")
        if status in Status.values:
            posts = posts.filter(status=status)
        elif status == "attention":
            posts = posts.filter(status__in=ATTENTION)
        article = self.request.GET.get("article", "")
        if article.isdigit():
            posts = posts.filter(article_id=int(article))
        from telegram.conf import enabled

        return {
            **super().get_context_data(**kwargs),
            "posts": posts[:PER_PAGE],
            "statuses": Status.choices,
            "status": status,
            "enabled": enabled(),
            "adopt_form": AdoptForm(),
        }


ATTENTION = [Status.UNCONFIRMED, Status.FAILED, Status.REMOVED]


class AdoptForm(forms.Form):
    link = forms.CharField(label=gettext_lazy("Link to the post in Telegram"), max_length=200)


def _editable_post(request: HttpRequest, post_id: int) -> TelegramPost:
    post = get_object_or_404(TelegramPost.objects.select_related("article"), pk=post_id)
    article = post.article
    # Deciding what goes to the channel is a publisher's call, as publishing the article is.
    if article is None or not article.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return post


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("telegram_posts")
    return redirect(target)


def _reset(post: TelegramPost, **changes) -> bool:
    return sync._write(post, attempts=0, retry_at=None, lease_until=None, **changes)


@require_POST
def retry(request: HttpRequest, post_id: int) -> HttpResponse:
    """Failed: try again (the setting is fixed). Unconfirmed or removed in Telegram: the editor
    looked, it is not in the channel: post it again."""
    post = _editable_post(request, post_id)
    if post.status not in (Status.UNCONFIRMED, Status.REMOVED, Status.FAILED):
        messages.error(request, _("This post is not waiting for a decision."))
        return _back(request)
    if _reset(
        post, status=Status.QUEUED, message_id=None if post.status != Status.FAILED else post.message_id
    ):
        sync.schedule(post.pk)
        messages.success(request, _("The post is queued again."))
    return _back(request)


@require_POST
def adopt(request: HttpRequest, post_id: int) -> HttpResponse:
    """Unconfirmed, and the editor found it in the channel: take its link, so edits and deletes work."""
    post = _editable_post(request, post_id)
    form = AdoptForm(request.POST)
    if post.status != Status.UNCONFIRMED:
        messages.error(request, _("This post is not waiting for a decision."))
        return _back(request)
    if not form.is_valid():
        messages.error(request, _("Paste the link of the post (⋯ → Copy link in Telegram)."))
        return _back(request)
    try:
        message_id = message_id_from_link(form.cleaned_data["link"], post.channel)
    except ValueError as error:
        messages.error(request, _("That link does not work here: %(reason)s.") % {"reason": error})
        return _back(request)
    kind = TelegramPost.Kind.PHOTO if post.article.lead_image_id else TelegramPost.Kind.TEXT
    # The text Telegram has is not known: the next run edits it to the article's (a no-op if equal).
    if _reset(post, status=Status.POSTED, message_id=message_id, kind=kind, posted_text="", last_error=""):
        sync.schedule(post.pk)
        messages.success(request, _("Linked to the post in the channel."))
    return _back(request)
