"""A buyer's inquiry: the form on product and IKM pages, its checks against spam, the emails it
causes (never lost when the mail server fails), attachments kept private, and the counted
WhatsApp link."""

import io
import logging
import re
import shutil
import subprocess
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import trans_real
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from catalog.ownership import grant_vendor_ownership
from inquiries.forms import InquiryForm, form_token
from inquiries.models import Inquiry, Notification, WhatsAppClick

pytestmark = pytest.mark.django_db

REFERENCE_RE = re.compile(r"^INQ-\d{4}-\d{6}$")
BASE_DIR = Path(__file__).resolve().parents[2]
EN_PO = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
# Texts of the form, the confirmation page and the buyer's email (see the English test).
INQUIRY_MSGIDS = [
    "Kirim pertanyaan",
    "Pertanyaan terkirim",
    "Pertanyaan Anda sudah kami terima (%(reference)s)",
    "Salam,",
]


class FailingBackend(BaseEmailBackend):
    """An email backend whose server is always down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


FAILING_BACKEND = f"{__name__}.FailingBackend"


# --- Fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def english_catalogue():
    """The English .mo compiled and not older than its .po (as tests/config does)."""
    mo = EN_PO.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < EN_PO.stat().st_mtime:
        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            pytest.skip("msgfmt (gettext) is not installed; run `make messages`")
        subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(EN_PO)], check=True)  # noqa: S603
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = trans_real.Local()


@pytest.fixture
def owner():
    return UserFactory(username="pemilik-ikm", email="pemilik@example.test")


@pytest.fixture
def vendor(owner):
    vendor = VendorPageFactory(
        title="Batik Trusmi Ibu Siti",
        email="batik.siti@example.test",
        whatsapp="+6281234567890",
    )
    grant_vendor_ownership(vendor, [owner])
    return vendor


@pytest.fixture
def product(vendor):
    return ProductPageFactory(
        parent=vendor,
        title="Kain Batik Tulis Mega Mendung",
        price_unit="lembar",
        min_order=10,
    )


@pytest.fixture
def private_files():
    """Remove the attachments a test stored under PRIVATE_MEDIA_ROOT."""
    yield
    for inquiry in Inquiry.objects.exclude(attachment=""):
        inquiry.attachment.delete(save=False)


def valid_data(**overrides):
    data = {
        "name": "Budi Santoso",
        "email": "budi@example.test",
        "phone": "",
        "buyer_type": "wholesale",
        "company": "Toko Budi",
        "quantity": "20",
        "wanted_by": "",
        "message": "Berapa harga untuk 20 lembar, dan bisakah dikirim ke Bandung?",
        "consent": "on",
        "website": "",
        "started": form_token(0),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_url(page, prefix=""):
    return f"{prefix}/tanya/{page.pk}/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_errors(response, name):
    """The error texts shown under one field of the re-rendered form."""
    form = response.context["form"]
    return [str(error) for error in form.errors.get(name, [])]


def send(client, page, prefix="", **overrides):
    """POST an inquiry (the emails, sent after the commit, are not: see `send_inquiry`)."""
    return client.post(post_url(page, prefix), valid_data(**overrides))


@pytest.fixture
def send_inquiry(client, django_capture_on_commit_callbacks):
    """POST an inquiry and run what waits for the commit (the emails)."""

    def run(page, prefix="", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return send(client, page, prefix, **overrides)

    return run


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#8a4b2a").save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#1f4e8c").save(buffer, format="JPEG")
    return buffer.getvalue()


PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


# --- The form on the pages --------------------------------------------------------------------


def assert_form_posts_to(response, page, embedded=True):
    assert response.status_code == 200
    form = soup(response).select_one("form.inquiry-form")
    assert form is not None, "no inquiry form on the page"
    assert form["action"] == f"/tanya/{page.pk}/"
    assert form["method"] == "post"
    assert form.get("enctype") == "multipart/form-data"
    tokens = [form.select_one(f"input[name={name}]") for name in ("csrfmiddlewaretoken", "started")]
    assert all(token is not None and token["type"] == "hidden" for token in tokens)
    if embedded:
        # The page is the same for every visitor (so it can be cached): its token fields are
        # empty and the script fetches fresh tokens; the no-JS link leads to the form's page.
        assert not any(token.get("value") for token in tokens)
        assert form["data-token-url"] == "/tanya/token/"
        assert form.select_one(f"noscript a[href='/tanya/{page.pk}/']") is not None
        assert soup(response).select_one("script[src$='js/inquiry.js']") is not None
    else:
        assert all(token.get("value") for token in tokens)
        assert not form.has_attr("data-token-url")
    for name in ("name", "email", "phone", "message", "consent", "website"):
        assert form.select_one(f"[name={name}]") is not None, name


def test_product_page_shows_the_inquiry_form(client, product):
    response = client.get(product.url)
    assert_form_posts_to(response, product)
    assert "Minimal pemesanan 10 lembar" in response.content.decode()


def test_vendor_page_shows_the_inquiry_form(client, vendor):
    assert_form_posts_to(client.get(vendor.url), vendor)


def test_english_product_page_posts_to_the_english_form(client, product):
    response = client.get(f"/en{product.url}")
    assert response.status_code == 200
    form = soup(response).select_one("form.inquiry-form")
    assert form["action"] == f"/en/tanya/{product.pk}/"


def test_quantity_field_asks_for_at_least_one(client, product):
    field = soup(client.get(product.url)).select_one("form.inquiry-form [name=quantity]")
    assert field["min"] == "1"
    assert field["type"] == "number"


def test_inquiry_page_of_its_own(client, product):
    response = client.get(post_url(product))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert_form_posts_to(response, product, embedded=False)


# --- A valid inquiry --------------------------------------------------------------------------


def test_valid_inquiry_is_saved_and_emailed(client, send_inquiry, product, vendor, owner):
    response = send_inquiry(product)

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.vendor_id == vendor.pk
    assert inquiry.product_id == product.pk
    assert inquiry.product_title == "Kain Batik Tulis Mega Mendung"
    assert inquiry.unit == "lembar"
    assert inquiry.language == "id"
    assert inquiry.name == "Budi Santoso"
    assert inquiry.quantity == 20
    assert inquiry.consent is True
    assert inquiry.status == Inquiry.Status.NEW
    assert REFERENCE_RE.match(inquiry.reference), inquiry.reference
    assert inquiry.reference.startswith(f"INQ-{timezone.now():%Y}-")

    assert response["Location"].startswith("/tanya/terkirim/")
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert confirmation["X-Robots-Tag"] == "noindex"
    page = confirmation.content.decode()
    assert inquiry.reference in page
    assert "Pertanyaan terkirim" in page
    assert "di bawah minimal pemesanan" not in page

    assert len(mail.outbox) == 2
    to_buyer = next(m for m in mail.outbox if m.to == ["budi@example.test"])
    to_owner = next(m for m in mail.outbox if m is not to_buyer)
    assert sorted(to_owner.to) == sorted([owner.email, vendor.email])
    assert to_owner.reply_to == ["budi@example.test"]
    assert inquiry.reference in to_owner.subject
    assert "Kain Batik Tulis Mega Mendung" in to_owner.subject
    assert "Budi Santoso" in to_owner.body
    assert "20 lembar" in to_owner.body

    assert to_buyer.to == ["budi@example.test"]
    assert to_buyer.reply_to == [vendor.email]
    assert inquiry.reference in to_buyer.subject
    assert "Pertanyaan Anda sudah kami terima" in to_buyer.subject
    assert "Terima kasih" in to_buyer.body
    assert "Thank you" not in to_buyer.body

    notifications = Notification.objects.filter(inquiry=inquiry)
    assert notifications.count() == 2
    assert all(n.sent_at is not None and n.attempts == 1 for n in notifications)


def test_owners_get_exactly_one_email(send_inquiry, product, vendor, owner):
    """An owner whose address is also the IKM's gets it once, not twice."""
    second = UserFactory(username="pemilik-kedua", email=vendor.email)
    grant_vendor_ownership(vendor, [second])
    send_inquiry(product)
    owner_mails = [m for m in mail.outbox if m.to != ["budi@example.test"]]
    assert len(owner_mails) == 1
    assert sorted(owner_mails[0].to) == sorted([owner.email, vendor.email])


