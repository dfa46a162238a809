"""The inquiry management commands: anonymising old inquiries, and retrying unsent emails."""

import datetime
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from catalog.factories import ProductPageFactory, VendorPageFactory
from inquiries.management.commands.anonymise_inquiries import REDACTED, months_before
from inquiries.models import Inquiry, Notification
from inquiries.notifications import queue_for_new_inquiry

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def product():
    vendor = VendorPageFactory(email="ikm@example.test")
    return ProductPageFactory(parent=vendor, price_unit="lembar")


def make_inquiry(product, age=None, attachment=False, **fields):
    """An inquiry with its two notifications, `age` (a timedelta) in the past."""
    values = {
        "vendor": product.vendor,
        "product": product,
        "product_title": product.title,
        "unit": "lembar",
        "name": "Budi Santoso",
        "email": "budi@example.test",
        "phone": "+6281234567890",
        "buyer_type": Inquiry.BuyerType.WHOLESALE,
        "company": "Toko Budi",
        "quantity": 20,
        "message": "Berapa harga grosirnya?",
        "consent": True,
        "language": "id",
        **fields,
    }
    inquiry = Inquiry(**values)
    if attachment:
        inquiry.attachment.save("desain.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    inquiry.save()
    queue_for_new_inquiry(inquiry)
    if age is not None:
        when = timezone.now() - age
        Inquiry.objects.filter(pk=inquiry.pk).update(created_at=when)
        inquiry.refresh_from_db()
    return inquiry


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_months_before_clamps_to_the_end_of_the_month():
    moment = datetime.datetime(2026, 3, 31, 10, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 10, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 24) == datetime.datetime(2024, 3, 31, 10, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 3).year == 2025
    assert months_before(moment, 3).month == 12


def test_old_inquiries_are_anonymised_and_new_ones_kept(
    product, django_capture_on_commit_callbacks
):
    old = make_inquiry(product, age=datetime.timedelta(days=2 * 365 + 30), attachment=True)
    recent = make_inquiry(product, age=datetime.timedelta(days=600), name="Siti")
    stored = Path(old.attachment.path)
    assert stored.exists()
    old_created = old.created_at

    # The file is deleted only once the redaction is committed.
    with django_capture_on_commit_callbacks(execute=True):
        out, _err = run("anonymise_inquiries")
        assert stored.exists()
    assert "Anonymised 1 inquiries" in out

    assert Inquiry.objects.count() == 2
    old.refresh_from_db()
    assert old.name == REDACTED
    assert old.message == REDACTED
    assert (old.email, old.phone, old.company) == ("", "", "")
    assert not old.attachment
    assert not stored.exists()
    assert old.anonymised_at is not None
    # What reports need stays.
    assert old.vendor_id == product.vendor_id
    assert old.product_id == product.pk
    assert old.product_title == product.title
    assert old.quantity == 20
    assert old.created_at == old_created
    assert old.reference.startswith("INQ-")

    recent.refresh_from_db()
    assert recent.name == "Siti"
    assert recent.email == "budi@example.test"
    assert recent.phone == "+6281234567890"
    assert recent.company == "Toko Budi"
    assert recent.message == "Berapa harga grosirnya?"
    assert recent.anonymised_at is None

    for notification in Notification.objects.filter(inquiry=old):
        assert notification.body == REDACTED
        assert notification.recipients == ""
        assert notification.reply_to == ""
        assert "budi@example.test" not in notification.subject
    for notification in Notification.objects.filter(inquiry=recent):
        assert "Siti" in notification.body or "Budi" in notification.body
        assert notification.recipients


def test_anonymising_twice_changes_nothing_more(product):
    make_inquiry(product, age=datetime.timedelta(days=800))
    run("anonymise_inquiries")
    first = Inquiry.objects.get().anonymised_at
    out, _err = run("anonymise_inquiries")
    assert "Anonymised 0 inquiries" in out
    assert Inquiry.objects.get().anonymised_at == first


def test_months_option(product):
    old = make_inquiry(product, age=datetime.timedelta(days=45))
    new = make_inquiry(product, age=datetime.timedelta(days=10))
    out, _err = run("anonymise_inquiries", "--months", "1")
    assert "Anonymised 1 inquiries" in out
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.name == REDACTED and old.email == ""
    assert new.name == "Budi Santoso" and new.email == "budi@example.test"


def test_retention_setting_is_the_default(settings, product):
    assert settings.INQUIRY_RETENTION_MONTHS == 24
    make_inquiry(product, age=datetime.timedelta(days=700))  # under 24 months
    out, _err = run("anonymise_inquiries")
    assert "Anonymised 0 inquiries" in out
    assert Inquiry.objects.get().name == "Budi Santoso"


def test_dry_run_only_counts(product):
    make_inquiry(product, age=datetime.timedelta(days=800))
    make_inquiry(product, age=datetime.timedelta(days=900))
    make_inquiry(product)
    out, _err = run("anonymise_inquiries", "--dry-run")
    assert out.startswith("2 inquiries older than")
    assert "would be anonymised" in out
    assert not Inquiry.objects.filter(anonymised_at__isnull=False).exists()
    assert not Inquiry.objects.filter(name=REDACTED).exists()
    assert not Notification.objects.filter(body=REDACTED).exists()


def test_send_pending_notifications_reports_what_it_did(settings, product):
    settings.EMAIL_BACKEND = LOCMEM
    inquiry = make_inquiry(product)
    out, err = run("send_pending_notifications")
    assert out.strip() == "Sent 2, failed 0."
    assert err == ""
    assert len(mail.outbox) == 2
    assert {tuple(m.to) for m in mail.outbox} == {("ikm@example.test",), ("budi@example.test",)}
    assert all(inquiry.reference in m.subject for m in mail.outbox)
    assert not Notification.objects.filter(sent_at__isnull=True).exists()

    out, err = run("send_pending_notifications")
    assert out.strip() == "Sent 0, failed 0."
    assert len(mail.outbox) == 2


def test_send_pending_notifications_reports_failures(settings, product):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard: nothing listens there
    settings.EMAIL_TIMEOUT = 2
    make_inquiry(product)
    out, err = run("send_pending_notifications")
    assert out.strip() == "Sent 0, failed 2."
    assert "2 email(s) still failing" in err
    assert set(Notification.objects.values_list("attempts", flat=True)) == {1}
    assert all(n.last_error for n in Notification.objects.all())


def test_send_pending_notifications_gives_up_after_the_maximum(settings, product):
    settings.EMAIL_BACKEND = LOCMEM
    make_inquiry(product)
    Notification.objects.update(attempts=settings.NOTIFICATION_MAX_ATTEMPTS)
    out, _err = run("send_pending_notifications")
    assert out.strip() == "Sent 0, failed 0."
    assert not mail.outbox
