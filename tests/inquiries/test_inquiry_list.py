"""The inquiry list ("daftar tanya"): products of several IKM kept in the session, sent as one
form that creates one inquiry per IKM with its lines, all in one transaction."""

import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import Client
from django.utils import timezone

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from catalog.ownership import grant_vendor_ownership
from inquiries.forms import form_token
from inquiries.inquiry_list import COUNT_COOKIE, SESSION_KEY
from inquiries.models import Inquiry, InquiryLine, Notification
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

LIST = "/daftar-tanya/"
ADD = "/daftar-tanya/tambah/"
REFERENCE_RE = re.compile(r"INQ-\d{4}-\d{6,}")


@pytest.fixture
def shop(site_tree):
    batik = VendorPageFactory(
        title="Batik Trusmi Asri", email="batik@example.test", whatsapp="+6281234567890"
    )
    rotan = VendorPageFactory(title="Rotan Plumbon Jaya", email="rotan@example.test")
    owner_batik = UserFactory(username="pemilik_batik", email="pemilik.batik@example.test")
    owner_rotan = UserFactory(username="pemilik_rotan", email="pemilik.rotan@example.test")
    grant_vendor_ownership(batik, [owner_batik])
    grant_vendor_ownership(rotan, [owner_rotan])
    return type(
        "Shop",
        (),
        {
            "batik": batik,
            "rotan": rotan,
            "owner_batik": owner_batik,
            "owner_rotan": owner_rotan,
            "kain": ProductPageFactory(parent=batik, title="Kain Batik Mega Mendung"),
            "selendang": ProductPageFactory(parent=batik, title="Selendang Batik Tulis"),
            "kursi": ProductPageFactory(parent=rotan, title="Kursi Rotan Sintetis"),
        },
    )


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def add_all(client, *products, prefix=""):
    for product in products:
        response = client.post(f"{prefix}{ADD}", {"product": product.pk})
        assert response.status_code == 302


def buyer_data(shop, **overrides):
    data = {
        "action": "send",
        "name": "Budi Santoso",
        "email": "budi@example.test",
        "phone": "",
        "buyer_type": "wholesale",
        "company": "Toko Budi",
        "message": "Mohon penawaran harga dan ongkos kirim ke Bandung.",
        "consent": "on",
        "website": "",
        "started": form_token(0),
        f"line-{shop.kain.pk}-quantity": "20",
        f"line-{shop.kain.pk}-note": "warna biru",
        f"line-{shop.selendang.pk}-quantity": "5",
        f"line-{shop.selendang.pk}-note": "",
        f"line-{shop.kursi.pk}-quantity": "4",
        f"line-{shop.kursi.pk}-note": "untuk teras",
    }
    data.update(overrides)
    return data


@pytest.fixture
def filled(client, shop):
    add_all(client, shop.kain, shop.kursi, shop.selendang)
    return client


def test_adding_three_products_of_two_ikm_survives_a_reload(client, shop):
    add_all(client, shop.kain, shop.kursi, shop.selendang)
    assert client.cookies[COUNT_COOKIE].value == "3"
    assert not client.cookies[COUNT_COOKIE]["httponly"]  # the header's script reads it
    for _reload in range(2):
        page = soup(client.get(LIST))
        groups = page.select("fieldset.list-group")
        assert [g.legend.get_text(strip=True) for g in groups] == [
            "Batik Trusmi Asri",
            "Rotan Plumbon Jaya",
        ]
        titles = [[a.get_text() for a in g.select(".list-line__product a")] for g in groups]
        assert titles == [
            ["Kain Batik Mega Mendung", "Selendang Batik Tulis"],
            ["Kursi Rotan Sintetis"],
        ]
    # Adding a product twice keeps one line.
    add_all(client, shop.kain)
    assert len(client.session[SESSION_KEY]) == 3


def test_lines_are_editable_and_removable(filled, shop):
    response = filled.post(
        LIST,
        {
            "action": "update",
            f"line-{shop.kain.pk}-quantity": "12",
            f"line-{shop.kain.pk}-note": "motif kecil",
            "name": "Budi",
        },
    )
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(f"#id_line-{shop.kain.pk}-quantity")["value"] == "12"
    assert page.select_one(f"#id_line-{shop.kain.pk}-note")["value"] == "motif kecil"
    assert page.select_one("#id_name")["value"] == "Budi"  # what the buyer typed stays
    assert soup(filled.get(LIST)).select_one(f"#id_line-{shop.kain.pk}-quantity")["value"] == "12"

    response = filled.post("/daftar-tanya/hapus/", {"product": shop.kursi.pk})
    assert response.status_code == 302
    assert filled.cookies[COUNT_COOKIE].value == "2"
    assert "Kursi Rotan Sintetis" not in filled.get(LIST).content.decode()


def test_emptying_the_list_forgets_the_session_so_cached_pages_serve_again(client, shop):
    add_all(client, shop.kain)
    assert client.cookies["sessionid"].value
    client.post("/daftar-tanya/hapus/", {"product": shop.kain.pk})
    assert client.cookies["sessionid"].value == ""  # deleted: the page cache serves again
    assert client.cookies[COUNT_COOKIE].value == ""


