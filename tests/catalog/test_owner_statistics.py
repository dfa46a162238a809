"""Owners' statistics over HTTP: the view beacon (bots ignored, no cookies, repeats and
unknown products not counted, no personal data stored), monthly aggregates of views, WhatsApp
clicks, inquiries and paid orders, the CSV exports, the dashboard panel's SVG charts, owners
scoped to their own IKM and operators' views by category and region."""

import csv
import datetime
import io

import pytest
from django.test import Client
from django.utils import timezone

from catalog.factories import CategoryFactory, ProductPageFactory, RegionFactory, UserFactory
from catalog.models import ProductPage, ProductView, VendorPage
from catalog.onboarding import onboard_ikm
from catalog.ownership import ensure_roles
from inquiries.models import Inquiry, WhatsAppClick
from orders.models import Order
from tests.orders.order_helpers import make_order
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

PHONE = (
    "Mozilla/5.0 (Linux; Android 14; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0)",
    "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36",
    "curl/8.5.0",
    "",
]


class World:
    pass


@pytest.fixture
def world(site_tree):
    ensure_roles()
    w = World()
    batik = CategoryFactory(name="Batik")
    rotan = CategoryFactory(name="Kerajinan Rotan")
    for key, title, region, category in (
        ("a", "Batik Ibu Siti", "Kabupaten Cirebon", batik),
        ("b", "Rotan Plered", "Kabupaten Purwakarta", rotan),
    ):
        RegionFactory(name=region)
        result = onboard_ikm(title, region, [f"{key}@example.com"], publish=True, invite=False)
        product = ProductPageFactory(
            parent=result.vendor, title=f"Produk {key.upper()}", sku=f"SKU-{key}", category=category
        )
        product.save_revision().publish()
        setattr(w, f"vendor_{key}", VendorPage.objects.get(pk=result.vendor.pk))
        setattr(w, f"product_{key}", ProductPage.objects.get(pk=product.pk))
        setattr(w, f"owner_{key}", result.users[0])
    w.curator = UserFactory(username="kurator.uji")
    w.curator.groups.add(ensure_roles()["curators"])
    w.operator = UserFactory(username="operator.uji")
    w.operator.groups.add(ensure_roles()["operators"])
    return w


def beacon(product_id, agent=PHONE, address="203.0.113.7", client=None):
    client = client or Client()
    return client.post(
        f"/statistik/lihat/{product_id}/", HTTP_USER_AGENT=agent, REMOTE_ADDR=address
    )


def views_of(product):
    return sum(ProductView.objects.filter(product=product).values_list("count", flat=True))


def as_user(user):
    return login_verified(Client(), user)


# --- The beacon ---------------------------------------------------------------------------------


def test_product_page_carries_the_beacon_script(world):
    html = Client().get(world.product_a.url).content.decode()
    assert f'data-view-beacon="/statistik/lihat/{world.product_a.pk}/"' in html
    assert "js/view-beacon.js" in html


def test_a_view_counts_once_per_visitor_without_cookies(world):
    response = beacon(world.product_a.pk)
    assert response.status_code == 204
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert views_of(world.product_a) == 1
    beacon(world.product_a.pk)  # the same visitor again, at once
    assert views_of(world.product_a) == 1
    beacon(world.product_a.pk, address="198.51.100.4")  # another visitor
    beacon(world.product_b.pk)  # the first visitor on another product
    assert views_of(world.product_a) == 2
    assert views_of(world.product_b) == 1


def test_bots_and_headless_browsers_are_not_counted(world):
    for number, agent in enumerate(BOTS):
        response = beacon(world.product_a.pk, agent=agent, address=f"192.0.2.{number + 1}")
        assert response.status_code == 204
    assert views_of(world.product_a) == 0


def test_only_live_products_count_and_only_by_post(world):
    assert beacon(999999).status_code == 404
    assert beacon(world.vendor_a.pk).status_code == 404  # a page, not a product
    world.product_b.unpublish()
    assert beacon(world.product_b.pk).status_code == 404
    assert Client().get(f"/statistik/lihat/{world.product_a.pk}/").status_code == 405
    assert ProductView.objects.count() == 0


def test_a_visitor_flooding_the_beacon_is_refused(world, settings):
    from catalog.stats import beacon as beacon_module

    statuses = [
        beacon(world.product_a.pk).status_code for _ in range(beacon_module.VISITOR_LIMIT + 2)
    ]
    assert statuses[0] == 204 and statuses[-1] == 429
    assert views_of(world.product_a) == 1


def test_no_personal_data_is_stored():
    columns = {field.name for field in ProductView._meta.get_fields()}
    assert columns == {"id", "product", "date", "count"}


# --- Aggregates, pages, CSV ---------------------------------------------------------------------


def this_month(day):
    today = timezone.localdate()
    return today.replace(day=min(day, today.day))


