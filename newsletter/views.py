"""Readers' pages: /<lang>/newsletter/ (subscribe), the confirmation and the unsubscribe links.

CSRF and the page cache. The subscribe form is in every page's footer, and pages are served
whole from the page cache to every reader, so it cannot carry a per-reader CSRF token (a token
also sets a cookie, which makes a page uncacheable). The subscribe endpoint is therefore exempt
from Django's CSRF check, and safe without it:

- it acts on no one's session or login: all a forged request can do is what anyone can do by
  typing an address into the form, namely have a confirmation mail sent to that address;
- that mail changes nothing until its link is followed (double opt-in), so a forged or mistyped
  subscription subscribes nobody;
- a browser's cross-site POST carries an Origin header, and one from another site is refused
  (403), as Django's own check would;
- each address gets at most STEPPE_NEWSLETTER_ADDRESS_LIMIT mails an hour, and each client
  address at most STEPPE_NEWSLETTER_IP_LIMIT requests an hour (429), so the form cannot be used
  to flood a mailbox.

The confirm and unsubscribe pages act on a 256-bit token from the mail, which a forger does not
have; they are exempt too, because RFC 8058's one-click POST comes from mail software with no
cookie, and they answer `no-store` so no cache keeps a page made for one reader.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter import subscriptions
from newsletter.content import edition_labels
from newsletter.forms import SubscribeForm
from steppe.hardening import client_ip

logger = logging.getLogger("newsletter")


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)  # no-store, private: never in the page cache or a proxy
    return response


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return _private(render(request, f"newsletter/{template}", context, status=status))


def newsletter_home(request: HttpRequest) -> HttpResponse:
    """The subscription page: the same for every reader, so the page cache may keep it."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    form = SubscribeForm(language=get_language())
    return render(request, "newsletter/subscribe.html", {"form": form})


def _foreign_origin(request: HttpRequest) -> bool:
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False  # not a browser's cross-site form post (or a very old browser): allowed
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return False
    return origin == "null" or urlsplit(origin).netloc != request.get_host()


def _over_ip_limit(request: HttpRequest) -> bool:
    limit = settings.STEPPE_NEWSLETTER_IP_LIMIT
    if limit <= 0:
        return False
    key = f"newsletter:ip:{client_ip(request) or '-'}:{int(time.time() // 3600)}"
    try:
        cache.add(key, 0, 3600)
        return cache.incr(key) > limit
    except Exception:  # noqa: BLE001 - no cache, no counting: the per-address limit still holds
        return False


@csrf_exempt  # see the module docstring: why this POST is safe without a token
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(reverse("newsletter-home"))
    if _foreign_origin(request):
        return _page(request, "problem.html", {"problem": "origin"}, status=403)
    if _over_ip_limit(request):
        response = _page(request, "problem.html", {"problem": "busy"}, status=429)
        response["Retry-After"] = "3600"
        return response
    form = SubscribeForm(request.POST, language=get_language())
    if not form.is_valid():
        return _page(request, "subscribe.html", {"form": form}, status=400)
    data = form.cleaned_data
    subscriptions.request_subscription(data["email"], data["language"], data["editions"])
    # The same answer for a new, a pending, a subscribed, an unsubscribed or a throttled address.
    return _page(request, "check_inbox.html", {"email": data["email"]})


def _bad_link(request: HttpRequest) -> HttpResponse:
    return _page(request, "problem.html", {"problem": "link"}, status=404)


@csrf_exempt  # acts on the token in the URL only (module docstring)
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what will be confirmed and a button; POST confirms. Mail scanners that open
    links do not subscribe anyone: only the button does."""
    if request.method == "POST":
        subscriber = subscriptions.confirm(token)
        if subscriber is None:
            return _bad_link(request)
        labels = edition_labels(subscriber.edition_keys, subscriber.language)
        return _page(request, "confirmed.html", {"subscriber": subscriber, "editions": labels})
    subscriber = subscriptions.pending_request(token)
    if subscriber is None:
        return _bad_link(request)
    language = subscriber.requested_language or subscriber.language
    labels = edition_labels(subscriber.requested_editions.strip(",").split(","), language)
    return _page(request, "confirm.html", {"subscriber": subscriber, "editions": labels})


@csrf_exempt  # RFC 8058: mail software POSTs "List-Unsubscribe=One-Click" with no cookie or token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (link scanners must not unsubscribe anyone); POST unsubscribes at once."""
    if request.method == "POST":
        subscriber = subscriptions.unsubscribe(token)
        if subscriber is None:
            return _bad_link(request)
        return _page(request, "unsubscribed.html", {"subscriber": subscriber})
    subscriber = subscriptions.by_unsubscribe_token(token)
    if subscriber is None:
        return _bad_link(request)
    return _page(request, "unsubscribe.html", {"subscriber": subscriber})
