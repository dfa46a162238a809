"""`make run HOST=... PORT=...`: the demo's Site record and printed login URL follow SITE_URL,
so canonical links and the sitemap name the address the site is served on."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from catalog.factories import UserFactory, VendorPageFactory
from demo.accounts import OPERATOR, admin_url, sync_default_site

pytestmark = pytest.mark.django_db


def test_the_default_site_and_the_login_url_follow_site_url(site_tree, settings, client):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    assert sync_default_site() == 1
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert admin_url() == "http://127.0.0.1:8123/admin/"
    assert sync_default_site() == 0  # nothing left to change

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8123/</loc>" in sitemap
    assert ":8000" not in sitemap


def test_load_demo_catalog_if_empty_prints_the_login_url_of_site_url(site_tree, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://localhost:8080"
    VendorPageFactory()  # not empty: --if-empty only syncs the site and prints the logins
    UserFactory(username=OPERATOR["username"])
    out = io.StringIO()
    call_command("load_demo_catalog", "--if-empty", stdout=out, stderr=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 8080)
    assert "Log in at http://localhost:8080/admin/" in out.getvalue()
    assert "8000" not in out.getvalue()