def test_inquiry_to_an_ikm_page(client, send_inquiry, vendor):
    response = send_inquiry(vendor, quantity="")
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.vendor_id == vendor.pk
    assert inquiry.product is None
    assert inquiry.product_title == ""
    assert inquiry.unit == ""
    assert inquiry.reference in client.get(response["Location"]).content.decode()
    assert any(vendor.title in m.subject for m in mail.outbox)


def xfail_until_inquiries_are_translated():
    """The inquiry texts are not in locale/en yet: say so rather than fail on every assertion.

    Once the English catalogue translates them, the English tests run as any other."""
    with translation.override("en"):
        missing = [text for text in INQUIRY_MSGIDS if translation.gettext(text) == text]
    if missing:
        pytest.xfail(f"locale/en/LC_MESSAGES/django.po does not translate {missing}")


@pytest.mark.usefixtures("english_catalogue")
def test_english_inquiry_gets_an_english_confirmation(client, send_inquiry, product):
    xfail_until_inquiries_are_translated()
    response = send_inquiry(product, prefix="/en")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/tanya/terkirim/")
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "en"

    confirmation = client.get(response["Location"]).content.decode()
    assert inquiry.reference in confirmation
    assert '<html lang="en">' in confirmation
    assert "Pertanyaan terkirim" not in confirmation

    buyer = next(m for m in mail.outbox if m.to == ["budi@example.test"])
    assert inquiry.reference in buyer.subject
    assert "Pertanyaan Anda sudah kami terima" not in buyer.subject
    assert "Terima kasih" not in buyer.body
    assert "Thank you" in buyer.body
    # The owners read Indonesian, whatever the buyer's language.
    owner = next(m for m in mail.outbox if m.to != ["budi@example.test"])
    assert "Pertanyaan baru" in owner.subject


