"""In the browser: an IKM owner changes a product's price and submits it; a curator approves
it in the Kurasi workflow; a buyer sees the new price. axe checks the public product page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.two_factor_login import enrol_in_browser

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"
PASSWORD = "Batik-Trusmi-2026!"


def sign_in(page, username):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def open_more_actions(page):
    """The editor's footer keeps its other actions in a dropdown next to the main button."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_owner_submits_a_price_curator_approves_buyer_sees_it(
    new_context, catalog, assert_no_axe_violations
):
    from catalog.factories import UserFactory
    from catalog.models import ProductPage
    from catalog.onboarding import Owner, onboard_ikm
    from catalog.ownership import ensure_roles

    product = catalog.products[PRODUCT]
    vendor = product.get_parent().specific
    roles = ensure_roles()
    owner = UserFactory(username="siti", email="siti@example.test", password=PASSWORD)
    onboard_ikm(vendor.title, vendor.region, [Owner(email=owner.email)], slug=vendor.slug)
    curator = UserFactory(username="dewi", email="dewi@example.test", password=PASSWORD)
    curator.groups.add(roles["curators"])

    # The owner: edit the price, submit to Kurasi.
    page = new_context().new_page()
    sign_in(page, "siti")
    expect(page.locator("#owner-products-section")).to_contain_text(product.title)
    page.goto(f"/admin/pages/{product.pk}/edit/")
    page.locator("#tab-label-harga_stok, [role=tab]:has-text('Harga & stok')").first.click()
    price = page.locator("input[name=price]")
    price.fill("175000")
    open_more_actions(page)
    page.locator("button[name=action-submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/"))
    product = ProductPage.objects.get(pk=product.pk)
    assert product.workflow_in_progress and product.price == 150_000

    # The buyer still sees the old price.
    buyer = new_context().new_page()
    buyer.goto(product.url)
    expect(buyer.locator("body")).to_contain_text("Rp 150.000")

    # The curator: approve from the editor.
    review = new_context().new_page()
    sign_in(review, "dewi")
    enrol_in_browser(review)  # a curator's first sign-in enrols two-factor
    review.goto(f"/admin/pages/{product.pk}/edit/")
    open_more_actions(review)
    review.locator("footer button[data-workflow-action-name='approve']").first.click()
    dialog = review.locator("dialog[open], .w-dialog:not([hidden])").first
    if dialog.locator("textarea").count():
        dialog.locator("textarea").fill("Harga baru sudah sesuai.")
        dialog.locator("button[type=submit]").first.click()
    expect(review).to_have_url(re.compile(r"/admin/"))
    review.wait_for_load_state("networkidle")

    product = ProductPage.objects.get(pk=product.pk)
    assert product.price == 175_000 and not product.workflow_in_progress
    outcome = [m for m in mail.outbox if m.to == ["siti@example.test"] and "Disetujui" in m.subject]
    assert len(outcome) == 1

    # The buyer sees the new price.
    buyer.goto(product.url)
    expect(buyer.locator("body")).to_contain_text("Rp 175.000")
    assert_no_axe_violations(buyer)