def test_one_submission_creates_one_inquiry_per_ikm_with_its_lines(
    filled, shop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = filled.post(LIST, buyer_data(shop))
    assert response.status_code == 302, response.content.decode()[:2000]
    batik = Inquiry.objects.get(vendor=shop.batik)
    rotan = Inquiry.objects.get(vendor=shop.rotan)
    assert Inquiry.objects.count() == 2
    assert batik.reference != rotan.reference
    assert [(line.product, line.quantity, line.note) for line in batik.lines.all()] == [
        (shop.kain.page_ptr.specific, 20, "warna biru"),
        (shop.selendang.page_ptr.specific, 5, ""),
    ]
    assert [(line.product_title, line.quantity) for line in rotan.lines.all()] == [
        ("Kursi Rotan Sintetis", 4)
    ]
    assert batik.name == rotan.name == "Budi Santoso"

    # The confirmation lists every reference; the list is cleared.
    page = filled.get(response["Location"])
    assert page.status_code == 200
    shown = [s.get_text() for s in soup(page).select(".list-sent__reference")]
    assert shown == [batik.reference, rotan.reference]
    assert SESSION_KEY not in filled.session
    assert filled.cookies[COUNT_COOKIE].value == ""
    assert "Daftar tanya Anda masih kosong" in filled.get(LIST).content.decode()

    # One email to each IKM with its own lines only; one to the buyer with both references.
    to_batik = next(m for m in mail.outbox if "pemilik.batik@example.test" in m.to)
    to_rotan = next(m for m in mail.outbox if "pemilik.rotan@example.test" in m.to)
    to_buyer = [m for m in mail.outbox if m.to == ["budi@example.test"]]
    assert len(mail.outbox) == 3 and len(to_buyer) == 1
    assert "Selendang Batik Tulis" in to_batik.body and "Kursi" not in to_batik.body
    assert "Kursi Rotan Sintetis: 4" in to_rotan.body and "Batik" not in to_rotan.body
    assert batik.reference in to_buyer[0].body and rotan.reference in to_buyer[0].body
    assert Notification.objects.filter(sent_at__isnull=False).count() == 3


def test_each_owner_sees_only_its_own_inquiry_and_lines(filled, shop):
    filled.post(LIST, buyer_data(shop))
    batik = Inquiry.objects.get(vendor=shop.batik)
    rotan = Inquiry.objects.get(vendor=shop.rotan)
    owner = login_verified(Client(), shop.owner_batik)
    inbox = owner.get("/admin/pertanyaan/").content.decode()
    assert batik.reference in inbox and rotan.reference not in inbox
    detail = owner.get(f"/admin/pertanyaan/{batik.pk}/")
    assert detail.status_code == 200
    lines = [li.get_text(" ", strip=True) for li in soup(detail).select(".inquiry-lines li")]
    assert len(lines) == 2
    assert "Kain Batik Mega Mendung" in lines[0] and "20" in lines[0] and "warna biru" in lines[0]
    assert "Selendang Batik Tulis" in lines[1]
    assert "Kursi Rotan" not in detail.content.decode()
    assert owner.get(f"/admin/pertanyaan/{rotan.pk}/").status_code == 404
    other = login_verified(Client(), shop.owner_rotan)
    assert other.get(f"/admin/pertanyaan/{batik.pk}/").status_code == 404
    assert "Kursi Rotan Sintetis" in other.get(f"/admin/pertanyaan/{rotan.pk}/").content.decode()


def test_a_failure_on_the_second_ikm_leaves_nothing_written(filled, shop):
    inserts = []

    def fail_second_inquiry(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "inquiries_inquiry"'):
            inserts.append(sql)
            if len(inserts) == 2:
                raise DatabaseError("disk full")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_second_inquiry):
        response = filled.post(LIST, buyer_data(shop))
    assert len(inserts) == 2
    assert response.status_code == 503
    assert "belum terkirim" in response.content.decode()
    assert not Inquiry.objects.exists()
    assert not InquiryLine.objects.exists()
    assert not Notification.objects.exists()
    assert len(filled.session[SESSION_KEY]) == 3  # the list is kept to send again
    assert soup(response).select_one("#id_name")["value"] == "Budi Santoso"


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        ({"website": "http://spam.example"}, "website", "Kosongkan kolom tersembunyi"),
        ({"started": ""}, "started", "kedaluwarsa"),
        ({"message": "http://a.example http://b.example http://c.example"}, "message", "tautan"),
        ({"consent": ""}, "consent", ""),
        ({"email": "", "phone": ""}, "email", "Isi email atau nomor telepon"),
    ],
)
def test_spam_defences_and_checks_apply(filled, shop, overrides, field, error):
    response = filled.post(LIST, buyer_data(shop, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert error in response.content.decode()
    assert not Inquiry.objects.exists()


def test_sent_too_fast_is_refused(filled, shop, settings):
    settings.INQUIRY_MIN_FILL_SECONDS = 60
    response = filled.post(LIST, buyer_data(shop, started=form_token()))
    assert response.status_code == 400
    assert not Inquiry.objects.exists()


def test_csrf_is_required_and_the_token_view_provides_it(shop):
    client = Client(enforce_csrf_checks=True)
    assert client.post(ADD, {"product": shop.kain.pk}).status_code == 403
    token = client.get("/tanya/token/").json()["csrfmiddlewaretoken"]
    response = client.post(
        ADD, {"product": shop.kain.pk, "csrfmiddlewaretoken": token}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json()["count"] == 1
    page = client.get(LIST)
    token = soup(page).select_one(".list-form input[name=csrfmiddlewaretoken]")["value"]
    data = buyer_data(shop)
    assert client.post(LIST, data).status_code == 403
    assert client.post(LIST, {**data, "csrfmiddlewaretoken": token}).status_code == 302
    assert Inquiry.objects.count() == 1


def test_product_page_offers_the_button_without_a_token_and_stays_cacheable(client, shop):
    response = client.get(shop.kain.url)
    form = soup(response).select_one("form.list-add")
    assert form["method"] == "get" and form["action"] == LIST
    assert form["data-add-url"] == ADD and form["data-token-url"] == "/tanya/token/"
    assert form.select_one("input[name=tambah]")["value"] == str(shop.kain.pk)
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None
    assert "sessionid" not in response.cookies and not response.cookies
    header = soup(response).select_one(".site-header a.inquiry-list-link")
    assert header["href"] == LIST


def test_without_javascript_the_list_page_confirms_the_add(client, shop):
    page = soup(client.get(f"{LIST}?tambah={shop.kursi.pk}"))
    confirm = page.select_one("form.list-confirm")
    assert confirm["action"] == ADD and confirm["method"] == "post"
    assert confirm.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert confirm.select_one("input[name=product]")["value"] == str(shop.kursi.pk)
    assert client.post(ADD, {"product": shop.kursi.pk})["Location"] == LIST
    again = soup(client.get(f"{LIST}?tambah={shop.kursi.pk}"))
    assert again.select_one("form.list-confirm") is None  # already on the list
    assert client.get(f"{LIST}?tambah=999999").status_code == 200
    assert client.post(ADD, {"product": 999999}).status_code == 404


def test_unpublished_products_leave_the_list(filled, shop):
    shop.kursi.unpublish()
    page = filled.get(LIST).content.decode()
    assert "Kursi Rotan Sintetis" not in page
    filled.post(LIST, buyer_data(shop))
    assert list(Inquiry.objects.values_list("vendor_id", flat=True)) == [shop.batik.pk]


def test_english_list(client, shop, django_capture_on_commit_callbacks):
    add_all(client, shop.kain, shop.kursi, prefix="/en")
    page = client.get(f"/en{LIST}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Inquiry list" in html and "Send to 2 IKM" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en{LIST}", buyer_data(shop))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/daftar-tanya/terkirim/")
    assert set(Inquiry.objects.values_list("language", flat=True)) == {"en"}
    confirmation = client.get(response["Location"]).content.decode()
    assert "Enquiry sent" in confirmation
    assert len(set(REFERENCE_RE.findall(confirmation))) == 2
    to_buyer = next(m for m in mail.outbox if m.to == ["budi@example.test"])
    assert "Hello Budi Santoso" in to_buyer.body


def test_anonymising_old_inquiries_clears_the_notes_of_their_lines(filled, shop):
    filled.post(LIST, buyer_data(shop))
    Inquiry.objects.update(created_at=timezone.now() - timedelta(days=3 * 365))
    call_command("anonymise_inquiries", stdout=io.StringIO())
    assert set(InquiryLine.objects.values_list("note", flat=True)) == {"[dihapus]", ""}
    assert sorted(InquiryLine.objects.values_list("quantity", flat=True)) == [4, 5, 20]


def test_the_page_cache_stays_effective_around_the_list(client, shop, settings):
    """A visitor without a list gets cached pages; with one (a session) fresh pages; once the
    list is emptied the session is gone and cached pages come back."""
    settings.PAGE_CACHE_SECONDS = 600
    url = shop.kain.url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get(url)["X-Page-Cache"] == "hit"  # fetching tokens would not change that
    client.get("/tanya/token/")
    assert client.get(url)["X-Page-Cache"] == "hit"
    add_all(client, shop.kain)
    assert "X-Page-Cache" not in client.get(url)
    response = client.post("/daftar-tanya/hapus/", {"product": shop.kain.pk})
    assert response.cookies["sessionid"]["max-age"] == 0
    # A browser drops a cookie sent back with Max-Age=0; the test client keeps it, empty.
    for name in [name for name, cookie in client.cookies.items() if not cookie.value]:
        del client.cookies[name]
    assert "sessionid" not in client.cookies
    assert client.get(url)["X-Page-Cache"] == "hit"
