"""A curator builds an exhibition in the Wagtail admin (three products chosen with the
filtered product chooser), publishes it, and a buyer finds it on the home page and opens a
product from it; axe checks every public page visited, the Nu HTML checker the new page types.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.two_factor_login import enrol_in_browser

pytestmark = pytest.mark.e2e

CHOSEN = ["Kain Batik Tulis Mega Mendung", "Kemeja Batik Cap Trusmi", "Keranjang Rotan Anyam"]


def log_in(context, username):
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("sandi-uji-123")
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))
    enrol_in_browser(page)  # only curators sign in here: their first sign-in enrols
    return page


def choose_product(page, number, title, category):
    """Add an item row and pick `title` in the product chooser, narrowed by category."""
    page.locator("#id_items-ADD").click()
    page.locator(f"#id_items-{number}-product-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    modal.locator("select[name=category]").select_option(label=category)
    choice = modal.locator("a[data-chooser-modal-choice]", has_text=title)
    expect(modal.locator("a[data-chooser-modal-choice]").first).to_be_visible()
    choice.click()
    expect(modal).to_be_hidden()
    expect(page.locator(f"#id_items-{number}-product-title")).to_have_text(title)
    page.locator(f"#id_items-{number}-booth_code").fill(f"A{number + 1}")


def test_curator_publishes_an_exhibition_a_buyer_finds_it(
    new_context, catalog, assert_no_axe_violations, html_checker, network_log
):
    from catalog.factories import UserFactory
    from catalog.ownership import ensure_curator_group
    from showroom.exhibitions import ExhibitionIndexPage, ExhibitionPage

    curator = UserFactory(username="kurator.pameran")
    ensure_curator_group(users=[curator])
    index = ExhibitionIndexPage.objects.get()
    today = timezone.localdate()

    # The curator creates the exhibition in the admin.
    admin = log_in(new_context(), "kurator.pameran")
    admin.goto(f"/admin/pages/add/showroom/exhibitionpage/{index.pk}/")
    admin.locator("#id_title").fill("Pameran Batik dan Rotan")
    admin.locator("#id_theme").fill("Karya tangan pesisir Cirebon")
    admin.locator("#id_starts_on").fill((today - datetime.timedelta(days=1)).isoformat())
    admin.locator("#id_ends_on").fill((today + datetime.timedelta(days=14)).isoformat())
    admin.locator("#id_ends_on").press("Escape")
    admin.locator("#id_kind").select_option("temporary")
    categories = {
        "Kain Batik Tulis Mega Mendung": "Batik › Batik Tulis",
        "Kemeja Batik Cap Trusmi": "Batik › Batik Cap",
        "Keranjang Rotan Anyam": "Kerajinan › Rotan",
    }
    for number, title in enumerate(CHOSEN):
        choose_product(admin, number, title, categories[title])
    admin.locator("footer .w-dropdown--dropdown-button [data-w-dropdown-target=toggle]").click()
    admin.locator("button[name=action-publish]").click()
    expect(admin).to_have_url(re.compile(rf"/admin/pages/{index.pk}/"))
    exhibition = ExhibitionPage.objects.get(title="Pameran Batik dan Rotan")
    assert exhibition.live
    assert [i.product.title for i in exhibition.items.order_by("sort_order")] == CHOSEN

    # A buyer finds it on the home page and opens a product from it.
    page = new_context().new_page()
    page.goto("/")
    section = page.locator(".home-section--exhibitions")
    expect(section.get_by_role("link", name="Pameran Batik dan Rotan")).to_be_visible()
    assert_no_axe_violations(page)
    section.get_by_role("link", name="Pameran Batik dan Rotan").click()
    expect(page).to_have_url(re.compile(r"/pameran/pameran-batik-dan-rotan/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Pameran Batik dan Rotan")
    items = page.locator(".exhibition-item .card__title a")
    expect(items).to_have_text(CHOSEN)
    expect(page.locator(".exhibition-item__booth").first).to_have_text("Stan/rak A1")
    assert_no_axe_violations(page)
    exhibition_url = page.url

    items.nth(1).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CHOSEN[1])
    assert_no_axe_violations(page)

    page.goto("/pameran/")
    expect(page.locator(".exhibitions--current .card__title a")).to_have_text(
        ["Pameran Batik dan Rotan"]
    )
    assert_no_axe_violations(page)
    # The HTML as served (page.content() would include what scripts and axe added).
    html_checker({url: page.request.get(url).text() for url in ("/", "/pameran/", exhibition_url)})
    # The buyer's requests all succeeded (in the admin, publishing cancels the form page's
    # own pending requests, its pages and Wagtail's admin assets, as it navigates away; those
    # are Wagtail's, not the site's, and the anonymous buyer never loads them).
    admin_only = ("/admin/", "/static/wagtail")
    public = [f for f in network_log.failures if not any(part in f for part in admin_only)]
    assert not public, public


def test_showroom_pages_are_accessible_and_valid(
    page, catalog, assert_no_axe_violations, html_checker
):
    from showroom.factories import ShelfPlacementFactory, ShowroomPageFactory

    venue = ShowroomPageFactory(
        title="Galeri IKM Kota Cirebon",
        slug="galeri-ikm",
        latitude="-6.712300",
        longitude="108.557500",
    )
    product = next(iter(catalog.products.values()))
    ShelfPlacementFactory(page=venue, product=product, shelf_code="B3")
    documents = {}
    for url in ("/showroom/", "/showroom/galeri-ikm/", product.url, "/en/showroom/galeri-ikm/"):
        page.goto(url)
        assert_no_axe_violations(page)
        documents[url] = page.request.get(url).text()
    page.goto(product.url)
    expect(page.locator(".in-person")).to_have_text(
        "Lihat langsung di Galeri IKM Kota Cirebon, rak B3"
    )
    html_checker(documents)