# --- What the form checks ---------------------------------------------------------------------


def assert_refused(response, field=None):
    assert response.status_code == 400
    assert not Inquiry.objects.exists()
    assert not mail.outbox
    html = response.content.decode()
    assert 'role="alert"' in html
    if field is not None:
        errors = field_errors(response, field)
        assert errors, f"no error on {field}: {response.context['form'].errors}"
        return errors
    return None


def test_email_or_phone_is_required(send_inquiry, product):
    errors = assert_refused(send_inquiry(product, email="", phone=""), "email")
    assert "email atau nomor telepon" in errors[0]


def test_phone_alone_is_enough_and_is_normalised(send_inquiry, product, vendor):
    response = send_inquiry(product, email="", phone="0812-3456 7890")
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.phone == "+6281234567890"
    assert inquiry.email == ""
    # No confirmation without an email; the owners still hear of it, with no Reply-To.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pemilik@example.test", vendor.email]
    assert mail.outbox[0].reply_to == []
    assert "+6281234567890" in mail.outbox[0].body


@pytest.mark.parametrize("phone", ["12345", "0812-abc-7890", "+1 202 555", "08123"])
def test_invalid_phone_is_refused(send_inquiry, product, phone):
    assert_refused(send_inquiry(product, phone=phone), "phone")


def test_invalid_email_is_refused(send_inquiry, product):
    assert_refused(send_inquiry(product, email="budi(at)example"), "email")


def test_consent_is_required(send_inquiry, product):
    assert_refused(send_inquiry(product, consent=None), "consent")


def test_name_and_message_are_required(send_inquiry, product):
    response = send_inquiry(product, name="", message="   ")
    assert_refused(response)
    assert field_errors(response, "name")
    assert field_errors(response, "message")


def test_wanted_by_in_the_past_is_refused(send_inquiry, product):
    yesterday = timezone.localdate() - timedelta(days=1)
    errors = assert_refused(send_inquiry(product, wanted_by=yesterday.isoformat()), "wanted_by")
    assert "masa lalu" in errors[0]


def test_wanted_by_today_or_later_is_accepted(send_inquiry, product):
    wanted = timezone.localdate() + timedelta(days=30)
    assert send_inquiry(product, wanted_by=wanted.isoformat()).status_code == 302
    assert Inquiry.objects.get().wanted_by == wanted


def test_message_with_three_links_is_refused(send_inquiry, product):
    message = "Lihat https://a.example, http://b.example dan www.c.example"
    errors = assert_refused(send_inquiry(product, message=message), "message")
    assert "tautan" in errors[0]


