"""A buyer on a phone (390x844) collects products of two IKM in the inquiry list ("daftar
tanya"), sees the header count change, reloads, sends one form and gets two references.

Run with ``.venv/bin/pytest tests/e2e``; see conftest.py for what the fixtures need.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

REFERENCE = re.compile(r"INQ-\d{4}-\d{6}")
PHONE = {"width": 390, "height": 844}


def served_html(page):
    """The page's HTML as served (scripts change the DOM afterwards: autocomplete's roles)."""
    return page.evaluate("fetch(location.href, {credentials: 'same-origin'}).then(r => r.text())")


def add_from_product_page(page, product, expected_count):
    page.goto(product.url)
    page.get_by_role("button", name=re.compile("Tambah ke daftar tanya")).click()
    status = page.locator(".list-add__status")
    expect(status).to_contain_text("ada di daftar tanya Anda")
    expect(page.locator(".site-header [data-inquiry-list-number]")).to_have_text(
        str(expected_count)
    )


def test_buyer_sends_one_list_to_two_ikm_on_a_phone(
    new_context, catalog, assert_no_axe_violations, html_checker
):
    from inquiries.models import Inquiry

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    kain = catalog.products["kain-batik-tulis-mega-mendung"]
    kursi = catalog.products["kursi-rotan-plumbon"]

    page.goto(kain.url)
    expect(page.locator(".site-header a.inquiry-list-link")).to_have_attribute(
        "href", "/daftar-tanya/"
    )
    expect(page.locator("[data-inquiry-list-count]")).to_be_hidden()
    add_from_product_page(page, kain, 1)
    add_from_product_page(page, kursi, 2)

    page.reload()
    expect(page.locator(".site-header [data-inquiry-list-number]")).to_have_text("2")
    # The header's extra link wraps: the page is no wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.locator(".site-header a.inquiry-list-link").click()
    expect(page).to_have_url(re.compile(r"/daftar-tanya/$"))
    groups = page.locator("fieldset.list-group legend")
    expect(groups).to_have_text(["Batik Trusmi Ibu Siti", "Rotan Plumbon Jaya"])
    assert_no_axe_violations(page)
    documents = {"list": served_html(page)}

    page.get_by_label(re.compile(r"^Jumlah .*Kain Batik")).fill("20")
    page.get_by_label(re.compile(r"^Catatan .*Kursi Rotan")).fill("untuk teras")
    page.locator("#id_name").fill("Budi Santoso")
    page.locator("#id_email").fill("budi@example.test")
    page.locator("#id_buyer_type").select_option("wholesale")
    page.locator("#id_message").fill("Mohon penawaran harga dan ongkos kirim.")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Kirim ke 2 IKM").click()

    expect(page).to_have_url(re.compile(r"/daftar-tanya/terkirim/[^/]+/$"))
    references = page.locator(".list-sent__reference")
    expect(references).to_have_count(2)
    shown = references.all_inner_texts()
    assert all(REFERENCE.fullmatch(text) for text in shown) and len(set(shown)) == 2
    assert sorted(shown) == sorted(Inquiry.objects.values_list("reference", flat=True))
    expect(page.locator("[data-inquiry-list-count]")).to_be_hidden()
    assert_no_axe_violations(page)
    documents["confirmation"] = served_html(page)
    page.goto(kain.url)
    documents["product"] = served_html(page)
    html_checker(documents)
