"""Choosers show an owner published pages and their own, never another IKM's unpublished
titles (issue #14, item 5): Wagtail's page chooser (browse, search, chosen) and the
showroom's product chooser (list, IKM filter, chosen). Curators see everything."""

import pytest
from django.test import Client

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from catalog.ownership import ensure_curator_group, grant_vendor_ownership
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


class World:
    pass


@pytest.fixture
def world(site_tree):
    w = World()
    w.vendor_a = VendorPageFactory(title="Batik Ibu Siti")
    w.vendor_b = VendorPageFactory(title="Rotan Plered")
    w.hidden_vendor = VendorPageFactory(title="Anyaman Tersembunyi", live=False)
    w.public_b = ProductPageFactory(parent=w.vendor_b, title="Kursi Rotan Terbit")
    w.secret_b = ProductPageFactory(
        parent=w.vendor_b, title="Kursi Rahasia Belum Terbit", live=False
    )
    w.draft_a = ProductPageFactory(parent=w.vendor_a, title="Selendang Draf Sendiri", live=False)
    w.owner_a = UserFactory(username="pemilik.a")
    grant_vendor_ownership(w.vendor_a, [w.owner_a])
    grant_vendor_ownership(w.vendor_b, [UserFactory(username="pemilik.b")])
    w.curator = UserFactory(username="kurator.uji")
    ensure_curator_group(users=[w.curator])
    return w


def as_user(user):
    """Signed in past both factors (staff must have two-factor; owners may)."""
    return login_verified(Client(), user)


def page_chooser_html(client, w):
    urls = [
        f"/admin/choose-page/{w.vendor_b.pk}/",
        f"/admin/choose-page/{w.vendor_a.pk}/",
        f"/admin/choose-page/{w.vendor_b.get_parent().pk}/",
        "/admin/choose-page/search/?q=Kursi",
        "/admin/choose-page/search/?q=Selendang",
        "/admin/choose-page/search/?q=Anyaman",
    ]
    html = ""
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html += response.content.decode()
    return html


def test_the_page_chooser_hides_another_ikms_unpublished_pages_from_an_owner(world):
    html = page_chooser_html(as_user(world.owner_a), world)
    assert "Kursi Rotan Terbit" in html
    assert "Selendang Draf Sendiri" in html  # their own, unpublished
    assert "Kursi Rahasia Belum Terbit" not in html
    assert "Anyaman Tersembunyi" not in html


def test_an_owner_cannot_browse_into_another_ikms_unpublished_page(world):
    client = as_user(world.owner_a)
    response = client.get(f"/admin/choose-page/{world.secret_b.pk}/")
    assert response.status_code == 404
    assert "Kursi Rahasia" not in response.content.decode()
    assert client.get(f"/admin/choose-page/{world.hidden_vendor.pk}/").status_code == 404
    assert client.get(f"/admin/choose-page/{world.draft_a.pk}/").status_code == 200
    curator = as_user(world.curator)
    assert (
        "Kursi Rahasia" in curator.get(f"/admin/choose-page/{world.secret_b.pk}/").content.decode()
    )


def test_choosing_pages_by_id_gives_an_owner_no_unpublished_title_of_another_ikm(world):
    ids = (world.public_b, world.secret_b, world.hidden_vendor, world.draft_a)
    query = "&".join(f"id={page.pk}" for page in ids)
    url = f"/admin/choose-page/chosen-multiple/?{query}"
    html = as_user(world.owner_a).get(url).content.decode()
    assert "Kursi Rotan Terbit" in html and "Selendang Draf Sendiri" in html
    assert "Kursi Rahasia" not in html and "Anyaman Tersembunyi" not in html
    html = as_user(world.curator).get(url).content.decode()
    assert "Kursi Rahasia" in html and "Anyaman Tersembunyi" in html
    assert as_user(world.owner_a).get(f"{url}&id=²").status_code == 200  # not a 500


def test_a_curator_chooses_among_every_page(world):
    html = page_chooser_html(as_user(world.curator), world)
    for title in ("Kursi Rotan Terbit", "Selendang Draf Sendiri", "Kursi Rahasia Belum Terbit"):
        assert title in html
    assert "Anyaman Tersembunyi" in html


PRODUCT_CHOOSER = "/admin/showroom_product_chooser/"


def product_chooser_html(client, w):
    html = ""
    for url in (
        PRODUCT_CHOOSER,
        f"{PRODUCT_CHOOSER}results/?q=Kursi",
        f"{PRODUCT_CHOOSER}results/?vendor={w.vendor_b.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html += response.content.decode()
    return html


def test_the_product_chooser_shows_an_owner_no_unpublished_title_of_another_ikm(world):
    client = as_user(world.owner_a)
    html = product_chooser_html(client, world)
    assert "Kursi Rotan Terbit" in html
    assert "Kursi Rahasia Belum Terbit" not in html
    assert "Anyaman Tersembunyi" not in html  # not in the IKM filter either
    response = client.get(f"{PRODUCT_CHOOSER}chosen/{world.secret_b.pk}/")
    assert response.status_code == 404
    assert "Kursi Rahasia" not in response.content.decode()
    response = client.get(f"{PRODUCT_CHOOSER}chosen-multiple/?id={world.secret_b.pk}")
    assert "Kursi Rahasia" not in response.content.decode()
    assert client.get(f"{PRODUCT_CHOOSER}chosen/{world.public_b.pk}/").status_code == 200
    assert client.get(f"{PRODUCT_CHOOSER}chosen/{world.draft_a.pk}/").status_code == 200


def test_the_product_chooser_gives_a_curator_every_ikm_to_filter_by(world):
    client = as_user(world.curator)
    html = product_chooser_html(client, world)
    assert "Kursi Rotan Terbit" in html and "Anyaman Tersembunyi" in html
    assert client.get(f"{PRODUCT_CHOOSER}chosen/{world.secret_b.pk}/").status_code == 200