def test_message_with_two_links_is_accepted(send_inquiry, product):
    message = "Motif seperti https://a.example/1 atau https://a.example/2"
    assert send_inquiry(product, message=message).status_code == 302


def test_too_long_message_is_refused(send_inquiry, product):
    assert_refused(send_inquiry(product, message="x" * 3001), "message")


@pytest.mark.parametrize("quantity", ["0", "-5", "1.5", "banyak", "99999999999999999999"])
def test_impossible_quantity_is_refused(send_inquiry, product, quantity):
    assert_refused(send_inquiry(product, quantity=quantity), "quantity")


def test_quantity_below_minimum_order_is_accepted_with_a_notice(client, send_inquiry, product):
    response = send_inquiry(product, quantity="3")
    assert response.status_code == 302
    assert Inquiry.objects.get().quantity == 3
    page = client.get(response["Location"]).content.decode()
    assert "di bawah minimal pemesanan (10 lembar)" in page


def test_what_the_buyer_typed_is_kept_on_error(send_inquiry, product):
    response = send_inquiry(product, consent=None, message="Pesan yang panjang sekali")
    form = soup(response).select_one("form.inquiry-form")
    assert form.select_one("[name=name]")["value"] == "Budi Santoso"
    assert form.select_one("[name=email]")["value"] == "budi@example.test"
    assert "Pesan yang panjang sekali" in form.select_one("[name=message]").get_text()
    # The first field in error gets the focus, and the summary links to it.
    assert form.select_one("[name=consent]").has_attr("autofocus")
    assert form.select_one('#inquiry-errors a[href="#id_consent"]') is not None


def test_confirmation_page_needs_a_valid_token(client, send_inquiry, product):
    response = send_inquiry(product)
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert client.get(f"/tanya/terkirim/{token}x/").status_code == 404
    assert client.get("/tanya/terkirim/INQ-2026-000001/").status_code == 404


# --- Spam checks ------------------------------------------------------------------------------


def test_honeypot_filled_is_refused(send_inquiry, product, caplog):
    with caplog.at_level(logging.WARNING, logger="inquiries"):
        response = send_inquiry(product, website="http://spam.example")
    assert_refused(response, "website")
    assert "honeypot" in caplog.text


@pytest.mark.parametrize("started", [None, "", "12345", "MTIzNDU:forged:signature"])
def test_missing_or_forged_form_token_is_refused(send_inquiry, product, started, caplog):
    with caplog.at_level(logging.WARNING, logger="inquiries"):
        response = send_inquiry(product, started=started)
    assert_refused(response, "started")
    assert "kedaluwarsa" in response.content.decode()
    assert "form token" in caplog.text


def test_expired_form_comes_back_with_a_new_token(client, product):
    """The buyer can send what they typed again without reloading (and retyping)."""
    response = client.post(post_url(product), valid_data(started=None))
    assert response.status_code == 400
    token = soup(response).select_one("form.inquiry-form input[name=started]")["value"]
    assert token
    again = client.post(post_url(product), valid_data(started=token))
    assert again.status_code == 302
    assert Inquiry.objects.count() == 1


def test_token_signed_with_another_salt_is_refused(send_inquiry, product):
    from django.core import signing

    forged = signing.dumps(0, salt="another-salt")
    assert_refused(send_inquiry(product, started=forged), "started")


def test_form_sent_too_fast_is_refused(settings, send_inquiry, product, caplog):
    settings.INQUIRY_MIN_FILL_SECONDS = 5
    with caplog.at_level(logging.WARNING, logger="inquiries"):
        response = send_inquiry(product, started=form_token(time.time()))
    assert_refused(response, "started")
    assert "terlalu cepat" in response.content.decode()
    assert "too fast" in caplog.text
    # Time spent filling it in makes it acceptable.
    assert send_inquiry(product, started=form_token(time.time() - 6)).status_code == 302


# --- Rate limits ------------------------------------------------------------------------------


