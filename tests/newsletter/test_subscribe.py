"""Readers subscribe from any page (cached or not), confirm by mail, and nothing re-subscribes them."""

from __future__ import annotations

import re
from datetime import timedelta

import lxml.html
import pytest
from django.test import Client
from django.utils import timezone

from newsletter import editions
from newsletter.models import Subscriber
from newsletter.subscriptions import request_subscription
from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db


def footer_form(html: str):
    doc = lxml.html.fromstring(html)
    forms = doc.xpath("//footer//form[contains(@class, 'newsletter-signup')]")
    assert len(forms) == 1, "every page has one subscribe form in its footer"
    return forms[0]


def confirm_link(smtp, address: str) -> str:
    mails = smtp.to(address)
    assert mails, f"no mail to {address}"
    links = [link for link in mails[-1].links() if "/newsletter/confirm/" in link]
    assert len(links) == 1, mails[-1].text
    return links[0]


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def subscribe(client: Client, email: str, **extra) -> object:
    return client.post("/en/newsletter/subscribe/", {"email": email, **extra})


def test_the_footer_form_works_from_a_cached_page_without_a_csrf_token(newsroom, smtp):
    reader = Client(enforce_csrf_checks=True)  # as a browser is checked: no token, no pass
    first = reader.get("/en/")
    again = reader.get("/en/")
    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    form = footer_form(again.content.decode())
    assert form.get("method") == "post" and form.get("action") == "/en/newsletter/subscribe/"
    assert not form.xpath(".//input[@name='csrfmiddlewaretoken']"), "a cached page cannot carry a token"
    assert form.xpath(".//input[@name='email'][@type='email'][@required]")
    assert form.xpath(".//label[@for='newsletter-signup-email']"), "the field has a label"
    assert "Set-Cookie" not in again and not again.cookies, "the form must not make pages uncacheable"

    response = reader.post(
        form.get("action"), {"email": "  Reader@Example.ORG "}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status, subscriber.language) == (
        "reader@example.org",
        "pending",
        "en",
    )
    assert smtp.received == [], "the mail goes out from the task worker, not the request"

    assert "newsletter.tasks.send_confirmation" in run_queued_tasks()
    (mail,) = smtp.received
    assert mail.to == "reader@example.org"
    assert mail.message["Subject"] == "Confirm your subscription to Test Courier"
    assert mail.message["From"] == "The Test Courier <news@example.org>"
    assert mail.message["Auto-Submitted"] == "auto-generated"
    link = confirm_link(smtp, "reader@example.org")
    assert link.startswith("http://localhost/en/newsletter/confirm/")
    assert f'href="{link}"' in mail.html

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    page = reader.get(path_of(link))
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "reader@example.org" in page.content.decode()
    assert Subscriber.objects.get().status == "pending"
    done = reader.post(path_of(link))
    assert done.status_code == 200 and "You are subscribed" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "active" and subscriber.confirmed_at is not None
    assert subscriber.edition_keys == ["all"]
    assert reader.post(path_of(link)).status_code == 404, "a confirmation link works once"


