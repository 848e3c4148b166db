"""The default Site follows STEPPE_BASE_URL at every `make run` (a second run on another port)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from news.site_address import address_from_base_url

pytestmark = pytest.mark.django_db


def test_address_from_base_url():
    assert address_from_base_url("http://127.0.0.1:8080/") == ("127.0.0.1", 8080)
    assert address_from_base_url("https://news.example.org") == ("news.example.org", 443)
    assert address_from_base_url("http://news.example.org") == ("news.example.org", 80)
    with pytest.raises(ValueError):
        address_from_base_url("127.0.0.1:8000")


def test_a_run_on_another_port_moves_the_site_and_its_links(newsroom, client):
    call_command("set_site_address", url="http://127.0.0.1:8000")
    first = client.get("/en/", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/en/"' in first
    call_command("set_site_address", url="http://127.0.0.1:8080")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8080)
    again = client.get("/en/", HTTP_HOST="127.0.0.1:8080").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8080/en/"' in again
    assert "127.0.0.1:8000" not in again


def test_a_url_that_is_not_one_is_refused():
    with pytest.raises(CommandError, match="not an http"):
        call_command("set_site_address", url="localhost")
