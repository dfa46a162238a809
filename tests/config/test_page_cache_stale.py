"""Under churn: a purged page is rendered again by one request while the others get the
previous copy for a bounded grace (stale-while-revalidate), and a publish purges once."""

import time

import pytest
from django.test import Client

from catalog.factories import CategoryFactory, ProductPageFactory, UserFactory, VendorPageFactory
from catalog.models import ProductPage
from pagecache.middleware import page_cache, render_lock_key
from pagecache.purge import CLOCK_KEY
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db
NEW_TITLE = "Batik Mega Mendung Baru"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CARD_CACHE_SECONDS = 600
    settings.SEARCH_RESULT_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STALE_SECONDS = 10


@pytest.fixture
def product():
    vendor = VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")
    batik = CategoryFactory(name="Batik", slug="batik")
    return ProductPageFactory(parent=vendor, title="Batik Mega Mendung", category=batik)


def republish(page, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def cached_then_purged(product):
    """The product's page cached by an anonymous visitor, then its title republished."""
    client = Client()
    client.get(product.url)
    assert client.get(product.url)["X-Page-Cache"] == "hit"
    republish(product, title=NEW_TITLE)
    return client


def another_worker_renders(product, started_ago):
    """What another worker holds while it renders the page again (the lock and its start)."""
    key = render_lock_key(f"page:http:testserver:{product.url}")
    page_cache().set(key, time.time() - started_ago, 10)


def test_a_request_during_the_re_render_gets_the_previous_copy_then_the_new_one(
    product, monkeypatch
):
    client = cached_then_purged(product)
    during = []
    original = ProductPage.get_context

    def render_with_a_visitor_waiting(self, request, *args, **kwargs):
        if not during:  # a second visitor asks while this request renders the page again
            during.append(Client().get(product.url))
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ProductPage, "get_context", render_with_a_visitor_waiting)
    first = client.get(product.url)
    assert first["X-Page-Cache"] == "miss"
    assert NEW_TITLE in first.content.decode()
    stale = during[0]
    assert stale.status_code == 200
    assert stale["X-Page-Cache"] == "stale"
    assert NEW_TITLE not in stale.content.decode()
    assert "Batik Mega Mendung" in stale.content.decode()
    assert "s-maxage" not in stale["Cache-Control"]  # Varnish or a CDN never keeps it
    after = client.get(product.url)
    assert after["X-Page-Cache"] == "hit"
    assert NEW_TITLE in after.content.decode()


def test_the_grace_is_bounded(product):
    client = cached_then_purged(product)
    another_worker_renders(product, started_ago=5)
    assert client.get(product.url)["X-Page-Cache"] == "stale"
    another_worker_renders(product, started_ago=11)  # it died or overran the grace
    late = client.get(product.url)
    assert late["X-Page-Cache"] == "miss"
    assert NEW_TITLE in late.content.decode()


def test_without_a_grace_every_request_renders(product, settings):
    settings.PAGE_CACHE_STALE_SECONDS = 0
    client = cached_then_purged(product)
    another_worker_renders(product, started_ago=1)
    assert client.get(product.url)["X-Page-Cache"] == "miss"


def test_a_logged_in_editor_never_gets_a_stale_copy(product):
    anonymous = cached_then_purged(product)
    another_worker_renders(product, started_ago=1)
    assert anonymous.get(product.url)["X-Page-Cache"] == "stale"
    editor = Client()
    login_verified(editor, UserFactory(is_superuser=True, is_staff=True))
    response = editor.get(product.url)
    assert NEW_TITLE in response.content.decode()
    assert not response.has_header("X-Page-Cache")


def test_an_unpublished_page_is_not_served_stale_once_rendered(product):
    client = cached_then_purged(product)
    ProductPage.objects.get(pk=product.pk).unpublish()
    assert client.get(product.url).status_code == 404  # the re-render drops the old copy
    another_worker_renders(product, started_ago=1)
    assert client.get(product.url).status_code == 404


def test_a_publish_purges_once(product, django_capture_on_commit_callbacks):
    Client().get(product.url)  # the clock exists
    cache = page_cache()
    before = cache.get(CLOCK_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        republish(product, price=175_000)
        assert cache.get(CLOCK_KEY) == before + 1  # the purge when the page is saved
    assert cache.get(CLOCK_KEY) == before + 2  # and once more after the commit
