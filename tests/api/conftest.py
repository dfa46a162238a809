"""A small catalog for the public API tests: what must show, and what must never show."""

from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    ImageFactory,
    ProductCertificateFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    SentraFactory,
    UserFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShelfPlacementFactory,
    ShowroomPageFactory,
)

OWNER_EMAIL = "pemilik.rahasia@ikm-contoh.test"
VENDOR_EMAIL = "kontak.rahasia@ikm-contoh.test"


@pytest.fixture
def catalog(site_tree):
    region = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    other_region = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    sentra = SentraFactory(name="Sentra Batik Trusmi", slug="trusmi", region=region)
    batik = CategoryFactory(name="Batik", slug="batik", name_en="Batik cloth")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    food = CategoryFactory(name="Makanan Olahan", slug="makanan", name_en="Processed food")
    vendor = VendorPageFactory(
        title="Batik Ibu Siti",
        title_en="Mrs Siti's Batik",
        slug="batik-ibu-siti",
        region=region,
        sentra=sentra,
        phone="+62231123456",
        website="https://batik-siti.example",
        email=VENDOR_EMAIL,
        owner_names="Ibu Siti Aminah",
    )
    owner = UserFactory(username="siti", email=OWNER_EMAIL)
    other_vendor = VendorPageFactory(
        title="Rotan Cilegon", slug="rotan-cilegon", region=other_region
    )
    hidden_vendor = VendorPageFactory(title="IKM Tertutup", slug="ikm-tertutup", region=region)
    mega = ProductPageFactory(
        parent=vendor,
        title="Batik Mega Mendung",
        title_en="Mega Mendung batik",
        slug="batik-mega-mendung",
        summary="Kain batik tulis motif mega mendung",
        summary_en="Hand-drawn batik cloth",
        category=tulis,
        price=150_000,
        min_order=2,
    )
    photo = ImageFactory(title="Foto mega mendung")
    ProductGalleryImageFactory(page=mega, image=photo, caption="Motif mega mendung")
    halal = CertificateTypeFactory(name="HKI Merek", slug="hki", code="HKI")
    ProductCertificateFactory(page=mega, certificate_type=halal, number="HKI-001", verified=True)
    ProductCertificateFactory(page=mega, certificate_type=halal, number="HKI-002", verified=False)
    sirup = ProductPageFactory(
        parent=other_vendor,
        title="Sirup Kawista",
        slug="sirup-kawista",
        category=food,
        price=None,
        availability=ProductPage.Availability.PREORDER,
        lead_time_days=7,
        stock=None,
    )
    draft = ProductPageFactory(parent=vendor, title="Batik Draf Rahasia", slug="draf", live=False)
    hidden = ProductPageFactory(parent=hidden_vendor, title="Batik IKM Tertutup", slug="tertutup")
    hidden_vendor.unpublish()
    private = ProductPageFactory(parent=vendor, title="Batik Pribadi", slug="pribadi")
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="rahasia",  # noqa: S106
    )
    venue = ShowroomPageFactory(title="Galeri IKM Cirebon", slug="galeri-ikm", email=VENDOR_EMAIL)
    ShelfPlacementFactory(page=venue, product=mega, shelf_code="A1")
    ShelfPlacementFactory(page=venue, product=hidden, shelf_code="A2")
    exhibition = ExhibitionPageFactory(title="Pameran Batik", slug="pameran-batik", venue=venue)
    ExhibitionItemFactory(page=exhibition, product=mega, booth_code="B1")
    ExhibitionItemFactory(page=exhibition, product=draft, booth_code="B2")
    return SimpleNamespace(
        region=region,
        other_region=other_region,
        sentra=sentra,
        batik=batik,
        tulis=tulis,
        food=food,
        vendor=vendor,
        other_vendor=other_vendor,
        hidden_vendor=hidden_vendor,
        owner=owner,
        mega=mega,
        sirup=sirup,
        draft=draft,
        hidden=hidden,
        private=private,
        venue=venue,
        exhibition=exhibition,
    )


@pytest.fixture
def api(client):
    """`api(path, **params)`: the JSON of a GET of /api/v2/<path>, asserted 200."""

    def get(path, **params):
        response = client.get(f"/api/v2/{path}", params)
        assert response.status_code == 200, (response.status_code, response.content[:500])
        return response.json()

    return get
