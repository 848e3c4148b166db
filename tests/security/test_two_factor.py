"""Two-factor authentication for editors (twofactor app): TOTP codes from django-otp.

Codes are real TOTP codes computed from the secret the set-up page shows; the clock that
django-otp's TOTP device reads is moved by hand, so the tests do not depend on when they run.
"""

from __future__ import annotations

import io
import re
from base64 import b32decode
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from twofactor.devices import provisioning_uri, qr_svg

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
START = 1_900_000_000.0  # any moment; the device only ever sees this clock


def admin(path: str = "") -> str:
    return f"/{settings.STEPPE_ADMIN_PATH}/{path}"


@pytest.fixture
def clock(monkeypatch):
    """The time django-otp's TOTP device verifies against; tests move it on by whole steps."""
    now = SimpleNamespace(value=START)
    from django_otp.plugins.otp_totp import models as totp_models

    monkeypatch.setattr(totp_models, "time", SimpleNamespace(time=lambda: now.value))
    now.tick = lambda steps=1: setattr(now, "value", now.value + 30 * steps)
    return now


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def code(key: bytes, clock, steps: int = 0) -> str:
    """What an authenticator app shows now (or `steps` periods later), zero-padded like the app."""
    generator = TOTP(key)
    generator.time = clock.value + 30 * steps
    return f"{generator.token():06d}"


