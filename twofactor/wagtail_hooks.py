from django import forms
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel

from twofactor import devices, urls


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [path("twofactor/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return MenuItem(
        _("Two-factor authentication"), reverse_lazy("twofactor_status"), icon_name="key", order=10000
    )


class _NothingToSave(forms.Form):
    """The account page saves every panel's form; this panel only links to the 2FA pages."""


class TwoFactorPanel(BaseSettingsPanel):
    name = "twofactor"
    title = _("Two-factor authentication")
    order = 700
    template_name = "twofactor/panel.html"

    def get_form(self) -> forms.Form:
        return _NothingToSave()  # never bound, so the account page never tries to save it

    def get_context_data(self) -> dict:
        return {"enabled": devices.has_confirmed_device(self.user)}


@hooks.register("register_account_settings_panel")
def register_panel(request, user, profile) -> TwoFactorPanel:
    return TwoFactorPanel(request, user, profile)
