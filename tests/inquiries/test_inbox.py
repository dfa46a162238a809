"""The owners' inbox in the Wagtail admin, over HTTP: who sees which inquiries, the detail page
with its attachment, status and reply forms, the CSV export, the failed emails and the
dashboard panel.

Refused requests change nothing: an inquiry of another IKM is a 404 whatever the URL, and its
status and notifications are the same afterwards.
"""

import csv
import datetime
import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.base import ContentFile
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from catalog.ownership import ensure_curator_group, grant_vendor_ownership
from inquiries.models import Inquiry, Notification
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

INBOX = "/admin/pertanyaan/"
FAILED = "/admin/pertanyaan/email-gagal/"
RETRY = "/admin/pertanyaan/email-gagal/kirim-ulang/"
ADMIN_HOME = "/admin/"
PDF_BYTES = b"%PDF-1.4\n% lampiran uji\n%%EOF\n"


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def detail_url(inquiry):
    return f"{INBOX}{inquiry.pk}/"


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def make_inquiry(vendor, product=None, **fields):
    values = {
        "name": "Budi Santoso",
        "email": "budi@example.test",
        "buyer_type": "retail",
        "message": "Apakah bisa kirim ke Bandung?",
        "product_title": product.title if product else "",
    }
    values.update(fields)
    return Inquiry.objects.create(vendor=vendor, product=product, **values)


