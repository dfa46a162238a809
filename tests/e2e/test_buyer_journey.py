"""A buyer's way through Etalase IKM in a real browser, checked with axe and the Nu HTML checker.

Run with ``.venv/bin/pytest tests/e2e``; see conftest.py for what the fixtures need.
"""

import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "testserver", "[::1]"}


def assert_links_stay_on_server(page, origin):
    """Every link to this site points at the live server, not at the Site's stored hostname."""
    hrefs = page.eval_on_selector_all(
        "a[href], link[rel=canonical], link[rel=alternate]", "els => els.map(e => e.href)"
    )
    wrong = [
        href
        for href in hrefs
        if urlsplit(href).hostname in LOCAL_HOSTS and not href.startswith(origin + "/")
    ]
    assert not wrong, f"links on {page.url} leave the live server {origin}: {wrong}"


def test_buyer_finds_a_product_and_contacts_its_ikm(
    page, catalog, assert_no_axe_violations, network_log
):
    product = catalog.products[PRODUCT]
    vendor = catalog.vendors["trusmi"]
    origin = catalog.url

    # The home page: the hero leads into the catalog.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=product.title)).to_be_visible()
    assert_no_axe_violations(page)
    assert_links_stay_on_server(page, origin)

    page.get_by_role("link", name="Lihat katalog").click()
    expect(page).to_have_url(f"{origin}/katalog/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog Produk")
    expect(page.get_by_role("heading", name=f"{len(catalog.products)} produk")).to_be_visible()
    assert_no_axe_violations(page)

    # A subcategory from the filter panel.
    filters = page.get_by_role("complementary", name="Saring")
    filters.get_by_role("link", name=re.compile(r"^Batik Tulis\b")).click()
    expect(page).to_have_url(f"{origin}/katalog/batik-tulis/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Batik Tulis")
    expect(page.get_by_role("heading", name="2 produk")).to_be_visible()
    expect(page.get_by_role("link", name="Kemeja Batik Cap Trusmi")).to_have_count(0)
    assert_no_axe_violations(page)

    # The product.
    page.get_by_role("link", name=product.title, exact=True).click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(origin)}/ikm/{vendor.slug}/{PRODUCT}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(product.title)
    expect(page.locator(".product__info .price")).to_contain_text("Rp 150.000")
    expect(page.locator(".product__info .badge")).to_have_text("Stok tersedia")

    whatsapp = page.get_by_role("link", name=re.compile(r"^Chat WhatsApp"))
    expect(whatsapp).to_have_count(1)
    counted = whatsapp.get_attribute("href")
    assert counted == f"/wa/{product.pk}/", counted  # counts the click, then goes to wa.me
    href = page.request.get(origin + counted, max_redirects=0).headers["location"]
    assert href.startswith("https://wa.me/62"), href
    assert quote(product.title) in href, href
    assert quote(f"{origin}/ikm/{vendor.slug}/{PRODUCT}/", safe="") in href.replace("/", "%2F")

    main_image = page.locator(".product__main-image img")
    expect(main_image).to_have_attribute("alt", "Foto kain batik tulis mega mendung, tampak depan")
    expect(main_image).to_have_attribute("srcset", re.compile(r"\.webp \d+w"))
    assert main_image.evaluate("img => img.complete && img.naturalWidth > 0"), "photo not loaded"
    expect(page.locator(".product__thumbs img")).to_have_count(1)
    assert_no_axe_violations(page)
    assert_links_stay_on_server(page, origin)

    # On to the IKM's profile, which lists its products.
    page.locator(".product__vendor").get_by_role("link", name=vendor.title).click()
    expect(page).to_have_url(f"{origin}/ikm/{vendor.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(vendor.title)
    vendor_products = [p for p in catalog.products.values() if p.vendor_id == vendor.pk]
    listing = page.locator("section[aria-labelledby=products-heading]")
    expect(listing.get_by_role("heading", level=2)).to_have_text(f"{len(vendor_products)} produk")
    for item in vendor_products:
        expect(listing.get_by_role("link", name=item.title, exact=True)).to_be_visible()
    expect(page.get_by_text("HKI Merek")).to_be_visible()
    assert_no_axe_violations(page)
    assert_links_stay_on_server(page, origin)

    assert not network_log.failures, network_log.failures


def test_every_page_type_is_valid_html_and_accessible(
    html_checker, page, catalog, assert_no_axe_violations
):
    product = catalog.products[PRODUCT]
    vendor = catalog.vendors["trusmi"]
    pages = {
        "home": ("/", 200),
        "catalog": ("/katalog/", 200),
        "catalog filtered by region": ("/katalog/?wilayah=kota-cilegon", 200),
        "category": ("/katalog/batik/", 200),
        "subcategory": ("/katalog/sirup/", 200),
        "product": (product.url, 200),
        "product with certificates": (catalog.products["sirup-pala-khas-cirebon"].url, 200),
        "IKM profile": (vendor.url, 200),
        "IKM directory": ("/ikm/", 200),
        "search results": ("/cari/?q=batik", 200),
        "search without results": ("/cari/?q=zzzz", 200),
        "not found": ("/halaman-yang-tidak-ada/", 404),
        "product in English": ("/en" + product.url, 200),
    }
    documents = {}
    for name, (path, status) in pages.items():
        response = page.goto(path)
        assert response.status == status, f"{name} ({path}): HTTP {response.status}"
        assert_no_axe_violations(page)
        documents[f"{name} ({path})"] = response.text()
    assert "Kain Batik Tulis Mega Mendung" in documents["search results (/cari/?q=batik)"]
    html_checker(documents)


def test_language_switcher_goes_to_english(page, catalog):
    product = catalog.products[PRODUCT]
    page.goto(product.url)
    expect(page.locator("html")).to_have_attribute("lang", "id")

    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="EN (English)").click()
    expect(page).to_have_url(f"{catalog.url}/en{product.url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".product__info .price")).to_contain_text("Rp 150,000")

    page.get_by_role("navigation").get_by_role("link", name=re.compile(r"^ID\b")).click()
    expect(page).to_have_url(f"{catalog.url}{product.url}")
    expect(page.locator("html")).to_have_attribute("lang", "id")


def test_product_page_fits_a_phone_screen(new_context, catalog):
    phone = new_context(
        viewport={"width": 375, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = phone.new_page()
    for path in (catalog.products[PRODUCT].url, "/", "/katalog/", catalog.vendors["trusmi"].url):
        page.goto(path)
        widths = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        assert widths["scroll"] <= widths["inner"], f"{path} scrolls sideways: {widths}"
