"""A small catalog for the printed-catalog tests: two IKM in one sentra and region, a category
with a subcategory, an exhibition in a curated order, adversarial names and a product priced
on request."""

from types import SimpleNamespace

import pytest

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    ImageFactory,
    MaterialFactory,
    ProductCertificateFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    SentraFactory,
    UserFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from catalog.ownership import ensure_curator_group, ensure_operator_group, grant_vendor_ownership
from showroom.factories import ExhibitionItemFactory, ExhibitionPageFactory

LONG_NAME = (
    "Kain Batik Tulis Mega Mendung Sutra Premium Pewarna Alam Motif Keraton Kasepuhan "
    "Edisi Terbatas Untuk Kolektor Dan Hadiah Istimewa Pejabat Daerah Ciayumajakuning"
)
UNBROKEN = "Selendangsutrabatiktulistrusmiwarnaalamtanpaspasiyangsangatpanjangsekalixx"


@pytest.fixture
def catalog(site_tree):
    region = RegionFactory(name="Kabupaten Cirebon", slug="kabupaten-cirebon")
    other_region = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    sentra = SentraFactory(name="Sentra Batik Trusmi", slug="sentra-batik-trusmi", region=region)
    batik = CategoryFactory(name="Batik", slug="batik")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    rotan = CategoryFactory(name="Rotan", slug="rotan")
    halal = CertificateTypeFactory(name="HKI Merek", slug="hki")
    silk = MaterialFactory(name="Sutra", slug="sutra")
    trusmi = VendorPageFactory(
        title="Batik Trusmi Jaya",
        slug="batik-trusmi-jaya",
        region=region,
        sentra=sentra,
        story="<p>Usaha keluarga sejak 1980 di Trusmi.</p>",
        nib="1234567890123",
        siinas="SIINAS-42",
        email="trusmi@example.test",
    )
    VendorCertificateFactory(page=trusmi, certificate_type=halal, number="IDM000123")
    rattan = VendorPageFactory(title="Rotan Plumbon", slug="rotan-plumbon", region=other_region)
    long = ProductPageFactory(
        parent=trusmi,
        title=LONG_NAME,
        slug="panjang",
        category=tulis,
        price=2_750_000,
        length_cm=250,
        width_cm=110,
        min_order=2,
    )
    long.materials.set([silk])
    ProductCertificateFactory(page=long, certificate_type=halal, number="HKI-77")
    on_request = ProductPageFactory(
        parent=trusmi,
        title=UNBROKEN,
        slug="tanpa-spasi",
        category=batik,
        price=None,
        availability="made_to_order",
        stock=None,
        lead_time_days=21,
    )
    chair = ProductPageFactory(
        parent=rattan, title="Kursi Rotan Sintetis", slug="kursi", category=rotan
    )
    draft = ProductPageFactory(
        parent=trusmi, title="Belum Terbit", slug="draf", category=batik, live=False
    )
    image = ImageFactory(title="Foto batik")
    for product in (long, on_request, chair):
        ProductGalleryImageFactory(page=product, image=image)
    fair = ExhibitionPageFactory(title="Pameran Ciayumajakuning", slug="pameran-ciayumajakuning")
    for order, product in enumerate([chair, on_request, long, draft]):
        ExhibitionItemFactory(page=fair, product=product, sort_order=order)
    return SimpleNamespace(
        region=region,
        sentra=sentra,
        batik=batik,
        tulis=tulis,
        trusmi=trusmi,
        rattan=rattan,
        long=long,
        on_request=on_request,
        chair=chair,
        draft=draft,
        fair=fair,
    )


@pytest.fixture
def curator(site_tree):
    user = UserFactory(username="kurator.cetak")
    ensure_curator_group(users=[user])
    return user


@pytest.fixture
def operator(site_tree):
    user = UserFactory(username="operator.cetak")
    ensure_operator_group(users=[user])
    return user


@pytest.fixture
def owner(catalog):
    user = UserFactory(username="pemilik.trusmi")
    grant_vendor_ownership(catalog.trusmi, [user])
    return user