def enrolled(user) -> bytes:
    """A confirmed device with a known key, as if the user had set 2FA up earlier."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return device.bin_key


def password_login(client) -> None:
    response = client.post(admin("login/"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302, "the password step itself must succeed"


def wait_out_throttle(user) -> None:
    """Let the throttle delay after a wrong code pass (it runs on the real clock, not the TOTP one)."""
    TOTPDevice.objects.filter(user=user).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


def backup_codes_on(response) -> list[str]:
    """The backup codes a page shows, as the editor would copy them ("abcd efgh")."""
    assert response.status_code == 200
    found = re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", response.content.decode())
    return [c.replace(" ", "") for c in found]


def verify(client, key: bytes, clock, next_url: str = ""):
    data = {"code": code(key, clock)}
    if next_url:
        data["next"] = next_url
    return client.post(admin("twofactor/verify/"), data)


def test_editors_without_a_device_are_unaffected(client, editor, clock):
    password_login(client)
    assert client.get(admin()).status_code == 200
    assert client.get(admin("pages/")).status_code == 200
    status = client.get(admin("twofactor/"))
    assert status.status_code == 200
    assert b"Two-factor authentication is off." in status.content


def test_setup_flow_scan_confirm_and_then_verified(client, editor, clock):
    password_login(client)
    page = client.get(admin("twofactor/setup/"))
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"] or "no-store" in page["Cache-Control"]
    html = page.content.decode()
    secret = re.search(r'<code class="twofactor-secret">([A-Z2-7]+)</code>', html).group(1)
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    # The QR code is an inline SVG (no script, no image library) of the otpauth:// URL.
    assert qr_svg(provisioning_uri(device)) in html
    uri = provisioning_uri(device)
    assert uri.startswith("otpauth://totp/") and f"secret={secret}" in uri and "issuer=" in uri
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    # A reload shows the same secret (the app may have scanned it already).
    assert secret in client.get(admin("twofactor/setup/")).content.decode()
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    key = b32decode(secret + "=" * (-len(secret) % 8))  # what the editor types into the app
    wrong = client.post(admin("twofactor/setup/"), {"code": f"{(int(code(key, clock)) + 1) % 10**6:06d}"})
    assert wrong.status_code == 200
    assert b"not right" in wrong.content
    assert not TOTPDevice.objects.get(user=editor).confirmed

    clock.tick()
    wait_out_throttle(editor)
    done = client.post(admin("twofactor/setup/"), {"code": code(key, clock)})
    assert done.status_code == 302 and done["Location"] == admin("twofactor/backup-codes/")
    assert TOTPDevice.objects.get(user=editor).confirmed
    # Turning 2FA on makes ten backup codes and shows them once.
    shown = backup_codes_on(client.get(done["Location"]))
    assert len(shown) == 10 and len(set(shown)) == 10
    assert sorted(shown) == sorted(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    again = client.get(admin("twofactor/backup-codes/"))
    assert backup_codes_on(again) == [] and b"You have 10 unused backup codes." in again.content
    # This session proved the code already; the admin works on.
    assert client.get(admin()).status_code == 200
    assert b"Two-factor authentication is on." in client.get(admin("twofactor/")).content
    # The set-up page does not offer a second secret once 2FA is on.
    assert client.get(admin("twofactor/setup/"))["Location"] == admin("twofactor/")

    # The next login needs a code.
    client.logout()
    password_login(client)
    assert client.get(admin())["Location"].startswith(admin("twofactor/verify/"))


def test_login_needs_a_code_before_any_admin_page(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    for path in ("", "pages/", "images/", "account/", "twofactor/", "twofactor/setup/", "users/"):
        response = client.get(admin(path))
        assert response.status_code == 302, path
        assert response["Location"] == admin(
            "twofactor/verify/"
        ) + f"?next=%2F{settings.STEPPE_ADMIN_PATH}%2F" + path.replace("/", "%2F")
    assert client.post(admin("pages/add/news/articlepage/1/"), {}).status_code == 302

    page = client.get(admin("twofactor/verify/"), {"next": admin("pages/")})
    assert page.status_code == 200
    assert b'autocomplete="one-time-code"' in page.content

    accepted = verify(client, key, clock, next_url=admin("pages/"))
    assert accepted.status_code == 302 and accepted["Location"] == admin("pages/")
    assert client.get(admin()).status_code == 200
    assert client.get(admin("pages/")).status_code == 200
    # Verified pages bounce off the verify page.
    assert client.get(admin("twofactor/verify/"))["Location"] == admin()

    # The same code cannot be replayed by someone else who has the password.
    other = client.__class__()
    password_login(other)
    replay = verify(other, key, clock)
    assert replay.status_code == 200
    assert other.get(admin()).status_code == 302


def test_wrong_and_garbage_codes_are_refused(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    right = code(key, clock)
    for garbage in ("", "abc", "12345", "1" * 30, "١٢٣٤٥٦", "<script>", "000000\x00"):
        response = client.post(admin("twofactor/verify/"), {"code": garbage})
        assert response.status_code == 200, garbage
    assert client.get(admin()).status_code == 302  # still owes a code
    wrong = client.post(admin("twofactor/verify/"), {"code": f"{(int(right) + 1) % 10**6:06d}"})
    assert wrong.status_code == 200
    assert b"not right" in wrong.content
    assert client.get(admin()).status_code == 302
    # Elsewhere-hosted "next" URLs are not followed after the code.
    wait_out_throttle(editor)
    done = verify(client, key, clock, next_url="https://evil.example/phish")
    assert done.status_code == 302 and done["Location"] == admin()


def test_repeated_wrong_codes_are_throttled(client, editor, clock, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # 60 s after one failure, 120 s after two, …
    key = enrolled(editor)
    password_login(client)
    right = code(key, clock)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    assert client.post(admin("twofactor/verify/"), {"code": wrong}).status_code == 200
    # A burst of guesses inside the lock: refused unchecked, and even the right code is refused.
    for _ in range(20):
        assert b"Too many wrong codes" in client.post(admin("twofactor/verify/"), {"code": wrong}).content
    refused = client.post(admin("twofactor/verify/"), {"code": right})
    assert b"Too many wrong codes" in refused.content
    assert client.get(admin()).status_code == 302
    device = TOTPDevice.objects.get(user=editor)
    assert device.throttling_failure_count == 1  # only the checked guess counted

    # When the wait is over the right code works and the count starts again.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=61)
    )
    assert verify(client, key, clock).status_code == 302
    assert client.get(admin()).status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 0


def test_default_throttling_refuses_a_right_code_straight_after_wrong_ones(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    right = code(key, clock)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    device = TOTPDevice.objects.get(user=editor)
    client.post(admin("twofactor/verify/"), {"code": wrong})
    # Pretend the guesser kept going: after 10 failures the wait is 2**9 = 512 s.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=10)
    assert b"Too many wrong codes" in client.post(admin("twofactor/verify/"), {"code": right}).content
    assert client.get(admin()).status_code == 302


def test_disabling_needs_a_valid_code(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    assert verify(client, key, clock).status_code == 302
    clock.tick()
    assert client.get(admin("twofactor/disable/"))["Location"] == admin("twofactor/")
    wrong = client.post(admin("twofactor/disable/"), {"code": f"{(int(code(key, clock)) + 1) % 10**6:06d}"})
    assert wrong.status_code == 200 and b"not right" in wrong.content
    assert TOTPDevice.objects.filter(user=editor).exists()

    clock.tick()
    wait_out_throttle(editor)
    off = client.post(admin("twofactor/disable/"), {"code": code(key, clock)})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get(admin()).status_code == 200
    client.logout()
    password_login(client)
    assert client.get(admin()).status_code == 200  # no code asked any more


def test_require_2fa_sends_editors_without_a_device_to_setup(client, editor, clock, settings):
    settings.STEPPE_REQUIRE_2FA = True
    password_login(client)
    for path in ("", "pages/", "account/", "twofactor/", "twofactor/verify/"):
        response = client.get(admin(path))
        assert response.status_code == 302, path
        assert response["Location"].startswith(admin("twofactor/setup/")), path
    page = client.get(admin("twofactor/setup/"))
    assert page.status_code == 200
    assert b"requires two-factor authentication" in page.content
    secret = re.search(r'<code class="twofactor-secret">([A-Z2-7]+)</code>', page.content.decode()).group(1)
    key = b32decode(secret + "=" * (-len(secret) % 8))
    assert client.post(admin("twofactor/setup/"), {"code": code(key, clock)}).status_code == 302
    assert client.get(admin("pages/")).status_code == 200
    # Logging out stays possible for a session that owes a code.
    other = client.__class__()
    get_user_model().objects.create_superuser("second", "second@example.org", PASSWORD)
    other.post(admin("login/"), {"username": "second", "password": PASSWORD})
    assert other.post(admin("logout/")).status_code == 302
    assert "_auth_user_id" not in other.session

    settings.STEPPE_REQUIRE_2FA = False
    third = client.__class__()
    third.post(admin("login/"), {"username": "second", "password": PASSWORD})
    assert third.get(admin()).status_code == 200


def test_reset_command(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    assert client.get(admin()).status_code == 302
    out = io.StringIO()
    call_command("reset_2fa", "editor", stdout=out)
    assert "Removed 1" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get(admin()).status_code == 200  # password alone again
    assert verify(client, key, clock).status_code == 302  # the verify page just moves on
    with pytest.raises(CommandError):
        call_command("reset_2fa", "nobody")


def test_account_page_and_menu_show_two_factor(client, editor):
    client.force_login(editor)
    account = client.get(admin("account/"))
    assert account.status_code == 200
    assert b"Two-factor authentication" in account.content
    assert admin("twofactor/").encode() in account.content
    # The main menu has the entry too.
    home = client.get(admin())
    assert b"Two-factor authentication" in home.content


def test_anonymous_redirected_to_login(client):
    for path in ("twofactor/", "twofactor/setup/", "twofactor/verify/"):
        response = client.get(admin(path))
        assert response.status_code == 302
        assert response["Location"].startswith(admin("login/"))
    assert client.post(admin("twofactor/verify/"), {"code": "123456"}).status_code == 302


def test_public_pages_unaffected_and_unverified_editors_count_as_anonymous(client, editor, newsroom, clock):
    reader = client.__class__()
    first, second = reader.get("/en/"), reader.get("/en/")
    assert first.status_code == second.status_code == 200
    assert second["X-Cache"] == "HIT"
    assert "default-src 'self'" in second["Content-Security-Policy"]

    key = enrolled(editor)
    password_login(client)
    half = client.get("/en/")
    assert half.status_code == 200
    assert b"wagtail-userbar" not in half.content  # the password alone shows no editing tools
    assert verify(client, key, clock).status_code == 302
    full = client.get("/en/")
    assert full.status_code == 200
    assert b"wagtail-userbar" in full.content


def test_a_backup_code_logs_in_once_and_new_codes_replace_old_ones(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    assert verify(client, key, clock).status_code == 302
    # A new set needs a current code from the app.
    refused = client.post(
        admin("twofactor/backup-codes/"), {"code": f"{(int(code(key, clock)) + 1) % 10**6:06d}"}
    )
    assert refused.status_code == 200 and b"not right" in refused.content
    assert not StaticToken.objects.filter(device__user=editor).exists()
    clock.tick()
    wait_out_throttle(editor)
    made = client.post(admin("twofactor/backup-codes/"), {"code": code(key, clock)})
    assert made.status_code == 302
    first_set = backup_codes_on(client.get(made["Location"]))
    assert len(first_set) == 10

    # Lost phone: the password and a backup code, typed as printed (upper case, with its space).
    client.logout()
    password_login(client)
    typed = f"{first_set[0][:4]} {first_set[0][4:]}".upper()
    used = client.post(admin("twofactor/verify/"), {"code": typed}, follow=True)
    assert used.status_code == 200 and client.get(admin()).status_code == 200
    assert b"You used a backup code; 9 left." in used.content
    assert StaticToken.objects.filter(device__user=editor).count() == 9

    # The same code cannot be used twice.
    client.logout()
    password_login(client)
    again = client.post(admin("twofactor/verify/"), {"code": first_set[0]})
    assert again.status_code == 200 and b"not right" in again.content
    assert client.get(admin()).status_code == 302
    StaticToken.objects.none()  # throttling also applies to the static device:
    from django_otp.plugins.otp_static.models import StaticDevice

    StaticDevice.objects.filter(user=editor).update(
        throttling_failure_timestamp=None, throttling_failure_count=0
    )
    assert client.post(admin("twofactor/verify/"), {"code": first_set[1]}).status_code == 302

    # A new set makes the old one useless.
    clock.tick()
    made = client.post(admin("twofactor/backup-codes/"), {"code": code(key, clock)})
    second_set = backup_codes_on(client.get(made["Location"]))
    assert len(second_set) == 10 and not set(second_set) & set(first_set)
    client.logout()
    password_login(client)
    old = client.post(admin("twofactor/verify/"), {"code": first_set[2]})
    assert old.status_code == 200 and client.get(admin()).status_code == 302


def test_turning_off_with_a_backup_code_removes_the_codes_too(client, editor, clock):
    key = enrolled(editor)
    password_login(client)
    assert verify(client, key, clock).status_code == 302
    clock.tick()
    codes = backup_codes_on(
        client.get(client.post(admin("twofactor/backup-codes/"), {"code": code(key, clock)})["Location"])
    )
    assert b"10 unused backup codes" in client.get(admin("twofactor/")).content
    for garbage in ("abcdefg", "abcdefghi", "ABCD-EFG!", "zzzz zzzz"):
        response = client.post(admin("twofactor/disable/"), {"code": garbage})
        assert response.status_code == 200, garbage
        from django_otp.plugins.otp_static.models import StaticDevice

        StaticDevice.objects.filter(user=editor).update(throttling_failure_timestamp=None)
    assert TOTPDevice.objects.filter(user=editor).exists()
    off = client.post(admin("twofactor/disable/"), {"code": codes[3]})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    # Without 2FA there is no backup-codes page to open.
    assert client.get(admin("twofactor/backup-codes/"))["Location"] == admin("twofactor/")
