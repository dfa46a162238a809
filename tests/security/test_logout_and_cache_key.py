"""Signing out is a POST and a GET changes nothing; the page cache keys on the scheme; the
forwarded headers are believed only from TRUSTED_PROXY_COUNT proxies (issue #14, item 5)."""

import pytest
from axes.helpers import get_client_ip_address
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.test import Client

from catalog.factories import UserFactory, VendorPageFactory
from catalog.ownership import grant_vendor_ownership
from config.proxies import client_ip, proxy_ssl_header

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_client(site_tree):
    owner = UserFactory(username="pemilik.uji")
    grant_vendor_ownership(VendorPageFactory(title="Batik Ibu Siti"), [owner])
    client = Client()
    client.force_login(owner)
    return client


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_a_get_of_logout_is_refused_and_changes_nothing(owner_client):
    session_key = owner_client.cookies[django_settings.SESSION_COOKIE_NAME].value
    response = owner_client.get("/admin/logout/")
    assert response.status_code == 405
    assert django_settings.SESSION_COOKIE_NAME not in response.cookies  # not cleared
    assert owner_client.cookies[django_settings.SESSION_COOKIE_NAME].value == session_key
    assert Session.objects.filter(session_key=session_key).exists()
    assert signed_in(owner_client)


@pytest.mark.parametrize("method", ["put", "delete", "options"])
def test_other_methods_do_not_sign_out_either(owner_client, method):
    response = getattr(owner_client, method)("/admin/logout/")
    assert response.status_code in (200, 405)
    assert django_settings.SESSION_COOKIE_NAME not in response.cookies
    assert signed_in(owner_client)


def test_a_post_signs_out(owner_client):
    session_key = owner_client.cookies[django_settings.SESSION_COOKIE_NAME].value
    response = owner_client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/"
    assert not Session.objects.filter(session_key=session_key).exists()
    assert not signed_in(owner_client)


# --- The page cache and the scheme ----------------------------------------------------------


@pytest.fixture
def page_cache_on(settings, site_tree):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.usefixtures("page_cache_on")
def test_the_page_cache_keeps_http_and_https_apart():
    client = Client()
    assert client.get("/").get("X-Page-Cache") == "miss"
    assert client.get("/", secure=True).get("X-Page-Cache") == "miss"
    assert client.get("/", secure=True).get("X-Page-Cache") == "hit"
    assert client.get("/").get("X-Page-Cache") == "hit"


@pytest.mark.usefixtures("page_cache_on")
def test_a_clients_x_forwarded_proto_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.SECURE_PROXY_SSL_HEADER = proxy_ssl_header(0)
    client = Client(headers={"Host": "testserver"})
    assert client.get("/", secure=True).get("X-Page-Cache") == "miss"
    # Claiming https over plain http neither reads nor fills the https entry.
    forged = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert forged.get("X-Page-Cache") == "miss"
    assert client.get("/").get("X-Page-Cache") == "hit"


@pytest.mark.usefixtures("page_cache_on")
def test_behind_a_trusted_proxy_its_x_forwarded_proto_is_the_scheme(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SECURE_PROXY_SSL_HEADER = proxy_ssl_header(1)
    client = Client(headers={"Host": "testserver"})  # as a proxy sends it
    assert client.get("/", secure=True).get("X-Page-Cache") == "miss"
    assert client.get("/", headers={"X-Forwarded-Proto": "https"}).get("X-Page-Cache") == "hit"


# --- One rule for the client's address ------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "expected"), [(0, "10.0.0.2"), (1, "203.0.113.9"), (2, "6.6.6.6"), (3, "10.0.0.2")]
)
def test_the_login_lockout_and_the_rate_limits_see_the_same_address(
    rf, settings, proxies, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == expected
    assert get_client_ip_address(request) == expected
