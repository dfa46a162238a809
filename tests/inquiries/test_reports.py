"""Reports for operators: inquiries per month by IKM, category and region (tables and CSV).

Owners and curators without `inquiries.view_all_inquiries` are refused.
"""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from catalog.factories import (
    CategoryFactory,
    ProductPageFactory,
    RegionFactory,
    UserFactory,
    VendorPageFactory,
)
from catalog.ownership import ensure_curator_group, grant_vendor_ownership
from inquiries.models import Inquiry
from inquiries.reports import inquiry_report, monthly_counts, months_between, report_table
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

REPORTS = "/admin/pertanyaan/laporan/"
JAN, FEB, MAR = datetime.date(2025, 1, 1), datetime.date(2025, 2, 1), datetime.date(2025, 3, 1)


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def inquire(vendor, product=None, when=None):
    return Inquiry.objects.create(
        vendor=vendor,
        product=product,
        product_title=product.title if product else "",
        name="Pembeli",
        email="pembeli@example.test",
        buyer_type="retail",
        message="Pesan",
        created_at=when,
    )


def logged_in(user):
    return login_verified(Client(), user)


@pytest.fixture
def market(site_tree):
    """Two regions, two IKM, three categories (one a subcategory), inquiries over three months.

    January: 2 for Batik (kain, selendang), 1 for Rotan (IKM-level).
    February: 1 for Batik (kain), 1 for Rotan (kursi).
    March: 1 for Rotan (kursi) on the 1st at 00:30 Jakarta time (still March, not February).
    Plus one in December 2024 and one in April 2025, outside the range asked for.
    """
    cirebon = RegionFactory(name="Kota Cirebon")
    kabupaten = RegionFactory(name="Kabupaten Cirebon")
    batik = CategoryFactory(name="Batik")
    tulis = CategoryFactory(name="Batik Tulis", parent=batik)
    mebel = CategoryFactory(name="Mebel")
    vendor_batik = VendorPageFactory(title="Batik Trusmi", region=cirebon)
    vendor_rotan = VendorPageFactory(title="Rotan Plumbon", region=kabupaten)
    kain = ProductPageFactory(parent=vendor_batik, title="Kain", category=batik)
    selendang = ProductPageFactory(parent=vendor_batik, title="Selendang", category=tulis)
    kursi = ProductPageFactory(parent=vendor_rotan, title="Kursi", category=mebel)
    inquire(vendor_batik, kain, at(2025, 1, 3))
    inquire(vendor_batik, selendang, at(2025, 1, 31, 23))
    inquire(vendor_rotan, None, at(2025, 1, 15))
    inquire(vendor_batik, kain, at(2025, 2, 14))
    inquire(vendor_rotan, kursi, at(2025, 2, 20))
    inquire(vendor_rotan, kursi, timezone.make_aware(datetime.datetime(2025, 3, 1, 0, 30)))
    inquire(vendor_batik, kain, at(2024, 12, 31))
    inquire(vendor_rotan, kursi, at(2025, 4, 1))
    return type(
        "Market",
        (),
        {"batik": vendor_batik, "rotan": vendor_rotan, "kain": kain, "kursi": kursi},
    )


@pytest.fixture
def operator(site_tree):
    user = UserFactory(username="operator_laporan")
    ensure_curator_group([user])
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="inquiries", codename="view_all_inquiries")
    )
    return user


def as_dict(table):
    return {row.label: (row.counts, row.total) for row in table.rows}


# --- The counting ----------------------------------------------------------------------------


def test_months_between():
    assert months_between(datetime.date(2024, 11, 15), datetime.date(2025, 2, 3)) == [
        datetime.date(2024, 11, 1),
        datetime.date(2024, 12, 1),
        JAN,
        FEB,
    ]


def test_monthly_counts_by_ikm(market):
    assert monthly_counts("ikm", JAN, MAR) == [
        (JAN, market.batik.pk, "Batik Trusmi", 2),
        (JAN, market.rotan.pk, "Rotan Plumbon", 1),
        (FEB, market.batik.pk, "Batik Trusmi", 1),
        (FEB, market.rotan.pk, "Rotan Plumbon", 1),
        (MAR, market.rotan.pk, "Rotan Plumbon", 1),
    ]


