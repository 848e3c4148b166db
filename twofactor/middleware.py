"""Sends editors who logged in with a password but not yet with a code to the verify page.

Runs after django_otp.middleware.OTPMiddleware, which sets ``request.user.is_verified()``. A
session that still owes a code (the user has a confirmed device, or STEPPE_REQUIRE_2FA is on) may
open only the 2FA pages and log out in the admin; everywhere else on the site it counts as
anonymous, so private pages and documents stay closed to a stolen password too.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from twofactor.devices import has_confirmed_device

# Admin URLs a session owing a code may still open (by URL name).
ALWAYS_OPEN = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


def require_2fa() -> bool:
    return bool(getattr(settings, "STEPPE_REQUIRE_2FA", False))


def _anonymous() -> AnonymousUser:
    user = AnonymousUser()
    user.otp_device = None  # what OTPMiddleware gives every user
    user.is_verified = lambda: False
    return user


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        if has_confirmed_device(user):
            target = "twofactor_verify"
        elif require_2fa():
            target = "twofactor_setup"
        else:
            return self.get_response(request)  # 2FA is optional and this editor has not set it up

        if not request.path_info.startswith(f"/{settings.STEPPE_ADMIN_PATH}/"):
            request.user = _anonymous()
            return self.get_response(request)
        open_paths = {reverse(name) for name in (*ALWAYS_OPEN, target)}
        if request.path in open_paths:
            return self.get_response(request)
        url = reverse(target)
        if request.method in ("GET", "HEAD"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(url)
