"""IKM owners quote in the Wagtail admin over HTTP: create, revise (with a revision snapshot)
until the deadline, invited-only requests only when invited, and never another IKM's quote."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from outbox.models import Email
from sourcing.models import Quote, QuoteRevision
from tests.sourcing.quotes_support import (
    PDF_BYTES,
    make_buyer,
    make_company,
    make_operator,
    make_quote,
    make_request,
    make_vendor_with_owner,
)
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

ADMIN = "/admin/penawaran/"


def last_email():
    """The newest outbox row: emails are rows first, sent by the worker after the commit."""
    return Email.objects.order_by("-pk").first()


@pytest.fixture
def world(site_tree):
    company = make_company()
    buyer = make_buyer(company, "pembeli")
    need = make_request(company)
    vendor_a, owner_a = make_vendor_with_owner("Bengkel Las Budi", "budi")
    vendor_b, owner_b = make_vendor_with_owner("Logam Jaya", "jaya")
    return locals()


def owner_client(user):
    return login_verified(Client(), user)


def quote_post(**overrides):
    data = {
        "unit_price": "15000",
        "quantity": "800",
        "lead_time_days": "10",
        "valid_until": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "notes": "Bahan ST37",
    }
    data.update(overrides)
    return data


def test_owner_submits_then_revises_a_quote(world):
    client = owner_client(world["owner_a"])
    need = world["need"]
    listing = client.get(ADMIN)
    assert listing.status_code == 200
    assert need.title in listing.content.decode()

    data = quote_post()
    data["attachment"] = SimpleUploadedFile("gambar.pdf", PDF_BYTES, "application/pdf")
    response = client.post(f"{ADMIN}kebutuhan/{need.pk}/", data)
    quote = Quote.objects.get(request=need, vendor=world["vendor_a"])
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}{quote.pk}/"
    assert quote.status == Quote.Status.SUBMITTED
    assert quote.unit_price == Decimal("15000")
    assert quote.attachments.count() == 1
    assert last_email().recipient_list == ["pembeli@example.test"]
    assert "Penawaran baru" in last_email().subject
    assert "harga satuan Rp 15.000, jumlah 800," in last_email().body

    detail = client.get(f"{ADMIN}{quote.pk}/")
    assert "Rp 15.000" in detail.content.decode()
    attachment = quote.attachments.get()
    download = client.get(f"{ADMIN}{quote.pk}/lampiran/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES

    client.post(f"{ADMIN}kebutuhan/{need.pk}/", quote_post(unit_price="14000"))
    quote.refresh_from_db()
    assert quote.unit_price == Decimal("14000")
    revision = QuoteRevision.objects.get(quote=quote)
    assert revision.snapshot["unit_price"] == "15000"
    assert "Penawaran direvisi" in last_email().subject


def test_attachment_must_really_be_a_pdf_or_image(world):
    client = owner_client(world["owner_a"])
    data = quote_post()
    data["attachment"] = SimpleUploadedFile("skrip.pdf", b"#!/bin/sh\necho", "application/pdf")
    response = client.post(f"{ADMIN}kebutuhan/{world['need'].pk}/", data)
    assert response.status_code == 200
    assert not Quote.objects.exists()


def test_no_quote_or_revision_after_the_deadline(world):
    need = world["need"]
    quote = make_quote(need, world["vendor_a"], world["owner_a"])
    need.quote_deadline = timezone.now() - datetime.timedelta(minutes=1)
    need.save()
    client = owner_client(world["owner_a"])
    client.post(f"{ADMIN}kebutuhan/{need.pk}/", quote_post(unit_price="1"))
    quote.refresh_from_db()
    assert quote.unit_price == Decimal("15000")
    assert not QuoteRevision.objects.exists()
    # An IKM that never quoted cannot even open the closed request.
    assert owner_client(world["owner_b"]).get(f"{ADMIN}kebutuhan/{need.pk}/").status_code == 404


def test_invited_only_request_needs_an_invitation(world):
    need = make_request(world["company"], title="Rahasia", visibility="invited")
    need.invited_vendors.add(world["vendor_a"])
    invited = owner_client(world["owner_a"])
    other = owner_client(world["owner_b"])
    assert "Rahasia" in invited.get(ADMIN).content.decode()
    assert "Rahasia" not in other.get(ADMIN).content.decode()
    assert other.get(f"{ADMIN}kebutuhan/{need.pk}/").status_code == 404
    other.post(f"{ADMIN}kebutuhan/{need.pk}/", quote_post())
    assert not Quote.objects.filter(request=need).exists()
    invited.post(f"{ADMIN}kebutuhan/{need.pk}/", quote_post())
    assert Quote.objects.filter(request=need, vendor=world["vendor_a"]).exists()


def test_owner_cannot_see_or_touch_another_ikms_quote(world):
    quote = make_quote(world["need"], world["vendor_a"], world["owner_a"])
    other = owner_client(world["owner_b"])
    for url in (f"{ADMIN}{quote.pk}/",):
        assert other.get(url).status_code == 404
    assert other.post(f"{ADMIN}{quote.pk}/pesan/", {"body": "halo"}).status_code == 404
    assert other.post(f"{ADMIN}{quote.pk}/tarik/").status_code == 404
    assert "Bengkel Las Budi" not in other.get(ADMIN).content.decode()
    # Posting with ?ikm= of another IKM is refused too.
    response = other.post(
        f"{ADMIN}kebutuhan/{world['need'].pk}/?ikm={world['vendor_a'].pk}",
        quote_post(unit_price="1"),
    )
    assert response.status_code == 404
    quote.refresh_from_db()
    assert quote.unit_price == Decimal("15000")
    assert quote.status == Quote.Status.SUBMITTED
    assert not quote.messages.exists()


def test_operator_sees_every_quote_read_only(world):
    quote = make_quote(world["need"], world["vendor_a"], world["owner_a"])
    operator = login_verified(Client(), make_operator())
    assert "Bengkel Las Budi" in operator.get(ADMIN).content.decode()
    assert operator.get(f"{ADMIN}{quote.pk}/").status_code == 200
    # Wagtail answers PermissionDenied with a redirect to the dashboard; nothing changes.
    assert operator.post(f"{ADMIN}{quote.pk}/tarik/").status_code == 302
    quote.refresh_from_db()
    assert quote.status == Quote.Status.SUBMITTED


def test_buyer_and_anonymous_have_no_admin_quotes(world):
    quote = make_quote(world["need"], world["vendor_a"], world["owner_a"])
    assert Client().get(f"{ADMIN}{quote.pk}/").status_code == 302
    buyer = Client()
    buyer.force_login(world["buyer"])
    response = buyer.get(f"{ADMIN}{quote.pk}/")
    assert response.status_code == 302
    assert "Rp 15.000" not in response.content.decode()


def test_owner_withdraws_and_posts_in_the_thread(world):
    quote = make_quote(world["need"], world["vendor_a"], world["owner_a"])
    client = owner_client(world["owner_a"])
    client.post(f"{ADMIN}{quote.pk}/pesan/", {"body": "Boleh kirim gambar teknik?"})
    assert quote.messages.get().body == "Boleh kirim gambar teknik?"
    assert last_email().recipient_list == ["pembeli@example.test"]
    client.post(f"{ADMIN}{quote.pk}/tarik/")
    quote.refresh_from_db()
    assert quote.status == Quote.Status.WITHDRAWN


def test_validity_may_not_be_in_the_past(world):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = owner_client(world["owner_a"]).post(
        f"{ADMIN}kebutuhan/{world['need'].pk}/", quote_post(valid_until=yesterday)
    )
    assert response.status_code == 200
    assert not Quote.objects.exists()