def test_the_answer_is_the_same_for_every_address(newsroom, smtp):
    Subscriber.objects.create(email="known@example.org", language="en", status="active")
    Subscriber.objects.create(email="gone@example.org", language="en", status="unsubscribed")
    bodies = set()
    for address in ("new@example.org", "known@example.org", "gone@example.org"):
        response = Client().post("/en/newsletter/subscribe/", {"email": address})
        assert response.status_code == 200
        bodies.add(response.content.decode().replace(address, "ADDRESS"))
    assert len(bodies) == 1
    run_queued_tasks()
    # The known address already gets exactly that: no mail. The unsubscribed one must confirm again.
    assert sorted(r.to for r in smtp.received) == ["gone@example.org", "new@example.org"]
    assert Subscriber.objects.get(email="gone@example.org").status == "unsubscribed"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "not an address"}, "Please enter an email address such as name@example.org."),
        ({"email": ""}, "This field is required."),
        ({}, "This field is required."),
        ({"email": "a@" + "b" * 400 + ".org"}, "Ensure this value has at most 320 characters"),
        ({"email": "x" * 250 + "@example.org"}, "Please enter an email address such as name@example.org."),
        ({"email": "a@example.org", "editions": ["XX"]}, "Select a valid choice"),
        ({"email": "a@example.org", "language": "de"}, "Select a valid choice"),
        ({"email": "a\x00b@example.org"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_is_a_400_with_the_reason(newsroom, smtp, data, message):
    response = Client().post("/en/newsletter/subscribe/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body.replace("&#x27;", "'")
    assert Subscriber.objects.count() == 0


def test_another_site_cannot_post_the_form(newsroom, smtp):
    for origin in ("https://evil.example", "null"):
        response = Client().post("/en/newsletter/subscribe/", {"email": "a@example.org"}, HTTP_ORIGIN=origin)
        assert response.status_code == 403
        assert "sent from another website" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_one_client_address_is_limited(newsroom, smtp, settings):
    settings.STEPPE_NEWSLETTER_IP_LIMIT = 3
    statuses = [
        Client().post("/en/newsletter/subscribe/", {"email": f"r{n}@example.org"}).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    response = Client().post("/en/newsletter/subscribe/", {"email": "r9@example.org"})
    assert response["Retry-After"] == "3600" and "try again in an hour" in response.content.decode()


def test_one_address_gets_at_most_three_confirmation_mails_an_hour(newsroom, smtp):
    for _attempt in range(5):
        assert subscribe(Client(), "target@example.org").status_code == 200
        run_queued_tasks()  # each mail goes out before the next request (a request replaces the link)
    assert len(smtp.to("target@example.org")) == 3
    subscriber = Subscriber.objects.get()
    # An hour later the address may ask again.
    Subscriber.objects.filter(pk=subscriber.pk).update(mails_window_start=timezone.now() - timedelta(hours=2))
    subscribe(Client(), "target@example.org")
    run_queued_tasks()
    assert len(smtp.to("target@example.org")) == 4


def test_only_the_newest_link_confirms_and_unsubscribing_retires_it(newsroom, smtp, settings):
    settings.STEPPE_NEWSLETTER_ADDRESS_LIMIT = 10  # five requests for one address in this test
    client = Client()
    subscribe(client, "r@example.org")
    run_queued_tasks()
    first = confirm_link(smtp, "r@example.org")
    subscribe(client, "r@example.org")
    run_queued_tasks()
    second = confirm_link(smtp, "r@example.org")
    assert first != second
    assert client.get(path_of(first)).status_code == 404
    assert client.post(path_of(first)).status_code == 404
    assert Subscriber.objects.get().status == "pending"
    assert client.post(path_of(second)).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "active"

    # A change of editions is a request too: a link is mailed, nothing changes before it is used.
    client.post("/en/newsletter/subscribe/", {"email": "r@example.org", "editions": ["KZ", "UZ"]})
    run_queued_tasks()
    change = confirm_link(smtp, "r@example.org")
    assert "change" in smtp.to("r@example.org")[-1].message["Subject"]
    assert Subscriber.objects.get().edition_keys == ["all"]

    # Unsubscribing (one-click POST) retires the open link: it cannot re-subscribe the address.
    response = client.post(
        f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"
    assert client.post(path_of(change)).status_code == 404
    assert Subscriber.objects.get().status == "unsubscribed"

    # Subscribing again goes through the double opt-in again.
    subscribe(client, "r@example.org")
    run_queued_tasks()
    assert Subscriber.objects.get().status == "unsubscribed"
    client.post(path_of(confirm_link(smtp, "r@example.org")))
    assert Subscriber.objects.get().status == "active"


def test_a_link_expires_after_a_week(newsroom, smtp):
    request_subscription("late@example.org", "en", [editions.ALL])
    run_queued_tasks()
    link = confirm_link(smtp, "late@example.org")
    Subscriber.objects.update(confirm_requested_at=timezone.now() - timedelta(days=8))
    response = Client().post(path_of(link))
    assert response.status_code == 404 and "no longer works" in response.content.decode()
    assert Subscriber.objects.get().status == "pending"


def test_the_full_form_chooses_language_and_editions(newsroom, smtp, settings):
    page = Client().get("/en/newsletter/")
    assert page.status_code == 200
    doc = lxml.html.fromstring(page.content)
    values = set(doc.xpath("//form[@class='newsletter-form']//input[@name='editions']/@value"))
    politics = newsroom.sections["politics"]
    assert {"all", "KZ", "UZ", f"t:{politics.translation_key}"} <= values
    assert f"t:{newsroom.sections['kazakhstan'].translation_key}" not in values, "countries are by code"
    Client().post(
        "/en/newsletter/subscribe/",
        {"email": "p@example.org", "editions": ["KZ", f"t:{politics.translation_key}"], "language": "en"},
    )
    run_queued_tasks()
    mail = smtp.to("p@example.org")[0]
    assert "Kazakhstan, Politics" in mail.text
    Client().post(path_of(confirm_link(smtp, "p@example.org")))
    assert Subscriber.objects.get().editions == f",KZ,t:{politics.translation_key},"


def test_the_confirmation_task_never_mails_twice_and_retries_when_the_server_is_down(newsroom, smtp):
    from newsletter.tasks import send_confirmation

    request_subscription("once@example.org", "en", [editions.ALL])
    subscriber = Subscriber.objects.get()
    run_queued_tasks()
    send_confirmation.call(subscriber.pk, subscriber.confirm_token)  # a duplicate or retried task
    assert len(smtp.to("once@example.org")) == 1

    smtp.stop()
    try:
        request_subscription("later@example.org", "en", [editions.ALL])
        later = Subscriber.objects.get(email="later@example.org")
        run_queued_tasks()  # refused connection: nothing sent, the next try is queued for later
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status="READY", task_path="newsletter.tasks.send_confirmation")
        assert waiting.count() == 1 and waiting.get().args_kwargs["args"] == [
            later.pk,
            later.confirm_token,
            2,
        ]
        assert Subscriber.objects.get(pk=later.pk).confirm_mailed_token == ""
    finally:
        smtp.start()
    waiting.update(run_after=timezone.now())
    run_queued_tasks()
    assert len(smtp.to("later@example.org")) == 1


def test_the_confirmation_speaks_the_readers_language(newsroom, smtp):
    from tests.factories import translate

    translate(newsroom.home, "ru", title="Степной курьер", slug="test-home-ru")
    response = Client().post("/ru/newsletter/subscribe/", {"email": "ru@example.org"})
    assert response.status_code == 200 and "Проверьте почту" in response.content.decode()
    assert Subscriber.objects.get().requested_language == "ru"
    run_queued_tasks()
    (mail,) = smtp.received
    assert mail.message["Subject"].strip() == "Подтвердите подписку на Степной курьер"  # (folded, encoded)
    assert "Чтобы подтвердить, откройте эту ссылку:" in mail.text
    assert "/ru/newsletter/confirm/" in confirm_link(smtp, "ru@example.org")