def test_sixth_post_from_one_ip_is_refused(client, product, caplog, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (5, 3600), "email": (3, 3600)}
    for number in range(5):
        response = client.post(
            post_url(product),
            valid_data(email=f"pembeli{number}@example.test"),
            REMOTE_ADDR="203.0.113.7",
        )
        assert response.status_code == 302, number
    with caplog.at_level(logging.WARNING, logger="inquiries"):
        response = client.post(
            post_url(product),
            valid_data(email="pembeli9@example.test"),
            REMOTE_ADDR="203.0.113.7",
        )
    assert response.status_code == 429
    assert "Terlalu banyak pesan dari jaringan Anda" in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert Inquiry.objects.count() == 5
    assert "rate limit for IP" in caplog.text
    # Another network is not affected.
    other = client.post(
        post_url(product), valid_data(email="lain@example.test"), REMOTE_ADDR="198.51.100.2"
    )
    assert other.status_code == 302


def test_fourth_inquiry_from_one_email_is_refused(client, product, caplog, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (5, 3600), "email": (3, 3600)}
    for number in range(3):
        response = client.post(
            post_url(product), valid_data(), REMOTE_ADDR=f"203.0.113.{number + 1}"
        )
        assert response.status_code == 302, number
    with caplog.at_level(logging.WARNING, logger="inquiries"):
        response = client.post(
            post_url(product), valid_data(email="BUDI@example.test"), REMOTE_ADDR="203.0.113.9"
        )
    assert response.status_code == 429
    assert "Terlalu banyak pesan dari alamat email ini" in response.content.decode()
    assert Inquiry.objects.count() == 3
    assert "rate limit for an email" in caplog.text
    # The address itself is not written to the log.
    assert "budi@example.test" not in caplog.text.lower()


# --- Attachments ------------------------------------------------------------------------------


@pytest.mark.usefixtures("private_files")
@pytest.mark.parametrize(
    ("filename", "content", "extension"),
    [
        ("spesifikasi rahasia.pdf", PDF_BYTES, "pdf"),
        ("desain-motif.png", None, "png"),
        ("foto contoh.JPEG", None, "jpg"),
    ],
)
def test_attachment_is_stored_privately(
    client, send_inquiry, product, filename, content, extension
):
    if content is None:
        content = png_bytes() if extension == "png" else jpeg_bytes()
    upload = SimpleUploadedFile(filename, content, content_type="application/octet-stream")
    response = send_inquiry(product, attachment=upload)
    assert response.status_code == 302, response.context and response.context["form"].errors

    inquiry = Inquiry.objects.get()
    stored = Path(inquiry.attachment.path)
    private_root = Path(django_settings.PRIVATE_MEDIA_ROOT).resolve()
    assert stored.resolve().is_relative_to(private_root)
    assert not stored.resolve().is_relative_to(Path(django_settings.MEDIA_ROOT).resolve())
    assert stored.read_bytes() == content
    assert re.fullmatch(rf"[0-9a-f]{{32}}\.{extension}", stored.name), stored.name
    assert "rahasia" not in inquiry.attachment.name and "desain" not in inquiry.attachment.name

    # Nothing serves it: not under /media/, whatever URL the storage would make up.
    assert client.get(f"/media/{inquiry.attachment.name}").status_code == 404
    assert client.get(f"{django_settings.MEDIA_URL}{stored.name}").status_code == 404
    with pytest.raises(ValueError, match="no URL"):
        inquiry.attachment.url  # noqa: B018 (private storage refuses to make one)
    # The owners are told there is one, not given a link to it.
    owner_mail = next(m for m in mail.outbox if m.to != ["budi@example.test"])
    assert "lampiran" in owner_mail.body.lower()
    assert stored.name not in owner_mail.body


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64,
        b"",
    ],
    ids=["html", "exe", "empty"],
)
def test_attachment_that_is_not_really_a_pdf_is_refused(send_inquiry, product, content):
    upload = SimpleUploadedFile("spesifikasi.pdf", content, content_type="application/pdf")
    assert_refused(send_inquiry(product, attachment=upload), "attachment")


def test_too_large_attachment_is_refused(settings, send_inquiry, product):
    settings.INQUIRY_ATTACHMENT_MAX_BYTES = 100
    upload = SimpleUploadedFile("besar.pdf", PDF_BYTES + b"0" * 200, content_type="application/pdf")
    errors = assert_refused(send_inquiry(product, attachment=upload), "attachment")
    assert "terlalu besar" in errors[0]


