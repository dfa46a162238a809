"""The listing on a phone (390x844): results first, the filters in a <dialog> drawer.

Below 48em the result count, sort and "Filter (n)" come before the products and the facets
open in a native modal dialog (static/js/filter-drawer.js); without JavaScript the same button
is a link to the filters after the results. On a desktop the filters stay a sidebar.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
SCREEN_HEIGHT = 844
# (listing, the two facet options to pick and the query parameters they add)
LISTINGS = ["/katalog/", "/katalog/batik/", "/cari/?q=batik", "/en/cari/?q=batik"]
PICKS = [
    (r"^Kabupaten Cirebon \(\d+\)", "wilayah=kabupaten-cirebon"),
    (r"^Katun primisima \(\d+\)", "bahan=katun-primisima"),
]


@pytest.fixture
def phone(new_context):
    return new_context(**PHONE).new_page()


def first_card_top(page):
    card = page.locator(".results .product-card").first
    expect(card).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["viewport"]["width"], f"{page.url} scrolls sideways ({width}px)"
    return card.bounding_box()["y"]


def filter_button(page):
    return page.get_by_role("button", name=re.compile(r"^(Saring|Filter)\b"))


def open_drawer(page):
    filter_button(page).click()
    drawer = page.get_by_role("dialog")
    expect(drawer).to_be_visible()
    return drawer


def test_results_come_first_before_and_after_two_filters_from_the_drawer(phone, catalog):
    for url in LISTINGS:
        phone.goto(url)
        top = first_card_top(phone)
        assert top < SCREEN_HEIGHT, f"{url}: the first product starts at {top}px"
        cards = phone.locator(".results .grid .product-card")
        assert cards.count() >= 2
        first, second = (cards.nth(n).bounding_box() for n in (0, 1))
        assert first["y"] == second["y"], f"{url}: two cards per row"
        # A category page's own category is the page, not a filter to count.
        expect(filter_button(phone)).to_have_text(re.compile(r"^(Saring|Filter)$"))

        for number, (name, param) in enumerate(PICKS, start=1):
            drawer = open_drawer(phone)
            drawer.get_by_role("link", name=re.compile(name)).click()
            expect(phone).to_have_url(re.compile(re.escape(param)))
            expect(filter_button(phone)).to_have_text(
                re.compile(rf"^(Saring|Filter) \({number}\)$")
            )
        for _name, param in PICKS:
            assert param in phone.url, phone.url
        top = first_card_top(phone)
        assert top < SCREEN_HEIGHT, f"{phone.url}: the first product starts at {top}px"


def test_drawer_is_a_modal_dialog_by_keyboard(phone, catalog, assert_no_axe_violations):
    phone.goto("/katalog/")
    assert_no_axe_violations(phone)
    button = filter_button(phone)
    expect(phone.locator(".listing > .filters")).to_be_hidden()
    button.focus()
    phone.keyboard.press("Enter")
    drawer = phone.get_by_role("dialog", name="Saring")
    expect(drawer).to_be_visible()
    assert phone.evaluate("document.querySelector('dialog').matches(':modal')")
    assert phone.evaluate("document.querySelector('dialog').contains(document.activeElement)")
    expect(drawer.get_by_role("heading", name="Kategori")).to_be_visible()
    expect(drawer.get_by_role("button", name="Tutup")).to_be_visible()
    assert_no_axe_violations(phone)

    # Focus stays inside: tabbing through every control never reaches the page behind.
    for _ in range(40):
        phone.keyboard.press("Tab")
        assert phone.evaluate(
            "document.querySelector('dialog').contains(document.activeElement)"
            " || document.activeElement === document.body"
        )
    phone.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    expect(button).to_be_focused()
    expect(phone.locator(".listing > .filters .facets")).to_have_count(1)

    open_drawer(phone).get_by_role("button", name="Tutup").click()
    expect(phone.get_by_role("dialog")).to_be_hidden()
    expect(button).to_be_focused()
    assert_no_axe_violations(phone)


def test_desktop_keeps_the_sidebar_and_no_drawer_button(page, catalog):
    page.goto("/katalog/")
    sidebar = page.get_by_role("complementary", name="Saring")
    expect(sidebar).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^(Saring|Filter)\b"))).to_be_hidden()
    expect(filter_button(page)).to_be_hidden()
    box, results = sidebar.bounding_box(), page.locator(".results").bounding_box()
    assert box["x"] + box["width"] <= results["x"], "the filters are the left column"


def test_without_javascript_the_filter_link_leads_to_the_facets(new_context, catalog):
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto("/katalog/")
    assert first_card_top(page) < SCREEN_HEIGHT
    expect(filter_button(page)).to_be_hidden()
    page.get_by_role("link", name=re.compile(r"^(Saring|Filter)\b")).click()
    expect(page).to_have_url(re.compile(r"#filters$"))
    filters = page.get_by_role("complementary", name="Saring")
    filters.get_by_role("link", name=re.compile(PICKS[0][0])).click()
    expect(page).to_have_url(re.compile(re.escape(PICKS[0][1])))
    expect(page.get_by_role("link", name="Saring (1)")).to_be_visible()
    expect(page.locator(".chip--active")).to_have_count(1)


def test_phone_listings_are_valid_html(phone, catalog, html_checker):
    documents = {url: phone.request.get(url).text() for url in LISTINGS}
    documents["filtered"] = phone.request.get(
        "/katalog/?wilayah=kabupaten-cirebon&bahan=katun-primisima"
    ).text()
    html_checker(documents)
