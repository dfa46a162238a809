"""The buyer side over HTTP: compare quotes side by side, shortlist, the clarification thread,
awarding one or several quotes, everyone told the outcome; and nobody outside the requesting
company sees a quote there."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client

from catalog.factories import RegionFactory, VendorCertificateFactory
from outbox.models import Email
from sourcing.models import CapabilityProfile, Quote, QuoteAttachment, SourcingRequest
from tests.sourcing.quotes_support import (
    PDF_BYTES,
    make_buyer,
    make_company,
    make_quote,
    make_request,
    make_vendor_with_owner,
)
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

BASE = "/kebutuhan/perusahaan/penawaran/"


@pytest.fixture
def world(site_tree):
    cilegon = RegionFactory(name="Kota Cilegon", province="Banten")
    serang = RegionFactory(name="Kabupaten Serang", province="Banten")
    cirebon = RegionFactory(name="Kota Cirebon", province="Jawa Barat")
    company = make_company()
    buyer = make_buyer(company, "pembeli")
    rival = make_company(name="PT Kimia Lain", sector="kimia")
    rival_buyer = make_buyer(rival, "pesaing")
    need = make_request(company, delivery_region=cilegon)
    vendor_a, owner_a = make_vendor_with_owner("Bengkel Las Budi", "budi", region=cilegon)
    vendor_b, owner_b = make_vendor_with_owner("Logam Jaya", "jaya", region=cirebon)
    vendor_c, owner_c = make_vendor_with_owner("Cor Serang", "serang", region=serang)
    quote_a = make_quote(need, vendor_a, owner_a, unit_price=Decimal("16000"), lead_time_days=7)
    quote_b = make_quote(need, vendor_b, owner_b, unit_price=Decimal("12000"), lead_time_days=21)
    quote_c = make_quote(need, vendor_c, owner_c, quantity=Decimal("500"), lead_time_days=10)
    return locals()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_buyer_compares_quotes_side_by_side(world):
    VendorCertificateFactory(page=world["vendor_a"], certificate_type__name="SNI")
    CapabilityProfile.objects.create(
        vendor=world["vendor_a"], monthly_capacity=Decimal("5000"), capacity_unit="pcs"
    )
    make_quote(
        make_request(world["company"], title="Lain"), world["vendor_b"], status=Quote.Status.DRAFT
    )
    response = signed_in(world["buyer"]).get(f"{BASE}{world['need'].slug}/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    # Cheapest first by default; each row has price, total, certificates, capacity, distance.
    assert html.index("Logam Jaya") < html.index("Cor Serang") < html.index("Bengkel Las Budi")
    assert "Rp 12.000" in html and "Rp 12.000.000" in html
    assert "SNI" in html and "5000 pcs" in html
    assert "Wilayah yang sama" in html
    assert "Provinsi yang sama" in html
    assert "Provinsi lain" in html
    by_time = signed_in(world["buyer"]).get(f"{BASE}{world['need'].slug}/?urut=waktu")
    body = by_time.content.decode()
    assert body.index("Bengkel Las Budi") < body.index("Cor Serang") < body.index("Logam Jaya")


def test_draft_quotes_are_never_shown_to_the_buyer(world):
    draft = world["quote_a"]
    draft.status = Quote.Status.DRAFT
    draft.save()
    client = signed_in(world["buyer"])
    assert "Bengkel Las Budi" not in client.get(f"{BASE}{world['need'].slug}/").content.decode()
    assert client.get(f"{BASE}q/{draft.pk}/").status_code == 404


def test_nobody_outside_the_company_sees_its_quotes(world):
    quote = world["quote_a"]
    attachment = QuoteAttachment.objects.create(
        quote=quote,
        file=ContentFile(PDF_BYTES, name="gambar.pdf"),
        original_name="gambar.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    urls = [
        f"{BASE}{world['need'].slug}/",
        f"{BASE}q/{quote.pk}/",
        f"{BASE}q/{quote.pk}/lampiran/{attachment.pk}/",
    ]
    buyer = signed_in(world["buyer"])
    assert [buyer.get(url).status_code for url in urls] == [200, 200, 200]
    for user in (world["rival_buyer"], world["owner_b"]):
        client = signed_in(user) if user is world["rival_buyer"] else login_verified(Client(), user)
        assert [client.get(url).status_code for url in urls] == [404, 404, 404]
        client.post(f"{BASE}q/{quote.pk}/", {"body": "Saya juga mau"})
        client.post(f"{BASE}q/{quote.pk}/daftar-pendek/", {"on": "1"})
        client.post(f"{BASE}{world['need'].slug}/menangkan/", {f"jumlah-{quote.pk}": "10"})
    anonymous = Client()
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/kebutuhan/masuk/?next=")
        assert "Bengkel" not in response.content.decode()
    quote.refresh_from_db()
    assert quote.status == Quote.Status.SUBMITTED
    assert not quote.messages.exists()


def test_shortlist_and_back(world):
    client = signed_in(world["buyer"])
    quote = world["quote_b"]
    client.post(f"{BASE}q/{quote.pk}/daftar-pendek/", {"on": "1"})
    quote.refresh_from_db()
    assert quote.status == Quote.Status.SHORTLISTED
    client.post(f"{BASE}q/{quote.pk}/daftar-pendek/", {"on": "0"})
    quote.refresh_from_db()
    assert quote.status == Quote.Status.SUBMITTED


def test_thread_goes_both_ways_with_emails(world, django_capture_on_commit_callbacks):
    quote = world["quote_a"]
    buyer = signed_in(world["buyer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer.post(f"{BASE}q/{quote.pk}/", {"body": "Bisa galvanis celup panas?"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["budi@example.test"]
    assert "Bisa galvanis celup panas?" in mail.outbox[-1].body
    owner = login_verified(Client(), world["owner_a"])
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(f"/admin/penawaran/{quote.pk}/pesan/", {"body": "Bisa, tambah Rp 500."})
    assert mail.outbox[-1].to == ["pembeli@example.test"]
    html = buyer.get(f"{BASE}q/{quote.pk}/").content.decode()
    assert html.index("Bisa galvanis") < html.index("Bisa, tambah Rp 500.")
    assert "Kirim pesan" in html


def test_award_several_and_everyone_is_told(world, django_capture_on_commit_callbacks):
    need, quote_a, quote_b, quote_c = (world[k] for k in ("need", "quote_a", "quote_b", "quote_c"))
    client = signed_in(world["buyer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}{need.slug}/menangkan/",
            {f"jumlah-{quote_b.pk}": "600", f"jumlah-{quote_a.pk}": "400"},
        )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.AWARDED
    assert need.closed_at is not None
    for quote in (quote_a, quote_b, quote_c):
        quote.refresh_from_db()
    assert (quote_a.status, quote_a.awarded_quantity) == (Quote.Status.AWARDED, Decimal("400"))
    assert (quote_b.status, quote_b.awarded_quantity) == (Quote.Status.AWARDED, Decimal("600"))
    assert quote_c.status == Quote.Status.NOT_AWARDED
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert "dimenangkan" in by_recipient[("budi@example.test",)].subject
    assert "jumlah 400 pcs" in by_recipient[("budi@example.test",)].body
    assert "dimenangkan" in by_recipient[("jaya@example.test",)].subject
    assert "Hasil penawaran" in by_recipient[("serang@example.test",)].subject
    assert "Logam Jaya" in by_recipient[("pembeli@example.test",)].body
    # Decided is decided: a second award changes nothing.
    client.post(f"{BASE}{need.slug}/menangkan/", {f"jumlah-{quote_c.pk}": "10"})
    quote_c.refresh_from_db()
    assert quote_c.status == Quote.Status.NOT_AWARDED


@pytest.mark.parametrize(
    "amounts",
    [
        {"quote_a": "1001"},  # more than quote A offers
        {"quote_a": "900", "quote_b": "900"},  # more than the request asks
        {"quote_a": "abc"},
        {"quote_a": "-5"},
        {},
    ],
)
def test_award_refusals_change_nothing(world, amounts):
    data = {f"jumlah-{world[key].pk}": value for key, value in amounts.items()}
    response = signed_in(world["buyer"]).post(f"{BASE}{world['need'].slug}/menangkan/", data)
    assert response.status_code == 302
    world["need"].refresh_from_db()
    assert world["need"].status == SourcingRequest.Status.OPEN
    assert not Quote.objects.filter(status=Quote.Status.AWARDED).exists()
    assert not Email.objects.filter(subject__contains="dimenangkan").exists()


def test_the_comparison_in_english(world):
    response = signed_in(world["buyer"]).get(f"/en{BASE}{world['need'].slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Quotes for Baut baja M12" in html
    assert "Same region" in html and "Rp 12,000" in html


def test_messages_are_limited_per_hour(world, settings):
    settings.SOURCING_MESSAGES_PER_HOUR = 2
    quote = world["quote_a"]
    client = signed_in(world["buyer"])
    responses = [client.post(f"{BASE}q/{quote.pk}/", {"body": t}) for t in ("satu", "dua", "tiga")]
    assert [r.status_code for r in responses] == [302, 302, 200]
    assert "Terlalu banyak pesan" in responses[2].content.decode()
    assert list(quote.messages.values_list("body", flat=True)) == ["satu", "dua"]


def test_comparison_queries_do_not_grow_with_the_quotes(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(world["buyer"])
    url = f"{BASE}{world['need'].slug}/"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    with_three = queries()
    for index in range(3):
        vendor, owner = make_vendor_with_owner(f"IKM Tambahan {index}", f"tambahan{index}")
        VendorCertificateFactory(page=vendor)
        make_quote(world["need"], vendor, owner)
    assert queries() == with_three
