"""Editors translate an article from the admin (wagtail.contrib.simple_translation)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from news.models import ArticlePage
from tests.factories import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "correct horse 1")
    client.force_login(user)
    return client


def test_translate_action_creates_a_draft_that_readers_see_only_once_published(
    client, editor_client, newsroom
):
    ru_home = translate(newsroom.home, "ru", title="Курьер")
    article = newsroom.add_article("Water talks", section="politics")
    ru = Locale.objects.get(language_code="ru")
    # The page's admin menu offers "Translate".
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    submit_url = reverse("simple_translation:submit_page_translation", args=[article.pk])
    assert submit_url in edit
    form = editor_client.get(submit_url)
    assert form.status_code == 200 and "Russian" in form.content.decode()

    response = editor_client.post(submit_url, {"locales": [ru.pk]})
    assert response.status_code == 302
    russian = ArticlePage.objects.get(translation_key=article.translation_key, locale=ru)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[russian.pk])
    section = russian.get_parent()
    assert section.locale == ru and section.get_parent().specific == ru_home and not section.live
    # A copy awaiting translation is a draft: absent for readers, the switcher goes to the ru home.
    assert not russian.live
    ru_url = "/ru/politics/water-talks/"
    assert client.get(ru_url).status_code == 404
    en_html = client.get(article.url).content.decode()
    assert 'hreflang="ru" lang="ru" rel="nofollow"' in en_html and 'hreflang="ru" href' not in en_html

    russian.title = "Переговоры о воде"
    russian.save_revision(user=None).publish()
    html = client.get(ru_url).content.decode()
    assert "Переговоры о воде" in html and '<html lang="ru">' in html
    en_html = client.get(article.url).content.decode()
    assert f'<a href="{ru_url}" hreflang="ru" lang="ru">' in en_html


def test_a_new_page_gets_no_alias_in_the_other_languages(client, newsroom):
    """Wagtail's tree sync would put the English text under /ru/ as an alias; it is off."""
    from wagtail import hooks

    translate(newsroom.home, "ru", title="Курьер")
    translate(newsroom.sections["politics"], "ru", title="Политика")
    article = newsroom.add_article("English only story")
    for hook in hooks.get_hooks("after_create_page"):
        hook(None, article)
    assert list(ArticlePage.objects.filter(translation_key=article.translation_key)) == [article]
    assert client.get("/ru/politics/english-only-story/").status_code == 404
    html = client.get(article.url).content.decode()
    assert 'hreflang="ru" href' not in html


def test_an_alias_is_not_offered_as_a_translation(client, newsroom):
    translate(newsroom.home, "ru", title="Курьер")
    translate(newsroom.sections["politics"], "ru", title="Политика")
    article = newsroom.add_article("Aliased story")
    alias = article.copy_for_translation(Locale.objects.get(language_code="ru"), alias=True)
    assert alias.live and alias.alias_of_id == article.pk
    html = client.get(article.url).content.decode()
    assert 'hreflang="ru" href' not in html and f'href="{alias.url}"' not in html
