"""Searches add to the curators' statistics at most once per normalised query per visitor and
day, and only when they found products (issue #14, item 5)."""

import pytest
from django.test import Client
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


@pytest.fixture
def products(site_tree):
    vendor = VendorPageFactory(title="Sanggar Batik Trusmi")
    ProductPageFactory(parent=vendor, title="Batik Tulis Mega Mendung")
    ProductPageFactory(parent=vendor, title="Kursi Rotan Sintetis")


def hits(text):
    query = Query.objects.filter(query_string=text).first()
    return sum(QueryDailyHits.objects.filter(query=query).values_list("hits", flat=True))


def search(client, text, **extra):
    response = client.get("/cari/", {"q": text, **extra}, HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 200
    return response


def test_one_visitor_repeating_a_query_counts_once(products):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for text in ("batik", "Batik", "  BATIK ", "batik\t"):
        search(client, text)
    search(client, "batik", halaman="1")
    assert hits("batik") == 1
    search(client, "kursi rotan")
    search(client, "Kursi   ROTAN")
    assert hits("kursi rotan") == 1


def test_each_visitor_counts(products):
    search(Client(REMOTE_ADDR="203.0.113.7"), "batik")
    search(Client(REMOTE_ADDR="198.51.100.2"), "batik")
    Client(REMOTE_ADDR="203.0.113.7").get("/cari/", {"q": "batik"}, HTTP_USER_AGENT="Safari/17")
    assert hits("batik") == 3


def test_a_signed_in_visitor_is_their_session(products):
    client = Client(REMOTE_ADDR="203.0.113.7")
    client.force_login(UserFactory())
    search(client, "batik")
    search(client, "BATIK")
    assert hits("batik") == 1


def test_behind_a_trusted_proxy_visitors_are_told_apart_by_their_forwarded_address(
    products, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for address in ("203.0.113.7", "198.51.100.2", "203.0.113.7"):
        proxy.get("/cari/", {"q": "batik"}, HTTP_USER_AGENT=FIREFOX, HTTP_X_FORWARDED_FOR=address)
    assert hits("batik") == 2


def test_a_search_that_finds_nothing_adds_no_row(products):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for number in range(5):
        search(client, f"iklan-obat-murah-{number}")
    search(client, "batik")
    assert list(Query.objects.values_list("query_string", flat=True)) == ["batik"]