def seed(w):
    """Views, clicks, inquiries and orders of product A this month, and one of each last month
    (which this month's figures must not include); product B has its own."""
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    ProductView.objects.create(product=w.product_a, date=this_month(1), count=5)
    ProductView.objects.create(product=w.product_a, date=today, count=2)
    ProductView.objects.create(product=w.product_a, date=last_month, count=40)
    ProductView.objects.create(product=w.product_b, date=today, count=9)
    WhatsAppClick.objects.create(vendor=w.vendor_a, product=w.product_a, date=today, count=3)
    WhatsAppClick.objects.create(vendor=w.vendor_a, product=None, date=today, count=7)
    for when in (timezone.now(), timezone.now() - datetime.timedelta(days=45)):
        Inquiry.objects.create(
            vendor=w.vendor_a,
            product=w.product_a,
            name="Budi",
            buyer_type="retail",
            message="Harga grosir?",
            created_at=when,
        )
    make_order(w.product_a, status=Order.Status.PAID)
    make_order(w.product_a, status=Order.Status.SHIPPED)
    make_order(w.product_a, status=Order.Status.PENDING)  # not paid: not counted
    make_order(w.product_b, status=Order.Status.PAID)


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_monthly_aggregates_per_product_and_csv(world):
    seed(world)
    client = as_user(world.owner_a)
    page = client.get("/admin/statistik/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Produk A" in html and "Produk B" not in html
    rows = read_csv(client.get("/admin/statistik/csv/?per=produk"))
    assert rows[0][1:] == [
        "Produk",
        "IKM",
        "Dilihat",
        "Klik WhatsApp",
        "Pertanyaan",
        "Pesanan dibayar",
    ]
    assert rows[1][1:] == ["Produk A", "Batik Ibu Siti", "7", "3", "1", "2"]
    assert len(rows) == 2
    # Owners have no grouping by category or region.
    assert client.get("/admin/statistik/csv/?per=kategori").status_code == 404


def test_product_month_day_by_day_and_csv(world):
    seed(world)
    client = as_user(world.owner_a)
    today = timezone.localdate()
    response = client.get(f"/admin/statistik/produk/{world.product_a.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('role="img"') == 4 and "<title" in html and 'id="stats-days"' in html
    rows = read_csv(client.get(f"/admin/statistik/produk/{world.product_a.pk}/csv/"))
    assert rows[0] == ["Tanggal", "Dilihat", "Klik WhatsApp", "Pertanyaan", "Pesanan dibayar"]
    by_day = {row[0]: row[1:] for row in rows[1:]}
    assert len(by_day) == today.day
    assert by_day[today.isoformat()] == ["2" if today.day > 1 else "7", "3", "1", "2"]
    assert sum(int(row[0]) for row in by_day.values()) == 7
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    previous = read_csv(
        client.get(f"/admin/statistik/produk/{world.product_a.pk}/csv/?bulan={last_month:%Y-%m}")
    )
    assert len(previous) == 1 + last_month.day
    assert sum(int(row[1]) for row in previous[1:]) == 40


def test_owner_cannot_see_another_ikms_product(world):
    seed(world)
    client = as_user(world.owner_a)
    for url in (
        f"/admin/statistik/produk/{world.product_b.pk}/",
        f"/admin/statistik/produk/{world.product_b.pk}/csv/",
    ):
        assert client.get(url).status_code == 404
    assert "Produk B" not in client.get("/admin/statistik/csv/").content.decode()


def test_curators_without_an_ikm_are_refused(world):
    """Wagtail answers a refused admin view with a redirect to the dashboard."""
    client = as_user(world.curator)
    for url in (
        "/admin/statistik/",
        "/admin/statistik/csv/",
        f"/admin/statistik/produk/{world.product_a.pk}/",
        f"/admin/statistik/produk/{world.product_a.pk}/csv/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_operator_sees_every_ikm_by_category_and_region(world):
    seed(world)
    client = as_user(world.operator)
    html = client.get("/admin/statistik/").content.decode()
    assert "Produk A" in html and "Produk B" in html
    assert 'id="stats-kategori"' in html and 'id="stats-wilayah"' in html
    categories = {
        row[1]: row[2:] for row in read_csv(client.get("/admin/statistik/csv/?per=kategori"))[1:]
    }
    assert categories == {"Batik": ["7", "3", "1", "2"], "Kerajinan Rotan": ["9", "0", "0", "1"]}
    regions = {
        row[1]: row[2:] for row in read_csv(client.get("/admin/statistik/csv/?per=wilayah"))[1:]
    }
    assert regions == {
        "Kabupaten Cirebon": ["7", "3", "1", "2"],
        "Kabupaten Purwakarta": ["9", "0", "0", "1"],
    }
    assert client.get(f"/admin/statistik/produk/{world.product_b.pk}/").status_code == 200


def card_total(html, metric):
    card = html.split(f'data-metric="{metric}"')[1]
    return card.split('stats-card__total">')[1].split("<")[0]


def test_dashboard_panel_shows_the_last_30_days_as_accessible_svg(world):
    seed(world)
    html = as_user(world.owner_a).get("/admin/").content.decode()
    assert 'id="owner-statistics' in html
    panel = html[html.index('id="owner-statistics') :]
    assert panel.count('<svg class="stats-chart"') == 4
    assert 'role="img"' in panel and "<title" in panel and "<desc" in panel
    assert '<table class="listing">' in panel  # the same numbers as a table
    totals = {
        metric: panel.split(f'data-metric="{metric}"')[1]
        .split('stats-card__total">')[1]
        .split("<")[0]
        for metric in ("views", "whatsapp", "inquiries", "orders")
    }
    # Last month's 40 views (on its last day) fall in the 30 days early in a month.
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    views = 7 + (40 if (timezone.localdate() - last_month).days < 30 else 0)
    assert totals == {"views": str(views), "whatsapp": "3", "inquiries": "1", "orders": "2"}
    assert "Produk B" not in panel
    # A curator has no IKM: no statistics panel.
    assert 'id="owner-statistics' not in as_user(world.curator).get("/admin/").content.decode()
