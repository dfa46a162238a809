"""Cached page routes (pagecache/routes.py): a product's URL reaches its page without a query
per tree level, until a page on the way is published, moved or restricted."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from catalog.factories import CategoryFactory, ProductPageFactory, VendorPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def route_cache_on(settings):
    settings.ROUTE_CACHE_SECONDS = 600


@pytest.fixture
def product(site_tree):
    vendor = VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")
    return ProductPageFactory(
        parent=vendor,
        title="Kain Mega Mendung",
        slug="kain-mega-mendung",
        category=CategoryFactory(slug="batik"),
    )


def tree_walks(client, url):
    """The response and the number of child-by-slug lookups Wagtail's routing made."""
    executed = []

    def record(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    # Not CaptureQueriesContext: a request's start resets the query log it reads.
    with connection.execute_wrapper(record):
        response = client.get(url)
    walks = [
        sql
        for sql in executed
        if '"wagtailcore_page"."slug" =' in sql and '"wagtailcore_page"."depth" =' in sql
    ]
    return response, len(walks)


def test_a_second_visit_is_routed_from_the_cache(client, product):
    first, cold = tree_walks(client, product.url)
    second, warm = tree_walks(client, product.url)
    assert first.status_code == second.status_code == 200
    assert cold == 3  # /ikm/, then the IKM, then the product
    assert warm == 0
    assert second.content == first.content


def test_routable_sub_urls_are_routed_from_the_cache(client, product):
    client.get("/katalog/batik/")
    response, walks = tree_walks(client, "/katalog/batik/")
    assert response.status_code == 200 and walks == 0
    assert b"Kain Mega Mendung" in response.content


def test_a_renamed_slug_routes_the_new_url_and_drops_the_old(client, product):
    old_url = product.url
    client.get(old_url)
    product.slug = "kain-mega-mendung-biru"
    product.save_revision().publish()
    old = client.get(old_url)
    assert old.status_code in (301, 404)  # wagtail.contrib.redirects may send it on
    assert b"Kain Mega Mendung" not in old.content
    assert client.get("/ikm/batik-ibu-siti/kain-mega-mendung-biru/").status_code == 200


def test_an_unpublished_product_is_not_served_by_its_cached_route(client, product):
    client.get(product.url)
    product.unpublish()
    assert client.get(product.url).status_code == 404


def test_a_view_restriction_added_later_is_enforced(client, product):
    assert client.get(product.url).status_code == 200
    PageViewRestriction.objects.create(
        page=product.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(product.url)
    assert response.status_code == 302
    assert "/masuk/" in response["Location"] or "login" in response["Location"]


def test_a_restricted_page_is_never_routed_from_the_cache(client, product):
    PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response, walks = tree_walks(client, product.url)
        assert response.status_code == 302
        assert walks == 3
