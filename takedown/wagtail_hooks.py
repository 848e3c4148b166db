"""Admin hooks: "Take down…" on articles, the takedowns list, the audit-log actions, and the
checks that keep a taken-down article down (no editing, publishing or moving until reversed; no
page moved onto its address)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from takedown import actions, admin_views
from takedown.forms import reuse_message, takedown_in_the_way
from takedown.models import TakedownNotice

register_snippet(TakedownNotice)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path("takedown/", admin_views.TakedownListView.as_view(), name="takedown_list"),
        path("takedown/page/<int:page_id>/", admin_views.TakeDownView.as_view(), name="takedown_page"),
        path("takedown/<int:pk>/reverse/", admin_views.ReverseView.as_view(), name="takedown_reverse"),
    ]


class TakedownMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return actions.can_take_down(request.user) or actions.can_reverse(request.user)


@hooks.register("register_settings_menu_item")
def register_menu_item() -> MenuItem:
    return TakedownMenuItem(
        gettext_lazy("Takedowns"), reverse("takedown_list"), icon_name="warning", order=900
    )


def _is_article(page) -> bool:
    from news.models import ArticlePage

    return issubclass(page.specific_class or type(page), ArticlePage)


def _buttons(page, user):
    if not _is_article(page):
        return
    if page.live and actions.can_take_down(user):
        yield Button(
            _("Take down…"), reverse("takedown_page", args=[page.pk]), icon_name="warning",
            attrs={"data-takedown": "take-down"}, priority=62,
        )  # fmt: skip
    elif not page.live and actions.can_reverse(user):
        takedown = actions.active_takedown(page.pk)
        if takedown is not None:
            yield Button(
                _("Reverse takedown…"), reverse("takedown_reverse", args=[takedown.pk]), icon_name="undo",
                attrs={"data-takedown": "reverse"}, priority=62,
            )  # fmt: skip


@hooks.register("register_page_header_buttons")
def header_buttons(page, user, view_name, next_url=None):
    yield from _buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def listing_buttons(page, user, next_url=None):
    yield from _buttons(page, user)


class TakeDownMenuItem(ActionMenuItem):
    label = gettext_lazy("Take down…")
    name = "action-takedown"
    icon_name = "warning"

    def is_shown(self, context) -> bool:
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and page.live
            and _is_article(page)
            and actions.can_take_down(context["request"].user)
        )

    def get_url(self, parent_context) -> str:
        return reverse("takedown_page", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def take_down_menu_item() -> ActionMenuItem:
    return TakeDownMenuItem(order=60)


@hooks.register("before_edit_page")
def no_editing_while_taken_down(request, page):
    # The edit view is where Publish is: a taken-down article waits for the reversal.
    takedown = actions.active_takedown(page.pk)
    if takedown is not None:
        view = admin_views.TakenDownEditView.as_view(page=page, takedown=takedown)
        return view(request)
    return None


@hooks.register("before_move_page")
def no_move_onto_or_of_takedown(request, page, destination):
    takedown = actions.active_takedown(page.pk)
    if takedown is not None:
        messages.error(request, _("A taken-down article cannot be moved: its address must stay gone."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    takedown = takedown_in_the_way(destination, page.slug, page)
    if takedown is not None:
        messages.error(request, reuse_message(takedown))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def no_bulk_publish_or_move(request, action_type, objects, action_class_instance):
    if action_type not in ("publish", "move"):
        return None
    from takedown.models import Takedown

    ids = [obj.pk for obj in objects]
    taken = Takedown.objects.active().filter(page_id__in=ids).first()
    if taken is not None:
        messages.error(
            request,
            _("'%(title)s' is taken down: it cannot be published or moved until the takedown is reversed.")
            % {"title": taken.title},
        )
        return redirect(request.GET.get("next") or reverse("wagtailadmin_home"))
    return None


@hooks.register("register_log_actions")
def register_log_actions(actions_registry) -> None:
    actions_registry.register_action(
        actions.TAKE_DOWN, gettext_lazy("Take down"), gettext_lazy("Taken down for legal reasons")
    )
    actions_registry.register_action(
        actions.REVERSE, gettext_lazy("Reverse takedown"), gettext_lazy("Takedown reversed: published again")
    )
