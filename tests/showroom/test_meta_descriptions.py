"""Every public page has a meta description (search engines' snippet; Lighthouse's SEO audit)."""

import re

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def description(client, url):
    response = client.get(url)
    assert response.status_code == 200
    found = DESCRIPTION.findall(response.content.decode())
    assert len(found) == 1, found
    return found[0]


def test_home_falls_back_to_its_hero_text(client, site_tree):
    site_tree.home.search_description = ""
    site_tree.home.listing_summary = ""
    text = "Produk IKM Cirebon dan Cilegon, langsung dari perajinnya."
    site_tree.home.body = [("hero", {"heading": "Etalase IKM", "text": text, "links": []})]
    site_tree.home.save_revision().publish()
    assert description(client, "/") == text


def test_the_search_description_wins(client, site_tree):
    site_tree.catalog.search_description = "Katalog produk IKM."
    site_tree.catalog.intro = "Pengantar katalog."
    site_tree.catalog.save_revision().publish()
    assert description(client, "/katalog/") == "Katalog produk IKM."


def test_directory_falls_back_to_its_intro(client, site_tree):
    site_tree.directory.search_description = ""
    site_tree.directory.intro = "Direktori IKM binaan."
    site_tree.directory.save_revision().publish()
    assert description(client, "/ikm/") == "Direktori IKM binaan."


def test_pages_without_text_of_their_own_use_the_tagline(client, settings, site_tree):
    assert description(client, "/cari/?q=batik") == escape(settings.SITE_TAGLINE)
