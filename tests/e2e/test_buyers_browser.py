"""In the browser: an industry registers its company, prepares a draft request with a spec
file, an operator verifies the company in the admin, and the buyer publishes the request.
axe and the Nu HTML checker check the buyer's pages."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.two_factor_login import enrol_in_browser

pytestmark = pytest.mark.e2e

PASSWORD = "Baja-Cilegon-2026!"  # noqa: S105 - a test password
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def test_company_registers_operator_verifies_request_published(
    new_context, catalog, assert_no_axe_violations, html_checker
):
    from catalog.factories import UserFactory
    from catalog.ownership import ensure_roles
    from sourcing.models import BuyerCompany, SourcingRequest

    urls = {}
    buyer = new_context().new_page()

    # Register.
    buyer.goto("/kebutuhan/daftar/")
    assert_no_axe_violations(buyer)
    urls["register"] = buyer.url
    buyer.get_by_label("Nama perusahaan").fill("PT Baja Pesisir Cilegon")
    buyer.get_by_label("NIB").fill("9120001234567")
    buyer.get_by_label("Sektor").select_option("logam")
    buyer.get_by_label("Alamat").fill("Jl. Raya Anyer Km 3")
    buyer.get_by_label("Wilayah").select_option(label="Kota Cilegon")
    buyer.get_by_label("Nama kontak").fill("Rina Kartika")
    buyer.get_by_label("Jabatan").fill("Kepala Pengadaan")
    buyer.get_by_label("Telepon").fill("0812 3456 7890")
    buyer.get_by_label("Email kerja").fill("rina@bajapesisir.example")
    buyer.locator("#id_password1").fill(PASSWORD)
    buyer.locator("#id_password2").fill(PASSWORD)
    buyer.get_by_role("button", name="Daftar").click()
    expect(buyer).to_have_url(re.compile(r"/kebutuhan/perusahaan/$"))
    expect(buyer.locator("main")).to_contain_text("Menunggu verifikasi")
    assert_no_axe_violations(buyer)
    urls["home"] = buyer.url

    # A draft with a spec file; publishing waits for verification.
    buyer.get_by_role("link", name="Buat kebutuhan baru").click()
    buyer.get_by_label("Judul").fill("Flensa baja ASTM A105 6 inci")
    buyer.get_by_label("Deskripsi").fill("Flensa slip-on kelas 150, gambar terlampir.")
    buyer.get_by_label("Bubut CNC").check()
    buyer.get_by_label("Jumlah").fill("400")
    buyer.get_by_label("Satuan").fill("pcs")
    deadline = timezone.localtime() + datetime.timedelta(days=14)
    buyer.get_by_label("Batas penawaran").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    assert_no_axe_violations(buyer)
    urls["request form"] = buyer.url
    buyer.get_by_role("button", name="Simpan draf").click()
    expect(buyer).to_have_url(re.compile(r"/kebutuhan/perusahaan/kebutuhan/\d+/$"))
    buyer.get_by_label("Berkas spesifikasi").set_input_files(
        {"name": "gambar-flensa.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    buyer.get_by_role("button", name="Unggah").click()
    expect(buyer.get_by_role("link", name="gambar-flensa.pdf")).to_be_visible()
    expect(buyer.locator("main")).to_contain_text("belum diverifikasi")
    expect(buyer.get_by_role("button", name="Terbitkan")).to_have_count(0)
    detail_url = buyer.url

    # The operator verifies the company.
    operator = UserFactory(username="operator.dinas", password=PASSWORD)
    operator.groups.add(ensure_roles()["operators"])
    admin = new_context().new_page()
    admin.goto("/admin/login/")
    admin.locator("input[name=username]").fill("operator.dinas")
    admin.locator("input[name=password]").fill(PASSWORD)
    admin.locator("input[name=password]").press("Enter")
    enrol_in_browser(admin)
    admin.goto("/admin/perusahaan-pembeli/")
    row = admin.locator("tr", has_text="PT Baja Pesisir Cilegon")
    expect(row).to_contain_text("rina@bajapesisir.example")
    row.get_by_role("button", name=re.compile("Verifikasi")).click()
    expect(admin.locator("body")).to_contain_text("PT Baja Pesisir Cilegon terverifikasi")
    assert BuyerCompany.objects.get().status == BuyerCompany.Status.VERIFIED

    # The buyer publishes.
    buyer.goto(detail_url)
    expect(buyer.locator("h1 + p .badge")).to_have_text("Terverifikasi")
    buyer.get_by_role("button", name="Terbitkan").click()
    expect(buyer.locator("main")).to_contain_text("Kebutuhan diterbitkan")
    expect(buyer.locator("main")).to_contain_text("Dibuka")
    assert_no_axe_violations(buyer)
    urls["request detail"] = buyer.url
    need = SourcingRequest.objects.get()
    assert need.status == SourcingRequest.Status.OPEN and need.published_at is not None

    # The server's HTML (the live DOM also holds what the site's scripts added).
    html_checker({name: buyer.context.request.get(url).text() for name, url in urls.items()})
