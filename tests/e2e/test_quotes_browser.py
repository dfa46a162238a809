"""In the browser: two IKM owners quote on an open request in the admin, the buyer compares
their quotes side by side, shortlists one and awards both; everyone is emailed the outcome.
axe and the Nu checker check the buyer's comparison page. Companies and requests are built with
the models (the buyers' registration has its own browser test)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "Las-Cilegon-2026!"


def sign_in_admin(page, username):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def quote_in_admin(page, need, price, quantity, days):
    page.goto("/admin/penawaran/")
    page.get_by_role("link", name=need.title).click()
    page.locator("input[name=unit_price]").fill(price)
    page.locator("input[name=quantity]").fill(quantity)
    page.locator("input[name=lead_time_days]").fill(days)
    page.get_by_role("button", name="Kirim penawaran").click()
    expect(page.locator("#quote-status")).to_have_text("Diajukan")


def test_two_ikm_quote_buyer_compares_and_awards(
    new_context, django_db_serialized_rollback, live_server, assert_no_axe_violations, html_checker
):
    from catalog.factories import RegionFactory, UserFactory, VendorPageFactory
    from catalog.ownership import grant_vendor_ownership
    from sourcing.models import BuyerCompany, BuyerMember, Quote, SourcingRequest

    cilegon = RegionFactory(name="Kota Cilegon", province="Banten")
    company = BuyerCompany.objects.create(name="PT Baja Cilegon", sector="logam", status="verified")
    buyer = UserFactory(username="pengadaan", email="pengadaan@example.test")
    BuyerMember.objects.create(company=company, user=buyer, role="admin")
    need = SourcingRequest.objects.create(
        company=company,
        title="Flensa baja 6 inci",
        description="Flensa ASTM A105 untuk pipa uap",
        quantity=Decimal("200"),
        unit="pcs",
        delivery_region=cilegon,
        quote_deadline=timezone.now() + datetime.timedelta(days=5),
        status=SourcingRequest.Status.OPEN,
        published_at=timezone.now(),
    )
    owners = {}
    for title, username in (("Bengkel Bubut Sinar", "sinar"), ("Las Krakatau Jaya", "kjaya")):
        vendor = VendorPageFactory(title=title, region=cilegon)
        owners[username] = UserFactory(
            username=username, email=f"{username}@example.test", password=PASSWORD
        )
        grant_vendor_ownership(vendor, [owners[username]])

    # Two IKM quote in the admin.
    first = new_context().new_page()
    sign_in_admin(first, "sinar")
    quote_in_admin(first, need, "450000", "200", "14")
    second = new_context().new_page()
    sign_in_admin(second, "kjaya")
    quote_in_admin(second, need, "420000", "120", "21")
    assert need.quotes.count() == 2

    # The buyer (signed in through a session cookie: buyers sign in on the public site).
    client = Client()
    client.force_login(buyer)
    context = new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"/kebutuhan/perusahaan/penawaran/{need.slug}/")
    rows = page.locator("#compare tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Las Krakatau Jaya")  # cheapest first
    expect(rows.first).to_contain_text("Rp 420.000")
    expect(rows.first).to_contain_text("Wilayah yang sama")
    assert_no_axe_violations(page)
    html_checker(page.request.get(page.url).text(), "compare")  # as served, before scripts

    rows.nth(1).get_by_role("button", name=re.compile("Masukkan daftar pendek")).click()
    expect(page.locator("#compare")).to_contain_text("Masuk daftar pendek")

    # A clarification in the quote's thread; the IKM is emailed.
    page.get_by_role("link", name="Bengkel Bubut Sinar").click()
    page.get_by_label("Pesan").fill("Apakah flensa sudah termasuk sertifikat material?")
    page.get_by_role("button", name="Kirim pesan").click()
    expect(page.locator("#thread")).to_contain_text("sertifikat material")
    assert any(m.to == ["sinar@example.test"] for m in mail.outbox)
    assert_no_axe_violations(page)
    html_checker(page.request.get(page.url).text(), "quote")
    page.get_by_role("link", name=re.compile("Kembali ke perbandingan")).click()

    sinar = Quote.objects.get(vendor__title="Bengkel Bubut Sinar")
    kjaya = Quote.objects.get(vendor__title="Las Krakatau Jaya")
    page.locator(f"#jumlah-{kjaya.pk}").fill("120")
    page.locator(f"#jumlah-{sinar.pk}").fill("80")
    page.get_by_role("button", name="Menangkan").click()
    expect(page.locator(".messages")).to_contain_text("Pemenang dipilih")
    expect(page.locator("#compare")).to_contain_text("Dimenangkan")

    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.AWARDED
    assert {q.vendor.title: q.awarded_quantity for q in need.quotes.all()} == {
        "Bengkel Bubut Sinar": Decimal("80"),
        "Las Krakatau Jaya": Decimal("120"),
    }
    recipients = {tuple(m.to) for m in mail.outbox if "dimenangkan" in m.subject.lower()}
    assert ("sinar@example.test",) in recipients
    assert ("kjaya@example.test",) in recipients
    assert ("pengadaan@example.test",) in recipients
