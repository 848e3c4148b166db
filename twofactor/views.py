"""The editor's 2FA pages in the admin: status, set-up (QR code), backup codes, the verify step, disabling."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from twofactor import devices
from twofactor.forms import CodeForm, CodeOrBackupForm
from twofactor.middleware import require_2fa

logger = logging.getLogger("steppe.twofactor")
NEW_CODES_SESSION_KEY = "twofactor_new_backup_codes"


def show_new_backup_codes(request: HttpRequest, user) -> HttpResponseRedirect:
    """Make a new set of backup codes and show it once, on the backup-codes page."""
    request.session[NEW_CODES_SESSION_KEY] = devices.make_backup_codes(user)
    url = reverse("twofactor_backup_codes")
    target = request.POST.get("next") and safe_next(request)
    if target:
        url += "?" + urlencode({"next": target})
    return HttpResponseRedirect(url)


def safe_next(request: HttpRequest) -> str:
    """Where to go after a code was accepted: the page asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def refuse(form: CodeForm, result: devices.CheckResult) -> None:
    if result.locked_until is not None:
        form.add_error(
            "code",
            _("Too many wrong codes. Wait %(seconds)s seconds, then try again.")
            % {"seconds": devices.seconds_until(result.locked_until)},
        )
    else:
        form.add_error("code", _("That code is not right (or was already used). Try the next one."))


class TwoFactorPage(WagtailAdminTemplateMixin):
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"

    @method_decorator(never_cache)  # these pages show secrets and session state
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse_lazy("twofactor_status"), "label": self.page_title},
        ]


class StatusView(TwoFactorPage, TemplateView):
    template_name = "twofactor/status.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CodeOrBackupForm())
        context["device"] = devices.confirmed_device(self.request.user)
        context["backup_codes_left"] = devices.backup_codes_left(self.request.user)
        context["required"] = require_2fa()
        return context


class SetupView(TwoFactorPage, FormView):
    template_name = "twofactor/setup.html"
    form_class = CodeForm
    page_subtitle = gettext_lazy("Set up")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if devices.has_confirmed_device(request.user):
            messages.info(request, _("Two-factor authentication is already on."))
            return redirect("twofactor_status")
        self.device = devices.pending_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        uri = devices.provisioning_uri(self.device)
        context["qr_svg"] = devices.qr_svg(uri)  # generated here from our own data: safe to inline
        context["secret"] = devices.secret_base32(self.device)
        context["required"] = require_2fa()
        context["next"] = self.request.GET.get("next", "")
        return context

    def form_valid(self, form: CodeForm) -> HttpResponse:
        result = devices.check_code(self.request.user, self.device, form.cleaned_data["code"])
        if not result.ok:
            refuse(form, result)
            return self.form_invalid(form)
        device = result.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.devices_for_user(self.request.user, confirmed=False).delete()
        # The code just given proves the second factor for this session too.
        self.request.session.cycle_key()
        django_otp.login(self.request, device)
        logger.info("two-factor authentication turned on for user %s", self.request.user.pk)
        messages.success(
            self.request, _("Two-factor authentication is on. You will need a code at each login.")
        )
        return show_new_backup_codes(self.request, self.request.user)


class BackupCodesView(TwoFactorPage, FormView):
    """Shows a new set of backup codes once; asking for a new set takes a code from the app."""

    template_name = "twofactor/backup_codes.html"
    form_class = CodeForm
    page_subtitle = gettext_lazy("Backup codes")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.device = devices.confirmed_device(request.user)
        if self.device is None:
            return redirect("twofactor_status")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        codes = (
            self.request.session.pop(NEW_CODES_SESSION_KEY, None) if self.request.method == "GET" else None
        )
        context["new_codes"] = [devices.format_backup_code(code) for code in codes or []]
        context["codes_left"] = devices.backup_codes_left(self.request.user)
        next_url = self.request.GET.get("next", "")
        context["next"] = next_url if next_url and next_url == safe_next(self.request) else ""
        return context

    def form_valid(self, form: CodeForm) -> HttpResponse:
        result = devices.check_code(self.request.user, self.device, form.cleaned_data["code"])
        if not result.ok:
            refuse(form, result)
            return self.form_invalid(form)
        logger.info("new backup codes made for user %s", self.request.user.pk)
        return show_new_backup_codes(self.request, self.request.user)


class VerifyView(FormView):
    """The step after Wagtail's password login, on a bare page like the login form."""

    template_name = "twofactor/verify.html"
    form_class = CodeOrBackupForm

    @method_decorator(never_cache)
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_verified():
            return HttpResponseRedirect(safe_next(request))
        self.device = devices.confirmed_device(request.user)
        if self.device is None:
            return redirect("twofactor_setup" if require_2fa() else "wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["next"] = self.request.POST.get("next") or self.request.GET.get("next", "")
        return context

    def form_valid(self, form: CodeOrBackupForm) -> HttpResponse:
        result = devices.check_any_code(self.request.user, form.cleaned_data["code"])
        if not result.ok:
            logger.warning("wrong two-factor code for user %s", self.request.user.pk)
            refuse(form, result)
            return self.form_invalid(form)
        # A new session key once the login is complete, as at the password step.
        self.request.session.cycle_key()
        django_otp.login(self.request, result.device)
        if result.device.persistent_id != self.device.persistent_id:
            left = devices.backup_codes_left(self.request.user)
            logger.warning("user %s logged in with a backup code (%s left)", self.request.user.pk, left)
            messages.warning(
                self.request,
                _(
                    "You used a backup code; %(left)s left. If your phone is lost, set up "
                    "two-factor authentication again on a new one."
                )
                % {"left": left},
            )
        return HttpResponseRedirect(safe_next(self.request))


class DisableView(TwoFactorPage, FormView):
    """Turning 2FA off takes a current code, so a session left open is not enough."""

    template_name = "twofactor/status.html"
    form_class = CodeOrBackupForm  # a backup code too: the phone may be the thing that is lost
    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return redirect("twofactor_status")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["device"] = devices.confirmed_device(self.request.user)
        context["backup_codes_left"] = devices.backup_codes_left(self.request.user)
        context["required"] = require_2fa()
        return context

    def form_valid(self, form: CodeOrBackupForm) -> HttpResponse:
        if devices.confirmed_device(self.request.user) is None:
            return redirect("twofactor_status")
        result = devices.check_any_code(self.request.user, form.cleaned_data["code"])
        if not result.ok:
            refuse(form, result)
            return self.form_invalid(form)
        devices.remove_devices(self.request.user)
        logger.info("two-factor authentication turned off by user %s", self.request.user.pk)
        messages.success(self.request, _("Two-factor authentication is off."))
        return redirect("twofactor_status")