def test_refused_attachment_leaves_no_file(settings, send_inquiry, product):
    before = set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"))
    upload = SimpleUploadedFile("x.pdf", b"<html></html>", content_type="application/pdf")
    send_inquiry(product, attachment=upload)
    assert set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*")) == before


# --- Never lost -------------------------------------------------------------------------------


def test_inquiry_is_kept_when_the_mail_server_fails(settings, send_inquiry, product, caplog):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    with caplog.at_level(logging.WARNING, logger="inquiries"):
        response = send_inquiry(product)

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    notifications = list(inquiry.notifications.order_by("kind"))
    assert {n.kind for n in notifications} == {"owner", "buyer"}
    for notification in notifications:
        assert notification.sent_at is None
        assert notification.attempts == 1
        assert "ConnectionRefusedError" in notification.last_error
        assert "mail server down" in notification.last_error
    assert not mail.outbox
    assert "failed" in caplog.text

    # A failing retry is counted too.
    call_command("send_pending_notifications", stdout=io.StringIO(), stderr=io.StringIO())
    assert set(Notification.objects.values_list("attempts", flat=True)) == {2}

    settings.EMAIL_BACKEND = LOCMEM
    out = io.StringIO()
    call_command("send_pending_notifications", stdout=out, stderr=io.StringIO())
    assert "Sent 2, failed 0." in out.getvalue()
    assert len(mail.outbox) == 2
    assert all(inquiry.reference in m.subject for m in mail.outbox)
    for notification in Notification.objects.all():
        assert notification.sent_at is not None
        assert notification.attempts == 3
        assert notification.last_error == ""

    # Nothing is sent twice.
    call_command("send_pending_notifications", stdout=out, stderr=io.StringIO())
    assert len(mail.outbox) == 2


def test_emails_are_only_sent_after_commit(client, product):
    """Without running the on-commit callbacks, nothing goes out but the rows exist."""
    response = send(client, product)
    assert response.status_code == 302
    assert not mail.outbox
    assert Notification.objects.filter(sent_at__isnull=True, attempts=0).count() == 2


# --- What buyers may not reach ----------------------------------------------------------------


def assert_not_found(client, page):
    assert client.get(post_url(page)).status_code == 404
    assert client.post(post_url(page), valid_data()).status_code == 404
    assert client.get(f"/wa/{page.pk}/").status_code == 404
    assert not Inquiry.objects.exists()


def test_draft_product_cannot_be_asked_about(client, vendor):
    assert_not_found(client, ProductPageFactory(parent=vendor, live=False))


def test_unpublished_ikm_cannot_be_asked(client):
    assert_not_found(client, VendorPageFactory(live=False, email="tutup@example.test"))


def test_product_of_an_unpublished_ikm_cannot_be_asked_about(client):
    vendor = VendorPageFactory(email="tutup@example.test")
    product = ProductPageFactory(parent=vendor)
    VendorPageFactory._meta.model.objects.filter(pk=vendor.pk).update(live=False)
    product.refresh_from_db()
    assert product.live
    assert_not_found(client, product)


def test_other_pages_cannot_be_asked(client, site_tree):
    assert_not_found(client, site_tree.home)
    assert client.get("/tanya/999999/").status_code == 404


# --- WhatsApp ---------------------------------------------------------------------------------


def whatsapp_text(response):
    location = urlsplit(response["Location"])
    assert location.scheme == "https" and location.netloc == "wa.me"
    assert location.query.startswith("text=")
    return location.path, unquote(location.query.removeprefix("text="))


def test_whatsapp_link_opens_wa_me_and_is_counted(client, product, vendor):
    response = client.get(f"/wa/{product.pk}/")
    assert response.status_code == 302
    path, text = whatsapp_text(response)
    assert path == "/6281234567890"
    assert product.title in text
    assert product.url in text
    assert vendor.title in text
    assert "nomor pertanyaan" not in text

    click = WhatsAppClick.objects.get()
    assert (click.vendor_id, click.product_id) == (vendor.pk, product.pk)
    assert click.date == timezone.localdate()
    assert click.count == 1
    client.get(f"/wa/{product.pk}/")
    click.refresh_from_db()
    assert click.count == 2
    assert WhatsAppClick.objects.count() == 1

    # No cookie, nothing that identifies the buyer.
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]


