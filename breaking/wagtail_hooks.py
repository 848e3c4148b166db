"""Admin hooks: the "Breaking news" menu item and page, and the audit-log actions."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from breaking import actions, admin_views


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    view = admin_views.BreakingNewsView.as_view()
    return [
        path("breaking/", view, name="breaking_index"),
        path("breaking/<int:locale_id>/", view, name="breaking_set"),
    ]


class BreakingNewsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return actions.can_manage(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return BreakingNewsMenuItem(
        gettext_lazy("Breaking news"), reverse("breaking_index"), icon_name="warning", order=250
    )


@hooks.register("register_log_actions")
def register_log_actions(actions_registry) -> None:
    actions_registry.register_action(
        actions.SET, gettext_lazy("Set breaking news"), gettext_lazy("Breaking-news banner set")
    )
    actions_registry.register_action(
        actions.CLEAR, gettext_lazy("Clear breaking news"), gettext_lazy("Breaking-news banner taken down")
    )
    actions_registry.register_action(
        actions.EXPIRE, gettext_lazy("Breaking news expired"), gettext_lazy("Breaking-news banner expired")
    )
