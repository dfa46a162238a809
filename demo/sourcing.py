"""Demo data of Kebutuhan Industri: fictitious Cilegon industries and their requests.

Built through the same services the site uses (sourcing.services): companies are registered
and verified by the demo operator, requests are drafted, given a spec file, published (which
runs matching when it is installed) or cancelled. A request shown as *closed* is published and
then closed as the deadline task would close it. Idempotent: what exists (by NIB, by title
within the company) is left alone. `demo/sourcing_quotes.py` (the quotes part) adds quotes and
awards on top.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalog.models import Region, User
from catalog.ownership import OPERATOR_GROUP, ensure_roles
from demo.accounts import DEMO_PASSWORD, OPERATOR
from sourcing.models import BuyerCompany, Capability, SourcingRequest
from sourcing.services.buyers import register_company, verify_company
from sourcing.services.requests import (
    add_attachment,
    cancel_request,
    create_request,
    publish_request,
)

COMPANIES = [
    {
        "key": "baja",
        "name": "PT Baja Selat Sunda (fiktif)",
        "nib": "9120000000011",
        "sector": "logam",
        "address": "Kawasan Industri Cilegon, Jl. Industri Baja Kav. 7",
        "website": "https://baja-selat-sunda.example",
        "contact_name": "Hendra Wijaya",
        "job_title": "Kepala Pengadaan",
        "email": "pengadaan@baja-selat-sunda.example",
        "phone": "+6281211110001",
        "verified": True,
    },
    {
        "key": "kimia",
        "name": "PT Kimia Anyer Lestari (fiktif)",
        "nib": "9120000000028",
        "sector": "kimia",
        "address": "Jl. Raya Anyer Km 121, Ciwandan",
        "website": "https://kimia-anyer.example",
        "contact_name": "Sri Handayani",
        "job_title": "Manajer Rantai Pasok",
        "email": "rantaipasok@kimia-anyer.example",
        "phone": "+6281211110002",
        "verified": True,
    },
    {
        "key": "energi",
        "name": "PT Daya Energi Merak (fiktif)",
        "nib": "9120000000035",
        "sector": "energi",
        "address": "Jl. Pelabuhan Merak No. 3, Pulomerak",
        "website": "",
        "contact_name": "Agus Prasetyo",
        "job_title": "Staf Pengadaan",
        "email": "pengadaan@daya-energi-merak.example",
        "phone": "+6281211110003",
        "verified": True,
    },
    {
        "key": "pangan",
        "name": "PT Pangan Bojonegara (fiktif)",
        "nib": "9120000000042",
        "sector": "pangan",
        "address": "Jl. Raya Bojonegara No. 10",
        "website": "",
        "contact_name": "Maya Lestari",
        "job_title": "Purchasing",
        "email": "purchasing@pangan-bojonegara.example",
        "phone": "+6281211110004",
        "verified": False,  # waits in the operator's list
    },
]

# (company key, title, description, capability slugs, quantity, unit, days to deadline, state,
#  extra fields)
REQUESTS = [
    (
        "baja",
        "Flensa baja ASTM A105 ukuran 6 inci",
        "Flensa slip-on kelas 150 untuk jalur pendingin, gambar kerja terlampir. Dikirim bertahap.",
        ["bubut-cnc", "frais-milling"],
        "400",
        "pcs",
        14,
        "open",
        {"requires_sni": True, "tkdn_min_percent": 40, "delivery_place": "Gudang Suku Cadang 2"},
    ),
    (
        "baja",
        "Perbaikan rutin gearbox conveyor",
        "Kontrak perawatan tiga bulan untuk 6 gearbox conveyor di area bahan baku.",
        ["perawatan-dan-perbaikan-mesin"],
        "6",
        "unit",
        21,
        "open",
        {"requires_iso9001": True},
    ),
    (
        "baja",
        "Palet kayu untuk coil baja",
        "Palet kayu 1.200 x 1.000 mm, beban 2 ton.",
        ["pembuatan-palet-kayu"],
        "1500",
        "pcs",
        10,
        "draft",
        {},
    ),
    (
        "kimia",
        "Seragam kerja tahan bahan kimia",
        "Coverall katun tahan percikan asam, dua warna, bordir logo perusahaan.",
        ["penjahitan-seragam-kerja"],
        "600",
        "pcs",
        18,
        "open",
        {"tkdn_min_percent": 60, "show_buyer_name": False},
    ),
    (
        "kimia",
        "Katering makan siang karyawan shift",
        "Makan siang 350 porsi per hari kerja, menu bergilir, halal.",
        ["katering-karyawan"],
        "350",
        "porsi/hari",
        12,
        "closed",
        {"requires_halal": True},
    ),
    (
        "kimia",
        "Kemasan karton untuk produk resin",
        "Karton 5 lapis, cetak 2 warna.",
        ["kemasan-karton", "pengemasan-produk"],
        "20000",
        "pcs",
        20,
        "cancelled",
        {},
    ),
    (
        "energi",
        "Fabrikasi dudukan pipa (pipe support)",
        "Pipe support baja karbon sesuai gambar, galvanis celup panas.",
        ["fabrikasi-struktur-baja", "las-listrik-smaw"],
        "120",
        "set",
        25,
        "open",
        {"requires_sni": True, "tkdn_min_percent": 50},
    ),
    (
        "energi",
        "Pengecoran impeller pompa air laut",
        "Impeller perunggu-aluminium, 8 buah.",
        ["pengecoran-logam"],
        "8",
        "pcs",
        30,
        "draft",
        {},
    ),
]

SPEC_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class SourcingDemoReport:
    companies_created: int = 0
    requests_created: int = 0
    quotes_created: int = 0
    logins: list = field(default_factory=list)


def demo_operator():
    operator = User.objects.filter(groups__name=OPERATOR_GROUP).first()
    operator = operator or User.objects.filter(is_superuser=True).first()
    if operator is None:
        operator = User.objects.create_user(password=DEMO_PASSWORD, **OPERATOR)
        operator.groups.add(ensure_roles()["operators"])
    return operator


def cilegon():
    return Region.objects.filter(name="Kota Cilegon").first() or Region.objects.create(
        name="Kota Cilegon", slug="kota-cilegon", kind=Region.Kind.KOTA, province="Banten"
    )


def ensure_company(spec, region, operator, report):
    company = BuyerCompany.objects.filter(nib=spec["nib"]).first()
    if company is None:
        company, _user = register_company(
            name=spec["name"],
            nib=spec["nib"],
            sector=spec["sector"],
            address=spec["address"],
            region=region,
            website=spec["website"],
            contact_name=spec["contact_name"],
            job_title=spec["job_title"],
            phone=spec["phone"],
            email=spec["email"],
            password=DEMO_PASSWORD,
        )
        report.companies_created += 1
        if spec["verified"]:
            verify_company(company, operator)
    return company


def ensure_request(company, row, region, report, now):
    _key, title, description, capabilities, quantity, unit, days, state, extra = row
    if company.requests.filter(title=title).exists():
        return
    user = company.members.order_by("pk").first().user
    request_obj = create_request(
        company,
        user,
        capabilities=Capability.objects.filter(slug__in=capabilities),
        title=title,
        description=description,
        quantity=Decimal(quantity),
        unit=unit,
        delivery_region=region,
        delivery_date=(now + datetime.timedelta(days=days + 30)).date(),
        quote_deadline=now + datetime.timedelta(days=days),
        **extra,
    )
    report.requests_created += 1
    add_attachment(request_obj, ContentFile(SPEC_PDF, name="spesifikasi.pdf"), user)
    if state in ("open", "closed"):
        publish_request(request_obj, user)
    if state == "closed":
        # As the deadline task closes it: the deadline passed, no more quotes.
        SourcingRequest.objects.filter(pk=request_obj.pk).update(
            status=SourcingRequest.Status.CLOSED,
            quote_deadline=now - datetime.timedelta(days=1),
            closed_at=now - datetime.timedelta(days=1),
        )
    elif state == "cancelled":
        cancel_request(request_obj, user)


@transaction.atomic
def build_sourcing_demo():
    """Companies (three verified, one pending) and eight requests; returns a report."""
    report = SourcingDemoReport()
    region, operator, now = cilegon(), demo_operator(), timezone.now()
    companies = {spec["key"]: ensure_company(spec, region, operator, report) for spec in COMPANIES}
    for row in REQUESTS:
        ensure_request(companies[row[0]], row, region, report, now)
    report.logins = [(spec["name"], spec["email"]) for spec in COMPANIES]
    # IKM answer the open and closed requests (quotes, a thread, an award on the closed one).
    from demo.sourcing_quotes import add_demo_quotes

    report.quotes_created = add_demo_quotes()
    return report
