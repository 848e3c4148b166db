"""The short serving path (news.views.serve) serves a page as Wagtail's own view would.

These pin what it relies on in Wagtail, so an upgrade that changes it fails here rather than on
the site: the hooks run, the route is cached on the request where Wagtail looks for it, and the
only hook left out is the view-restriction check that the short path rules out itself.
"""

import pytest
from django.http import HttpResponse
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from news import views

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.STEPPE_PAGE_CACHE = False  # every request below must reach the view


def test_the_short_path_serves_articles_without_wagtails_router(client, newsroom, monkeypatch):
    article = newsroom.add_article("Served the short way")

    def wagtails_router(request, path):
        raise AssertionError(f"{path} went through Wagtail's router")

    monkeypatch.setattr(views.wagtail_views, "serve", wagtails_router)
    assert b"Served the short way" in client.get(article.url).content


def test_on_serve_page_hooks_wrap_the_article(client, newsroom):
    article = newsroom.add_article("Wrapped story")

    def add_header(serve):
        def inner(page, request, args, kwargs):
            response = serve(page, request, args, kwargs)
            response["X-Served-Page"] = str(page.pk)
            return response

        return inner

    with hooks.register_temporarily("on_serve_page", add_header):
        response = client.get(article.url)
    assert response.status_code == 200
    assert response["X-Served-Page"] == str(article.pk)


def test_before_serve_page_hooks_can_answer(client, newsroom):
    article = newsroom.add_article("Intercepted story")
    seen = []

    def intercept(page, request, args, kwargs):
        seen.append(page.specific_class.__name__)
        # The route is where Wagtail caches it: asking again costs nothing and gives this page.
        route = Page.route_for_request(request, request.path)
        return HttpResponse(f"intercepted {route[0].pk}")

    with hooks.register_temporarily("before_serve_page", intercept):
        response = client.get(article.url)
    assert seen == ["ArticlePage"]
    assert response.content.decode() == f"intercepted {article.pk}"


def test_the_route_is_cached_where_wagtail_looks_for_it(client, newsroom, django_assert_num_queries):
    article = newsroom.add_article("Routed story")
    routes = []

    def look(page, request, args, kwargs):
        with django_assert_num_queries(0):
            routes.append(Page.route_for_request(request, request.path))

    with hooks.register_temporarily("before_serve_page", look):
        client.get(article.url)
    page, args, kwargs = routes[0]
    assert (page.pk, args, kwargs) == (article.pk, [], {})


def test_the_one_hook_left_out_is_wagtails_view_restriction_check():
    from wagtail.wagtail_hooks import check_view_restrictions

    wagtails_own = [fn for fn in hooks.get_hooks("on_serve_page") if fn.__module__.startswith("wagtail")]
    assert wagtails_own == [check_view_restrictions], "Wagtail's on_serve_page hooks changed"
    assert views.check_view_restrictions is check_view_restrictions


def test_a_restricted_article_goes_through_wagtail_and_asks_for_the_password(client, newsroom):
    article = newsroom.add_article("Members only")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=article.pk), restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(article.url)
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert b"Members only" not in response.content
