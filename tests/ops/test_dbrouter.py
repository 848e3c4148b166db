"""Read replica routing (DATABASE_REPLICA_URL): reads of anonymous page views to the replica,
everything else and everything after a write to the primary."""

import pytest
from django.test import RequestFactory

from news.models import ArticlePage
from ops.middleware import OpsMiddleware
from steppe.dbrouter import PrimaryReplicaRouter, reads_from_replica

router = PrimaryReplicaRouter()


def routed_during(request):
    """What the router says for a read, a write, then a read, while the middleware serves `request`."""
    seen = []

    def view(request):
        seen.append(router.db_for_read(ArticlePage))
        seen.append(router.db_for_write(ArticlePage))
        seen.append(router.db_for_read(ArticlePage))
        from django.http import HttpResponse

        return HttpResponse("ok")

    OpsMiddleware(view)(request)
    return seen


def test_outside_requests_everything_uses_the_primary():
    assert router.db_for_read(ArticlePage) == "default"
    assert router.db_for_write(ArticlePage) == "default"


def test_anonymous_page_reads_go_to_the_replica_until_something_is_written():
    assert routed_during(RequestFactory().get("/en/politics/")) == ["replica", "default", "default"]
    # Reset after the request: the next code outside a request reads the primary.
    assert reads_from_replica.get() is False


@pytest.mark.parametrize(
    "request_",
    [
        RequestFactory().post("/en/search/"),
        RequestFactory().get("/admin/pages/"),
    ],
    ids=["post", "admin"],
)
def test_writes_forms_and_the_admin_read_the_primary(request_):
    assert routed_during(request_)[0] == "default"


def test_signed_in_editors_read_the_primary(settings):
    request = RequestFactory().get("/en/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert routed_during(request)[0] == "default"


def test_migrations_only_on_the_primary():
    assert router.allow_migrate("default", "news") is True
    assert router.allow_migrate("replica", "news") is False


@pytest.mark.django_db(databases=["default"])
def test_queries_follow_the_router(settings):
    """With a replica alias configured (a test mirror of default), the ORM asks the router."""
    from django.db import router as django_router

    settings.DATABASE_ROUTERS = ["steppe.dbrouter.PrimaryReplicaRouter"]
    token = reads_from_replica.set(True)
    try:
        assert django_router.db_for_read(ArticlePage) == "replica"
        assert ArticlePage.objects.all().db == "replica"
        assert django_router.db_for_write(ArticlePage) == "default"
        assert ArticlePage.objects.all().db == "default"  # read-your-writes
    finally:
        reads_from_replica.reset(token)
