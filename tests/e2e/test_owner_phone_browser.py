"""On a phone (390 × 844): a product page's view beacon counts; an IKM owner signs in, opens
the inquiry inbox, the dashboard with its statistics panel and the statistics pages, and no
page is wider than the screen."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "Batik-Trusmi-2026!"
PHONE = {"width": 390, "height": 844}
PRODUCT = "kain-batik-tulis-mega-mendung"
# A phone's browser, not "HeadlessChrome" (which the view beacon ignores as a robot).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36"
)


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_owner_reads_inbox_and_statistics_on_a_phone(new_context, catalog):
    from catalog.factories import UserFactory
    from catalog.models import ProductView
    from catalog.onboarding import Owner, onboard_ikm
    from catalog.ownership import ensure_roles
    from inquiries.models import Inquiry

    product = catalog.products[PRODUCT]
    vendor = product.get_parent().specific
    ensure_roles()
    owner = UserFactory(username="siti", email="siti@example.test", password=PASSWORD)
    onboard_ikm(vendor.title, vendor.region, [Owner(email=owner.email)], slug=vendor.slug)
    for number in range(3):
        Inquiry.objects.create(
            vendor=vendor,
            product=product,
            product_title=product.title,
            name=f"Pembeli dengan nama cukup panjang nomor {number}",
            email=f"pembeli.dengan.alamat.panjang.{number}@perusahaan-contoh.example",
            buyer_type="reseller",
            company="PT Distributor Kerajinan Nusantara Sejahtera",
            message="Apakah bisa pesan 200 lembar dengan motif yang sama untuk seragam kantor?",
        )
    ProductView.objects.create(product=product, date=timezone.localdate(), count=12)

    page = new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT
    ).new_page()
    # A buyer's view of the product reaches the owner's statistics through the beacon.
    with page.expect_request(f"**/statistik/lihat/{product.pk}/"):
        page.goto(product.url)
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("siti")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))

    page.goto("/admin/pertanyaan/")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(3)
    assert page_width(page) <= PHONE["width"]
    # Key facts first: the reference and the buyer are on screen without scrolling sideways.
    first = rows.first.bounding_box()
    assert first["x"] >= 0 and first["x"] + first["width"] <= PHONE["width"]

    page.goto("/admin/")
    panel = page.locator("#owner-statistics-section")
    expect(panel.locator('[data-metric="views"] .stats-card__total')).to_have_text("13")
    expect(panel.locator('svg[role="img"]')).to_have_count(4)
    assert page_width(page) <= PHONE["width"]

    page.goto("/admin/statistik/")
    expect(page.locator("#stats-produk")).to_contain_text(product.title)
    assert page_width(page) <= PHONE["width"]
    page.goto(f"/admin/statistik/produk/{product.pk}/")
    expect(page.locator("#stats-days")).to_be_visible()
    assert page_width(page) <= PHONE["width"]