def references(response):
    """The inquiry references listed on an inbox page, in order."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("table.listing td.title a")]


def read_csv(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def logged_in(user):
    return login_verified(Client(), user)


@pytest.fixture
def shop(site_tree):
    """Two IKM, each with a product and an owner, and a few inquiries."""
    vendor_a = VendorPageFactory(title="Batik Trusmi Asri", email="batik@example.test")
    vendor_b = VendorPageFactory(title="Rotan Plumbon Jaya")
    product_a = ProductPageFactory(parent=vendor_a, title="Kain Batik Mega Mendung")
    product_a2 = ProductPageFactory(parent=vendor_a, title="Selendang Batik Tulis")
    product_b = ProductPageFactory(parent=vendor_b, title="Kursi Rotan Sintetis")
    owner_a = UserFactory(username="pemilik_a", email="pemilik.a@example.test")
    owner_b = UserFactory(username="pemilik_b")
    grant_vendor_ownership(vendor_a, [owner_a])
    grant_vendor_ownership(vendor_b, [owner_b])
    a_new = make_inquiry(vendor_a, product_a, name="Siti Aminah", created_at=at(2025, 3, 5))
    a_read = make_inquiry(
        vendor_a,
        product_a2,
        name="Andi Wijaya",
        company="CV Maju",
        status=Inquiry.Status.READ,
        created_at=at(2025, 4, 10),
    )
    a_vendor = make_inquiry(vendor_a, None, name="Rina", created_at=at(2025, 5, 20))
    b_new = make_inquiry(vendor_b, product_b, name="Joko Widodo", created_at=at(2025, 4, 1))
    return type(
        "Shop",
        (),
        {
            "vendor_a": vendor_a,
            "vendor_b": vendor_b,
            "product_a": product_a,
            "product_a2": product_a2,
            "product_b": product_b,
            "owner_a": owner_a,
            "owner_b": owner_b,
            "a_new": a_new,
            "a_read": a_read,
            "a_vendor": a_vendor,
            "b_new": b_new,
        },
    )


@pytest.fixture
def curator(site_tree):
    """A curator who may read every inquiry (the permission is given explicitly)."""
    user = UserFactory(username="kurator_pertanyaan")
    ensure_curator_group([user])
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="inquiries", codename="view_all_inquiries")
    )
    return user


@pytest.fixture
def plain_curator(site_tree):
    """A curator without the inquiries permission and no IKM: may use the admin, not the inbox."""
    user = UserFactory(username="kurator_biasa")
    ensure_curator_group([user])
    return user


@pytest.fixture
def owner_client(shop):
    return logged_in(shop.owner_a)


@pytest.fixture
def attachment(shop):
    inquiry = shop.b_new
    inquiry.attachment.save("desain.pdf", ContentFile(PDF_BYTES))
    yield inquiry
    inquiry.attachment.delete(save=False)


# --- Access ----------------------------------------------------------------------------------


def test_owner_sees_only_own_inquiries(owner_client, shop):
    response = owner_client.get(INBOX)
    assert response.status_code == 200
    assert references(response) == [
        shop.a_vendor.reference,
        shop.a_read.reference,
        shop.a_new.reference,
    ]
    assert shop.b_new.reference not in response.content.decode()


def test_operators_see_every_inquiry(shop, curator, superuser):
    for user in (curator, superuser):
        response = logged_in(user).get(INBOX)
        assert response.status_code == 200
        assert len(references(response)) == 4
        assert shop.b_new.reference in references(response)


def test_user_who_sees_no_inquiry_is_refused_and_has_no_menu_item(shop, plain_curator):
    client = logged_in(plain_curator)
    home = client.get(ADMIN_HOME)
    assert home.status_code == 200
    assert "Pertanyaan pembeli" not in home.content.decode()
    for url in (INBOX, detail_url(shop.a_new), f"{detail_url(shop.a_new)}lampiran/", FAILED):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == ADMIN_HOME
    response = client.post(f"{detail_url(shop.a_new)}status/", {"status": "closed"})
    assert response.status_code == 302
    shop.a_new.refresh_from_db()
    assert shop.a_new.status == Inquiry.Status.NEW


def test_anonymous_visitor_is_sent_to_the_login(shop):
    response = Client().get(INBOX)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_menu_item_shows_the_number_of_new_inquiries(owner_client, shop):
    make_inquiry(shop.vendor_a, shop.product_a)
    html = owner_client.get(ADMIN_HOME).content.decode()
    assert "Pertanyaan pembeli (3 baru)" in html


def test_owner_is_refused_another_ikms_inquiry_and_nothing_changes(
    owner_client, shop, attachment, django_capture_on_commit_callbacks
):
    inquiry = shop.b_new
    url = detail_url(inquiry)
    assert owner_client.get(url).status_code == 404
    assert owner_client.get(f"{url}lampiran/").status_code == 404
    assert owner_client.post(f"{url}status/", {"status": "closed"}).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(f"{url}balas/", {"subject": "Re", "body": "Halo"})
    assert response.status_code == 404
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.NEW
    assert not Notification.objects.filter(inquiry=inquiry).exists()
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(object_id=str(inquiry.pk)).exists()


# --- Detail, status, reply -------------------------------------------------------------------


def test_opening_a_new_inquiry_marks_it_read(owner_client, shop):
    response = owner_client.get(detail_url(shop.a_new))
    assert response.status_code == 200
    shop.a_new.refresh_from_db()
    assert shop.a_new.status == Inquiry.Status.READ
    html = response.content.decode()
    assert shop.a_new.reference in html
    assert "Siti Aminah" in html
    assert "Apakah bisa kirim ke Bandung?" in html


def test_a_curator_looking_does_not_take_new_from_the_owner(shop, curator):
    assert logged_in(curator).get(detail_url(shop.a_new)).status_code == 200
    shop.a_new.refresh_from_db()
    assert shop.a_new.status == Inquiry.Status.NEW


def test_operator_opening_an_inquiry_of_an_ikm_without_owner_marks_it_read(site_tree, superuser):
    inquiry = make_inquiry(VendorPageFactory(title="IKM Tanpa Akun"))
    assert logged_in(superuser).get(detail_url(inquiry)).status_code == 200
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.READ


def test_detail_shows_every_field_the_emails_and_a_mailto_link(owner_client, shop):
    inquiry = shop.a_read
    Inquiry.objects.filter(pk=inquiry.pk).update(
        phone="+6281234567890", quantity=50, unit="lembar", wanted_by=datetime.date(2025, 8, 17)
    )
    Notification.objects.create(
        inquiry=inquiry,
        kind="owner",
        recipients="batik@example.test",
        subject="S",
        body="B",
        sent_at=timezone.now(),
        attempts=1,
    )
    Notification.objects.create(
        inquiry=inquiry,
        kind="buyer",
        recipients="budi@example.test",
        subject="S",
        body="B",
        attempts=3,
        last_error="SMTPServerDisconnected: putus",
    )
    response = owner_client.get(detail_url(inquiry))
    soup = BeautifulSoup(response.content, "html.parser")
    fields = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select("dl.inquiry-fields dt")
    }
    assert fields["Nama"] == "Andi Wijaya"
    assert fields["Perusahaan"] == "CV Maju"
    assert fields["Jenis pembeli"] == "Eceran"
    assert fields["Jumlah"] == "50 lembar"
    assert fields["Dibutuhkan tanggal"] == "17 Agustus 2025"
    assert fields["Diterima"] == "10 April 2025, 10.00"
    # Shown as Indonesians dial it (catalog/phone.py); the tel: link keeps E.164.
    assert "0812-3456-7890" in fields["Telepon/WhatsApp"]
    assert soup.select_one("a[href='tel:+6281234567890']") is not None
    statuses = [td.get_text(" ", strip=True) for td in soup.select("td.notification-status")]
    assert statuses[0].startswith("Terkirim")
    assert "Gagal 3 kali" in statuses[1]
    assert "SMTPServerDisconnected" not in statuses[1]  # the mail server's errors: staff only
    mailto = soup.find("a", href=re.compile(r"^mailto:"))["href"]
    assert mailto.startswith("mailto:budi@example.test?subject=Re%3A%20%5BINQ-2025-")
    assert "Selendang%20Batik%20Tulis" in mailto
    subject = soup.find("input", attrs={"name": "subject"})["value"]
    assert subject == f"Re: [{inquiry.reference}] Selendang Batik Tulis"
    assert soup.find("label", attrs={"for": "id_reply_body"}) is not None


def test_operators_see_why_an_email_failed(shop, curator):
    Notification.objects.create(
        inquiry=shop.a_new,
        kind="buyer",
        recipients="budi@example.test",
        subject="S",
        body="B",
        attempts=3,
        last_error="SMTPServerDisconnected: putus",
    )
    response = logged_in(curator).get(detail_url(shop.a_new))
    assert "SMTPServerDisconnected: putus" in response.content.decode()


def test_owner_changes_the_status(owner_client, shop):
    response = owner_client.post(f"{detail_url(shop.a_read)}status/", {"status": "closed"})
    assert response.status_code == 302
    assert response.url == detail_url(shop.a_read)
    shop.a_read.refresh_from_db()
    assert shop.a_read.status == Inquiry.Status.CLOSED
    entry = ModelLogEntry.objects.get(object_id=str(shop.a_read.pk), action="inquiries.status")
    assert entry.user == shop.owner_a
    assert entry.data == {"old": "read", "new": "closed"}
    assert entry.message == "Status diubah dari Sudah dibaca menjadi Selesai"


def test_unknown_status_is_refused(owner_client, shop):
    owner_client.post(f"{detail_url(shop.a_read)}status/", {"status": "deleted"})
    shop.a_read.refresh_from_db()
    assert shop.a_read.status == Inquiry.Status.READ


def test_status_and_reply_forms_need_the_csrf_token(shop):
    client = Client(enforce_csrf_checks=True)
    client.force_login(shop.owner_a)
    assert client.post(f"{detail_url(shop.a_read)}status/", {"status": "closed"}).status_code == 403
    reply = {"subject": "Re", "body": "Halo"}
    assert client.post(f"{detail_url(shop.a_read)}balas/", reply).status_code == 403
    shop.a_read.refresh_from_db()
    assert shop.a_read.status == Inquiry.Status.READ
    assert not Notification.objects.exists()


def test_owner_replies(owner_client, shop, django_capture_on_commit_callbacks):
    inquiry = shop.a_new
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            f"{detail_url(inquiry)}balas/",
            {"subject": f"Re: [{inquiry.reference}] Kain", "body": "Bisa, ongkir Rp20.000."},
        )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.REPLIED
    notification = Notification.objects.get(inquiry=inquiry, kind=Notification.Kind.REPLY)
    assert notification.sent_by == shop.owner_a
    assert notification.sent_at is not None
    [email] = mail.outbox
    assert email.to == ["budi@example.test"]
    assert email.reply_to == ["pemilik.a@example.test"]
    assert email.subject == f"Re: [{inquiry.reference}] Kain"
    assert "ongkir Rp20.000" in email.body
    entry = ModelLogEntry.objects.get(object_id=str(inquiry.pk), action="inquiries.reply")
    assert entry.user == shop.owner_a
    assert entry.data["notification"] == notification.pk
    page = owner_client.get(detail_url(inquiry)).content.decode()
    assert "Dibalas" in page


def test_reply_without_a_body_is_refused(owner_client, shop):
    response = owner_client.post(f"{detail_url(shop.a_read)}balas/", {"subject": "Re", "body": ""})
    assert response.status_code == 400
    assert not Notification.objects.exists()
    shop.a_read.refresh_from_db()
    assert shop.a_read.status == Inquiry.Status.READ


def test_no_reply_form_for_a_buyer_without_email(owner_client, shop):
    inquiry = make_inquiry(shop.vendor_a, email="", phone="+6281234567890")
    response = owner_client.get(detail_url(inquiry))
    assert b'name="body"' not in response.content
    assert b"https://wa.me/6281234567890" in response.content
    owner_client.post(f"{detail_url(inquiry)}balas/", {"subject": "Re", "body": "Halo"})
    assert not Notification.objects.filter(inquiry=inquiry).exists()


# --- Attachment ------------------------------------------------------------------------------


def test_attachment_is_streamed_to_who_may_see_the_inquiry(shop, attachment):
    response = logged_in(shop.owner_b).get(f"{detail_url(attachment)}lampiran/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"{attachment.reference}-lampiran.pdf" in response["Content-Disposition"]
    detail = logged_in(shop.owner_b).get(detail_url(attachment))
    assert f'href="{detail_url(attachment)}lampiran/"'.encode() in detail.content


def test_no_attachment_is_a_404(owner_client, shop):
    assert owner_client.get(f"{detail_url(shop.a_new)}lampiran/").status_code == 404


# --- List: filters, search, pagination -------------------------------------------------------


def test_filter_on_status(owner_client, shop):
    response = owner_client.get(INBOX, {"status": "read"})
    assert references(response) == [shop.a_read.reference]


def test_filter_on_product_offers_only_visible_products(owner_client, shop):
    response = owner_client.get(INBOX, {"product": shop.product_a.pk})
    assert references(response) == [shop.a_new.reference]
    soup = BeautifulSoup(response.content, "html.parser")
    options = {o.get_text(strip=True) for o in soup.select("select[name=product] option")}
    assert {"Kain Batik Mega Mendung", "Selendang Batik Tulis"} <= options
    assert "Kursi Rotan Sintetis" not in options
    # Another IKM's product is not a valid choice: never a way to see its inquiries.
    response = owner_client.get(INBOX, {"product": shop.product_b.pk})
    assert shop.b_new.reference not in references(response)


def test_filter_on_date_range(owner_client, shop):
    response = owner_client.get(
        INBOX, {"created_at_from": "2025-04-01", "created_at_to": "2025-05-20"}
    )
    assert references(response) == [shop.a_vendor.reference, shop.a_read.reference]


def test_search(owner_client, shop):
    assert references(owner_client.get(INBOX, {"q": "CV Maju"})) == [shop.a_read.reference]
    assert references(owner_client.get(INBOX, {"q": shop.a_new.reference})) == [
        shop.a_new.reference
    ]
    assert references(owner_client.get(INBOX, {"q": "Joko"})) == []


def test_results_fragment_for_the_filters(owner_client, shop):
    response = owner_client.get(f"{INBOX}hasil/", {"status": "new"})
    assert response.status_code == 200
    assert references(response) == [shop.a_vendor.reference, shop.a_new.reference]


def test_list_columns_and_failed_email_badge(owner_client, shop):
    Notification.objects.create(
        inquiry=shop.a_new,
        kind="owner",
        recipients="x@example.test",
        subject="S",
        body="B",
        attempts=2,
        last_error="down",
    )
    soup = BeautifulSoup(owner_client.get(INBOX).content, "html.parser")
    headers = [th.get_text(strip=True) for th in soup.select("table.listing thead th")]
    assert headers == [
        "Nomor",
        "Diterima",
        "Pembeli",
        "Produk / IKM",
        "Jenis pembeli",
        "Status",
        "Email",
    ]
    assert all(th["scope"] == "col" for th in soup.select("table.listing thead th"))
    rows = {tr.select_one("td.title a").get_text(strip=True): tr for tr in soup.select("tbody tr")}
    row = rows[shop.a_new.reference]
    text = row.get_text(" ", strip=True)
    assert "5 Maret 2025, 10.00" in text
    assert "Kain Batik Mega Mendung" in text
    assert "Baru" in text
    assert "1 email gagal" in text
    assert "email gagal" not in rows[shop.a_read.reference].get_text(" ", strip=True)


def test_pagination(owner_client, shop):
    for i in range(30):
        make_inquiry(shop.vendor_a, created_at=at(2024, 1, 1) + datetime.timedelta(hours=i))
    first = owner_client.get(INBOX)
    second = owner_client.get(INBOX, {"p": 2})
    assert len(references(first)) == 25
    assert len(references(second)) == 8
    assert not set(references(first)) & set(references(second))


# --- CSV export ------------------------------------------------------------------------------


def test_csv_export_has_only_the_owners_filtered_inquiries(owner_client, shop):
    Inquiry.objects.filter(pk=shop.a_read.pk).update(
        phone="+6281234567890", quantity=50, unit="lembar", wanted_by=datetime.date(2025, 8, 17)
    )
    response = owner_client.get(INBOX, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="pertanyaan-pembeli')
    header, *rows = read_csv(response)
    assert header == [
        "Nomor",
        "Diterima",
        "Status",
        "IKM",
        "Produk",
        "Nama",
        "Email",
        "Telepon/WhatsApp",
        "Jenis pembeli",
        "Perusahaan",
        "Jumlah",
        "Satuan",
        "Dibutuhkan tanggal",
        "Pesan",
    ]
    assert [row[0] for row in rows] == [
        shop.a_vendor.reference,
        shop.a_read.reference,
        shop.a_new.reference,
    ]
    read = rows[1]
    assert read[1] == "2025-04-10T10:00:00+07:00"
    assert read[2:5] == ["Sudah dibaca", "Batik Trusmi Asri", "Selendang Batik Tulis"]
    assert read[7] == "'+6281234567890"  # a leading + is a formula to a spreadsheet
    assert read[10:13] == ["50", "lembar", "2025-08-17"]
    filtered = read_csv(owner_client.get(INBOX, {"export": "csv", "status": "read"}))
    assert [row[0] for row in filtered[1:]] == [shop.a_read.reference]


def test_csv_export_escapes_formulas(owner_client, shop):
    make_inquiry(
        shop.vendor_a,
        name='=HYPERLINK("http://evil.test","klik")',
        company="@SUM(A1:A9)",
        message="-2+3",
        created_at=at(2025, 6, 1),
    )
    header, first, *_rest = read_csv(owner_client.get(INBOX, {"export": "csv"}))
    row = dict(zip(header, first, strict=True))
    assert row["Nama"] == '\'=HYPERLINK("http://evil.test","klik")'
    assert row["Perusahaan"] == "'@SUM(A1:A9)"
    assert row["Pesan"] == "'-2+3"


def test_xlsx_export_keeps_formulas_as_text(owner_client, shop):
    from openpyxl import load_workbook

    make_inquiry(shop.vendor_a, name="=1+1", created_at=at(2025, 6, 1))
    response = owner_client.get(INBOX, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == [
        f"INQ-2025-{shop.b_new.pk + 1:06d}",
        shop.a_vendor.reference,
        shop.a_read.reference,
        shop.a_new.reference,
    ]
    assert rows[1][5] == "=1+1"
    assert sheet.cell(row=2, column=6).data_type == "s"


# --- Failed emails ---------------------------------------------------------------------------


@pytest.fixture
def failed_email(shop):
    return Notification.objects.create(
        inquiry=shop.b_new,
        kind="buyer",
        recipients="budi@example.test",
        subject="Terima kasih",
        body="Isi",
        attempts=10,
        last_error="ConnectionRefusedError: mail server down",
    )


def test_failed_emails_are_listed_for_operators_only(shop, curator, failed_email):
    response = logged_in(curator).get(FAILED)
    assert response.status_code == 200
    assert "ConnectionRefusedError: mail server down" in response.content.decode()
    assert shop.b_new.reference in response.content.decode()
    refused = logged_in(shop.owner_b).get(FAILED)
    assert refused.status_code == 302 and refused.url == ADMIN_HOME
    refused = logged_in(shop.owner_b).post(RETRY)
    assert refused.status_code == 302 and refused.url == ADMIN_HOME
    assert mail.outbox == []


def test_retry_now_sends_the_failed_emails(curator, failed_email, settings):
    response = logged_in(curator).post(RETRY)
    assert response.status_code == 302
    failed_email.refresh_from_db()
    assert failed_email.sent_at is not None
    assert failed_email.attempts == 11
    assert len(mail.outbox) == 1
    assert "Tidak ada email yang gagal" in logged_in(curator).get(FAILED).content.decode()


def test_retry_that_fails_again_keeps_the_error(curator, failed_email, settings):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    logged_in(curator).post(RETRY, {"notification": str(failed_email.pk)})
    failed_email.refresh_from_db()
    assert failed_email.sent_at is None
    assert failed_email.attempts == 11


def test_inbox_links_operators_to_the_failed_emails(shop, curator, failed_email, owner_client):
    assert "Email gagal (1)" in logged_in(curator).get(INBOX).content.decode()
    assert "Email gagal (" not in owner_client.get(INBOX).content.decode()


# --- Dashboard -------------------------------------------------------------------------------


def test_dashboard_panel_counts_the_new_inquiries(owner_client, shop, curator, plain_curator):
    make_inquiry(shop.vendor_a, shop.product_a)
    html = owner_client.get(ADMIN_HOME).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("#new-inquiries-section a.button")
    assert link.get_text(" ", strip=True) == "Pertanyaan baru: 3"
    assert link["href"] == f"{INBOX}?status=new"
    curator_html = logged_in(curator).get(ADMIN_HOME).content.decode()
    assert "Pertanyaan baru: 4" in curator_html
    assert "Pertanyaan baru" not in logged_in(plain_curator).get(ADMIN_HOME).content.decode()


def test_sidebar_menu_is_valid_json(owner_client, shop):
    html = owner_client.get(ADMIN_HOME).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    props = json.loads(soup.find(id="wagtail-sidebar-props").string)
    assert "Pertanyaan pembeli (2 baru)" in json.dumps(props, ensure_ascii=False)