def test_whatsapp_link_of_an_ikm_is_counted_apart(client, product, vendor):
    response = client.get(f"/wa/{vendor.pk}/")
    assert response.status_code == 302
    _path, text = whatsapp_text(response)
    assert vendor.title in text and vendor.url in text
    client.get(f"/wa/{product.pk}/")
    assert WhatsAppClick.objects.get(product=None).count == 1
    assert WhatsAppClick.objects.get(product=product).count == 1


def test_whatsapp_link_carries_a_valid_reference(client, product):
    _path, text = whatsapp_text(client.get(f"/wa/{product.pk}/?ref=INQ-2026-000001"))
    assert "INQ-2026-000001" in text


@pytest.mark.parametrize(
    "ref", ["INQ-2026-1", "inq-2026-000001", "INQ-2026-000001<script>", "x" * 300, "INQ-26-000001"]
)
def test_whatsapp_link_ignores_a_malformed_reference(client, product, ref):
    response = client.get(f"/wa/{product.pk}/", {"ref": ref})
    assert response.status_code == 302
    _path, text = whatsapp_text(response)
    assert "nomor pertanyaan" not in text
    assert ref not in text


def test_whatsapp_link_of_an_ikm_without_whatsapp_is_not_found(client):
    vendor = VendorPageFactory(whatsapp="")
    product = ProductPageFactory(parent=vendor)
    assert client.get(f"/wa/{vendor.pk}/").status_code == 404
    assert client.get(f"/wa/{product.pk}/").status_code == 404
    assert not WhatsAppClick.objects.exists()


def test_confirmation_page_links_to_whatsapp_with_the_reference(client, send_inquiry, product):
    response = send_inquiry(product)
    reference = Inquiry.objects.get().reference
    page = soup(client.get(response["Location"]))
    link = page.select_one("a.button--whatsapp")
    assert link["href"] == f"/wa/{product.pk}/?ref={reference}"


# --- Whatever is posted, never a server error -------------------------------------------------

FIELD_NAMES = [*InquiryForm.base_fields, "csrfmiddlewaretoken"]
JUNK_KEYS = ["", "foo", "name[]", "__proto__", "started\x00", "émail", "x" * 200]
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=3000, max_size=3100),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "2999-12-31",
            "0000-00-00",
            "on",
            "\x00",
            "08123456789",
            "+62 812 3456 7890",
            "a@b.c",
            "https://x.example " * 5,
        ]
    ),
)


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.dictionaries(st.sampled_from(FIELD_NAMES + JUNK_KEYS), TEXT, max_size=14),
    base=st.booleans(),
)
def test_random_posts_never_cause_a_server_error(client, product, data, base):
    for cache in caches.all():
        cache.clear()  # each example starts below the rate limits
    posted = {**valid_data(), **data} if base else data
    response = client.post(post_url(product), posted)
    event(f"HTTP {response.status_code}")
    assert response.status_code in (200, 302, 400, 429), response.status_code


def test_client_ip_behind_trusted_proxies(rf, settings):
    from inquiries.views import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.2")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"  # nothing trusted: a forged header is ignored
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # what our one proxy saw, not the forged left
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.2"  # fewer hops than proxies: fall back


def test_a_post_without_the_csrf_token_is_refused_and_saves_nothing(product):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(post_url(product), valid_data())
    assert response.status_code == 403
    assert not Inquiry.objects.exists()
    # The product page sets no CSRF cookie (it is cached and shared)...
    client.get(product.url)
    assert "csrftoken" not in client.cookies
    # ...the token endpoint does, and with its tokens the same post goes through.
    tokens = client.get("/tanya/token/").json()
    assert client.cookies["csrftoken"].value
    response = client.post(post_url(product), valid_data(**tokens))
    assert response.status_code == 302
    assert Inquiry.objects.count() == 1


def test_the_token_endpoint_is_never_cached_and_its_start_time_is_fresh(client):
    from django.core import signing

    from inquiries.forms import TOKEN_SALT

    response = client.get("/tanya/token/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    tokens = response.json()
    assert tokens["csrfmiddlewaretoken"]
    assert time.time() - float(signing.loads(tokens["started"], salt=TOKEN_SALT)) < 60
    assert client.post("/tanya/token/").status_code == 405
