"""The operators' report of requests, quotes, awards and awarded value by month, sector and
region: numbers, SVG charts, CSV, and nobody else may open it."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from catalog.factories import RegionFactory
from sourcing.models import Quote, SourcingRequest
from tests.sourcing.quotes_support import (
    make_company,
    make_operator,
    make_quote,
    make_request,
    make_vendor_with_owner,
)
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

REPORT = "/admin/penawaran/laporan/"


@pytest.fixture
def data(site_tree):
    cilegon = RegionFactory(name="Kota Cilegon", province="Banten")
    this_month = timezone.now().replace(day=2, hour=10)
    steel = make_company()
    chemical = make_company(name="PT Kimia Contoh", sector="kimia")
    awarded = make_request(
        steel,
        delivery_region=cilegon,
        published_at=this_month,
        status=SourcingRequest.Status.AWARDED,
        closed_at=this_month,
    )
    make_request(chemical, title="Drum plastik", published_at=this_month)
    vendor_a, owner_a = make_vendor_with_owner("Bengkel Las Budi", "budi")
    vendor_b, owner_b = make_vendor_with_owner("Logam Jaya", "jaya")
    make_quote(
        awarded,
        vendor_a,
        owner_a,
        unit_price=Decimal("15000"),
        status=Quote.Status.AWARDED,
        awarded_quantity=Decimal("400"),
    )
    make_quote(awarded, vendor_b, owner_b, status=Quote.Status.NOT_AWARDED)
    return this_month


def operator_client():
    return login_verified(Client(), make_operator())


def test_report_counts_by_month_sector_and_region_with_charts(data):
    response = operator_client().get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        html.count('<svg class="stats-chart"') == 6
    )  # 4 metrics by month, value by sector, region
    assert "Logam dan baja: Rp 6.000.000" in html  # the sector chart's description
    assert "Rp 6.000.000" in html  # 400 × Rp 15.000
    assert "Logam dan baja" in html and "Kimia" in html and "Kota Cilegon" in html


def test_report_csv_by_sector(data):
    response = operator_client().get(REPORT, {"export": "sektor"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Sektor", "Kebutuhan", "Penawaran", "Pemenang", "Nilai dimenangkan (Rp)"]
    assert ["Logam dan baja", "1", "2", "1", "6000000"] in rows
    assert ["Kimia", "1", "0", "0", "0"] in rows
    assert rows[-1] == ["Total", "2", "2", "1", "6000000"]


def test_report_by_month_respects_the_range(data):
    last_year = (data - datetime.timedelta(days=400)).strftime("%Y-%m")
    response = operator_client().get(
        REPORT, {"start": last_year, "end": last_year, "export": "bulan"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == [last_year, "0", "0", "0", "0"]


def test_only_operators_see_the_report(data):
    _vendor, owner = make_vendor_with_owner("IKM Lain", "lain")
    response = login_verified(Client(), owner).get(REPORT)
    assert response.status_code == 302
    assert "Rp 6.000.000" not in response.content.decode()
    assert login_verified(Client(), owner).get(REPORT, {"export": "sektor"}).status_code == 302
