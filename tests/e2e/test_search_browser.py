"""Searching in a real browser: the header combobox by keyboard, filters and chips, with axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"


def test_header_suggestions_work_by_keyboard(page, catalog, assert_no_axe_violations):
    product = catalog.products[PRODUCT]
    page.goto("/katalog/")
    box = page.get_by_role("combobox", name="Cari produk")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.fill("mega")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    option = listbox.get_by_role("option", name=re.compile(product.title))
    expect(option).to_have_count(1)
    assert_no_axe_violations(page)

    box.press("ArrowDown")
    active_id = box.get_attribute("aria-activedescendant")
    assert active_id
    expect(page.locator(f"#{active_id}")).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/ikm/[^/]+/{PRODUCT}/$"))


def test_the_box_works_as_a_plain_form_without_javascript(new_context, catalog):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("searchbox", name="Cari produk").fill("batik")
    page.get_by_role("searchbox", name="Cari produk").press("Enter")
    expect(page).to_have_url(re.compile(r"/cari/\?q=batik$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("batik")


def test_filtering_search_results_with_facets_and_chips(page, catalog, assert_no_axe_violations):
    page.goto("/cari/?q=batik")
    count = page.locator("#results-heading")
    expect(count).to_contain_text("produk ditemukan")
    before = int(count.inner_text().split()[0])
    assert before >= 2
    assert_no_axe_violations(page)

    filters = page.get_by_role("complementary", name="Saring")
    filters.get_by_role("link", name=re.compile(r"^Batik Tulis")).click()
    expect(page).to_have_url(re.compile(r"kategori=batik-tulis"))
    after = int(page.locator("#results-heading").inner_text().split()[0])
    assert 0 < after < before
    chip = page.locator(".chip--active")
    expect(chip).to_have_count(1)
    assert_no_axe_violations(page)

    page.get_by_label("Urutkan").select_option("price_desc")
    page.get_by_role("button", name="Urutkan").click()
    expect(page).to_have_url(re.compile(r"urut=price_desc"))
    expect(page.locator("#search-page-q")).to_have_value("batik")

    page.locator(".chip--active").first.click()
    expect(page).not_to_have_url(re.compile(r"kategori="))
    expect(page.locator(".chip--active")).to_have_count(0)
    assert int(page.locator("#results-heading").inner_text().split()[0]) == before