def test_report_by_ikm_category_and_region(market):
    by_ikm, by_category, by_region = inquiry_report(JAN, MAR)
    assert by_ikm.months == [JAN, FEB, MAR]
    assert as_dict(by_ikm) == {
        "Batik Trusmi": ([2, 1, 0], 3),
        "Rotan Plumbon": ([1, 1, 1], 3),
    }
    assert as_dict(by_category) == {
        "Batik": ([1, 1, 0], 2),
        "Batik › Batik Tulis": ([1, 0, 0], 1),
        "Mebel": ([0, 1, 1], 2),
        "—": ([1, 0, 0], 1),
    }
    assert as_dict(by_region) == {
        "Kota Cirebon": ([2, 1, 0], 3),
        "Kabupaten Cirebon": ([1, 1, 1], 3),
    }
    for table in (by_ikm, by_category, by_region):
        assert table.month_totals == [3, 2, 1]
        assert table.total == 6


def test_months_without_inquiries_are_zero(market):
    table = report_table("wilayah", datetime.date(2025, 5, 1), datetime.date(2025, 6, 1))
    assert table.rows == []
    assert table.month_totals == [0, 0]


# --- The view --------------------------------------------------------------------------------


def test_operator_sees_the_three_tables(market, operator):
    response = logged_in(operator).get(REPORTS, {"start": "2025-01", "end": "2025-03"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    ikm = soup.select_one("#table-ikm")
    assert [th.get_text(strip=True) for th in ikm.select("thead th")] == [
        "IKM",
        "Jan 2025",
        "Feb 2025",
        "Mar 2025",
        "Total",
    ]
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in ikm.select("tbody tr")
    }
    assert rows == {"Batik Trusmi": ["2", "1", "0", "3"], "Rotan Plumbon": ["1", "1", "1", "3"]}
    assert soup.select_one("#table-kategori") is not None
    assert soup.select_one("#table-wilayah") is not None
    assert all(th.get("scope") for th in soup.select("table th"))


def test_superuser_sees_the_reports_with_the_last_twelve_months(market, superuser):
    response = logged_in(superuser).get(REPORTS)
    assert response.status_code == 200
    assert len(response.context["tables"][0].months) == 12


def test_csv_download_of_each_table(market, superuser):
    client = logged_in(superuser)
    response = client.get(REPORTS, {"start": "2025-01", "end": "2025-03", "export": "kategori"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="pertanyaan-kategori-202501-202503.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kategori", "2025-01", "2025-02", "2025-03", "Total"]
    assert ["Batik › Batik Tulis", "1", "0", "0", "1"] in rows
    assert ["—", "1", "0", "0", "1"] in rows
    assert rows[-1] == ["Total", "3", "2", "1", "6"]
    for grouping in ("ikm", "wilayah"):
        response = client.get(REPORTS, {"start": "2025-01", "end": "2025-03", "export": grouping})
        assert response.status_code == 200
        assert response.content.decode("utf-8-sig").splitlines()[-1] == "Total,3,2,1,6"


def test_csv_escapes_formulas_in_names(site_tree, superuser):
    vendor = VendorPageFactory(title="=cmd|' /C calc'!A0")
    inquire(vendor, None, at(2025, 1, 10))
    response = logged_in(superuser).get(
        REPORTS, {"start": "2025-01", "end": "2025-01", "export": "ikm"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "'=cmd|' /C calc'!A0"


def test_invalid_month_range_falls_back_and_says_so(market, superuser):
    response = logged_in(superuser).get(REPORTS, {"start": "2025-05", "end": "2025-01"})
    assert response.status_code == 200
    assert "Bulan awal harus sebelum bulan akhir." in response.content.decode()


def test_owners_and_plain_curators_are_refused(market, site_tree):
    owner = UserFactory(username="pemilik_laporan")
    grant_vendor_ownership(market.batik, [owner])
    curator = UserFactory(username="kurator_tanpa_izin")
    ensure_curator_group([curator])
    for user in (owner, curator):
        client = logged_in(user)
        for params in ({}, {"export": "ikm"}):
            response = client.get(REPORTS, params)
            assert response.status_code == 302
            assert response.url == "/admin/"
        assert "laporan-pertanyaan" not in client.get("/admin/").content.decode()


def test_reports_menu_item_for_operators(operator):
    html = logged_in(operator).get("/admin/").content.decode()
    assert "/admin/pertanyaan/laporan/" in html
