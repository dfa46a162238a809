"""Rate limits that count what matters: only accepted inquiries count, an office behind one
address is not blocked, the per-email limit stays, and the 429 page says in the buyer's language
when they can write again and offers WhatsApp."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from catalog.factories import ProductPageFactory, VendorPageFactory
from inquiries.forms import form_token
from inquiries.models import Inquiry

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
JAKARTA = ZoneInfo("Asia/Jakarta")
OFFICE_IP = "203.0.113.7"


@pytest.fixture
def product(site_tree):
    vendor = VendorPageFactory(
        title="Batik Trusmi Asri", email="batik@example.test", whatsapp="+6281234567890"
    )
    return ProductPageFactory(parent=vendor, title="Kain Batik Mega Mendung")


@pytest.fixture
def quiet_product(site_tree):
    vendor = VendorPageFactory(
        title="Rotan Plumbon Jaya", email="rotan@example.test", whatsapp="", phone=""
    )
    return ProductPageFactory(parent=vendor, title="Kursi Rotan Sintetis")


def data(**overrides):
    values = {
        "name": "Budi Santoso",
        "email": "budi@example.test",
        "buyer_type": "wholesale",
        "message": "Berapa harga untuk 20 lembar?",
        "consent": "on",
        "website": "",
        "started": form_token(0),
    }
    values.update(overrides)
    return values


def post(client, product, prefix="", ip=OFFICE_IP, **overrides):
    return client.post(f"{prefix}/tanya/{product.pk}/", data(**overrides), REMOTE_ADDR=ip)


def test_invalid_posts_never_count(client, product, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (2, 3600), "email": (5, 3600)}
    for _attempt in range(6):
        assert post(client, product, message="").status_code == 400
    assert post(client, product, email="a@example.test").status_code == 302
    assert post(client, product, email="b@example.test").status_code == 302
    assert post(client, product, email="c@example.test").status_code == 429
    assert Inquiry.objects.count() == 2


def test_an_office_of_buyers_behind_one_address_passes(client, product, settings):
    assert settings.INQUIRY_RATE_LIMITS["ip"][0] >= 20  # the documented default is 30 an hour
    for number in range(20):
        response = post(client, product, email=f"staf{number}@kantor.example")
        assert response.status_code == 302, number
    assert Inquiry.objects.count() == 20


def test_limits_come_from_the_environment():
    env = {
        **os.environ,
        "INQUIRY_RATE_LIMIT_IP": "120",
        "INQUIRY_RATE_LIMIT_EMAIL": "7",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.INQUIRY_RATE_LIMITS['ip'][0], settings.INQUIRY_RATE_LIMITS['email'][0])"
    )
    result = subprocess.run(  # noqa: S603 (fixed argv, no shell)
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.stdout.split() == ["120", "7"], result.stderr


def test_the_per_email_limit_stays(client, product, settings):
    limit = settings.INQUIRY_RATE_LIMITS["email"][0]
    for number in range(limit):
        assert post(client, product, ip=f"198.51.100.{number + 1}").status_code == 302
    response = post(client, product, ip="198.51.100.200", email="BUDI@example.test")
    assert response.status_code == 429
    assert "Terlalu banyak pesan dari alamat email ini" in response.content.decode()
    assert Inquiry.objects.count() == limit


def _refused_at(client, product, prefix, moment):
    """Fill the IP limit at `moment` (Jakarta time) and return the refused response."""
    with time_machine.travel(moment, tick=False):
        for number in range(2):
            assert post(client, product, prefix, email=f"s{number}@x.example").status_code == 302
        return post(client, product, prefix, email="lagi@x.example")


def test_429_page_in_indonesian_says_when_and_offers_whatsapp(client, product, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (2, 3600), "email": (5, 3600)}
    moment = datetime.datetime(2026, 3, 10, 13, 30, tzinfo=JAKARTA)
    response = _refused_at(client, product, "", moment)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "id"
    text = page.get_text(" ", strip=True)
    assert "Anda dapat mengirim pertanyaan lagi pukul 14.30 WIB." in text
    assert "Terlalu banyak pesan dari jaringan Anda" in page.select_one("[role=alert]").get_text()
    whatsapp = page.select_one("a.button--whatsapp")
    assert whatsapp["href"] == f"/wa/{product.pk}/"
    # What the buyer typed is shown, to copy.
    assert page.select_one("textarea#unsent-message").get_text() == "Berapa harga untuk 20 lembar?"
    assert Inquiry.objects.count() == 2


def test_429_page_in_english_says_when_and_offers_whatsapp(client, product, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (2, 3600), "email": (5, 3600)}
    moment = datetime.datetime(2026, 3, 10, 23, 40, tzinfo=JAKARTA)
    response = _refused_at(client, product, "/en", moment)
    assert response.status_code == 429
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "en"
    text = page.get_text(" ", strip=True)
    assert "You can send an inquiry again tomorrow at 00:40 WIB." in text
    assert page.select_one("a.button--whatsapp")["href"] == f"/en/wa/{product.pk}/"


def test_no_whatsapp_link_where_the_ikm_has_none(client, quiet_product, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (0, 3600), "email": (5, 3600)}
    response = post(client, quiet_product)
    assert response.status_code == 429
    assert "button--whatsapp" not in response.content.decode()


def test_a_list_submission_counts_once_and_its_429_offers_each_whatsapp(
    client, product, quiet_product, settings
):
    settings.INQUIRY_RATE_LIMITS = {"ip": (30, 3600), "email": (1, 3600)}
    for item in (product, quiet_product):
        client.post("/daftar-tanya/tambah/", {"product": item.pk})
    lines = {f"line-{item.pk}-quantity": "3" for item in (product, quiet_product)}
    response = client.post(
        "/daftar-tanya/", {**data(), **lines, "action": "send"}, REMOTE_ADDR=OFFICE_IP
    )
    assert response.status_code == 302
    assert Inquiry.objects.count() == 2  # two IKM, one submission: counted once
    for item in (product, quiet_product):
        client.post("/daftar-tanya/tambah/", {"product": item.pk})
    response = client.post(
        "/daftar-tanya/", {**data(), **lines, "action": "send"}, REMOTE_ADDR=OFFICE_IP
    )
    assert response.status_code == 429
    page = BeautifulSoup(response.content.decode(), "html.parser")
    links = [a["href"] for a in page.select("a.button--whatsapp")]
    assert links == [f"/wa/{product.vendor.pk}/"]  # the IKM without WhatsApp has no link
    assert Inquiry.objects.count() == 2
