"""Orders in the Wagtail admin over HTTP: an owner sees and ships only their own IKM's orders
(another IKM's order is a 404 on every URL and stays as it was), operators see all, the CSV
export is scoped and escapes spreadsheet formulas, shipping emails the buyer."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from order_helpers import make_order

from catalog.factories import UserFactory
from catalog.ownership import ensure_curator_group, ensure_operator_group
from orders.models import Order, OrderEmail
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db
ORDERS = "/admin/pesanan/"


def logged_in(user):
    return login_verified(Client(), user)


@pytest.fixture
def orders(buying, shop):
    a = make_order(shop.product_a, quantity=2, status=Order.Status.PAID, name="=HYPERLINK(1)")
    a_pending = make_order(shop.product_a)
    b = make_order(shop.product_b, status=Order.Status.PAID, name="Joko")
    return a, a_pending, b


def listed(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text(strip=True) for a in soup.select("table.listing td.title a"))


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_owner_lists_only_their_own_ikms_orders(shop, orders):
    a, a_pending, b = orders
    response = logged_in(shop.owner_a).get(ORDERS)
    assert response.status_code == 200
    assert listed(response) == sorted([a.reference, a_pending.reference])
    assert listed(logged_in(shop.owner_a).get(ORDERS + "?status=paid")) == [a.reference]


def test_operator_sees_every_order(superuser, orders):
    assert len(listed(logged_in(superuser).get(ORDERS))) == 3


def test_operator_group_member_sees_every_order(orders):
    """An operator need not be a superuser: the Operator group's view_all_orders is enough."""
    operator = UserFactory(username="operator_biasa")
    ensure_operator_group([operator])
    assert not operator.is_superuser
    assert len(listed(logged_in(operator).get(ORDERS))) == 3


def test_users_without_orders_to_see_are_refused(shop, orders):
    curator = UserFactory(username="kurator_biasa")
    ensure_curator_group([curator])
    client = logged_in(curator)
    for url in (ORDERS, f"{ORDERS}{orders[0].pk}/", f"{ORDERS}csv/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/"
    assert Client().get(ORDERS).status_code == 302  # anonymous: to the login page


def test_owner_gets_404_on_another_ikms_order_detail_ship_and_export(shop, orders):
    _a, _a_pending, b = orders
    client = logged_in(shop.owner_a)
    assert client.get(f"{ORDERS}{b.pk}/").status_code == 404
    response = client.post(
        f"{ORDERS}{b.pk}/kirim/", {"courier": "JNE", "tracking_number": "CGK123"}
    )
    assert response.status_code == 404
    b.refresh_from_db()
    assert (b.status, b.courier, b.tracking_number) == (Order.Status.PAID, "", "")
    assert mail.outbox == []
    exported = rows(client.get(f"{ORDERS}csv/"))
    assert b.reference not in {row[0] for row in exported}


def test_owner_reads_their_order(shop, orders):
    a = orders[0]
    response = logged_in(shop.owner_a).get(f"{ORDERS}{a.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert a.reference in text
    assert "Rp 300.000" in text
    assert "Coblong" in text


def test_owner_marks_a_paid_order_shipped_and_the_buyer_is_emailed(
    shop, orders, django_capture_on_commit_callbacks
):
    a = orders[0]
    client = logged_in(shop.owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{ORDERS}{a.pk}/kirim/", {"courier": "JNE REG", "tracking_number": "CGK0012345"}
        )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.status, a.courier, a.tracking_number) == (
        Order.Status.SHIPPED,
        "JNE REG",
        "CGK0012345",
    )
    assert a.shipped_at is not None
    [email] = mail.outbox
    assert email.to == ["siti@example.test"]
    assert "CGK0012345" in email.body and "JNE REG" in email.body
    assert OrderEmail.objects.get(order=a).kind == OrderEmail.Kind.BUYER_SHIPPED


def test_only_paid_orders_can_be_shipped_and_both_fields_are_needed(shop, orders):
    a, a_pending, _b = orders
    client = logged_in(shop.owner_a)
    response = client.post(
        f"{ORDERS}{a_pending.pk}/kirim/", {"courier": "JNE", "tracking_number": "1"}
    )
    assert response.status_code == 302
    a_pending.refresh_from_db()
    assert a_pending.status == Order.Status.PENDING
    response = client.post(f"{ORDERS}{a.pk}/kirim/", {"courier": "JNE", "tracking_number": ""})
    assert response.status_code == 400
    a.refresh_from_db()
    assert a.status == Order.Status.PAID
    assert mail.outbox == []


def test_ship_needs_the_csrf_token(shop, orders):
    client = Client(enforce_csrf_checks=True)
    client.force_login(shop.owner_a)
    response = client.post(
        f"{ORDERS}{orders[0].pk}/kirim/", {"courier": "JNE", "tracking_number": "1"}
    )
    assert response.status_code == 403
    assert Order.objects.get(pk=orders[0].pk).status == Order.Status.PAID


def test_csv_export_is_scoped_and_guards_against_formulas(shop, superuser, orders):
    a, a_pending, b = orders
    response = logged_in(shop.owner_a).get(f"{ORDERS}csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *body = rows(response)
    assert header[0] == "Nomor"
    assert sorted(row[0] for row in body) == sorted([a.reference, a_pending.reference])
    row = next(r for r in body if r[0] == a.reference)
    assert row[header.index("Nama")] == "'=HYPERLINK(1)"
    assert row[header.index("Jumlah")] == "2"
    assert row[header.index("Total (Rp)")] == "300000"
    everything = rows(logged_in(superuser).get(f"{ORDERS}csv/?status=paid"))
    assert sorted(r[0] for r in everything[1:]) == sorted([a.reference, b.reference])


def test_the_menu_shows_orders_to_owners_only(shop, orders):
    assert "/admin/pesanan/" in logged_in(shop.owner_a).get("/admin/").content.decode()
    curator = UserFactory(username="kurator_menu")
    ensure_curator_group([curator])
    assert "/admin/pesanan/" not in logged_in(curator).get("/admin/").content.decode()
