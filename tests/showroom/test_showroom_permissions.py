"""Who may curate: curators manage venues, placements, exhibitions and the home page; an IKM's
owners may not (tested over HTTP), but may ask to join an open exhibition with their own
products, a request curators accept (the products become items) or decline."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from catalog.factories import ProductPageFactory, VendorPageFactory
from showroom.exhibitions import ExhibitionJoinRequest, ExhibitionPage
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShowroomPageFactory,
)
from showroom.models import HomePage
from showroom.venues import ShowroomPage
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

JOIN_URL = "/admin/showroom/pendaftaran-pameran/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def add_url(model, parent):
    return f"/admin/pages/add/showroom/{model._meta.model_name}/{parent.pk}/"


def form_data(response, **changes):
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    for key, value in changes.items():
        data[key] = value
    return data


def refused(response):
    """Wagtail answers a missing permission with a redirect to the dashboard or a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/admin/pages/" not in response["Location"]
    )


@pytest.fixture
def venue(site_tree):
    venue = ShowroomPageFactory(title="Galeri IKM", slug="galeri-ikm")
    venue.save_revision().publish()
    return venue


@pytest.fixture
def exhibition(site_tree):
    exhibition = ExhibitionPageFactory(
        title="Pekan Batik", slug="pekan-batik", open_for_requests=True
    )
    exhibition.save_revision().publish()
    return exhibition


class TestOwnersCannotCurate:
    def test_edit_views_are_refused(self, owner_client, site_tree, venue, exhibition):
        for page in (site_tree.home, venue, exhibition):
            assert refused(owner_client.get(edit_url(page))), page

    def test_posts_change_nothing(self, owner_client, curator, site_tree, venue, exhibition):
        product = ProductPageFactory(title="Kain Batik")
        # The payloads a curator's form would send, posted by the owner.
        curator_client = login_verified(Client(), curator)
        venue_data = form_data(
            curator_client.get(edit_url(venue)),
            title="Diubah Pemilik",
            **{
                "placements-TOTAL_FORMS": "1",
                "placements-0-product": str(product.pk),
                "placements-0-shelf_code": "Z1",
                "placements-0-starts_on": "2026-01-01",
                "placements-0-ORDER": "1",
            },
        )
        exhibition_data = form_data(curator_client.get(edit_url(exhibition)), title="Diubah")
        assert refused(owner_client.post(edit_url(venue), venue_data))
        assert refused(owner_client.post(edit_url(exhibition), exhibition_data))
        assert refused(owner_client.post(edit_url(site_tree.home), {"title": "Diubah"}))
        assert ShowroomPage.objects.get(pk=venue.pk).title == "Galeri IKM"
        assert not venue.placements.exists()
        assert ExhibitionPage.objects.get(pk=exhibition.pk).title == "Pekan Batik"
        assert HomePage.objects.get().title == site_tree.home.title

    def test_cannot_create_venues_or_exhibitions(self, owner_client, site_tree):
        from showroom.exhibitions import ExhibitionIndexPage
        from showroom.venues import ShowroomIndexPage

        assert refused(owner_client.get(add_url(ShowroomPage, ShowroomIndexPage.objects.get())))
        assert refused(owner_client.get(add_url(ExhibitionPage, ExhibitionIndexPage.objects.get())))


