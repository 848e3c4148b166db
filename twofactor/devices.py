"""TOTP devices of editors (django-otp): enrolment, verification with throttling, QR codes.

One confirmed TOTP device per user turns two-factor authentication on; an unconfirmed one is a
set-up in progress (its secret is shown until a first code confirms it). Backup codes are a
django-otp static device: ten one-time codes, made when 2FA is turned on and on request, shown
once, each deleted when used, so an editor whose phone is lost or broken can still log in.
"""

from __future__ import annotations

import re
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlencode

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODES = 10
# StaticToken.random_token(): 5 random bytes as 8 lowercase base32 characters (40 bits; throttled).
_BACKUP_CODE_RE = re.compile(r"^[a-z2-7]{8}$")


def confirmed_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def has_confirmed_device(user: AbstractBaseUser) -> bool:
    # Any django-otp device counts, so a device added by another plugin is never bypassed.
    return django_otp.user_has_device(user, confirmed=True)


def pending_device(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed device being set up, created once so the QR code stays the same on reload."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    """The secret as authenticator apps accept it typed in: base32, no padding."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def provisioning_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL for the QR code, labelled with the site's name so apps tell sites apart.

    Built here rather than with TOTPDevice.config_url, which takes its issuer only from an extra
    setting (OTP_TOTP_ISSUER); the parameters are the same.
    """
    issuer = str(settings.WAGTAIL_SITE_NAME).replace(":", "")
    label = f"{issuer}:{device.user.get_username()}"
    params = urlencode(
        {"secret": secret_base32(device), "algorithm": "SHA1", "digits": device.digits, "period": device.step}
    )
    return f"otpauth://totp/{quote(label)}?{params}&issuer={quote(issuer)}"


def qr_svg(data: str) -> str:
    """An SVG QR code (no Pillow, no JavaScript): black path on a white square, for dark themes too."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=12, border=4)
    return image.to_string(encoding="unicode")


@dataclass
class CheckResult:
    device: Device | None = None
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.device is not None


def check_code(user: AbstractBaseUser, device: Device, code: str) -> CheckResult:
    """Verify a code against one of the user's devices, honouring django-otp's throttling.

    After each wrong code the device refuses every code (even the right one) for 1, 2, 4, 8 …
    seconds; a right code resets the count. A throttled attempt is refused without being checked.
    """
    with transaction.atomic():
        locked = type(device).objects.select_for_update().filter(pk=device.pk, user=user).first()
        if locked is None:
            return CheckResult()
        allowed, info = locked.verify_is_allowed()
        if not allowed:
            return CheckResult(locked_until=(info or {}).get("locked_until"))
    return CheckResult(device=django_otp.verify_token(user, device.persistent_id, code))


def seconds_until(moment: datetime | None) -> int:
    if moment is None:
        return 0
    return max(1, int((moment - timezone.now()).total_seconds() + 0.999))


def remove_devices(user: AbstractBaseUser) -> int:
    """Delete every django-otp device of the user (2FA off); returns how many there were."""
    removed = 0
    for model in django_otp.device_classes():
        removed += model.objects.filter(user=user).delete()[0]
    return removed


def normalise_backup_code(code: str) -> str:
    """A backup code as typed (any case, with spaces or dashes as printed) in its stored form."""
    return "".join(ch for ch in code.lower() if ch not in " -\t")


def looks_like_backup_code(code: str) -> bool:
    return bool(_BACKUP_CODE_RE.match(code))


def format_backup_code(code: str) -> str:
    """Printed in two groups of four, easier to copy down by hand."""
    return f"{code[:4]} {code[4:]}"


def make_backup_codes(user: AbstractBaseUser) -> list[str]:
    """A new set of backup codes for the user; any earlier set stops working."""
    with transaction.atomic():
        # The device stays (only its codes are replaced): a session verified with a backup code
        # remembers the device, and would otherwise owe a code again.
        device = backup_device(user) or StaticDevice.objects.create(
            user=user, name=BACKUP_DEVICE_NAME, confirmed=True
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_device(user: AbstractBaseUser) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def backup_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def check_any_code(user: AbstractBaseUser, code: str) -> CheckResult:
    """A code from the authenticator app, or one of the user's backup codes."""
    if looks_like_backup_code(code):
        device = backup_device(user)
    else:
        device = confirmed_device(user)
    if device is None:
        return CheckResult()
    return check_code(user, device, code)
