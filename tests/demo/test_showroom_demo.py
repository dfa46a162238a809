"""The demo showroom command over a small catalog: venues, placements, one current, one
upcoming and one past exhibition, a curated home page; idempotent."""

import io

import pytest
from django.core.management import call_command

from catalog.factories import (
    CategoryFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    VendorPageFactory,
)
from showroom.exhibitions import ExhibitionPage
from showroom.featured import featured_ids
from showroom.venues import ShelfPlacement, ShowroomPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_catalog(site_tree):
    cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    batik = CategoryFactory(name="Batik", slug="batik")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    for number, region in enumerate([cirebon, cirebon, cilegon]):
        vendor = VendorPageFactory(region=region)
        for _ in range(3):
            product = ProductPageFactory(parent=vendor, category=tulis if number < 2 else batik)
            ProductGalleryImageFactory(page=product)


def run(*args):
    out = io.StringIO()
    call_command("load_demo_showroom", *args, stdout=out)
    return out.getvalue()


def test_builds_venues_exhibitions_and_a_curated_home(client, small_catalog):
    assert "2 venue(s)" in run()
    assert set(ShowroomPage.objects.live().values_list("title", flat=True)) == {
        "Galeri IKM Kota Cirebon",
        "Mall UKM Cilegon",
    }
    assert ShelfPlacement.objects.exists()
    statuses = sorted(e.status() for e in ExhibitionPage.objects.live())
    assert statuses == ["current", "past", "upcoming"]
    assert all(e.items.exists() for e in ExhibitionPage.objects.all())
    assert len(featured_ids()) == 3  # one per IKM with photos
    for url in ("/", "/pameran/", "/showroom/", "/showroom/galeri-ikm-kota-cirebon/"):
        assert client.get(url).status_code == 200
    # Everything is editable: each page has a revision.
    assert all(p.latest_revision_id for p in ShowroomPage.objects.all())


def test_running_again_changes_nothing(small_catalog):
    run()
    counts = (ShowroomPage.objects.count(), ExhibitionPage.objects.count())
    placements = ShelfPlacement.objects.count()
    assert "0 venue(s)" in run()
    assert "not loaded" in run("--if-empty")
    assert (ShowroomPage.objects.count(), ExhibitionPage.objects.count()) == counts
    assert ShelfPlacement.objects.count() == placements