class TestCuratorsCurate:
    def test_curator_edits_home_venue_and_exhibition(
        self, curator_client, site_tree, venue, exhibition
    ):
        for page in (site_tree.home, venue, exhibition):
            assert curator_client.get(edit_url(page)).status_code == 200, page

    def test_curator_places_a_product_on_a_shelf(self, curator_client, venue):
        product = ProductPageFactory(title="Kain Batik")
        data = form_data(
            curator_client.get(edit_url(venue)),
            **{
                "placements-TOTAL_FORMS": "1",
                "placements-0-product": str(product.pk),
                "placements-0-shelf_code": "B3",
                "placements-0-starts_on": timezone.localdate().isoformat(),
                "placements-0-ends_on": "",
                "placements-0-ORDER": "1",
                "placements-0-id": "",
                "placements-0-DELETE": "",
                "action-publish": "publish",
            },
        )
        response = curator_client.post(edit_url(venue), data)
        assert response.status_code == 302, response.context["form"].errors
        placement = venue.placements.get()
        assert (placement.product_id, placement.shelf_code) == (product.pk, "B3")
        assert placement.is_current()

    def test_curator_creates_an_exhibition_with_items(self, curator_client, site_tree):
        from showroom.exhibitions import ExhibitionIndexPage

        index = ExhibitionIndexPage.objects.get()
        products = [ProductPageFactory(title=f"Produk {n}") for n in range(3)]
        items = {"items-TOTAL_FORMS": "3"}
        for number, product in enumerate(products):
            items |= {
                f"items-{number}-product": str(product.pk),
                f"items-{number}-booth_code": f"A{number + 1}",
                f"items-{number}-note": "",
                f"items-{number}-ORDER": str(number + 1),
                f"items-{number}-id": "",
                f"items-{number}-DELETE": "",
            }
        data = form_data(
            curator_client.get(add_url(ExhibitionPage, index)),
            title="Pameran Baru",
            slug="pameran-baru",
            kind="temporary",
            starts_on=timezone.localdate().isoformat(),
            ends_on=(timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
            **items,
            **{"action-publish": "publish"},
        )
        response = curator_client.post(add_url(ExhibitionPage, index), data)
        assert response.status_code == 302
        exhibition = ExhibitionPage.objects.get(slug="pameran-baru")
        assert exhibition.live
        assert [i.product_id for i in exhibition.items.order_by("sort_order")] == [
            p.pk for p in products
        ]


class TestJoinRequests:
    def test_owner_asks_with_own_products(self, owner_client, owned_vendor, exhibition):
        mine = ProductPageFactory(parent=owned_vendor, title="Kain Saya")
        response = owner_client.get(JOIN_URL)
        assert response.status_code == 200
        assert "Pekan Batik" in response.content.decode()
        response = owner_client.post(
            JOIN_URL,
            {
                "exhibition": exhibition.pk,
                "vendor": owned_vendor.pk,
                "products": [mine.pk],
                "message": "Kami ingin ikut.",
            },
        )
        assert response.status_code == 302
        request = ExhibitionJoinRequest.objects.get()
        assert (request.vendor_id, request.status) == (owned_vendor.pk, "pending")
        assert list(request.products.all()) == [mine]

    def test_owner_cannot_ask_for_another_ikm(self, owner_client, owned_vendor, exhibition):
        other = VendorPageFactory(title="IKM Lain")
        theirs = ProductPageFactory(parent=other, title="Produk Lain")
        mine = ProductPageFactory(parent=owned_vendor, title="Kain Saya")
        for payload in (
            {"vendor": other.pk, "products": [theirs.pk]},
            {"vendor": owned_vendor.pk, "products": [theirs.pk]},
            {"vendor": other.pk, "products": [mine.pk]},
        ):
            response = owner_client.post(JOIN_URL, {"exhibition": exhibition.pk, **payload})
            assert response.status_code == 200  # the form again, with its errors
        assert not ExhibitionJoinRequest.objects.exists()

    def test_closed_or_past_exhibitions_take_no_requests(
        self, owner_client, owned_vendor, site_tree
    ):
        closed = ExhibitionPageFactory(title="Tertutup", open_for_requests=False)
        past = ExhibitionPageFactory(
            title="Sudah Lewat",
            open_for_requests=True,
            starts_on=timezone.localdate() - datetime.timedelta(days=30),
            ends_on=timezone.localdate() - datetime.timedelta(days=20),
        )
        mine = ProductPageFactory(parent=owned_vendor)
        for exhibition in (closed, past):
            response = owner_client.post(
                JOIN_URL,
                {"exhibition": exhibition.pk, "vendor": owned_vendor.pk, "products": [mine.pk]},
            )
            assert response.status_code == 200
        assert not ExhibitionJoinRequest.objects.exists()

    def make_request(self, exhibition, vendor, products):
        request = ExhibitionJoinRequest.objects.create(exhibition=exhibition, vendor=vendor)
        request.products.set(products)
        return request

    def test_curator_accepts_and_the_products_join(self, curator_client, owned_vendor, exhibition):
        ExhibitionItemFactory(page=exhibition, product=ProductPageFactory(title="Sudah Ada"))
        exhibition.save_revision().publish()
        kain, selendang = (
            ProductPageFactory(parent=owned_vendor, title="Kain"),
            ProductPageFactory(parent=owned_vendor, title="Selendang"),
        )
        request = self.make_request(exhibition, owned_vendor, [kain, selendang])
        assert curator_client.get(JOIN_URL).status_code == 200
        response = curator_client.post(f"{JOIN_URL}{request.pk}/accept/")
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.status == "accepted" and request.decided_at is not None
        live = ExhibitionPage.objects.get(pk=exhibition.pk)
        assert [i.product.title for i in live.items.order_by("sort_order")] == [
            "Sudah Ada",
            "Kain",
            "Selendang",
        ]
        # The new items are on the public page and in the next edit.
        assert "Selendang" in curator_client.get(live.url).content.decode()
        latest = live.get_latest_revision_as_object()
        assert len(latest.items.all()) == 3
        # A decided request cannot be decided again.
        curator_client.post(f"{JOIN_URL}{request.pk}/decline/")
        request.refresh_from_db()
        assert request.status == "accepted"

    def test_curator_declines(self, curator_client, owned_vendor, exhibition):
        request = self.make_request(
            exhibition, owned_vendor, [ProductPageFactory(parent=owned_vendor)]
        )
        assert curator_client.post(f"{JOIN_URL}{request.pk}/decline/").status_code == 302
        request.refresh_from_db()
        assert request.status == "declined"
        assert not exhibition.items.exists()

    def test_owner_cannot_decide(self, owner_client, owned_vendor, exhibition):
        request = self.make_request(
            exhibition, owned_vendor, [ProductPageFactory(parent=owned_vendor)]
        )
        response = owner_client.post(f"{JOIN_URL}{request.pk}/accept/")
        assert refused(response)
        request.refresh_from_db()
        assert request.status == "pending"
        assert not exhibition.items.exists()

    def test_decisions_need_post_and_a_known_verb(self, curator_client, owned_vendor, exhibition):
        request = self.make_request(exhibition, owned_vendor, [])
        assert curator_client.get(f"{JOIN_URL}{request.pk}/accept/").status_code == 405
        assert curator_client.post(f"{JOIN_URL}{request.pk}/hapus/").status_code == 404
        request.refresh_from_db()
        assert request.status == "pending"

    def test_owners_see_only_their_own_requests(self, owner_client, owned_vendor, exhibition):
        other = VendorPageFactory(title="IKM Tetangga")
        self.make_request(exhibition, other, [])
        self.make_request(exhibition, owned_vendor, [])
        page = BeautifulSoup(owner_client.get(JOIN_URL).content.decode(), "html.parser")
        rows = [row.find_all("td")[1].get_text() for row in page.select(".join-requests tbody tr")]
        assert rows == ["Batik Ibu Siti"]

    def test_people_without_an_ikm_or_curation_are_refused(self, client, site_tree):
        from catalog.factories import UserFactory
        from catalog.ownership import _admin_access

        user = UserFactory(username="staf.lain")
        user.user_permissions.add(*_admin_access())
        client.force_login(user)
        assert refused(client.get(JOIN_URL))
        assert refused(client.get("/admin/showroom/label/"))
