"""Admin: Reports → Telegram posts, a "Telegram" entry on each article's header menu, and a
dashboard panel when a post needs an editor."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from telegram import admin_views
from telegram.conf import config, enabled
from telegram.models import TelegramPost
from telegram.sync import too_old


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path("telegram/", admin_views.PostsView.as_view(), name="telegram_posts"),
        path("telegram/<int:post_id>/retry/", admin_views.retry, name="telegram_retry"),
        path("telegram/<int:post_id>/adopt/", admin_views.adopt, name="telegram_adopt"),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return MenuItem(gettext_lazy("Telegram posts"), reverse("telegram_posts"), icon_name="site", order=900)


@hooks.register("register_page_header_buttons")
def telegram_status_button(page, user, view_name, next_url=None):
    from news.models import ArticlePage

    if not issubclass(page.specific_class or type(page), ArticlePage):
        return
    post = TelegramPost.objects.filter(article_id=page.pk).only("status").first()
    if post is not None:
        label = _("Telegram: %(status)s") % {"status": post.get_status_display()}
    elif not enabled():
        return
    elif config().channel_for(page.locale.language_code) is None:
        label = _("Telegram: no channel for this language")
    elif page.live and too_old(page.specific_deferred, config(), timezone.now()):
        label = _("Telegram: not posted (dated more than %(hours)s hours ago)") % {
            "hours": f"{config().max_age_hours:g}"
        }
    elif page.live:
        label = _("Telegram: %(status)s") % {"status": TelegramPost.Status.QUEUED.label}
    else:
        label = _("Telegram: posted when published")
    yield Button(
        label,
        f"{reverse('telegram_posts')}?article={page.pk}",
        icon_name="warning" if post is not None and post.needs_editor else "site",
        attrs={"data-telegram-status": post.status if post else "none"},
        priority=70,
    )


class AttentionPanel(Component):
    name = "telegram_attention"
    order = 140
    template_name = "telegram/admin/panel.html"

    def __init__(self, posts: list[TelegramPost]) -> None:
        self.posts = posts

    def get_context_data(self, parent_context=None) -> dict:
        return {"posts": self.posts}


@hooks.register("construct_homepage_panels")
def add_attention_panel(request: HttpRequest, panels: list) -> None:
    posts = list(TelegramPost.objects.filter(status__in=admin_views.ATTENTION).select_related("article")[:10])
    if posts:
        panels.append(AttentionPanel(posts))
