"""A visitor browses the public list of industry needs (/kebutuhan/ and /en/kebutuhan/),
filters it by capability and opens a need: no axe violation (WCAG 2 A/AA), no Nu checker error.

Run with ``.venv/bin/pytest tests/e2e/test_match_public_browser.py``.
"""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def served_html(page):
    return page.evaluate("fetch(location.href, {credentials: 'same-origin'}).then(r => r.text())")


@pytest.fixture
def needs(catalog):
    from django.utils import timezone

    from sourcing.models import BuyerCompany, Capability, SourcingRequest

    company = BuyerCompany.objects.create(
        name="PT Baja Contoh Cilegon",
        sector="logam",
        region=catalog.regions["cilegon"],
        status=BuyerCompany.Status.VERIFIED,
    )
    made = {}
    for title, slug, capability in (
        ("Rangka baja konveyor", "las-listrik-smaw", "welding"),
        ("Katering makan siang 300 porsi", "katering-karyawan", "catering"),
    ):
        need = SourcingRequest.objects.create(
            company=company,
            title=title,
            description="Spesifikasi lengkap di lampiran.",
            quantity=Decimal("300"),
            unit="porsi" if capability == "catering" else "unit",
            delivery_region=catalog.regions["cilegon"],
            delivery_place="Gerbang 3, kawasan industri",
            quote_deadline=timezone.now() + datetime.timedelta(days=7),
            requires_sni=capability == "welding",
            show_buyer_name=capability == "catering",
            status=SourcingRequest.Status.OPEN,
            published_at=timezone.now(),
        )
        need.capabilities.set([Capability.objects.get(slug=slug)])
        made[capability] = need
    return made


def test_public_need_list_filters_and_detail_are_accessible(
    page, needs, assert_no_axe_violations, html_checker
):
    documents = {}
    page.goto("/kebutuhan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kebutuhan industri")
    expect(page.locator(".sourcing-card")).to_have_count(2)
    assert_no_axe_violations(page)
    documents["list"] = served_html(page)

    page.get_by_label("Kemampuan").select_option(label="Las listrik (SMAW)")
    page.get_by_role("button", name="Terapkan").click()
    expect(page).to_have_url(re.compile(r"kemampuan=las-listrik-smaw"))
    expect(page.locator(".sourcing-card")).to_have_count(1)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Rangka baja konveyor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rangka baja konveyor")
    expect(page.locator("main")).to_contain_text("Dirahasiakan")
    expect(page.locator("main")).not_to_contain_text("Gerbang 3")
    assert_no_axe_violations(page)
    documents["detail"] = served_html(page)

    page.goto("/en/kebutuhan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Industry needs")
    expect(page.locator(".sourcing-card")).to_contain_text(
        ["Stick welding (SMAW)", "Staff catering"]
    )
    assert_no_axe_violations(page)
    documents["list-en"] = served_html(page)
    page.goto(f"/en/kebutuhan/{needs['catering'].slug}/")
    expect(page.locator("main")).to_contain_text("PT Baja Contoh Cilegon")
    assert_no_axe_violations(page)
    documents["detail-en"] = served_html(page)
    html_checker(documents)
