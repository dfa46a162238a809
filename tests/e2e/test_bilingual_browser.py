"""The English site in a real browser: English text where the IKM wrote it, the Indonesian
text marked lang="id" where not, and an English search reaching an Indonesian-only product
through the curators' synonym sets; axe and the Nu HTML checker on each page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

INDONESIAN_ONLY = "kursi-rotan-plumbon"
TRANSLATED = "kain-batik-tulis-mega-mendung"


@pytest.fixture
def bilingual(catalog):
    from wagtail.rich_text import RichText

    from search.models import SynonymSet

    product = catalog.products[TRANSLATED]
    product.title_en = "Hand-drawn Mega Mendung Batik Cloth"
    product.summary_en = "Fine hand-drawn batik with the mega mendung cloud motif."
    product.description_en = [
        ("paragraph", RichText("<p>Drawn by hand with a canting over five weeks.</p>"))
    ]
    product.save()
    catalog.categories["rotan"].name_en = "Rattan"
    catalog.categories["rotan"].save()
    SynonymSet.objects.create(terms="rotan, rattan")
    SynonymSet.objects.create(terms="kursi, chair")
    return catalog


def test_english_product_pages_with_and_without_english_text(
    page, bilingual, assert_no_axe_violations, html_checker
):
    documents = {}
    untranslated = bilingual.products[INDONESIAN_ONLY]
    response = page.goto("/en" + untranslated.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Kursi Rotan Plumbon")
    expect(heading).to_have_attribute("lang", "id")
    expect(page.locator(".product .lead")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", name="Description")).to_be_visible()
    expect(page.locator(".product__category")).not_to_have_attribute("lang", "id")
    expect(page.locator(".price").first).to_contain_text("Rp 1,250,000")
    assert_no_axe_violations(page)
    documents["English page, Indonesian text"] = response.text()

    translated = bilingual.products[TRANSLATED]
    response = page.goto("/en" + translated.url)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Hand-drawn Mega Mendung Batik Cloth")
    expect(heading).not_to_have_attribute("lang", re.compile(".*"))
    expect(page.locator(".description")).to_contain_text("Drawn by hand with a canting")
    expect(page.locator(".description")).not_to_have_attribute("lang", re.compile(".*"))
    expect(page).to_have_title(re.compile(r"^Hand-drawn Mega Mendung Batik Cloth"))
    assert_no_axe_violations(page)
    documents["English page, English text"] = response.text()

    # The language switch leads to the same product in Indonesian.
    page.get_by_role("link", name=re.compile(r"ID")).click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(bilingual.url)}/ikm/.+/{TRANSLATED}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kain Batik Tulis Mega Mendung")
    html_checker(documents)


def test_searching_rattan_chair_in_english_finds_kursi_rotan(
    page, bilingual, assert_no_axe_violations
):
    page.goto("/en/")
    box = page.get_by_role("combobox", name="Search products")
    box.fill("rattan chair")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/cari/\?q=rattan\+chair$"))
    # Products with every word first; those matching only "rattan" follow under their own title.
    titles = page.locator(".grid:not(.partial) .product-card .card__title")
    expect(titles).to_have_text(["Kursi Rotan Plumbon"])
    expect(titles.first).to_have_attribute("lang", "id")
    expect(page.locator(".grid.partial .product-card .card__title")).to_have_text(
        ["Keranjang Rotan Anyam"]
    )
    assert_no_axe_violations(page)
