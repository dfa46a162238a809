"""The demo catalog: taxonomies, fifteen IKM with their products, demo users, and a builder.

`build_demo()` creates a believable catalog of IKM from Kota Cirebon, Kabupaten Cirebon, Kota
Cilegon and Indramayu, published properly (every page has a revision), with pictures drawn by
`catalog.demo_images`. `build_synthetic(n)` adds a large generated catalog for load testing.
Both are idempotent: they look things up by slug, SKU, username and title, and only create
what is missing.

All names, NIB, certificate numbers, e-mail addresses and phone numbers are fictitious. Phone
numbers follow the +62 8xx 0000 xxxx pattern so that a click on "WhatsApp" in the demo does
not message a real person.

The demo users share one documented password, DEMO_PASSWORD: demo data only.
"""

import datetime
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.models import Collection, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from catalog import demo_english, demo_images, demo_shipping
from catalog.demo_rates import ensure_demo_rates
from catalog.image_gate import check_image
from catalog.models import (
    CatalogImage,
    Category,
    CertificateType,
    Material,
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    ProductTag,
    Region,
    Sentra,
    User,
    VendorCertificate,
    VendorGalleryImage,
    VendorPage,
)
from catalog.onboarding import Owner, onboard_ikm
from catalog.ownership import ensure_roles, ensure_vendor_collection
from catalog.signals import demo_catalog_built

DEMO_PASSWORD = "demo-etalase-2026"  # noqa: S105 -- documented password of the demo users


def admin_url():
    """Where the demo logins sign in: SITE_URL (`make run` sets it from HOST and PORT)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


def sync_default_site():
    """Point the default Site at SITE_URL's host and port, so canonical links and the sitemap
    name the address the site is served on (the migration used the SITE_URL of its day)."""
    url = urlparse(settings.WAGTAILADMIN_BASE_URL)
    hostname = url.hostname or "localhost"
    port = url.port or (443 if url.scheme == "https" else 80)
    return (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )


SYNTHETIC_COLLECTION = "Demo sintetis"
SYNTHETIC_SKU_PREFIX = "SX-"

# --------------------------------------------------------------------------------------------
# Taxonomies

# (name, slug, description, [(sub name, sub slug), ...])
CATEGORIES = [
    (
        "Batik",
        "batik",
        "Kain batik tulis, cap dan cetak dari sentra-sentra batik pesisir.",
        [
            ("Batik Tulis", "batik-tulis"),
            ("Batik Cap", "batik-cap"),
            ("Batik Cetak", "batik-cetak"),
        ],
    ),
    (
        "Kerajinan",
        "kerajinan",
        "Kerajinan tangan: topeng, rotan, lukisan kaca dan logam.",
        [
            ("Topeng", "topeng"),
            ("Rotan", "rotan"),
            ("Lukisan Kaca", "lukisan-kaca"),
            ("Logam", "logam"),
        ],
    ),
    (
        "Makanan Olahan",
        "makanan-olahan",
        "Makanan dan minuman olahan khas daerah.",
        [
            ("Sirup", "sirup"),
            ("Terasi", "terasi"),
            ("Kerupuk", "kerupuk"),
            ("Emping", "emping"),
            ("Kue & Camilan", "kue-camilan"),
        ],
    ),
    (
        "Fashion",
        "fashion",
        "Pakaian dari kain dan motif daerah.",
        [
            ("Kaos", "kaos"),
            ("Busana Muslim", "busana-muslim"),
            ("Pakaian Batik", "pakaian-batik"),
        ],
    ),
    (
        "Aksesoris",
        "aksesoris",
        "Tas, perhiasan dan suvenir.",
        [
            ("Tas", "tas"),
            ("Perhiasan", "perhiasan"),
            ("Suvenir", "suvenir"),
        ],
    ),
]

# (name, kind, province)
REGIONS = [
    ("Kota Cirebon", "kota", "Jawa Barat"),
    ("Kabupaten Cirebon", "kabupaten", "Jawa Barat"),
    ("Kota Cilegon", "kota", "Banten"),
    ("Kabupaten Indramayu", "kabupaten", "Jawa Barat"),
    ("Kabupaten Majalengka", "kabupaten", "Jawa Barat"),
    ("Kabupaten Kuningan", "kabupaten", "Jawa Barat"),
]

# (name, region name, description)
SENTRA = [
    (
        "Sentra Batik Trusmi",
        "Kabupaten Cirebon",
        "Ratusan perajin batik tulis dan cap di Desa Trusmi Kulon dan Trusmi Wetan, Plered.",
    ),
    (
        "Sentra Rotan Tegalwangi",
        "Kabupaten Cirebon",
        "Pusat mebel dan anyaman rotan di Kecamatan Weru yang banyak mengekspor ke Eropa.",
    ),
    (
        "Sentra Rotan Plumbon",
        "Kabupaten Cirebon",
        "Perajin kursi, keranjang dan kap lampu rotan di sekitar Plumbon.",
    ),
    (
        "Sentra Topeng Slangit",
        "Kabupaten Cirebon",
        "Desa Slangit, Klangenan: pembuat topeng kayu untuk tari topeng Cirebon.",
    ),
    (
        "Sentra Lukisan Kaca Gegesik",
        "Kabupaten Cirebon",
        "Pelukis kaca tradisional Cirebon dengan tema wayang, kaligrafi dan Macan Ali.",
    ),
    (
        "Sentra Terasi Gebang",
        "Kabupaten Cirebon",
        "Pengolah terasi udang rebon di pesisir timur Kabupaten Cirebon.",
    ),
    (
        "Sentra Kerupuk Kenanga",
        "Kabupaten Cirebon",
        "Desa Kenanga, Sumber: kerupuk melarat, kerupuk udang dan kerupuk kulit.",
    ),
    (
        "Sentra Batik Krakatoa",
        "Kota Cilegon",
        "Perajin batik khas Cilegon bermotif Gunung Krakatau dan ombak Selat Sunda.",
    ),
    (
        "Sentra IKM Logam Cilegon",
        "Kota Cilegon",
        "Bengkel kriya logam dan besi tempa yang tumbuh di sekitar industri baja Cilegon.",
    ),
    (
        "Sentra Batik Paoman",
        "Kabupaten Indramayu",
        "Batik pesisir Indramayu dengan motif flora dan fauna laut.",
    ),
    (
        "Sentra Genteng Jatiwangi",
        "Kabupaten Majalengka",
        "Sentra genteng dan gerabah tanah liat di Jatiwangi.",
    ),
    (
        "Sentra Tape Ketan Kuningan",
        "Kabupaten Kuningan",
        "Produsen tape ketan daun jambu dan makanan olahan khas Kuningan.",
    ),
]

MATERIALS = [
    "Katun Primisima",
    "Katun Prima",
    "Katun Combed 30s",
    "Sutra",
    "Rayon",
    "Voal",
    "Pewarna Alam",
    "Rotan Alam",
    "Rotan Sintetis",
    "Kayu Jaran",
    "Kayu Mahoni",
    "Kaca",
    "Cat Minyak",
    "Besi",
    "Plat Baja",
    "Kuningan",
    "Perak",
    "Daun Pandan",
    "Kulit Sapi",
    "Udang Rebon",
    "Garam",
    "Cabai",
    "Melinjo",
    "Tepung Tapioka",
    "Beras Ketan",
    "Gula Pasir",
    "Sari Buah",
]

# (name, slug, code, issuer, description)
CERTIFICATE_TYPES = [
    (
        "Sertifikat Halal",
        "halal",
        "HALAL",
        "BPJPH Kementerian Agama",
        "Sertifikat halal produk dari Badan Penyelenggara Jaminan Produk Halal.",
    ),
    (
        "P-IRT",
        "p-irt",
        "PIRT",
        "Dinas Kesehatan Kabupaten/Kota",
        "Sertifikat Produksi Pangan Industri Rumah Tangga.",
    ),
    (
        "SNI",
        "sni",
        "SNI",
        "Lembaga Sertifikasi Produk (LSPro)",
        "Sertifikat produk penggunaan tanda Standar Nasional Indonesia.",
    ),
    (
        "TKDN",
        "tkdn",
        "TKDN",
        "Kementerian Perindustrian",
        "Sertifikat Tingkat Komponen Dalam Negeri, untuk pengadaan pemerintah.",
    ),
    (
        "HKI / Merek",
        "hki-merek",
        "HKI",
        "DJKI Kementerian Hukum",
        "Pendaftaran merek atau hak cipta di Direktorat Jenderal Kekayaan Intelektual.",
    ),
    (
        "Izin Edar BPOM",
        "bpom",
        "BPOM",
        "Badan POM",
        "Nomor izin edar pangan olahan (MD) dari Badan Pengawas Obat dan Makanan.",
    ),
    (
        "Batikmark",
        "batikmark",
        "BATIKMARK",
        "Balai Besar Kerajinan dan Batik",
        "Tanda Batik Indonesia untuk batik tulis, cap dan kombinasi yang teruji.",
    ),
]

MOTIF_NAMES = {
    "megamendung": "mega mendung",
    "kawung": "kawung",
    "wadasan": "wadasan",
    "krakatoa": "Gunung Krakatau dan ombak",
    "paoman": "bunga pesisir Paoman",
    "parang": "parang",
    "garis": "garis dan titik",
}

CARE = {
    "batik": "Cuci dengan tangan memakai sabun lerak atau sampo bayi, jangan diperas dan jemur "
    "di tempat teduh agar warna tetap awet.",
    "fashion": "Cuci dengan air dingin, balik bagian dalam ke luar, dan setrika dengan suhu "
    "sedang.",
    "rotan": "Bersihkan debu dengan kuas atau lap kering. Hindari hujan dan terik matahari "
    "langsung.",
    "topeng": "Simpan di tempat kering, bersihkan dengan kuas lembut; jangan dicuci dengan air.",
    "lukisan-kaca": "Lap kaca bagian depan dengan kain kering. Cat berada di balik kaca, jadi "
    "jangan membuka bingkai.",
    "logam": "Lapisan cat anti karat; bersihkan dengan lap lembab dan keringkan.",
    "makanan-olahan": "Simpan di tempat kering dan sejuk, jauh dari sinar matahari. Tutup "
    "rapat setelah dibuka.",
    "aksesoris": "Simpan di kantong kain agar tidak tergores; hindari parfum dan air laut.",
}


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


# --------------------------------------------------------------------------------------------
# The IKM and their products


def p(
    title,
    sku,
    category,
    price,
    summary,
    detail,
    image,
    alt,
    *,
    unit="pcs",
    min_order=1,
    stock=None,
    lead=None,
    preorder=False,
    size=None,
    weight=None,
    materials=(),
    tags=(),
    hs="",
    certs=(),
    photos=2,
    specs=(),
):
    """One demo product. `stock` means ready stock; `lead` (days) means preorder/made to order."""
    if stock is not None:
        availability = ProductPage.Availability.READY
    elif preorder:
        availability = ProductPage.Availability.PREORDER
    else:
        availability = ProductPage.Availability.MADE_TO_ORDER
    return {
        "title": title,
        "sku": sku,
        "category": category,
        "price": price,
        "unit": unit,
        "min_order": min_order,
        "summary": summary,
        "detail": detail,
        "image": image,
        "alt": alt,
        "availability": availability,
        "stock": stock,
        "lead": lead,
        "size": size,
        "weight": weight,
        "materials": materials,
        "tags": tags,
        "hs": hs,
        "certs": certs,
        "photos": photos,
        "specs": specs,
    }


def batik(motif, palette):
    return ("batik_cloth", {"motif": motif, "palette": palette})


VENDORS = [
    {
        "key": "trusmi",
        "cover_alt": "kain batik mega mendung biru terbentang",
        "title": "Batik Tulis Sekar Kencana",
        "initials": "SK",
        "owner_names": "Ibu Hj. Siti Masitoh",
        "owner_user": ("Siti", "Masitoh"),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-batik-trusmi",
        "address": "Jl. Trusmi Kulon No. 27, Desa Trusmi Kulon, Kec. Plered, Kabupaten Cirebon",
        "postal_code": "45154",
        "phone": "(0231) 0000-271",
        "whatsapp": "0812-0000-0101",
        "nib": "9120000110187",
        "year_founded": 1987,
        "workforce": 34,
        "monthly_capacity": "400 lembar batik tulis",
        "export_ready": True,
        "sells_online": True,  # ready-stock retail: bought online when Stripe is set
        "summary": "Batik tulis Trusmi sejak 1987: mega mendung gradasi tujuh warna, "
        "wadasan dan Singa Barong.",
        "style": ("batik_cloth", {"motif": "megamendung", "palette": "biru"}),
        "story": (
            "<p>Sekar Kencana berawal dari rumah Ibu Siti Masitoh di Trusmi Kulon, tempat ia "
            "belajar <b>mencanting</b> dari neneknya. Kini 34 perajin, sebagian besar ibu-ibu "
            "tetangga, membatik di bengkel di belakang rumah.</p>"
            "<p>Ciri khasnya adalah <i>mega mendung</i> dengan gradasi sampai tujuh warna, yang "
            "dikerjakan dengan tutupan malam berlapis. Setiap lembar batik tulis memerlukan "
            "tiga sampai enam minggu.</p>"
            "<ul><li>Batik tulis halus dan sedang</li><li>Pewarna sintetis dan alam</li>"
            "<li>Menerima pesanan seragam dan ekspor</li></ul>"
        ),
        "certs": [
            ("batikmark", "0417/BT/BBKB/2023", 700, 1825, True),
            ("hki-merek", "IDM000871245", 1500, 3650, True),
        ],
        "products": [
            p(
                "Kain Batik Tulis Mega Mendung Biru Gradasi",
                "SK-BT-001",
                "batik-tulis",
                1_850_000,
                "Batik tulis halus motif mega mendung dengan gradasi tujuh warna biru.",
                "Awan mega mendung dibatik dengan tujuh kali tutupan malam sehingga warna birunya "
                "bergradasi dari indigo tua sampai biru muda. Dikerjakan sekitar lima minggu oleh "
                "satu pembatik.",
                batik("megamendung", "biru"),
                "Kain batik tulis motif mega mendung gradasi biru",
                unit="lembar",
                stock=6,
                size=(250, 115, None),
                weight=450,
                materials=("katun-primisima",),
                tags=("mega mendung", "batik tulis", "trusmi"),
                hs="5208.52",
                photos=3,
                certs=[("batikmark", "0417-01/BT/BBKB/2023", 700, 1825, True)],
                specs=[("Teknik", "Tulis tangan dengan canting"), ("Pewarna", "Sintetis (naptol)")],
            ),
            p(
                "Kain Batik Tulis Mega Mendung Merah Marun",
                "SK-BT-002",
                "batik-tulis",
                1_650_000,
                "Mega mendung klasik dalam warna merah marun, dibatik tangan.",
                "Warna merah marun ini populer untuk kain kebaya dan kemeja resmi. Motif awan "
                "digambar langsung oleh pembatik tanpa pola cetak.",
                batik("megamendung", "merah"),
                "Kain batik tulis motif mega mendung merah marun",
                unit="lembar",
                stock=4,
                size=(250, 115, None),
                weight=450,
                materials=("katun-primisima",),
                tags=("mega mendung", "batik tulis"),
                hs="5208.52",
                photos=2,
            ),
            p(
                "Kain Batik Tulis Singa Barong Sogan",
                "SK-BT-003",
                "batik-tulis",
                None,
                "Motif wadasan dan kereta Singa Barong keraton dalam warna sogan.",
                "Motif keraton Kasepuhan yang rumit ini hanya dikerjakan oleh pembatik senior. "
                "Harga bergantung pada kehalusan isen-isen dan jumlah warna yang dipesan.",
                batik("wadasan", "sogan"),
                "Kain batik tulis bermotif wadasan bertumpuk dalam warna cokelat sogan",
                unit="lembar",
                lead=45,
                size=(250, 115, None),
                weight=480,
                materials=("katun-primisima", "pewarna-alam"),
                tags=("keraton", "sogan"),
                hs="5208.52",
                photos=2,
            ),
            p(
                "Selendang Sutra Batik Tulis Mega Mendung",
                "SK-SL-004",
                "batik-tulis",
                950_000,
                "Selendang sutra ringan dengan mega mendung ungu, dibatik tangan.",
                "Sutra dari Garut dibatik dengan mega mendung kecil yang cocok untuk pelengkap "
                "kebaya maupun hadiah.",
                ("selendang", {"motif": "megamendung", "palette": "ungu"}),
                "Selendang sutra batik tulis motif mega mendung ungu terbentang miring",
                stock=10,
                size=(200, 55, None),
                weight=120,
                materials=("sutra",),
                tags=("selendang", "sutra", "hadiah"),
                hs="5007.20",
                photos=2,
            ),
            p(
                "Kemeja Batik Tulis Pria Mega Mendung Lengan Panjang",
                "SK-KM-005",
                "pakaian-batik",
                675_000,
                "Kemeja batik tulis pria berlapis furing, ukuran M-XXL.",
                "Dijahit dari kain batik tulis mega mendung merah, dengan furing katun agar nyaman "
                "dipakai seharian. Ukuran khusus bisa dipesan.",
                ("kemeja", {"motif": "megamendung", "palette": "merah"}),
                "Kemeja batik pria motif mega mendung merah, tampak depan",
                stock=18,
                weight=320,
                materials=("katun-primisima",),
                tags=("kemeja", "pria", "mega mendung"),
                hs="6205.20",
                photos=2,
                specs=[("Ukuran", "M, L, XL, XXL")],
            ),
            p(
                "Kain Batik Tulis Wadasan Hijau Pewarna Alam",
                "SK-BT-006",
                "batik-tulis",
                2_200_000,
                "Wadasan hijau dengan pewarna alam daun mangga dan indigo.",
                "Diwarnai dengan pewarna alam yang diulang hingga dua belas kali celup. Produksi "
                "terbatas: kami buka pre-order setiap awal bulan.",
                batik("wadasan", "hijau"),
                "Kain batik tulis motif wadasan warna hijau",
                unit="lembar",
                lead=30,
                preorder=True,
                size=(250, 115, None),
                weight=460,
                materials=("katun-primisima", "pewarna-alam"),
                tags=("pewarna alam", "wadasan"),
                hs="5208.52",
                photos=3,
            ),
            p(
                "Taplak Meja Batik Tulis Mega Mendung 150 x 150",
                "SK-TP-007",
                "batik-tulis",
                425_000,
                "Taplak meja persegi dengan mega mendung warna pastel.",
                "Taplak meja untuk meja makan enam kursi, tepinya dijahit rapi.",
                batik("megamendung", "pastel"),
                "Taplak meja batik motif mega mendung warna pastel",
                stock=12,
                size=(150, 150, None),
                weight=380,
                materials=("katun-prima",),
                tags=("dekorasi rumah",),
                hs="6302.51",
                photos=1,
            ),
        ],
    },
    {
        "key": "putrapesisir",
        "cover_alt": "kain batik kawung hijau terbentang",
        "title": "Batik Cap Putra Pesisir",
        "initials": "PP",
        "owner_names": "Bapak H. Ahmad Fauzi",
        "owner_user": ("Ahmad", "Fauzi"),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-batik-trusmi",
        "address": "Jl. Syekh Datul Kahfi No. 8, Desa Trusmi Wetan, Kec. Plered, Kabupaten Cirebon",
        "postal_code": "45154",
        "whatsapp": "+6281300000102",
        "nib": "9120000220456",
        "year_founded": 2004,
        "workforce": 22,
        "monthly_capacity": "1.200 lembar batik cap",
        "export_ready": False,
        "summary": "Batik cap dan seragam kantor dari Trusmi Wetan, siap pesanan partai besar.",
        "style": ("batik_cloth", {"motif": "kawung", "palette": "hijau"}),
        "story": (
            "<p>Putra Pesisir didirikan Pak Ahmad Fauzi setelah belasan tahun bekerja sebagai "
            "tukang cap. Cap tembaga dibuat sendiri di bengkel, sehingga motif pesanan "
            "instansi bisa dibuat khusus.</p>"
            "<p>Melayani <b>seragam kantor dan sekolah</b> dengan sertifikat TKDN untuk "
            "pengadaan pemerintah.</p>"
        ),
        "certs": [
            ("tkdn", "0932/SJ-IND.8/TKDN/6/2024", 520, 1095, True),
            ("hki-merek", "IDM001045512", 900, 3650, False),
        ],
        "products": [
            p(
                "Kain Batik Cap Kawung Hijau",
                "PP-CP-001",
                "batik-cap",
                185_000,
                "Batik cap motif kawung warna hijau botol, katun prima.",
                "Motif kawung klasik dicap dengan cap tembaga lalu diwarnai celup. Cocok untuk "
                "kemeja dan seragam.",
                batik("kawung", "hijau"),
                "Kain batik cap motif kawung warna hijau",
                unit="lembar",
                min_order=2,
                stock=60,
                size=(200, 110, None),
                weight=380,
                materials=("katun-prima",),
                tags=("kawung", "batik cap"),
                hs="5208.52",
            ),
            p(
                "Kain Batik Cap Mega Mendung Ungu",
                "PP-CP-002",
                "batik-cap",
                195_000,
                "Mega mendung ungu dengan teknik cap, harga terjangkau.",
                "Mega mendung versi cap: warnanya tegas dan pengerjaannya lebih cepat daripada "
                "batik tulis.",
                batik("megamendung", "ungu"),
                "Kain batik cap motif mega mendung ungu",
                unit="lembar",
                min_order=2,
                stock=45,
                size=(200, 110, None),
                weight=380,
                materials=("katun-prima",),
                tags=("mega mendung", "batik cap"),
                hs="5208.52",
            ),
            p(
                "Batik Seragam Kantor Motif Parang Merah (per Kodi)",
                "PP-SR-003",
                "batik-cap",
                3_400_000,
                "Kain batik cap untuk seragam, dijual per kodi (20 lembar).",
                "Motif dan warna bisa disesuaikan dengan identitas instansi. Produk bersertifikat "
                "TKDN sehingga bisa dibeli melalui e-katalog pemerintah.",
                batik("parang", "merah"),
                "Kain batik cap motif parang warna merah",
                unit="kodi",
                min_order=5,
                lead=21,
                size=(200, 110, None),
                weight=7600,
                materials=("katun-prima",),
                tags=("seragam", "instansi", "tkdn"),
                hs="5208.52",
                certs=[("tkdn", "0933/SJ-IND.8/TKDN/6/2024", 520, 1095, True)],
            ),
            p(
                "Kain Motif Batik Cetak Mega Mendung Biru (per Meter)",
                "PP-CT-004",
                "batik-cetak",
                75_000,
                "Kain bermotif batik hasil cetak (printing), dijual per meter.",
                "Ini kain cetak, bukan batik tulis atau cap: motifnya dicetak mesin sehingga "
                "harganya ekonomis untuk dekorasi, suvenir dan seragam acara.",
                ("batik_cloth", {"motif": "megamendung", "palette": "biru"}),
                "Kain motif mega mendung biru hasil cetak",
                unit="meter",
                min_order=10,
                stock=800,
                weight=130,
                materials=("rayon",),
                tags=("batik cetak", "ekonomis"),
                hs="5516.14",
                photos=1,
            ),
            p(
                "Sarung Batik Cap Motif Kawung Sogan",
                "PP-SR-005",
                "batik-cap",
                145_000,
                "Sarung batik cap pria, dijahit siap pakai.",
                "Sarung dari kain batik cap motif kawung warna sogan, sudah dijahit melingkar.",
                batik("kawung", "sogan"),
                "Sarung batik cap motif kawung warna cokelat sogan",
                stock=40,
                size=(200, 110, None),
                weight=400,
                materials=("katun-prima",),
                tags=("sarung", "pria"),
                hs="5208.52",
                photos=1,
            ),
        ],
    },
    {
        "key": "rotan",
        "cover_alt": "kursi rotan berwarna natural",
        "title": "Rotan Tegalwangi Jaya",
        "initials": "TJ",
        "owner_names": "Bapak Dedi Supriadi",
        "owner_user": ("Dedi", "Supriadi"),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-rotan-tegalwangi",
        "address": "Jl. Raya Tegalwangi No. 112, Desa Tegalwangi, Kec. Weru, Kabupaten Cirebon",
        "postal_code": "45154",
        "phone": "(0231) 0000-112",
        "whatsapp": "+6285700000103",
        "nib": "9120000330789",
        "year_founded": 1996,
        "workforce": 48,
        "monthly_capacity": "2 kontainer 40 kaki",
        "export_ready": True,
        "summary": "Mebel dan anyaman rotan Tegalwangi untuk rumah, hotel dan ekspor.",
        "style": ("rotan_chair", {"motif": "wadasan", "palette": "sogan"}),
        "story": (
            "<p>Tegalwangi dikenal sebagai desa rotan sejak zaman kolonial. Pak Dedi memulai "
            "usahanya sebagai penganyam, lalu membuka bengkel sendiri pada 1996.</p>"
            "<p>Kini Rotan Tegalwangi Jaya mengirim kursi, keranjang dan kap lampu ke "
            "<b>Belanda, Jepang dan Australia</b>, sambil tetap melayani pembeli lokal.</p>"
        ),
        "certs": [
            ("hki-merek", "IDM000655120", 2200, 3650, True),
            ("sni", "SPPT-SNI 0412/LSPro-BBKB/2019", 2100, 1460, True),
        ],
        "products": [
            p(
                "Kursi Teras Rotan Alam Model Bulan",
                "TJ-KR-001",
                "rotan",
                1_450_000,
                "Kursi teras dari rotan alam dengan sandaran bulat dan anyaman rapat.",
                "Rangka rotan manau dibengkokkan dengan uap lalu dianyam kulit rotan. Kuat untuk "
                "pemakaian harian di teras beratap.",
                ("rotan_chair", {"tone": "#c89a5b"}),
                "Kursi rotan alam berwarna natural dengan sandaran bulat dan anyaman diagonal",
                stock=12,
                size=(72, 68, 85),
                weight=6500,
                materials=("rotan-alam",),
                tags=("mebel", "teras", "rotan"),
                hs="9401.53",
                photos=3,
            ),
            p(
                "Set Kursi Tamu Rotan Sintetis 4+1",
                "TJ-ST-002",
                "rotan",
                None,
                "Empat kursi dan satu meja rotan sintetis, tahan cuaca untuk luar ruangan.",
                "Rotan sintetis dianyam di atas rangka besi anti karat. Harga tergantung warna "
                "dan bantal dudukan yang dipilih; hubungi kami untuk penawaran.",
                ("rotan_chair", {"tone": "#6b4a2e"}),
                "Kursi rotan sintetis warna cokelat tua dengan anyaman diagonal",
                unit="set",
                lead=30,
                weight=42000,
                materials=("rotan-sintetis", "besi"),
                tags=("mebel", "outdoor", "hotel"),
                hs="9401.79",
                photos=2,
            ),
            p(
                "Keranjang Cucian Rotan dengan Pegangan",
                "TJ-KJ-003",
                "rotan",
                285_000,
                "Keranjang pakaian kotor dari rotan alam, dengan dua pegangan.",
                "Anyaman rapat dengan lapisan pernis air agar tidak berjamur.",
                ("rotan_basket", {"tone": "#caa067"}),
                "Keranjang rotan berwarna natural dengan dua pegangan melengkung",
                stock=40,
                size=(45, 35, 55),
                weight=1800,
                materials=("rotan-alam",),
                tags=("keranjang", "rumah tangga"),
                hs="4602.12",
            ),
            p(
                "Kap Lampu Gantung Rotan Bulat 50 cm",
                "TJ-LP-004",
                "rotan",
                375_000,
                "Kap lampu gantung berbentuk bola, menebar cahaya hangat bermotif anyaman.",
                "Dianyam di atas cetakan bola. Dikirim tanpa fitting lampu.",
                ("rotan_lamp", {"tone": "#d3aa6d"}),
                "Kap lampu rotan berbentuk bola yang menyala hangat, tergantung pada kabel",
                lead=14,
                preorder=True,
                size=(50, 50, 50),
                weight=900,
                materials=("rotan-alam",),
                tags=("lampu", "dekorasi rumah"),
                hs="4602.12",
            ),
            p(
                "Nampan Anyaman Rotan Oval",
                "TJ-NP-005",
                "rotan",
                120_000,
                "Nampan saji oval dari rotan, ringan dan kokoh.",
                "Cocok untuk hotel, kafe dan hampers. Minimal pemesanan enam buah.",
                ("tray", {"tone": "#c79b5f"}),
                "Nampan rotan oval dilihat dari atas",
                min_order=6,
                stock=85,
                size=(45, 30, 6),
                weight=450,
                materials=("rotan-alam",),
                tags=("nampan", "hampers"),
                hs="4602.12",
                photos=1,
            ),
            p(
                "Kursi Gantung Rotan Sintetis (Hanging Chair)",
                "TJ-KG-006",
                "rotan",
                2_350_000,
                "Kursi gantung rotan sintetis lengkap dengan bantal dan rantai.",
                "Dibuat sesuai pesanan dalam tiga minggu. Warna rotan bisa dipilih.",
                ("rotan_chair", {"tone": "#e3d3b0"}),
                "Kursi rotan sintetis warna putih gading dengan anyaman diagonal",
                lead=21,
                weight=18000,
                materials=("rotan-sintetis", "besi"),
                tags=("mebel", "outdoor"),
                hs="9401.79",
                photos=2,
            ),
        ],
    },
    {
        "key": "topeng",
        "cover_alt": "topeng Rumyang berwarna merah muda",
        "title": "Sanggar Topeng Panji Asmara",
        "initials": "PA",
        "owner_names": "Bapak Taryana",
        "owner_user": ("Taryana", ""),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-topeng-slangit",
        "address": "Blok Pahing RT 03/RW 02, Desa Slangit, Kec. Klangenan, Kabupaten Cirebon",
        "postal_code": "45156",
        "whatsapp": "+6281200000104",
        "nib": "9120000440123",
        "year_founded": 1979,
        "workforce": 9,
        "monthly_capacity": "150 topeng",
        "export_ready": False,
        "summary": "Topeng kayu jaran ukir tangan untuk penari, kolektor dan suvenir.",
        "style": ("topeng", {"character": "rumyang", "motif": "wadasan", "palette": "sogan"}),
        "story": (
            "<p>Di Slangit, topeng bukan sekadar suvenir: ia dipakai para dalang topeng dalam "
            "pertunjukan. Pak Taryana adalah generasi ketiga pembuat topeng di keluarganya.</p>"
            "<p>Kayu jaran dipahat, diamplas, lalu dicat berlapis. Lima karakter <i>Panca "
            "Wanda</i> (Panji, Samba, Rumyang, Tumenggung dan Kelana) dibuat mengikuti pakem "
            "tari topeng Cirebon.</p>"
        ),
        "certs": [("hki-merek", "IDM000990871", 1200, 3650, True)],
        "products": [
            p(
                "Topeng Panji Kayu Jaran Ukir Tangan",
                "PA-TP-001",
                "topeng",
                650_000,
                "Topeng Panji berwajah putih, karakter paling halus dalam tari topeng Cirebon.",
                "Ukuran standar penari, bisa dipakai pentas dengan tali gigit di bagian dalam.",
                ("topeng", {"character": "panji"}),
                "Topeng Panji berwarna putih dengan mata sipit tertunduk dan hiasan emas",
                stock=8,
                size=(18, 14, 7),
                weight=180,
                materials=("kayu-jaran",),
                tags=("topeng", "tari topeng", "panca wanda"),
                hs="4420.11",
                photos=3,
            ),
            p(
                "Topeng Samba Kayu Jaran",
                "PA-TP-002",
                "topeng",
                600_000,
                "Topeng Samba yang lincah, berwarna putih gading.",
                "Karakter Samba menggambarkan remaja yang lincah dan jenaka.",
                ("topeng", {"character": "samba"}),
                "Topeng Samba berwarna putih gading dengan senyum tipis dan hiasan emas",
                stock=6,
                size=(18, 14, 7),
                weight=175,
                materials=("kayu-jaran",),
                tags=("topeng", "panca wanda"),
                hs="4420.11",
            ),
            p(
                "Topeng Rumyang Kayu Jaran",
                "PA-TP-003",
                "topeng",
                600_000,
                "Topeng Rumyang berwarna merah muda.",
                "Rumyang menggambarkan manusia yang mulai dewasa; warnanya merah muda lembut.",
                ("topeng", {"character": "rumyang"}),
                "Topeng Rumyang berwarna merah muda dengan mata tertunduk",
                stock=5,
                size=(18, 14, 7),
                weight=175,
                materials=("kayu-jaran",),
                tags=("topeng", "panca wanda"),
                hs="4420.11",
            ),
            p(
                "Topeng Tumenggung Kayu Jaran",
                "PA-TP-004",
                "topeng",
                650_000,
                "Topeng Tumenggung berwarna cokelat, karakter gagah seorang patih.",
                "Bermata bulat dan berkumis, melambangkan kedewasaan dan ketegasan.",
                ("topeng", {"character": "tumenggung"}),
                "Topeng Tumenggung berwarna cokelat dengan mata bulat melotot",
                stock=4,
                size=(19, 15, 8),
                weight=190,
                materials=("kayu-jaran",),
                tags=("topeng", "panca wanda"),
                hs="4420.11",
            ),
            p(
                "Topeng Kelana Kayu Jaran",
                "PA-TP-005",
                "topeng",
                750_000,
                "Topeng Kelana merah menyala, karakter raja yang angkara murka.",
                "Topeng paling dramatis dalam Panca Wanda: merah, bermata besar dan bertaring.",
                ("topeng", {"character": "kelana"}),
                "Topeng Kelana berwarna merah dengan mata melotot dan taring putih",
                stock=3,
                size=(20, 16, 8),
                weight=200,
                materials=("kayu-jaran",),
                tags=("topeng", "panca wanda", "kolektor"),
                hs="4420.11",
                photos=3,
            ),
            p(
                "Set Lima Topeng Mini Panca Wanda dengan Kotak",
                "PA-ST-006",
                "topeng",
                1_250_000,
                "Lima topeng mini dalam kotak kayu berlapis kain batik.",
                "Hadiah untuk tamu kehormatan: lima karakter tari topeng Cirebon dalam ukuran "
                "10 cm, disertai kartu penjelasan dwibahasa.",
                ("topeng", {"character": "panji"}),
                "Salah satu topeng mini dalam set, topeng Panji berwarna putih",
                unit="set",
                lead=21,
                preorder=True,
                size=(40, 15, 8),
                weight=900,
                materials=("kayu-jaran", "kayu-mahoni"),
                tags=("hadiah", "topeng"),
                hs="4420.11",
                photos=1,
            ),
            p(
                "Gantungan Kunci Topeng Cirebon (Isi 12)",
                "PA-GK-007",
                "suvenir",
                90_000,
                "Satu lusin gantungan kunci topeng mini dari kayu.",
                "Suvenir pernikahan dan oleh-oleh rombongan; satu lusin berisi tiga karakter.",
                ("gantungan", {"charm": "topeng"}),
                "Tiga gantungan kunci berbentuk topeng putih, merah muda dan merah",
                unit="lusin",
                min_order=2,
                stock=30,
                weight=240,
                materials=("kayu-jaran",),
                tags=("suvenir", "oleh-oleh"),
                hs="4420.19",
                photos=1,
            ),
        ],
    },
    {
        "key": "terasi",
        "cover_alt": "blok-blok terasi di atas daun pisang",
        "title": "Terasi Rebon Ibu Kartini",
        "initials": "IK",
        "owner_names": "Ibu Kartini",
        "owner_user": ("Kartini", ""),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-terasi-gebang",
        "address": "Jl. Pantura Gebang Kulon No. 45, Kec. Gebang, Kabupaten Cirebon",
        "postal_code": "45191",
        "whatsapp": "+6287800000105",
        "nib": "9120000550567",
        "year_founded": 2009,
        "workforce": 12,
        "monthly_capacity": "1,5 ton terasi",
        "export_ready": False,
        "summary": "Terasi udang rebon asli Gebang, tanpa pewarna, bersertifikat halal.",
        "style": ("terasi", {"motif": "parang", "palette": "sogan"}),
        "story": (
            "<p>Udang rebon dibeli langsung dari nelayan Gebang setiap pagi, dijemur, "
            "ditumbuk dan difermentasi selama tiga minggu. <b>Tanpa pewarna dan tanpa "
            "tepung.</b></p>"
            "<p>Ibu Kartini memulai dari dapur rumahnya dan kini mempekerjakan dua belas "
            "tetangga.</p>"
        ),
        "certs": [("hki-merek", "IDM001120934", 600, 3650, True)],
        "products": [
            p(
                "Terasi Udang Rebon Asli 250 g",
                "IK-TR-001",
                "terasi",
                28_000,
                "Terasi udang rebon asli Gebang, aroma kuat, tanpa pewarna.",
                "Fermentasi alami tiga minggu. Cukup sedikit untuk sambal dan tumisan.",
                ("terasi", {"n": 5}),
                "Lima blok terasi cokelat keunguan di atas daun pisang",
                unit="bungkus",
                min_order=10,
                stock=400,
                weight=250,
                materials=("udang-rebon", "garam"),
                tags=("terasi", "bumbu dapur"),
                hs="2103.90",
                photos=2,
                certs=[
                    ("halal", "ID32110000123451024", 400, None, True),
                    ("p-irt", "2093209010023-29", 500, 1825, True),
                ],
            ),
            p(
                "Terasi Udang Rebon Blok 1 kg (Grosir)",
                "IK-TR-002",
                "terasi",
                98_000,
                "Terasi blok satu kilogram untuk rumah makan dan pedagang.",
                "Kemasan grosir untuk warung nasi, rumah makan dan pengecer.",
                ("terasi", {"n": 6}),
                "Enam blok terasi cokelat di atas daun pisang",
                unit="kg",
                min_order=5,
                stock=150,
                weight=1000,
                materials=("udang-rebon", "garam"),
                tags=("terasi", "grosir"),
                hs="2103.90",
                photos=1,
                certs=[("p-irt", "2093209010019-24", 1900, 1825, True)],
            ),
            p(
                "Terasi Bakar Siap Pakai 100 g",
                "IK-TR-003",
                "terasi",
                18_000,
                "Terasi yang sudah dibakar, tinggal diulek bersama cabai.",
                "Praktis untuk anak kos dan dapur modern: tidak perlu membakar terasi sendiri.",
                ("terasi", {"n": 3}),
                "Tiga blok terasi bakar di atas daun pisang",
                unit="bungkus",
                min_order=10,
                stock=300,
                weight=100,
                materials=("udang-rebon", "garam"),
                tags=("terasi", "praktis"),
                hs="2103.90",
                photos=1,
                certs=[("halal", "ID32110000123461024", 400, None, True)],
            ),
            p(
                "Sambal Terasi Khas Cirebon 150 g",
                "IK-SB-004",
                "terasi",
                25_000,
                "Sambal terasi dalam botol kaca, pedas sedang.",
                "Dimasak dengan cabai merah, bawang dan terasi rebon sendiri. Tahan enam bulan "
                "sebelum dibuka.",
                ("jar", {"contents": "#8e2a1e", "text": "SAMBAL"}),
                "Dua botol kaca berisi sambal terasi merah dengan tutup merah",
                unit="botol",
                min_order=6,
                stock=240,
                weight=150,
                materials=("cabai", "udang-rebon", "garam"),
                tags=("sambal", "oleh-oleh"),
                hs="2103.90",
                photos=2,
                certs=[
                    ("halal", "ID32110000123471024", 300, None, True),
                    ("p-irt", "2093209010031-30", 120, 1825, False),
                ],
            ),
            p(
                "Terasi Bubuk Sachet (Isi 20)",
                "IK-TB-005",
                "terasi",
                15_000,
                "Terasi bubuk dalam sachet kecil, isi 20.",
                "Satu sachet cukup untuk satu cobek sambal.",
                ("terasi", {"n": 4}),
                "Empat blok terasi di atas daun pisang",
                unit="bungkus",
                min_order=10,
                stock=500,
                weight=100,
                materials=("udang-rebon", "garam"),
                tags=("terasi", "praktis"),
                hs="2103.90",
                photos=1,
            ),
        ],
    },
    {
        "key": "kerupuk",
        "cover_alt": "piring berisi kerupuk melarat warna-warni",
        "title": "Kerupuk & Emping Sari Rasa",
        "initials": "SR",
        "owner_names": "Ibu Hj. Nining Kurniasih",
        "owner_user": ("Nining", "Kurniasih"),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-kerupuk-kenanga",
        "address": "Jl. Desa Kenanga No. 19, Kec. Sumber, Kabupaten Cirebon",
        "postal_code": "45611",
        "whatsapp": "+6281300000106",
        "nib": "9120000660890",
        "year_founded": 2001,
        "workforce": 25,
        "monthly_capacity": "3 ton kerupuk",
        "export_ready": False,
        "summary": "Kerupuk melarat, kerupuk udang, kerupuk kulit dan emping dari Kenanga.",
        "style": ("crackers", {"style": "melarat", "motif": "garis", "palette": "merah"}),
        "story": (
            "<p>Kerupuk melarat adalah kerupuk khas Cirebon yang <i>digoreng dengan pasir</i>, "
            "bukan minyak. Sari Rasa membuatnya sejak 2001 di Desa Kenanga.</p>"
            "<p>Selain melarat, kami memproduksi kerupuk udang, kerupuk kulit, opak dan emping "
            "melinjo, semuanya bersertifikat halal dan P-IRT.</p>"
        ),
        "certs": [],
        "products": [
            p(
                "Kerupuk Melarat Warna-warni 500 g",
                "SR-KR-001",
                "kerupuk",
                15_000,
                "Kerupuk pasir khas Cirebon, renyah tanpa minyak.",
                "Digoreng di dalam pasir panas sehingga rendah minyak. Warna-warni dari pewarna "
                "makanan yang aman.",
                ("crackers", {"style": "melarat"}),
                "Piring berisi kerupuk melarat warna merah muda, kuning, hijau dan putih",
                unit="bungkus",
                min_order=10,
                stock=300,
                weight=500,
                materials=("tepung-tapioka",),
                tags=("kerupuk", "oleh-oleh", "cirebon"),
                hs="1905.90",
                photos=2,
                certs=[
                    ("halal", "ID32110000223451024", 500, None, True),
                    ("p-irt", "2063209010045-28", 800, 1825, True),
                ],
            ),
            p(
                "Kerupuk Udang Cirebon 500 g (Mentah)",
                "SR-KR-002",
                "kerupuk",
                45_000,
                "Kerupuk udang mentah, tinggal digoreng.",
                "Kandungan udang 30 persen. Goreng dengan minyak banyak dan api sedang.",
                ("crackers", {"style": "udang"}),
                "Piring berisi kerupuk udang berwarna jingga",
                unit="bungkus",
                min_order=5,
                stock=200,
                weight=500,
                materials=("udang-rebon", "tepung-tapioka"),
                tags=("kerupuk", "udang"),
                hs="1905.90",
                certs=[("halal", "ID32110000223461024", 500, None, True)],
            ),
            p(
                "Kerupuk Kulit Sapi (Rambak) 250 g",
                "SR-KR-003",
                "kerupuk",
                38_000,
                "Kerupuk kulit sapi yang mengembang renyah.",
                "Dari kulit sapi pilihan, dijemur dan digoreng dua kali.",
                ("crackers", {"style": "kulit"}),
                "Piring berisi kerupuk kulit berwarna krem",
                unit="bungkus",
                min_order=5,
                stock=120,
                weight=250,
                materials=("kulit-sapi",),
                tags=("kerupuk", "rambak"),
                hs="1905.90",
                photos=1,
                certs=[("halal", "ID32110000223471024", 500, None, True)],
            ),
            p(
                "Emping Melinjo Original 500 g",
                "SR-EM-004",
                "emping",
                65_000,
                "Emping melinjo tipis, gurih dengan sedikit rasa pahit khas melinjo.",
                "Melinjo dipipihkan satu per satu dengan palu kayu lalu dijemur.",
                ("crackers", {"style": "emping"}),
                "Piring berisi emping melinjo tipis berwarna kuning pucat",
                unit="bungkus",
                min_order=5,
                stock=150,
                weight=500,
                materials=("melinjo",),
                tags=("emping", "melinjo"),
                hs="2008.19",
                certs=[("p-irt", "2063209010052-29", 600, 1825, True)],
            ),
            p(
                "Emping Melinjo Pedas Manis 250 g",
                "SR-EM-005",
                "emping",
                38_000,
                "Emping melinjo berbumbu gula merah dan cabai.",
                "Emping yang sudah digoreng dan dibalut bumbu pedas manis, siap dimakan.",
                ("crackers", {"style": "emping", "n": 30}),
                "Piring berisi emping melinjo berbumbu",
                unit="bungkus",
                min_order=5,
                stock=90,
                weight=250,
                materials=("melinjo", "gula-pasir", "cabai"),
                tags=("emping", "camilan"),
                hs="2008.19",
                photos=1,
            ),
            p(
                "Opak Ketan Bakar 250 g",
                "SR-OP-006",
                "kerupuk",
                20_000,
                "Opak ketan yang dibakar di atas arang, gurih dan renyah.",
                "Dari beras ketan, kelapa parut dan garam; dibakar, bukan digoreng.",
                ("crackers", {"style": "opak", "n": 18}),
                "Piring berisi opak ketan bundar berwarna putih kekuningan",
                unit="bungkus",
                min_order=10,
                stock=0,
                weight=250,
                materials=("beras-ketan", "garam"),
                tags=("opak", "camilan"),
                hs="1905.90",
                photos=1,
            ),
        ],
    },
    {
        "key": "lukiskaca",
        "cover_alt": "lukisan kaca bergambar tokoh wayang",
        "title": "Sanggar Lukis Kaca Gegesik Raharja",
        "initials": "GR",
        "owner_names": "Bapak Toto Sunarto",
        "owner_user": ("Toto", "Sunarto"),
        "region": "kabupaten-cirebon",
        "sentra": "sentra-lukisan-kaca-gegesik",
        "address": "Blok Kliwon No. 5, Desa Gegesik Kulon, Kec. Gegesik, Kabupaten Cirebon",
        "postal_code": "45164",
        "whatsapp": "+6281200000107",
        "nib": "9120000770234",
        "year_founded": 1992,
        "workforce": 6,
        "monthly_capacity": "40 lukisan",
        "export_ready": True,
        "summary": "Lukisan kaca tradisional Cirebon: wayang, Macan Ali, kaligrafi.",
        "style": ("lukisan_kaca", {"subject": "wayang", "motif": "megamendung", "palette": "emas"}),
        "story": (
            "<p>Lukisan kaca Cirebon dilukis <b>terbalik</b>: detail terdepan dilukis lebih "
            "dulu di balik kaca, latar belakang paling akhir. Pak Toto belajar teknik ini dari "
            "para pelukis kaca Gegesik pada 1980-an.</p>"
            "<p>Tema yang kami lukis: tokoh wayang, Macan Ali, kaligrafi dan kereta Singa "
            "Barong, dengan awan mega mendung di sudut-sudutnya.</p>"
        ),
        "certs": [("hki-merek", "IDM000781123", 1700, 3650, True)],
        "products": [
            p(
                "Lukisan Kaca Macan Ali 40 x 60 cm",
                "GR-LK-001",
                "lukisan-kaca",
                1_500_000,
                "Macan Ali, lambang Kesultanan Cirebon, dilukis di balik kaca.",
                "Bingkai kayu mahoni ukir. Dikirim dengan peti kayu.",
                ("lukisan_kaca", {"subject": "macan"}),
                "Lukisan kaca berbingkai kayu bergambar macan jingga berlatar hitam",
                stock=3,
                size=(40, 60, 4),
                weight=3200,
                materials=("kaca", "cat-minyak", "kayu-mahoni"),
                tags=("lukisan kaca", "macan ali", "dekorasi rumah"),
                hs="9701.91",
                photos=2,
            ),
            p(
                "Lukisan Kaca Wayang Semar 30 x 40 cm",
                "GR-LK-002",
                "lukisan-kaca",
                850_000,
                "Tokoh wayang dilukis dengan warna cerah di atas latar hitam.",
                "Warna-warna cerah dan garis emas khas Gegesik.",
                ("lukisan_kaca", {"subject": "wayang"}),
                "Lukisan kaca berbingkai kayu bergambar tokoh wayang berbaju merah",
                stock=5,
                size=(30, 40, 4),
                weight=2100,
                materials=("kaca", "cat-minyak", "kayu-mahoni"),
                tags=("lukisan kaca", "wayang"),
                hs="9701.91",
                photos=2,
            ),
            p(
                "Lukisan Kaca Kaligrafi 50 x 70 cm",
                "GR-LK-003",
                "lukisan-kaca",
                1_800_000,
                "Kaligrafi bergaya Cirebon dengan garis emas dan putih.",
                "Dibuat sesuai pesanan; teks kaligrafi bisa dipilih.",
                ("lukisan_kaca", {"subject": "kaligrafi"}),
                "Lukisan kaca berbingkai kayu dengan lengkung kaligrafi emas dan putih",
                lead=30,
                size=(50, 70, 4),
                weight=4200,
                materials=("kaca", "cat-minyak", "kayu-mahoni"),
                tags=("lukisan kaca", "kaligrafi"),
                hs="9701.91",
                photos=2,
            ),
            p(
                "Lukisan Kaca Kereta Singa Barong 60 x 90 cm",
                "GR-LK-004",
                "lukisan-kaca",
                None,
                "Kereta kencana Singa Barong dalam lukisan kaca besar.",
                "Karya besar untuk lobi hotel dan kantor; harga sesuai ukuran dan detail.",
                ("lukisan_kaca", {"subject": "kereta"}),
                "Lukisan kaca berbingkai kayu bergambar kereta merah berkepala naga hijau",
                lead=45,
                size=(60, 90, 5),
                weight=7800,
                materials=("kaca", "cat-minyak", "kayu-mahoni"),
                tags=("lukisan kaca", "kolektor"),
                hs="9701.91",
                photos=1,
            ),
            p(
                "Lukisan Kaca Wayang Mini 20 x 25 cm",
                "GR-LK-005",
                "lukisan-kaca",
                350_000,
                "Lukisan kaca kecil untuk hadiah dan suvenir.",
                "Ukuran kecil, cocok untuk meja kerja. Tersedia berbagai tokoh wayang.",
                ("lukisan_kaca", {"subject": "wayang"}),
                "Lukisan kaca kecil berbingkai kayu bergambar tokoh wayang",
                stock=10,
                size=(20, 25, 3),
                weight=900,
                materials=("kaca", "cat-minyak"),
                tags=("lukisan kaca", "hadiah"),
                hs="9701.91",
                photos=1,
            ),
        ],
    },
    {
        "key": "sirup",
        "cover_alt": "tiga botol sirup merah muda pucat, jingga dan merah muda cerah",
        "title": "Sirup Tjap Bidadari",
        "initials": "TB",
        "owner_names": "Ibu Lanny Wijaya",
        "owner_user": ("Lanny", "Wijaya"),
        "region": "kota-cirebon",
        "sentra": None,
        "address": "Jl. Pekalipan No. 88, Kel. Pekalipan, Kec. Pekalipan, Kota Cirebon",
        "postal_code": "45117",
        "phone": "(0231) 0000-188",
        "whatsapp": "+6281200000108",
        "nib": "9120000880678",
        "year_founded": 1951,
        "workforce": 28,
        "monthly_capacity": "24.000 botol",
        "export_ready": False,
        "sells_online": True,  # ready-stock retail: bought online when Stripe is set
        "summary": "Sirup Cirebon sejak 1951: pisang susu, mangga, coco pandan dan frambozen.",
        "style": (
            "sirup",
            {
                "flavours": ("pisang_susu", "mangga", "cocopandan"),
                "motif": "megamendung",
                "palette": "merah",
            },
        ),
        "story": (
            "<p>Sirup Tjap Bidadari dibuat di Pekalipan sejak 1951 dan kini dikelola generasi "
            "ketiga. Resepnya tidak berubah: <b>gula pasir dan sari buah</b>, dimasak dalam "
            "kuali besar.</p>"
            "<p>Rasa pisang susu adalah yang paling dicari sebagai oleh-oleh Cirebon, terutama "
            "menjelang Lebaran.</p>"
        ),
        "certs": [("hki-merek", "IDM000120456", 3000, 3650, True)],
        "products": [
            p(
                "Sirup Pisang Susu 620 ml",
                "TB-SR-001",
                "sirup",
                42_000,
                "Rasa paling terkenal: pisang susu yang harum dan manis lembut.",
                "Encerkan satu bagian sirup dengan lima bagian air dingin atau susu.",
                ("sirup", {"flavours": ("pisang_susu",), "text": "BIDADARI"}),
                "Botol sirup berwarna merah muda pucat dengan label krem",
                unit="botol",
                min_order=1,
                stock=500,
                weight=850,
                materials=("gula-pasir", "sari-buah"),
                tags=("sirup", "oleh-oleh", "cirebon"),
                hs="2106.90",
                photos=2,
                certs=[
                    ("bpom", "BPOM RI MD 263110001234", 900, 1825, True),
                    ("halal", "ID32740000056781024", 900, None, True),
                ],
            ),
            p(
                "Sirup Mangga 620 ml",
                "TB-SR-002",
                "sirup",
                42_000,
                "Sirup mangga dengan sari buah mangga arumanis.",
                "Segar untuk es campur dan es buah.",
                ("sirup", {"flavours": ("mangga",), "text": "BIDADARI"}),
                "Botol sirup berwarna jingga dengan label krem",
                unit="botol",
                stock=320,
                weight=850,
                materials=("gula-pasir", "sari-buah"),
                tags=("sirup",),
                hs="2106.90",
                certs=[("bpom", "BPOM RI MD 263110001235", 900, 1825, True)],
            ),
            p(
                "Sirup Coco Pandan 620 ml",
                "TB-SR-003",
                "sirup",
                40_000,
                "Perpaduan kelapa dan pandan, merah cerah.",
                "Cocok untuk es kelapa muda dan minuman berbuka puasa.",
                ("sirup", {"flavours": ("cocopandan",), "text": "BIDADARI"}),
                "Botol sirup berwarna merah muda cerah dengan label krem",
                unit="botol",
                stock=410,
                weight=850,
                materials=("gula-pasir",),
                tags=("sirup", "ramadan"),
                hs="2106.90",
                photos=1,
                certs=[("bpom", "BPOM RI MD 263110001236", 900, 1825, True)],
            ),
            p(
                "Sirup Jeruk Nipis 620 ml",
                "TB-SR-004",
                "sirup",
                40_000,
                "Sirup jeruk nipis yang asam segar.",
                "Dari perasan jeruk nipis lokal; nikmat dengan air soda.",
                ("sirup", {"flavours": ("jeruk_nipis",), "text": "BIDADARI"}),
                "Botol sirup berwarna hijau kekuningan dengan label krem",
                unit="botol",
                stock=150,
                weight=850,
                materials=("gula-pasir", "sari-buah"),
                tags=("sirup",),
                hs="2106.90",
                photos=1,
            ),
            p(
                "Sirup Frambozen 620 ml",
                "TB-SR-005",
                "sirup",
                42_000,
                "Sirup frambozen merah tua, resep lama keluarga.",
                "Sedang habis; produksi berikutnya minggu depan.",
                ("sirup", {"flavours": ("frambozen",), "text": "BIDADARI"}),
                "Botol sirup berwarna merah tua dengan label krem",
                unit="botol",
                stock=0,
                weight=850,
                materials=("gula-pasir",),
                tags=("sirup",),
                hs="2106.90",
                photos=1,
            ),
            p(
                "Paket Oleh-oleh Sirup 3 Botol",
                "TB-PK-006",
                "sirup",
                120_000,
                "Pisang susu, mangga dan coco pandan dalam kardus oleh-oleh.",
                "Kardus tebal dengan pegangan, aman dibawa di bagasi.",
                (
                    "sirup",
                    {"flavours": ("pisang_susu", "mangga", "cocopandan"), "text": "BIDADARI"},
                ),
                "Tiga botol sirup berwarna merah muda pucat, jingga dan merah muda cerah",
                unit="set",
                stock=80,
                size=(24, 9, 32),
                weight=2700,
                materials=("gula-pasir", "sari-buah"),
                tags=("sirup", "oleh-oleh", "paket"),
                hs="2106.90",
                photos=3,
            ),
        ],
    },
    {
        "key": "kaos",
        "cover_alt": "kaos biru dongker bersablon tulisan GRAGE",
        "title": "Kaos Grage Nusantara",
        "initials": "GN",
        "owner_names": "Mas Rizky Pratama",
        "owner_user": ("Rizky", "Pratama"),
        "region": "kota-cirebon",
        "sentra": None,
        "address": "Jl. Kartini No. 41, Kel. Kebonbaru, Kec. Kejaksan, Kota Cirebon",
        "postal_code": "45121",
        "whatsapp": "+6285700000109",
        "nib": "9120000990345",
        "year_founded": 2015,
        "workforce": 11,
        "monthly_capacity": "3.000 kaos",
        "export_ready": False,
        "sells_online": True,  # ready-stock retail: bought online when Stripe is set
        "summary": "Kaos sablon khas Cirebon, katun combed 30s, juga pesanan komunitas.",
        "style": (
            "kaos",
            {"colour": "#1f2a44", "print_text": "GRAGE", "motif": "megamendung", "palette": "biru"},
        ),
        "story": (
            "<p>Grage adalah nama lama Cirebon. Mas Rizky mulai menyablon kaos di garasi rumah "
            "untuk teman-teman kampus, lalu membuka toko kecil di Jalan Kartini.</p>"
            "<p>Semua desain dibuat sendiri, terinspirasi mega mendung, topeng dan julukan "
            "<i>Kota Udang</i>.</p>"
        ),
        "certs": [("hki-merek", "IDM000998877", 800, 3650, True)],
        "products": [
            p(
                "Kaos Cirebon Kota Udang Hitam",
                "GN-KS-001",
                "kaos",
                95_000,
                "Kaos hitam bersablon Kota Udang, katun combed 30s.",
                "Sablon plastisol yang awet dicuci. Ukuran S sampai XXL.",
                ("kaos", {"colour": "#1f1f1f", "print_text": "KOTA UDANG"}),
                "Kaos hitam dengan sablon lingkaran mega mendung dan tulisan KOTA UDANG",
                stock=120,
                weight=180,
                materials=("katun-combed-30s",),
                tags=("kaos", "oleh-oleh", "cirebon"),
                hs="6109.10",
                photos=2,
                specs=[("Ukuran", "S, M, L, XL, XXL")],
            ),
            p(
                "Kaos Mega Mendung Navy",
                "GN-KS-002",
                "kaos",
                99_000,
                "Kaos biru dongker dengan sablon mega mendung.",
                "Desain mega mendung dalam lingkaran, tulisan CIREBON di bawahnya.",
                ("kaos", {"colour": "#1f2a44", "print_text": "CIREBON"}),
                "Kaos biru dongker dengan sablon lingkaran mega mendung dan tulisan CIREBON",
                stock=95,
                weight=180,
                materials=("katun-combed-30s",),
                tags=("kaos", "mega mendung"),
                hs="6109.10",
                photos=2,
            ),
            p(
                "Kaos Anak Topeng Cirebon",
                "GN-KS-003",
                "kaos",
                75_000,
                "Kaos anak warna kuning dengan sablon motif topeng.",
                "Ukuran 2 sampai 12 tahun, bahan lembut untuk kulit anak.",
                ("kaos", {"colour": "#f2c94c", "print_text": "TOPENG", "palette": "merah"}),
                "Kaos anak warna kuning dengan sablon lingkaran merah dan tulisan TOPENG",
                stock=60,
                weight=120,
                materials=("katun-combed-30s",),
                tags=("kaos", "anak"),
                hs="6109.10",
                photos=1,
            ),
            p(
                "Kaos Sablon Custom untuk Komunitas",
                "GN-KS-004",
                "kaos",
                65_000,
                "Kaos dengan desain Anda sendiri, minimal dua lusin.",
                "Harga per kaos untuk sablon satu warna; kirim desain lewat WhatsApp.",
                ("kaos", {"colour": "#2e6b3a", "print_text": "KOMUNITAS", "palette": "hijau"}),
                "Kaos hijau dengan sablon lingkaran hijau dan tulisan KOMUNITAS",
                min_order=24,
                lead=10,
                weight=180,
                materials=("katun-combed-30s",),
                tags=("kaos", "custom", "komunitas"),
                hs="6109.10",
                photos=1,
            ),
            p(
                "Tas Jinjing Kanvas Mega Mendung",
                "GN-TS-005",
                "tas",
                55_000,
                "Tas jinjing kanvas dengan panel mega mendung biru.",
                "Muat laptop 14 inci; pegangan dijahit dua kali.",
                ("tas", {"tone": "#e3d6bd", "motif": "megamendung", "palette": "biru"}),
                "Tas jinjing krem dengan panel batik mega mendung biru dan dua pegangan",
                stock=70,
                size=(38, 10, 40),
                weight=220,
                materials=("katun-prima",),
                tags=("tas", "oleh-oleh"),
                hs="4202.22",
                photos=1,
            ),
        ],
    },
    {
        "key": "pesisircraft",
        "cover_alt": "tas anyaman pandan berpanel batik mega mendung",
        "title": "Pesisir Craft",
        "initials": "PC",
        "owner_names": "Ibu Ratna Sari Dewi",
        "owner_user": ("Ratna", "Dewi"),
        "region": "kota-cirebon",
        "sentra": None,
        "address": "Jl. Kalitanjung No. 17, Kel. Harjamukti, Kec. Harjamukti, Kota Cirebon",
        "postal_code": "45143",
        "whatsapp": "+6281300000110",
        "nib": "9120001010456",
        "year_founded": 2012,
        "workforce": 14,
        "monthly_capacity": "800 tas dan 1.500 aksesoris",
        "export_ready": True,
        "summary": "Tas anyaman pandan berpanel batik dan perhiasan kuningan motif mega mendung.",
        "style": ("tas", {"tone": "#b58a55", "motif": "megamendung", "palette": "biru"}),
        "story": (
            "<p>Pesisir Craft memadukan anyaman pandan dari Gegesik dengan sisa kain batik "
            "Trusmi, sehingga <b>tidak ada kain yang terbuang</b>.</p>"
            "<p>Perhiasan kuningan dibuat oleh perajin logam di Kota Cirebon dengan bentuk awan "
            "mega mendung.</p>"
        ),
        "certs": [("hki-merek", "IDM000912345", 1100, 3650, True)],
        "products": [
            p(
                "Tas Anyaman Pandan Kombinasi Batik Mega Mendung",
                "PC-TS-001",
                "tas",
                235_000,
                "Tas tangan anyaman pandan dengan panel batik mega mendung.",
                "Bagian dalam berlapis kain dan bersaku ritsleting.",
                ("tas", {"tone": "#b58a55", "motif": "megamendung", "palette": "biru"}),
                "Tas anyaman pandan cokelat muda dengan panel batik mega mendung biru",
                stock=25,
                size=(32, 12, 26),
                weight=420,
                materials=("daun-pandan", "katun-prima"),
                tags=("tas", "anyaman", "batik"),
                hs="4602.19",
                photos=3,
            ),
            p(
                "Dompet Batik Mega Mendung dengan Ritsleting",
                "PC-DP-002",
                "tas",
                45_000,
                "Dompet kecil dari kain batik mega mendung merah.",
                "Cocok untuk suvenir pernikahan dan seminar. Minimal satu lusin.",
                ("dompet", {"motif": "megamendung", "palette": "merah"}),
                "Dompet kain batik mega mendung merah dengan ritsleting di atas",
                min_order=12,
                stock=200,
                size=(20, 3, 12),
                weight=60,
                materials=("katun-prima",),
                tags=("dompet", "suvenir"),
                hs="4202.32",
                photos=1,
            ),
            p(
                "Kalung Kuningan Liontin Mega Mendung",
                "PC-KL-003",
                "perhiasan",
                185_000,
                "Kalung kuningan dengan liontin berbentuk awan mega mendung.",
                "Kuningan dipoles dan dilapis anti kusam; panjang rantai 45 cm.",
                ("perhiasan", {"item": "kalung", "stone": "#1f4e8c"}),
                "Kalung rantai kuningan dengan liontin awan mega mendung di atas kain gelap",
                stock=35,
                weight=25,
                materials=("kuningan",),
                tags=("perhiasan", "mega mendung"),
                hs="7117.19",
                photos=2,
            ),
            p(
                "Bros Mega Mendung Kuningan Lapis Emas",
                "PC-BR-004",
                "perhiasan",
                125_000,
                "Bros awan mega mendung untuk kerudung dan kebaya.",
                "Lapis emas 24 karat tipis dengan aksen biru.",
                ("perhiasan", {"item": "bros", "stone": "#1f4e8c"}),
                "Bros kuningan berbentuk awan mega mendung dengan aksen biru",
                stock=50,
                weight=15,
                materials=("kuningan",),
                tags=("perhiasan", "bros"),
                hs="7117.19",
                photos=1,
            ),
            p(
                "Cincin Perak Motif Wadasan",
                "PC-CN-005",
                "perhiasan",
                350_000,
                "Cincin perak 925 dengan batu biru dan merah.",
                "Ukuran cincin bisa disesuaikan; pengerjaan tujuh hari.",
                ("perhiasan", {"item": "cincin", "metal": "#c0c4c8", "stone": "#1f4e8c"}),
                "Dua cincin perak, satu bermata merah dan satu bermata biru",
                lead=7,
                preorder=True,
                weight=6,
                materials=("perak",),
                tags=("perhiasan", "cincin"),
                hs="7113.11",
                photos=1,
            ),
            p(
                "Gantungan Kunci Mega Mendung (Isi 12)",
                "PC-GK-006",
                "suvenir",
                72_000,
                "Satu lusin gantungan kunci awan mega mendung biru.",
                "Suvenir acara dan oleh-oleh; bisa ditambah nama acara.",
                ("gantungan", {"charm": "awan"}),
                "Tiga gantungan kunci berbentuk awan mega mendung biru",
                unit="lusin",
                stock=45,
                weight=180,
                materials=("kuningan",),
                tags=("suvenir", "oleh-oleh"),
                hs="7117.19",
                photos=1,
            ),
        ],
    },
    {
        "key": "busana",
        "cover_alt": "gamis dengan rok batik parang ungu",
        "title": "Busana Muslim Nur Azzahra",
        "initials": "NA",
        "owner_names": "Ibu Hj. Nur Azizah",
        "owner_user": ("Nur", "Azizah"),
        "region": "kota-cirebon",
        "sentra": None,
        "address": "Jl. Lemahwungkuk No. 62, Kel. Lemahwungkuk, Kec. Lemahwungkuk, Kota Cirebon",
        "postal_code": "45111",
        "whatsapp": "+6287800000111",
        "nib": "9120001120789",
        "year_founded": 2010,
        "workforce": 16,
        "monthly_capacity": "1.000 potong",
        "export_ready": False,
        "summary": "Gamis, hijab dan koko bermotif batik Cirebon.",
        "style": ("gamis", {"motif": "parang", "palette": "ungu"}),
        "story": (
            "<p>Nur Azzahra menjahit gamis dan koko dengan sentuhan batik Cirebon. Kainnya "
            "dibeli dari perajin batik Trusmi, dijahit oleh penjahit rumahan di sekitar "
            "Lemahwungkuk.</p>"
        ),
        "certs": [],
        "products": [
            p(
                "Gamis Batik Kombinasi Parang Ungu",
                "NA-GM-001",
                "busana-muslim",
                385_000,
                "Gamis rayon polos dengan rok batik parang ungu.",
                "Busui friendly dengan ritsleting depan. Ukuran M sampai XXL.",
                ("gamis", {"motif": "parang", "palette": "ungu"}),
                "Gamis krem dengan bagian rok bermotif parang ungu",
                stock=30,
                weight=450,
                materials=("rayon",),
                tags=("gamis", "batik"),
                hs="6204.44",
                photos=2,
                specs=[("Ukuran", "M, L, XL, XXL")],
            ),
            p(
                "Hijab Segi Empat Mega Mendung Pastel",
                "NA-HJ-002",
                "busana-muslim",
                65_000,
                "Hijab voal segi empat bermotif mega mendung warna pastel.",
                "Ukuran 115 x 115 cm, tepi dijahit tepi laser.",
                ("hijab", {"motif": "megamendung", "palette": "pastel"}),
                "Hijab segi empat dilipat segitiga, motif mega mendung pastel",
                min_order=3,
                stock=150,
                size=(115, 115, None),
                weight=90,
                materials=("voal",),
                tags=("hijab", "mega mendung"),
                hs="6214.90",
                photos=2,
            ),
            p(
                "Koko Batik Pria Mega Mendung Biru",
                "NA-KK-003",
                "busana-muslim",
                225_000,
                "Baju koko lengan panjang dari batik cap mega mendung.",
                "Kerah shanghai, kancing tertutup. Ukuran M sampai XXL.",
                ("kemeja", {"motif": "megamendung", "palette": "biru"}),
                "Baju koko batik motif mega mendung biru, tampak depan",
                stock=40,
                weight=300,
                materials=("katun-prima",),
                tags=("koko", "pria"),
                hs="6205.20",
                photos=2,
            ),
            p(
                "Mukena Bordir Mega Mendung",
                "NA-MK-004",
                "busana-muslim",
                450_000,
                "Mukena katun putih dengan bordir mega mendung di bagian bawah.",
                "Dibuat berdasarkan pesanan dalam dua minggu; bisa ditambah bordir nama.",
                ("gamis", {"motif": "megamendung", "palette": "biru", "plain": "#f7f5ef"}),
                "Mukena putih dengan bagian bawah bermotif mega mendung biru",
                lead=14,
                preorder=True,
                weight=600,
                materials=("katun-prima",),
                tags=("mukena", "hadiah"),
                hs="6211.42",
                photos=1,
            ),
            p(
                "Gamis Anak Batik Kawung Hijau",
                "NA-GM-005",
                "busana-muslim",
                175_000,
                "Gamis anak perempuan dengan rok batik kawung hijau.",
                "Ukuran 4 sampai 12 tahun.",
                ("gamis", {"motif": "kawung", "palette": "hijau", "plain": "#f3ead8"}),
                "Gamis anak krem dengan bagian rok bermotif kawung hijau",
                stock=20,
                weight=250,
                materials=("katun-prima",),
                tags=("gamis", "anak"),
                hs="6204.42",
                photos=1,
            ),
        ],
    },
    {
        "key": "krakatoa",
        "cover_alt": "kain batik bermotif Gunung Krakatau",
        "title": "Batik Sekar Krakatau",
        "initials": "SK",
        "owner_names": "Ibu Hj. Sri Mulyati",
        "owner_user": ("Sri", "Mulyati"),
        "region": "kota-cilegon",
        "sentra": "sentra-batik-krakatoa",
        "address": "Jl. Kubangsari Raya No. 14, Kel. Kubangsari, Kec. Ciwandan, Kota Cilegon",
        "postal_code": "42445",
        "phone": "(0254) 0000-314",
        "whatsapp": "+6281200000112",
        "nib": "9120001230123",
        "year_founded": 2013,
        "workforce": 15,
        "monthly_capacity": "300 lembar",
        "export_ready": False,
        "summary": "Batik Krakatoa khas Cilegon: Gunung Krakatau, ombak Selat Sunda.",
        "style": ("batik_cloth", {"motif": "krakatoa", "palette": "krakatoa"}),
        "story": (
            "<p>Batik Krakatoa lahir dari keinginan Cilegon punya batik sendiri. Ibu Sri "
            "Mulyati ikut pelatihan membatik pada 2012 dan setahun kemudian membuka "
            "rumah batik di Ciwandan.</p>"
            "<p>Motifnya bercerita tentang kota ini: <b>Gunung Krakatau</b> yang menyala, "
            "ombak Selat Sunda, dan semangat kota industri.</p>"
        ),
        "certs": [("hki-merek", "IDM001002233", 1000, 3650, True)],
        "products": [
            p(
                "Kain Batik Tulis Krakatoa Merah Jingga",
                "KR-BT-001",
                "batik-tulis",
                1_250_000,
                "Gunung Krakatau menyala di atas ombak, batik tulis warna merah jingga.",
                "Motif unggulan kami, dibatik tangan di atas katun primisima.",
                batik("krakatoa", "krakatoa"),
                "Kain batik tulis bermotif Gunung Krakatau dan ombak, hitam, merah dan jingga",
                unit="lembar",
                stock=5,
                size=(240, 110, None),
                weight=440,
                materials=("katun-primisima",),
                tags=("krakatoa", "cilegon", "batik tulis"),
                hs="5208.52",
                photos=3,
                certs=[("batikmark", "0522/BT/BBKB/2024", 380, 1825, True)],
            ),
            p(
                "Kain Batik Cap Krakatoa Biru Laut",
                "KR-CP-002",
                "batik-cap",
                325_000,
                "Batik cap motif Krakatau dan ombak dalam warna biru laut.",
                "Versi cap dari motif Krakatoa, untuk seragam dan kemeja harian.",
                batik("krakatoa", "biru"),
                "Kain batik cap bermotif Gunung Krakatau dan ombak warna biru",
                unit="lembar",
                stock=30,
                size=(220, 110, None),
                weight=400,
                materials=("katun-prima",),
                tags=("krakatoa", "batik cap"),
                hs="5208.52",
            ),
            p(
                "Kemeja Batik Krakatoa Pria",
                "KR-KM-003",
                "pakaian-batik",
                395_000,
                "Kemeja pria motif Krakatoa, lengan pendek.",
                "Potongan slim fit, tersedia ukuran M sampai XXL.",
                ("kemeja", {"motif": "krakatoa", "palette": "krakatoa"}),
                "Kemeja batik pria bermotif Gunung Krakatau merah jingga, tampak depan",
                stock=20,
                weight=280,
                materials=("katun-prima",),
                tags=("kemeja", "krakatoa"),
                hs="6205.20",
                photos=2,
            ),
            p(
                "Selendang Sutra Batik Krakatoa",
                "KR-SL-004",
                "batik-tulis",
                750_000,
                "Selendang sutra bermotif Krakatoa untuk hadiah resmi.",
                "Dibuat dalam pre-order; cocok untuk cenderamata tamu kota.",
                ("selendang", {"motif": "krakatoa", "palette": "krakatoa"}),
                "Selendang sutra bermotif Gunung Krakatau terbentang miring",
                lead=20,
                preorder=True,
                size=(200, 50, None),
                weight=110,
                materials=("sutra",),
                tags=("selendang", "hadiah"),
                hs="5007.20",
                photos=1,
            ),
            p(
                "Kain Batik Tulis Ombak Selat Sunda Hijau",
                "KR-BT-005",
                "batik-tulis",
                1_100_000,
                "Krakatau dan ombak Selat Sunda dalam nuansa hijau.",
                "Perpaduan hijau dan kuning yang lebih kalem daripada merah khas Krakatoa.",
                batik("krakatoa", "hijau"),
                "Kain batik tulis bermotif gunung dan ombak warna hijau",
                unit="lembar",
                stock=4,
                size=(240, 110, None),
                weight=440,
                materials=("katun-primisima",),
                tags=("krakatoa", "batik tulis"),
                hs="5208.52",
                photos=2,
            ),
            p(
                "Batik Seragam Sekolah Motif Krakatoa (per Kodi)",
                "KR-SR-006",
                "batik-cap",
                2_600_000,
                "Kain batik cap untuk seragam sekolah, per kodi.",
                "Bersertifikat TKDN, bisa dipesan melalui pengadaan sekolah.",
                batik("krakatoa", "ungu"),
                "Kain batik cap bermotif Gunung Krakatau warna ungu",
                unit="kodi",
                min_order=3,
                lead=30,
                weight=7400,
                materials=("katun-prima",),
                tags=("seragam", "sekolah", "tkdn"),
                hs="5208.52",
                photos=1,
                certs=[("tkdn", "1021/SJ-IND.8/TKDN/3/2025", 250, 1095, True)],
            ),
        ],
    },
    {
        "key": "logam",
        "cover_alt": "hiasan dinding logam bundar",
        "title": "Kriya Logam Baja Mandiri",
        "initials": "BM",
        "owner_names": "Bapak Slamet Riyadi",
        "owner_user": ("Slamet", "Riyadi"),
        "region": "kota-cilegon",
        "sentra": "sentra-ikm-logam-cilegon",
        "address": "Jl. Lingkar Selatan No. 9, Kel. Kalitimbang, Kec. Cibeber, Kota Cilegon",
        "postal_code": "42426",
        "whatsapp": "+6285700000113",
        "nib": "9120001340456",
        "year_founded": 2008,
        "workforce": 21,
        "monthly_capacity": "1.500 unit",
        "export_ready": False,
        "summary": "Lampu taman, hiasan dinding laser cut dan besi tempa dari Cilegon.",
        "style": ("logam", {"item": "hiasan", "motif": "garis", "palette": "biru"}),
        "story": (
            "<p>Pak Slamet pernah bekerja di bengkel pabrikasi baja sebelum membuka bengkel "
            "kriya sendiri. Sisa plat baja diolah menjadi <b>hiasan dinding dan lampu "
            "taman</b>.</p>"
            "<p>Kami melayani perumahan, hotel dan kantor di Banten dan Jabodetabek.</p>"
        ),
        "certs": [
            ("tkdn", "0711/SJ-IND.8/TKDN/9/2022", 1150, 1095, True),
            ("hki-merek", "IDM000877766", 1300, 3650, False),
        ],
        "products": [
            p(
                "Lampu Taman Besi Model Lentera",
                "BM-LP-001",
                "logam",
                650_000,
                "Lampu taman tiang besi dengan kaca buram, finishing hitam.",
                "Dicat anti karat dua lapis, tinggi 120 cm. Bisa untuk lampu LED atau "
                "tenaga surya.",
                ("logam", {"item": "lampu", "metal": "#2d3035"}),
                "Lampu taman besi hitam berbentuk lentera dengan kaca kuning",
                stock=15,
                size=(30, 30, 120),
                weight=9500,
                materials=("besi", "kaca"),
                tags=("lampu", "taman"),
                hs="9405.49",
                photos=2,
            ),
            p(
                "Hiasan Dinding Laser Cut Mega Mendung 60 cm",
                "BM-HD-002",
                "logam",
                425_000,
                "Hiasan dinding bundar dari plat baja dengan pola lubang dan awan.",
                "Dipotong laser dari plat baja 2 mm lalu dicat powder coating.",
                ("logam", {"item": "hiasan", "metal": "#3b3f45"}),
                "Hiasan dinding logam bundar abu-abu gelap dengan pola lubang melingkar",
                stock=10,
                size=(60, 60, 2),
                weight=3800,
                materials=("plat-baja",),
                tags=("dekorasi rumah", "laser cut"),
                hs="8306.29",
                photos=2,
            ),
            p(
                "Rak Dinding Besi Tempa 2 Susun",
                "BM-RK-003",
                "logam",
                285_000,
                "Rak dinding dua susun dengan papan kayu dan siku besi tempa.",
                "Siku ditempa tangan; papan kayu jati belanda.",
                ("logam", {"item": "rak", "metal": "#2d3035"}),
                "Rak dinding dua susun dengan papan kayu dan siku besi hitam",
                stock=25,
                size=(80, 20, 50),
                weight=5200,
                materials=("besi",),
                tags=("rak", "dekorasi rumah"),
                hs="9403.20",
                photos=1,
            ),
            p(
                "Pagar Besi Hias (per Meter)",
                "BM-PG-004",
                "logam",
                1_250_000,
                "Pagar besi hias sesuai ukuran, harga per meter lari.",
                "Termasuk pemasangan untuk wilayah Cilegon dan Serang.",
                ("logam", {"item": "hiasan", "metal": "#5a5f66"}),
                "Panel logam bundar abu-abu dengan pola lubang, contoh motif pagar",
                unit="meter",
                min_order=4,
                lead=21,
                weight=18000,
                materials=("besi",),
                tags=("pagar", "konstruksi"),
                hs="7308.90",
                photos=1,
                certs=[("sni", "SPPT-SNI 0215/LSPro-B4T/2020", 2000, 1460, True)],
            ),
            p(
                "Hiasan Dinding Kuningan Motif Awan",
                "BM-HD-005",
                "logam",
                950_000,
                "Hiasan dinding bundar dari kuningan dengan awan di tengah.",
                "Dibuat berdasarkan pesanan; diameter 50 sampai 100 cm.",
                ("logam", {"item": "hiasan", "metal": "#9a7a2a"}),
                "Hiasan dinding kuningan bundar dengan pola lubang dan awan di tengah",
                lead=14,
                preorder=True,
                size=(50, 50, 2),
                weight=4100,
                materials=("kuningan",),
                tags=("dekorasi rumah", "kuningan"),
                hs="8306.29",
                photos=1,
            ),
        ],
    },
    {
        "key": "gipang",
        "cover_alt": "potongan gipang ketan di atas kertas",
        "title": "Gipang & Emping Ratu Banten",
        "initials": "RB",
        "owner_names": "Ibu Hj. Rohimah",
        "owner_user": ("Rohimah", ""),
        "region": "kota-cilegon",
        "sentra": None,
        "address": "Jl. Ki Mas Jong No. 23, Kel. Ciwaduk, Kec. Cilegon, Kota Cilegon",
        "postal_code": "42411",
        "whatsapp": "+6281300000114",
        "nib": "9120001450789",
        "year_founded": 1998,
        "workforce": 10,
        "monthly_capacity": "800 kg",
        "export_ready": False,
        "summary": "Gipang ketan dan emping melinjo, oleh-oleh khas Cilegon.",
        "style": ("gipang", {"motif": "krakatoa", "palette": "krakatoa"}),
        "story": (
            "<p>Gipang, kue dari beras ketan dan gula, selalu ada di meja tamu saat Lebaran di "
            "Cilegon. Ibu Rohimah membuatnya dengan resep ibunya sejak 1998.</p>"
            "<p>Emping melinjo kami dari petani melinjo di Banten, dipipihkan tangan.</p>"
        ),
        "certs": [],
        "products": [
            p(
                "Gipang Ketan Original 250 g",
                "RB-GP-001",
                "kue-camilan",
                22_000,
                "Gipang ketan manis dengan aroma jahe.",
                "Beras ketan dikeringkan, digoreng, lalu dicampur gula cair dan jahe.",
                ("gipang", {"colour": "#f1e2c0"}),
                "Potongan gipang ketan berwarna krem dan merah muda di atas kertas",
                unit="bungkus",
                min_order=5,
                stock=200,
                weight=250,
                materials=("beras-ketan", "gula-pasir"),
                tags=("gipang", "oleh-oleh", "cilegon"),
                hs="1904.10",
                photos=2,
                certs=[
                    ("halal", "ID36720000034561024", 450, None, True),
                    ("p-irt", "2053672010011-29", 450, 1825, True),
                ],
            ),
            p(
                "Gipang Ketan Gula Aren 250 g",
                "RB-GP-002",
                "kue-camilan",
                24_000,
                "Gipang dengan gula aren, warna lebih gelap dan lebih wangi.",
                "Varian gula aren untuk yang kurang suka terlalu manis.",
                ("gipang", {"colour": "#d9b27c"}),
                "Potongan gipang ketan berwarna cokelat muda dan merah muda di atas kertas",
                unit="bungkus",
                min_order=5,
                stock=140,
                weight=250,
                materials=("beras-ketan",),
                tags=("gipang",),
                hs="1904.10",
                photos=1,
                certs=[("p-irt", "2053672010011-29", 450, 1825, True)],
            ),
            p(
                "Emping Melinjo Banten Super 1 kg",
                "RB-EM-003",
                "emping",
                120_000,
                "Emping melinjo tipis ukuran besar, kualitas super.",
                "Dipilih yang utuh dan tipis; cocok untuk hantaran.",
                ("crackers", {"style": "emping", "n": 34}),
                "Piring berisi emping melinjo tipis berwarna kuning pucat",
                unit="kg",
                stock=60,
                weight=1000,
                materials=("melinjo",),
                tags=("emping", "melinjo", "banten"),
                hs="2008.19",
                photos=2,
                certs=[("p-irt", "2053672010004-23", 2000, 1825, True)],
            ),
            p(
                "Emping Melinjo Manis 250 g",
                "RB-EM-004",
                "emping",
                35_000,
                "Emping goreng berbalut gula, siap santap.",
                "Camilan manis gurih untuk teman minum teh.",
                ("crackers", {"style": "emping", "n": 26}),
                "Piring berisi emping melinjo berbalut gula",
                unit="bungkus",
                min_order=5,
                stock=110,
                weight=250,
                materials=("melinjo", "gula-pasir"),
                tags=("emping", "camilan"),
                hs="2008.19",
                photos=1,
            ),
            p(
                "Paket Oleh-oleh Cilegon (Gipang & Emping)",
                "RB-PK-005",
                "kue-camilan",
                65_000,
                "Dua gipang dan satu emping dalam kotak oleh-oleh.",
                "Kotak karton bergambar Krakatau, siap dibawa pulang.",
                ("gipang", {"colour": "#f1e2c0"}),
                "Potongan gipang ketan krem dan merah muda, isi paket oleh-oleh",
                unit="set",
                stock=40,
                size=(25, 18, 8),
                weight=800,
                materials=("beras-ketan", "melinjo", "gula-pasir"),
                tags=("oleh-oleh", "paket"),
                hs="1904.10",
                photos=1,
            ),
        ],
    },
    {
        "key": "paoman",
        "cover_alt": "kain batik bermotif bunga merah",
        "title": "Batik Paoman Ayu",
        "initials": "PA",
        "owner_names": "Ibu Hj. Carini",
        "owner_user": ("Carini", ""),
        "region": "kabupaten-indramayu",
        "sentra": "sentra-batik-paoman",
        "address": "Jl. Siliwangi Gg. Batik No. 3, Kel. Paoman, Kec. Indramayu, "
        "Kabupaten Indramayu",
        "postal_code": "45211",
        "whatsapp": "+6281200000115",
        "nib": "9120001560123",
        "year_founded": 1990,
        "workforce": 13,
        "monthly_capacity": "250 lembar",
        "export_ready": False,
        "summary": "Batik pesisir Paoman Indramayu dengan motif kembang dan warna berani.",
        "style": ("batik_cloth", {"motif": "paoman", "palette": "merah"}),
        "story": (
            "<p>Batik Paoman dikenal dengan motif flora dan warna-warna pesisir yang berani. "
            "Ibu Carini membatik sejak remaja dan kini mengajar pembatik muda di "
            "kampungnya.</p>"
        ),
        "certs": [("batikmark", "0188/BT/BBKB/2019", 2300, 1825, True)],
        "products": [
            p(
                "Kain Batik Tulis Paoman Kembang Merah",
                "PY-BT-001",
                "batik-tulis",
                900_000,
                "Batik tulis Paoman dengan kembang merah di atas dasar krem.",
                "Motif kembang pesisir yang dibatik tangan, warna merah khas Indramayu.",
                batik("paoman", "merah"),
                "Kain batik tulis bermotif bunga merah dan hijau di atas dasar krem",
                unit="lembar",
                stock=6,
                size=(240, 110, None),
                weight=430,
                materials=("katun-primisima",),
                tags=("paoman", "indramayu", "batik tulis"),
                hs="5208.52",
                photos=2,
            ),
            p(
                "Kain Batik Tulis Paoman Kembang Biru",
                "PY-BT-002",
                "batik-tulis",
                1_100_000,
                "Kembang pesisir dalam nuansa biru.",
                "Pilihan warna biru untuk kemeja pria dan kain panjang.",
                batik("paoman", "biru"),
                "Kain batik tulis bermotif bunga biru di atas dasar biru muda",
                unit="lembar",
                stock=3,
                size=(240, 110, None),
                weight=430,
                materials=("katun-primisima",),
                tags=("paoman", "batik tulis"),
                hs="5208.52",
                photos=2,
            ),
            p(
                "Kain Batik Cap Paoman Sogan",
                "PY-CP-003",
                "batik-cap",
                275_000,
                "Batik cap Paoman dengan warna sogan.",
                "Motif Paoman versi cap, harga lebih terjangkau.",
                batik("paoman", "sogan"),
                "Kain batik cap bermotif bunga cokelat di atas dasar krem",
                unit="lembar",
                stock=20,
                size=(220, 110, None),
                weight=400,
                materials=("katun-prima",),
                tags=("paoman", "batik cap"),
                hs="5208.52",
                photos=1,
            ),
            p(
                "Blus Batik Paoman Wanita",
                "PY-BL-004",
                "pakaian-batik",
                285_000,
                "Blus wanita lengan pendek dari batik Paoman merah.",
                "Ukuran S sampai XL, kancing depan.",
                ("kemeja", {"motif": "paoman", "palette": "merah"}),
                "Blus batik bermotif bunga merah, tampak depan",
                stock=15,
                weight=220,
                materials=("katun-prima",),
                tags=("blus", "wanita"),
                hs="6206.30",
                photos=1,
            ),
        ],
    },
]

CURATED_PRODUCT_COUNT = sum(len(v["products"]) for v in VENDORS)

OPERATOR = {
    "username": "operator",
    "first_name": "Operator",
    "last_name": "Etalase IKM",
    "email": "operator@example.com",
}
CURATOR = {
    "username": "kurator",
    "first_name": "Dewi",
    "last_name": "Kartika",
    "email": "kurator@example.com",
}
PRIMARY_OWNER_KEY = "trusmi"


def owner_username(vendor_key):
    return f"pemilik.{vendor_key}"


# --------------------------------------------------------------------------------------------
# Results


@dataclass
class Login:
    role: str
    username: str
    password: str
    note: str = ""


@dataclass
class BuildReport:
    vendors_created: int = 0
    products_created: int = 0
    images_created: int = 0
    users_created: int = 0
    seconds: float = 0.0
    logins: list = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Signals: quiet during the build, with explicit indexing afterwards


@contextmanager
def bulk_build(references=True):
    """Build many objects without per-save side effects, then index what was saved, once.

    While active: no renditions on publish (catalog.signals.warm_renditions), no search
    indexing and no reference-index update on each save. Saved objects are collected, and on a
    normal exit they are added to the search backends in bulk (what `update_index` does, for
    these objects only) and, when `references` is true, to Wagtail's reference index (image
    usage in the admin). Use inside a transaction. It changes process-wide signal connections
    for its duration: for management commands and tests, not for code serving requests.
    """
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler

    from catalog.signals import warm_renditions

    collected = {}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            collected.setdefault(sender, set()).add(instance.pk)

    post_save.connect(collect, weak=False, dispatch_uid="catalog.demo.bulk_build")
    renditions_off = page_published.disconnect(warm_renditions)
    search_off = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield collected
    finally:
        post_save.disconnect(dispatch_uid="catalog.demo.bulk_build")
        if renditions_off:
            page_published.connect(warm_renditions)
        for model in search_off:
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pks in collected.items():
        if search_index.class_is_indexed(model):
            index_for_search(model, pks)
        if references and ReferenceIndex.is_indexed(model) and not _is_child_model(model):
            for instance in model.objects.filter(pk__in=pks).iterator():
                ReferenceIndex.create_or_update_for_object(instance)


def _is_child_model(model):
    """Inline (ParentalKey) models: the reference index records them with their parent page."""
    return any(isinstance(f, ParentalKey) for f in model._meta.get_fields())


def index_for_search(model, pks, chunk_size=500):
    """Add objects to every search backend in bulk (what update_index does, for some objects)."""
    from modelsearch.backends import get_search_backends

    pks = list(pks)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(pks), chunk_size):
        objects = list(model.get_indexed_objects().filter(pk__in=pks[start : start + chunk_size]))
        for backend in backends:
            backend.add_bulk(model, objects)


def warm_demo_renditions(pages):
    from catalog.renditions import warm_page_renditions

    for page in pages:
        warm_page_renditions(page)


# --------------------------------------------------------------------------------------------
# Taxonomy, users and images


@dataclass
class Taxonomy:
    categories: dict
    regions: dict
    sentra: dict
    materials: dict
    certificate_types: dict


def english_category(slug):
    name_en, description_en = demo_english.CATEGORIES.get(slug, ("", ""))
    return {"name_en": name_en, "description_en": description_en}


def ensure_taxonomy():
    categories = {}
    for order, (name, slug, description, children) in enumerate(CATEGORIES):
        parent, _ = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "sort_order": order,
                **english_category(slug),
            },
        )
        categories[slug] = parent
        for child_order, (child_name, child_slug) in enumerate(children):
            categories[child_slug], _ = Category.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name": child_name,
                    "parent": parent,
                    "sort_order": child_order,
                    **english_category(child_slug),
                },
            )
    regions = {}
    for name, kind, province in REGIONS:
        regions[slugify(name)], _ = Region.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "kind": kind, "province": province}
        )
    sentra = {}
    for name, region_name, description in SENTRA:
        sentra[slugify(name)], _ = Sentra.objects.get_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "region": regions[slugify(region_name)],
                "description": description,
            },
        )
    materials = {}
    for name in MATERIALS:
        materials[slugify(name)], _ = Material.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "name_en": demo_english.MATERIALS.get(slugify(name), "")},
        )
    certificate_types = {}
    for name, slug, code, issuer, description in CERTIFICATE_TYPES:
        certificate_types[slug], _ = CertificateType.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "code": code,
                "issuer": issuer,
                "description": description,
                "name_en": demo_english.CERTIFICATE_TYPES.get(slug, ""),
            },
        )
    return Taxonomy(categories, regions, sentra, materials, certificate_types)


_password_hash = None


def _demo_password_hash():
    """Hash the demo password once per process: the hasher is deliberately slow."""
    global _password_hash
    if _password_hash is None:
        _password_hash = make_password(DEMO_PASSWORD)
    return _password_hash


def ensure_user(username, report, **fields):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **fields)
        user.password = _demo_password_hash()
        user.save()
        report.users_created += 1
    return user


def ensure_staff_users(report):
    operator = ensure_user(
        OPERATOR["username"],
        report,
        is_superuser=True,
        is_staff=True,
        **{k: v for k, v in OPERATOR.items() if k != "username"},
    )
    curator = ensure_user(
        CURATOR["username"], report, **{k: v for k, v in CURATOR.items() if k != "username"}
    )
    roles = ensure_roles()
    curator.groups.add(roles["curators"])
    operator.groups.add(roles["operators"])
    return operator, curator


def ensure_image(title, collection, alt, draw, report, existing=None):
    """The image titled `title` in `collection`; `draw()` makes its JPEG bytes if it's missing.

    `existing` is an optional {title: image} cache of the collection. The drawing passes the
    same image gate as an upload, which also measures it from its header (nothing is decoded).
    """
    if existing is not None:
        image = existing.get(title)
    else:
        image = CatalogImage.objects.filter(title=title, collection=collection).first()
    if image is not None:
        return image
    data, name = draw(), f"{slugify(title)[:80] or 'gambar'}.jpg"
    checked = check_image(data, name)
    image = CatalogImage(
        title=title,
        description=alt[:255],
        collection=collection,
        width=checked.width,
        height=checked.height,
        file=ContentFile(data, name=name),
    )
    image._set_image_file_metadata()
    image.save()
    report.images_created += 1
    if existing is not None:
        existing[title] = image
    return image


def site_pages():
    vendor_index = VendorPage.allowed_parent_page_models()[0].objects.first()  # the directory
    if vendor_index is None:
        raise RuntimeError("No IKM directory page (/ikm/): run `manage.py migrate` first.")
    return vendor_index


def _block_id(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "etalase-ikm/" + "/".join(map(str, parts))))


def _number(value):
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",")


def _weight_text(grams):
    if grams >= 1000:
        return f"{_number(round(grams / 1000, 1))} kg"
    return f"{grams} gram"


def _size_text(size):
    parts = [_number(v) for v in size if v]
    return " × ".join(parts) + " cm" if parts else ""


def description_blocks(key, detail, rows, care=""):
    blocks = [
        {"type": "heading", "value": "Tentang produk", "id": _block_id(key, "h1")},
        {"type": "paragraph", "value": f"<p>{escape(detail)}</p>", "id": _block_id(key, "p1")},
        {"type": "heading", "value": "Spesifikasi", "id": _block_id(key, "h2")},
        {
            "type": "specifications",
            "value": {
                "rows": [
                    {
                        "type": "item",
                        "value": {"label": label, "value": value},
                        "id": _block_id(key, "row", n),
                    }
                    for n, (label, value) in enumerate(rows)
                ]
            },
            "id": _block_id(key, "spec"),
        },
    ]
    if care:
        blocks += [
            {"type": "heading", "value": "Perawatan dan penyimpanan", "id": _block_id(key, "h3")},
            {"type": "paragraph", "value": f"<p>{escape(care)}</p>", "id": _block_id(key, "p2")},
        ]
    return blocks


def care_for(category):
    parent = category.parent.slug if category.parent_id else category.slug
    if parent in ("batik",):
        return CARE["batik"]
    return CARE.get(category.slug) or CARE.get(parent, "")


def spec_rows(data, taxonomy):
    rows = list(data.get("specs", ()))
    if data["materials"]:
        rows.append(("Bahan", ", ".join(taxonomy.materials[m].name for m in data["materials"])))
    if data.get("size"):
        rows.append(("Ukuran", _size_text(data["size"])))
    if data.get("weight"):
        rows.append(("Berat", _weight_text(data["weight"])))
    rows.append(("Minimal pemesanan", f"{data['min_order']} {data['unit']}"))
    if data.get("lead"):
        rows.append(("Waktu produksi", f"{data['lead']} hari"))
    return rows


def certificate(model, taxonomy, spec, n=0):
    type_slug, number, issued_days_ago, valid_days, verified = spec
    issued = days_ago(issued_days_ago)
    expires = issued + datetime.timedelta(days=valid_days) if valid_days else None
    return model(
        certificate_type=taxonomy.certificate_types[type_slug],
        number=number.format(n=n),
        issued_on=issued,
        expires_on=expires,
        verified=verified,
        sort_order=n,
    )


VIEW_ALT = ("", ", dilihat dari dekat", ", difoto dari sudut lain")
VIEW_CAPTION = ("", "Detail dari dekat", "Dari sudut lain")


# --------------------------------------------------------------------------------------------
# The curated demo


def _add_and_publish(parent, page):
    """Create `page` as a draft under `parent`, then publish a revision, as an editor would.

    (Validation runs once, in save_revision; a live page would be validated on creation too.)
    """
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()


def build_vendor(data, vendor_index, taxonomy, report):
    """Create one IKM with its products (each published with a revision); skip what exists."""
    slug = slugify(data["title"])
    vendor = VendorPage.objects.child_of(vendor_index).filter(slug=slug).first()
    kind, options = data["style"]
    if vendor is None:
        vendor = VendorPage(
            title=data["title"],
            slug=slug,
            listing_summary=data["summary"],
            owner_names=data["owner_names"],
            story=data["story"],
            region=taxonomy.regions[data["region"]],
            sentra=taxonomy.sentra.get(data["sentra"]) if data["sentra"] else None,
            address=data["address"],
            postal_code=data["postal_code"],
            phone=data.get("phone", ""),
            whatsapp=data["whatsapp"],
            email=f"{data['key']}@example.com",
            nib=data["nib"],
            year_founded=data["year_founded"],
            workforce=data["workforce"],
            monthly_capacity=data["monthly_capacity"],
            export_ready=data["export_ready"],
            sells_online=data.get("sells_online", False),
            **demo_english.vendor_fields(data["key"]),
            **demo_shipping.vendor_fields(data["key"]),
        )
        collection = ensure_vendor_collection(vendor)
        palette_name = options.get("palette")
        vendor.logo = ensure_image(
            f"Logo {data['title']}",
            collection,
            f"Logo {data['title']}: huruf {data['initials']} di dalam lingkaran",
            lambda: demo_images.logo_image(
                data["title"], palette_name=palette_name, text=data["initials"]
            ),
            report,
        )
        vendor.cover_image = ensure_image(
            f"Sampul {data['title']}",
            collection,
            f"Sampul {data['title']}: pola batik {MOTIF_NAMES[options['motif']]} dan "
            f"{data['cover_alt']}",
            lambda: demo_images.cover_image(kind, data["key"], **options),
            report,
        )
        showcase = [p["image"] for p in data["products"][:4]]
        showcase_alt = "; ".join(p["alt"] for p in data["products"][:4])
        gallery_image = ensure_image(
            f"Etalase {data['title']}",
            collection,
            f"Empat produk {data['title']}: {showcase_alt}"[:255],
            lambda: demo_images.showcase_image(showcase, data["key"]),
            report,
        )
        vendor.gallery_images = [
            VendorGalleryImage(image=gallery_image, caption="Sebagian produk kami", sort_order=0)
        ]
        vendor.certificates = [
            certificate(VendorCertificate, taxonomy, spec, n)
            for n, spec in enumerate(data["certs"])
        ]
        _add_and_publish(vendor_index, vendor)
        report.vendors_created += 1
    collection = ensure_vendor_collection(vendor)
    for data_product in data["products"]:
        build_product(vendor, collection, data_product, taxonomy, report)
    return vendor


def build_product(vendor, collection, data, taxonomy, report):
    slug = slugify(data["title"])
    if ProductPage.objects.child_of(vendor).filter(slug=slug).exists():
        return None
    kind, options = data["image"]
    category = taxonomy.categories[data["category"]]
    page = ProductPage(
        title=data["title"],
        slug=slug,
        sku=data["sku"],
        summary=data["summary"],
        listing_summary=data["summary"],
        category=category,
        price=data["price"],
        price_unit=data["unit"],
        min_order=data["min_order"],
        availability=data["availability"],
        stock=data["stock"],
        lead_time_days=data["lead"],
        length_cm=(data["size"] or (None, None, None))[0],
        width_cm=(data["size"] or (None, None, None))[1],
        height_cm=(data["size"] or (None, None, None))[2],
        weight_grams=data["weight"],
        hs_code=data["hs"],
        description=description_blocks(
            data["sku"], data["detail"], spec_rows(data, taxonomy), care_for(category)
        ),
        **demo_english.product_fields(data["sku"]),
    )
    page.materials = [taxonomy.materials[m] for m in data["materials"]]
    page.tags.add(*data["tags"])
    gallery = []
    for view in range(data["photos"]):
        image = ensure_image(
            f"{data['title']} ({view + 1})",
            collection,
            data["alt"] + VIEW_ALT[view],
            lambda view=view: demo_images.product_image(kind, data["sku"], view=view, **options),
            report,
        )
        gallery.append(
            ProductGalleryImage(image=image, caption=VIEW_CAPTION[view], sort_order=view)
        )
    page.gallery_images = gallery
    page.certificates = [
        certificate(ProductCertificate, taxonomy, spec, n) for n, spec in enumerate(data["certs"])
    ]
    _add_and_publish(vendor, page)
    report.products_created += 1
    return page


def demo_logins():
    """The demo accounts that exist (none before the first build), for the command to print."""
    primary = next(v for v in VENDORS if v["key"] == PRIMARY_OWNER_KEY)
    candidates = [
        Login("Operator (superuser)", OPERATOR["username"], DEMO_PASSWORD, "semua akses"),
        Login(
            "Kurator",
            CURATOR["username"],
            DEMO_PASSWORD,
            "menerbitkan halaman, taksonomi, verifikasi sertifikat",
        ),
        Login(
            "Pemilik IKM",
            owner_username(PRIMARY_OWNER_KEY),
            DEMO_PASSWORD,
            f"hanya {primary['title']}",
        ),
    ]
    others = [owner_username(v["key"]) for v in VENDORS if v["key"] != PRIMARY_OWNER_KEY]
    existing = set(
        User.objects.filter(
            username__in=[login.username for login in candidates] + others
        ).values_list("username", flat=True)
    )
    logins = [login for login in candidates if login.username in existing]
    others = [username for username in others if username in existing]
    if others:
        logins.append(
            Login("Pemilik IKM lain", ", ".join(others), DEMO_PASSWORD, "satu akun per IKM")
        )
    return logins


def build_demo(warm_renditions=False):
    """Build (or complete) the curated demo catalog. Idempotent. Returns a BuildReport."""
    started = time.perf_counter()
    report = BuildReport()
    new_vendors = []
    with transaction.atomic(), bulk_build():
        taxonomy = ensure_taxonomy()
        ensure_demo_rates()
        vendor_index = site_pages()
        ensure_staff_users(report)
        for data in VENDORS:
            before = report.products_created + report.vendors_created
            vendor = build_vendor(data, vendor_index, taxonomy, report)
            owner = ensure_user(
                owner_username(data["key"]),
                report,
                first_name=data["owner_user"][0],
                last_name=data["owner_user"][1],
                email=f"pemilik.{data['key']}@example.com",
            )
            # The same service operators use: the demo owners get exactly an owner's rights.
            onboard_ikm(
                vendor.title,
                vendor.region,
                [Owner(email=owner.email, username=owner.username)],
                slug=vendor.slug,
                invite=False,
            )
            if report.products_created + report.vendors_created > before:
                new_vendors.append(vendor)
    if warm_renditions and new_vendors:
        warm_demo_renditions([*new_vendors, *ProductPage.objects.filter(vendor__in=new_vendors)])
    demo_catalog_built.send(sender=build_demo)
    report.logins = demo_logins()
    report.seconds = time.perf_counter() - started
    return report


# --------------------------------------------------------------------------------------------
# The synthetic catalog: many IKM and products from the demo vocabularies, for load testing


@dataclass
class Item:
    name: str
    category: str
    unit: str
    price: tuple
    hs: str
    materials: tuple
    kind: str
    alt: str  # "{v}" is replaced by the variant's description
    options: dict = field(default_factory=dict)
    size: tuple | None = None
    weight: int = 500


@dataclass
class Family:
    key: str
    prefix: str
    region: str
    sentra: str | None
    places: tuple
    items: tuple
    variants: tuple  # (name, image options, alt description)
    blurb: str
    certs: tuple = ()


def _batik_variants(*specs):
    return tuple(
        (name, {"motif": motif, "palette": palette}, f"motif {MOTIF_NAMES[motif]} warna {colour}")
        for name, motif, palette, colour in specs
    )


CIREBON_PLACES = (
    "Trusmi",
    "Plered",
    "Weru",
    "Plumbon",
    "Kaliwulu",
    "Panembahan",
    "Sumber",
    "Kedawung",
    "Klangenan",
    "Palimanan",
)
KOTA_CIREBON_PLACES = (
    "Pekalipan",
    "Lemahwungkuk",
    "Kejaksan",
    "Kesambi",
    "Harjamukti",
    "Pekiringan",
    "Kebonbaru",
    "Kalijaga",
)
CILEGON_PLACES = (
    "Ciwandan",
    "Citangkil",
    "Pulomerak",
    "Grogol",
    "Cibeber",
    "Jombang",
    "Purwakarta",
    "Cilegon",
)
INDRAMAYU_PLACES = ("Paoman", "Karangmalang", "Lemahabang", "Margadadi", "Pekandangan")
FOOD_CERTS = (
    ("halal", "ID32110000{n:05d}1024", 400, None, True),
    ("p-irt", "20632090{n:05d}-29", 500, 1825, True),
)

FAMILIES = (
    Family(
        "batik-tulis",
        "Batik Tulis",
        "kabupaten-cirebon",
        "sentra-batik-trusmi",
        CIREBON_PLACES,
        (
            Item(
                "Kain Batik Tulis",
                "batik-tulis",
                "lembar",
                (650_000, 2_500_000),
                "5208.52",
                ("katun-primisima",),
                "batik_cloth",
                "Kain batik tulis {v}",
                size=(250, 115, None),
                weight=450,
            ),
            Item(
                "Selendang Batik Tulis",
                "batik-tulis",
                "pcs",
                (350_000, 950_000),
                "5007.20",
                ("sutra",),
                "selendang",
                "Selendang batik tulis {v}",
                size=(200, 55, None),
                weight=120,
            ),
            Item(
                "Kemeja Batik Tulis",
                "pakaian-batik",
                "pcs",
                (350_000, 850_000),
                "6205.20",
                ("katun-primisima",),
                "kemeja",
                "Kemeja batik tulis {v}",
                weight=320,
            ),
        ),
        _batik_variants(
            ("Mega Mendung Biru", "megamendung", "biru", "biru"),
            ("Mega Mendung Merah", "megamendung", "merah", "merah"),
            ("Wadasan Sogan", "wadasan", "sogan", "cokelat sogan"),
            ("Kawung Hijau", "kawung", "hijau", "hijau"),
            ("Parang Ungu", "parang", "ungu", "ungu"),
        ),
        "Dibatik tangan dengan canting oleh perajin Trusmi.",
    ),
    Family(
        "batik-cap",
        "Batik Cap",
        "kabupaten-cirebon",
        "sentra-batik-trusmi",
        CIREBON_PLACES,
        (
            Item(
                "Kain Batik Cap",
                "batik-cap",
                "lembar",
                (120_000, 350_000),
                "5208.52",
                ("katun-prima",),
                "batik_cloth",
                "Kain batik cap {v}",
                size=(200, 110, None),
                weight=380,
            ),
            Item(
                "Sarung Batik Cap",
                "batik-cap",
                "pcs",
                (110_000, 220_000),
                "5208.52",
                ("katun-prima",),
                "batik_cloth",
                "Sarung batik cap {v}",
                weight=400,
            ),
            Item(
                "Kain Motif Batik Cetak",
                "batik-cetak",
                "meter",
                (45_000, 90_000),
                "5516.14",
                ("rayon",),
                "batik_cloth",
                "Kain hasil cetak {v}",
                weight=130,
            ),
        ),
        _batik_variants(
            ("Kawung Sogan", "kawung", "sogan", "cokelat sogan"),
            ("Mega Mendung Ungu", "megamendung", "ungu", "ungu"),
            ("Parang Merah", "parang", "merah", "merah"),
            ("Garis Biru", "garis", "biru", "biru"),
        ),
        "Dicap dengan cap tembaga buatan sendiri.",
    ),
    Family(
        "batik-krakatoa",
        "Batik Krakatoa",
        "kota-cilegon",
        "sentra-batik-krakatoa",
        CILEGON_PLACES,
        (
            Item(
                "Kain Batik Tulis",
                "batik-tulis",
                "lembar",
                (700_000, 1_800_000),
                "5208.52",
                ("katun-primisima",),
                "batik_cloth",
                "Kain batik tulis {v}",
                size=(240, 110, None),
                weight=440,
            ),
            Item(
                "Kain Batik Cap",
                "batik-cap",
                "lembar",
                (200_000, 400_000),
                "5208.52",
                ("katun-prima",),
                "batik_cloth",
                "Kain batik cap {v}",
                size=(220, 110, None),
                weight=400,
            ),
            Item(
                "Kemeja Batik",
                "pakaian-batik",
                "pcs",
                (250_000, 450_000),
                "6205.20",
                ("katun-prima",),
                "kemeja",
                "Kemeja batik {v}",
                weight=280,
            ),
        ),
        _batik_variants(
            ("Krakatau Merah Jingga", "krakatoa", "krakatoa", "hitam dan jingga"),
            ("Krakatau Biru Laut", "krakatoa", "biru", "biru"),
            ("Krakatau Hijau", "krakatoa", "hijau", "hijau"),
            ("Krakatau Ungu", "krakatoa", "ungu", "ungu"),
        ),
        "Motif Gunung Krakatau dan ombak Selat Sunda khas Cilegon.",
    ),
    Family(
        "batik-paoman",
        "Batik Paoman",
        "kabupaten-indramayu",
        "sentra-batik-paoman",
        INDRAMAYU_PLACES,
        (
            Item(
                "Kain Batik Tulis",
                "batik-tulis",
                "lembar",
                (600_000, 1_400_000),
                "5208.52",
                ("katun-primisima",),
                "batik_cloth",
                "Kain batik tulis {v}",
                size=(240, 110, None),
                weight=430,
            ),
            Item(
                "Kain Batik Cap",
                "batik-cap",
                "lembar",
                (180_000, 320_000),
                "5208.52",
                ("katun-prima",),
                "batik_cloth",
                "Kain batik cap {v}",
                weight=400,
            ),
        ),
        _batik_variants(
            ("Kembang Merah", "paoman", "merah", "merah"),
            ("Kembang Biru", "paoman", "biru", "biru"),
            ("Kembang Sogan", "paoman", "sogan", "cokelat sogan"),
            ("Kembang Hijau", "paoman", "hijau", "hijau"),
        ),
        "Batik pesisir Indramayu dengan warna-warna berani.",
    ),
    Family(
        "rotan",
        "Rotan",
        "kabupaten-cirebon",
        "sentra-rotan-tegalwangi",
        ("Tegalwangi", "Plumbon", "Weru", "Karangsari", "Kertasari", "Megu", "Tegalsari"),
        (
            Item(
                "Kursi Teras Rotan",
                "rotan",
                "pcs",
                (750_000, 2_500_000),
                "9401.53",
                ("rotan-alam",),
                "rotan_chair",
                "Kursi rotan {v} dengan anyaman diagonal",
                size=(72, 68, 85),
                weight=6500,
            ),
            Item(
                "Keranjang Rotan",
                "rotan",
                "pcs",
                (150_000, 400_000),
                "4602.12",
                ("rotan-alam",),
                "rotan_basket",
                "Keranjang rotan {v} dengan dua pegangan",
                size=(45, 35, 55),
                weight=1800,
            ),
            Item(
                "Kap Lampu Rotan",
                "rotan",
                "pcs",
                (250_000, 600_000),
                "4602.12",
                ("rotan-alam",),
                "rotan_lamp",
                "Kap lampu rotan {v} berbentuk bola",
                size=(50, 50, 50),
                weight=900,
            ),
            Item(
                "Nampan Rotan",
                "rotan",
                "pcs",
                (80_000, 180_000),
                "4602.12",
                ("rotan-alam",),
                "tray",
                "Nampan rotan oval {v} dilihat dari atas",
                size=(45, 30, 6),
                weight=450,
            ),
        ),
        (
            ("Natural", {"tone": "#c89a5b"}, "berwarna natural"),
            ("Cokelat Tua", {"tone": "#7a5030"}, "berwarna cokelat tua"),
            ("Putih Gading", {"tone": "#e3d3b0"}, "berwarna putih gading"),
            ("Madu", {"tone": "#b87d3a"}, "berwarna madu"),
        ),
        "Dianyam tangan di atas rangka rotan manau.",
    ),
    Family(
        "topeng",
        "Sanggar Topeng",
        "kabupaten-cirebon",
        "sentra-topeng-slangit",
        ("Slangit", "Klangenan", "Palimanan", "Losari", "Jamblang", "Gegesik"),
        (
            Item(
                "Topeng Kayu",
                "topeng",
                "pcs",
                (350_000, 900_000),
                "4420.11",
                ("kayu-jaran",),
                "topeng",
                "Topeng kayu {v}",
                size=(18, 14, 7),
                weight=180,
            ),
            Item(
                "Topeng Hias Dinding",
                "topeng",
                "pcs",
                (250_000, 600_000),
                "4420.11",
                ("kayu-jaran",),
                "topeng",
                "Topeng hias dinding {v}",
                size=(22, 17, 8),
                weight=240,
            ),
        ),
        (
            ("Panji", {"character": "panji"}, "Panji berwarna putih"),
            ("Samba", {"character": "samba"}, "Samba berwarna putih gading"),
            ("Rumyang", {"character": "rumyang"}, "Rumyang berwarna merah muda"),
            ("Tumenggung", {"character": "tumenggung"}, "Tumenggung berwarna cokelat"),
            ("Kelana", {"character": "kelana"}, "Kelana berwarna merah"),
        ),
        "Dipahat dari kayu jaran dan dicat berlapis mengikuti pakem tari topeng Cirebon.",
    ),
    Family(
        "lukis-kaca",
        "Lukis Kaca",
        "kabupaten-cirebon",
        "sentra-lukisan-kaca-gegesik",
        ("Gegesik", "Kaliwedi", "Arjawinangun", "Panguragan"),
        (
            Item(
                "Lukisan Kaca",
                "lukisan-kaca",
                "pcs",
                (450_000, 2_000_000),
                "9701.91",
                ("kaca", "cat-minyak", "kayu-mahoni"),
                "lukisan_kaca",
                "Lukisan kaca berbingkai kayu {v}",
                size=(40, 60, 4),
                weight=3200,
            ),
            Item(
                "Lukisan Kaca Mini",
                "lukisan-kaca",
                "pcs",
                (200_000, 400_000),
                "9701.91",
                ("kaca", "cat-minyak"),
                "lukisan_kaca",
                "Lukisan kaca kecil {v}",
                size=(20, 25, 3),
                weight=900,
            ),
        ),
        (
            ("Macan Ali", {"subject": "macan"}, "bergambar macan jingga"),
            ("Wayang", {"subject": "wayang"}, "bergambar tokoh wayang"),
            ("Kaligrafi", {"subject": "kaligrafi"}, "berisi lengkung kaligrafi emas"),
            ("Kereta Singa Barong", {"subject": "kereta"}, "bergambar kereta Singa Barong"),
        ),
        "Dilukis terbalik di balik kaca dengan teknik khas Gegesik.",
    ),
    Family(
        "sirup",
        "Sirup",
        "kota-cirebon",
        None,
        KOTA_CIREBON_PLACES,
        (
            Item(
                "Sirup",
                "sirup",
                "botol",
                (30_000, 48_000),
                "2106.90",
                ("gula-pasir", "sari-buah"),
                "sirup",
                "Botol sirup {v}",
                weight=850,
            ),
        ),
        (
            ("Pisang Susu 620 ml", {"flavours": ("pisang_susu",)}, "berwarna merah muda pucat"),
            ("Mangga 620 ml", {"flavours": ("mangga",)}, "berwarna jingga"),
            ("Coco Pandan 620 ml", {"flavours": ("cocopandan",)}, "berwarna merah muda cerah"),
            ("Jeruk Nipis 620 ml", {"flavours": ("jeruk_nipis",)}, "berwarna hijau kekuningan"),
            ("Frambozen 620 ml", {"flavours": ("frambozen",)}, "berwarna merah tua"),
            ("Melon 620 ml", {"flavours": ("melon",)}, "berwarna hijau"),
            ("Leci 620 ml", {"flavours": ("leci",)}, "berwarna putih susu"),
        ),
        "Dimasak dari gula pasir dan sari buah dengan resep keluarga.",
        certs=FOOD_CERTS,
    ),
    Family(
        "terasi",
        "Terasi",
        "kabupaten-cirebon",
        "sentra-terasi-gebang",
        ("Gebang", "Losari", "Pabedilan", "Babakan", "Mundu", "Astanajapura"),
        (
            Item(
                "Terasi Udang Rebon",
                "terasi",
                "bungkus",
                (15_000, 35_000),
                "2103.90",
                ("udang-rebon", "garam"),
                "terasi",
                "{v} blok terasi di atas daun pisang",
                weight=250,
            ),
            Item(
                "Sambal Terasi",
                "terasi",
                "botol",
                (20_000, 35_000),
                "2103.90",
                ("cabai", "udang-rebon"),
                "jar",
                "Botol kaca berisi sambal terasi merah",
                options={"text": "SAMBAL"},
                weight=150,
            ),
        ),
        (
            ("Asli 250 g", {"n": 5}, "Lima"),
            ("Super 250 g", {"n": 4}, "Empat"),
            ("Premium 500 g", {"n": 6}, "Enam"),
            ("Bakar 100 g", {"n": 3}, "Tiga"),
        ),
        "Dari udang rebon nelayan setempat, difermentasi alami tanpa pewarna.",
        certs=FOOD_CERTS,
    ),
    Family(
        "kerupuk",
        "Kerupuk",
        "kabupaten-cirebon",
        "sentra-kerupuk-kenanga",
        ("Kenanga", "Sumber", "Tukmudal", "Kedawung", "Plumbon"),
        (
            Item(
                "Kerupuk",
                "kerupuk",
                "bungkus",
                (12_000, 45_000),
                "1905.90",
                ("tepung-tapioka",),
                "crackers",
                "Piring berisi kerupuk {v}",
                weight=500,
            ),
        ),
        (
            ("Melarat 500 g", {"style": "melarat"}, "melarat warna-warni"),
            ("Udang 500 g", {"style": "udang"}, "udang berwarna jingga"),
            ("Kulit 250 g", {"style": "kulit"}, "kulit berwarna krem"),
            ("Opak Ketan 250 g", {"style": "opak", "n": 18}, "opak bundar berwarna putih"),
        ),
        "Dijemur di bawah matahari dan dikemas rapat agar tetap renyah.",
        certs=FOOD_CERTS,
    ),
    Family(
        "emping",
        "Emping",
        "kota-cilegon",
        None,
        CILEGON_PLACES,
        (
            Item(
                "Emping Melinjo",
                "emping",
                "bungkus",
                (30_000, 120_000),
                "2008.19",
                ("melinjo",),
                "crackers",
                "Piring berisi emping melinjo {v}",
                options={"style": "emping"},
                weight=500,
            ),
            Item(
                "Gipang Ketan",
                "kue-camilan",
                "bungkus",
                (15_000, 30_000),
                "1904.10",
                ("beras-ketan", "gula-pasir"),
                "gipang",
                "Potongan gipang ketan krem dan merah muda di atas kertas",
                weight=250,
            ),
        ),
        (
            ("Original 250 g", {}, "tipis berwarna kuning pucat"),
            ("Super 500 g", {"n": 34}, "tipis berukuran besar"),
            ("Manis 250 g", {"n": 26}, "berbalut gula"),
            ("Premium 1 kg", {"n": 30}, "tipis pilihan"),
        ),
        "Melinjo dari petani Banten, dipipihkan satu per satu dengan palu kayu.",
        certs=FOOD_CERTS,
    ),
    Family(
        "kaos",
        "Kaos",
        "kota-cirebon",
        None,
        KOTA_CIREBON_PLACES,
        (
            Item(
                "Kaos",
                "kaos",
                "pcs",
                (65_000, 120_000),
                "6109.10",
                ("katun-combed-30s",),
                "kaos",
                "Kaos {v}",
                weight=180,
            ),
        ),
        (
            (
                "Kota Udang Hitam",
                {"colour": "#1f1f1f", "print_text": "KOTA UDANG"},
                "hitam bersablon tulisan KOTA UDANG",
            ),
            (
                "Mega Mendung Navy",
                {"colour": "#1f2a44", "print_text": "CIREBON"},
                "biru dongker bersablon tulisan CIREBON",
            ),
            (
                "Grage Putih",
                {"colour": "#f2f2f2", "print_text": "GRAGE"},
                "putih bersablon tulisan GRAGE",
            ),
            (
                "Kasepuhan Merah",
                {"colour": "#9b1c1c", "print_text": "KASEPUHAN"},
                "merah bersablon tulisan KASEPUHAN",
            ),
        ),
        "Katun combed 30s dengan sablon plastisol yang awet.",
    ),
    Family(
        "busana",
        "Busana Muslim",
        "kota-cirebon",
        None,
        KOTA_CIREBON_PLACES,
        (
            Item(
                "Gamis Batik",
                "busana-muslim",
                "pcs",
                (250_000, 450_000),
                "6204.44",
                ("rayon",),
                "gamis",
                "Gamis krem dengan rok {v}",
                weight=450,
            ),
            Item(
                "Hijab Segi Empat",
                "busana-muslim",
                "pcs",
                (45_000, 95_000),
                "6214.90",
                ("voal",),
                "hijab",
                "Hijab segi empat dilipat segitiga, {v}",
                weight=90,
            ),
        ),
        _batik_variants(
            ("Parang Ungu", "parang", "ungu", "ungu"),
            ("Kawung Hijau", "kawung", "hijau", "hijau"),
            ("Mega Mendung Pastel", "megamendung", "pastel", "pastel"),
            ("Wadasan Sogan", "wadasan", "sogan", "cokelat sogan"),
        ),
        "Dijahit penjahit rumahan dari kain batik Cirebon.",
    ),
    Family(
        "aksesoris",
        "Kriya",
        "kota-cirebon",
        None,
        KOTA_CIREBON_PLACES,
        (
            Item(
                "Tas Anyaman Pandan",
                "tas",
                "pcs",
                (150_000, 350_000),
                "4602.19",
                ("daun-pandan", "katun-prima"),
                "tas",
                "Tas anyaman pandan dengan panel batik {v}",
                weight=420,
            ),
            Item(
                "Dompet Batik",
                "tas",
                "pcs",
                (35_000, 75_000),
                "4202.32",
                ("katun-prima",),
                "dompet",
                "Dompet kain batik {v} dengan ritsleting",
                weight=60,
            ),
            Item(
                "Bros Kuningan",
                "perhiasan",
                "pcs",
                (85_000, 200_000),
                "7117.19",
                ("kuningan",),
                "perhiasan",
                "Bros kuningan berbentuk awan mega mendung",
                options={"item": "bros"},
                weight=15,
            ),
        ),
        _batik_variants(
            ("Mega Mendung Biru", "megamendung", "biru", "biru"),
            ("Mega Mendung Merah", "megamendung", "merah", "merah"),
            ("Kawung Hijau", "kawung", "hijau", "hijau"),
            ("Parang Ungu", "parang", "ungu", "ungu"),
        ),
        "Dibuat dari anyaman pandan dan sisa kain batik, tanpa ada kain terbuang.",
    ),
    Family(
        "logam",
        "Kriya Logam",
        "kota-cilegon",
        "sentra-ikm-logam-cilegon",
        CILEGON_PLACES,
        (
            Item(
                "Lampu Taman Besi",
                "logam",
                "pcs",
                (350_000, 900_000),
                "9405.49",
                ("besi",),
                "logam",
                "Lampu taman besi {v} berbentuk lentera",
                options={"item": "lampu"},
                size=(30, 30, 120),
                weight=9500,
            ),
            Item(
                "Hiasan Dinding Logam",
                "logam",
                "pcs",
                (250_000, 900_000),
                "8306.29",
                ("plat-baja",),
                "logam",
                "Hiasan dinding logam bundar {v}",
                options={"item": "hiasan"},
                size=(60, 60, 2),
                weight=3800,
            ),
            Item(
                "Rak Dinding Besi",
                "logam",
                "pcs",
                (150_000, 450_000),
                "9403.20",
                ("besi",),
                "logam",
                "Rak dinding dua susun dengan siku besi {v}",
                options={"item": "rak"},
                size=(80, 20, 50),
                weight=5200,
            ),
        ),
        (
            ("Hitam Doff", {"metal": "#2d3035"}, "hitam"),
            ("Abu Antik", {"metal": "#5a5f66"}, "abu-abu"),
            ("Tembaga", {"metal": "#8a4f2a"}, "warna tembaga"),
            ("Kuningan", {"metal": "#9a7a2a"}, "warna kuningan"),
        ),
        "Dikerjakan dari plat dan besi sisa industri, dicat anti karat.",
    ),
)

NAME_WORDS = (
    "Sekar",
    "Mekar",
    "Putri",
    "Sinar",
    "Bina",
    "Karya",
    "Cahaya",
    "Mustika",
    "Wijaya",
    "Sari",
    "Dewi",
    "Anugrah",
    "Barokah",
    "Lestari",
    "Melati",
    "Kencana",
    "Ayu",
    "Jaya",
    "Mulya",
    "Indah",
    "Harapan",
    "Sejahtera",
    "Rahayu",
    "Mandiri",
    "Berkah",
    "Citra",
    "Pelangi",
    "Arum",
    "Prima",
    "Sentosa",
)
FIRST_NAMES = (
    "Siti",
    "Nur",
    "Dewi",
    "Sri",
    "Ratna",
    "Yuli",
    "Euis",
    "Nining",
    "Ahmad",
    "Dedi",
    "Asep",
    "Budi",
    "Slamet",
    "Rohman",
    "Taufik",
    "Iwan",
    "Heri",
    "Wawan",
    "Tati",
    "Enung",
    "Casmini",
    "Warsih",
    "Karsono",
    "Darmin",
)
LAST_NAMES = (
    "Rahayu",
    "Lestari",
    "Kurniasih",
    "Hidayat",
    "Setiawan",
    "Supriadi",
    "Susanti",
    "Maulana",
    "Saputra",
    "Wahyuni",
    "Fauzi",
    "Nurhayati",
    "Suryana",
    "Rohimah",
    "Kusnadi",
    "Mulyati",
)
STREETS = (
    "Jl. Raya",
    "Jl. Desa",
    "Jl. Pasar",
    "Jl. Masjid",
    "Gg. Mawar",
    "Jl. Pesantren",
    "Jl. Pelabuhan",
    "Jl. Kebon",
)


def _roman(n):
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def synthetic_vendor_spec(v):
    """Deterministic name, family and place of synthetic IKM number v (0-based)."""
    family = FAMILIES[v % len(FAMILIES)]
    k = v // len(FAMILIES)
    word = NAME_WORDS[k % len(NAME_WORDS)]
    place = family.places[(k // len(NAME_WORDS)) % len(family.places)]
    series = k // (len(NAME_WORDS) * len(family.places))
    title = f"{family.prefix} {word} {place}" + (f" {_roman(series + 1)}" if series else "")
    return family, title, place


def synthetic_vendor_slug(v):
    _, title, _ = synthetic_vendor_spec(v)
    return f"{slugify(title)}-{v + 1:04d}"


def synthetic_product_spec(i, vendors):
    """Product number i (0-based) belongs to IKM i % vendors; its name comes from the family."""
    v = i % vendors
    j = i // vendors
    family = FAMILIES[v % len(FAMILIES)]
    item_index = j % len(family.items)
    variant_index = (j // len(family.items) + v) % len(family.variants)
    series = j // (len(family.items) * len(family.variants))
    item = family.items[item_index]
    variant = family.variants[variant_index]
    title = f"{item.name} {variant[0]}" + (f" Seri {series + 1}" if series else "")
    return v, family, item_index, variant_index, title


def synthetic_sku(i):
    return f"{SYNTHETIC_SKU_PREFIX}{i + 1:06d}"


def _price(rng, low, high):
    step = 1000 if high < 200_000 else 5000 if high < 1_000_000 else 25_000
    return round(rng.uniform(low, high) / step) * step


def _fast_add_children(parent, pages, now):
    """Append `pages` as children of `parent`: no validation, revisions or log entries.

    Paths are computed here (what treebeard's add_child does, minus two queries per page) and
    the parent's numchild is updated once. Pages are live, with first_published_at set. Use
    inside `bulk_build()` so that search indexing happens once at the end.
    """
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    for page in pages:
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        step += 1
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
        page._cached_parent_obj = parent
        page._is_site_root = False
        page.save(clean=False, log_action=None)
    count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    Page.objects.filter(pk=parent.pk).update(numchild=count)
    parent.numchild = count


class SyntheticImages:
    """A small pool of pictures reused by thousands of synthetic products and IKM."""

    def __init__(self, report):
        root = Collection.get_first_root_node()
        self.collection = root.get_children().filter(name=SYNTHETIC_COLLECTION).first()
        if self.collection is None:
            self.collection = root.add_child(name=SYNTHETIC_COLLECTION)
        self.existing = {
            image.title: image for image in CatalogImage.objects.filter(collection=self.collection)
        }
        self.report = report

    def product(self, family, item_index, variant_index, view):
        item = family.items[item_index]
        name, options, description = family.variants[variant_index]
        options = {**item.options, **options}
        alt = item.alt.format(v=description) + VIEW_ALT[view]
        title = f"Sintetis {family.key} {item_index}-{variant_index} ({view + 1})"
        return ensure_image(
            title,
            self.collection,
            alt,
            lambda: demo_images.product_image(item.kind, title, view=view, **options),
            self.report,
            existing=self.existing,
        )

    def logo(self, family, title):
        initials = demo_images.initials(title.replace(family.prefix, ""))
        palette_name = family.variants[0][1].get("palette", "sogan")
        key = f"Sintetis logo {initials} {palette_name}"
        return ensure_image(
            key,
            self.collection,
            f"Logo berupa huruf {initials} di dalam lingkaran",
            lambda: demo_images.logo_image(key, palette_name=palette_name, text=initials),
            self.report,
            existing=self.existing,
        )

    def cover(self, family):
        item = family.items[0]
        name, options, description = family.variants[0]
        options = {**item.options, **options}
        options = {"motif": "megamendung", "palette": "biru", **options}
        title = f"Sintetis sampul {family.key}"
        alt = item.alt.format(v=description)
        return ensure_image(
            title,
            self.collection,
            f"Sampul: pola batik {MOTIF_NAMES[options['motif']]} dan {alt[0].lower()}{alt[1:]}",
            lambda: demo_images.cover_image(item.kind, title, **options),
            self.report,
            existing=self.existing,
        )


def build_synthetic(products, vendors=None, progress=None, references=False):
    """Top the synthetic catalog up to `products` products across `vendors` IKM. Idempotent.

    Synthetic IKM have slugs ending in their number (batik-tulis-sekar-trusmi-0001); synthetic
    products have SKUs SX-000001, ... Existing ones are kept, missing ones are created, so a
    second run with the same numbers creates nothing. `progress` is a tqdm-like factory.

    For speed, pages are inserted without revisions or log entries and indexed for search in
    bulk at the end; Wagtail's reference index (image usage in the admin) is only updated with
    `references=True` (or later with `manage.py rebuild_references_index`).
    """
    vendors = vendors or max(1, products // 20)
    started = time.perf_counter()
    report = BuildReport()
    now = timezone.now()
    rng_base = "synthetic"
    with transaction.atomic(), bulk_build(references=references):
        taxonomy = ensure_taxonomy()
        vendor_index = site_pages()
        ensure_staff_users(report)
        images = SyntheticImages(report)

        slugs = [synthetic_vendor_slug(v) for v in range(vendors)]
        existing = {
            page.slug: page
            for page in VendorPage.objects.child_of(vendor_index).filter(slug__in=slugs)
        }
        new_vendors = []
        for v, slug in enumerate(slugs):
            if slug in existing:
                continue
            family, title, place = synthetic_vendor_spec(v)
            rng = demo_images.rng_for(rng_base, "vendor", v)
            region = taxonomy.regions[family.region]
            owner = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            page = VendorPage(
                title=title,
                slug=slug,
                listing_summary=f"{family.prefix} dari {place}, {region.name}. {family.blurb}",
                owner_names=owner,
                story=f"<p>{escape(title)} adalah usaha keluarga {escape(owner)} di "
                f"{escape(place)}. {escape(family.blurb)}</p>",
                region=region,
                sentra=taxonomy.sentra.get(family.sentra) if family.sentra else None,
                address=f"{rng.choice(STREETS)} {place} No. {rng.randint(1, 180)}, {region.name}",
                whatsapp=f"+62{rng.choice(('812', '813', '857', '878'))}0000{v % 10000:04d}",
                nib=f"9{v:012d}",
                year_founded=rng.randint(1975, 2022),
                workforce=rng.randint(2, 60),
                monthly_capacity=f"{rng.randint(1, 40) * 50} unit",
                export_ready=rng.random() < 0.15,
                logo=images.logo(family, title),
                cover_image=images.cover(family),
            )
            new_vendors.append(page)
            existing[slug] = page
        if new_vendors:
            _fast_add_children(vendor_index, new_vendors, now)
            report.vendors_created = len(new_vendors)

        skus = set(
            ProductPage.objects.filter(sku__startswith=SYNTHETIC_SKU_PREFIX).values_list(
                "sku", flat=True
            )
        )
        missing = [i for i in range(products) if synthetic_sku(i) not in skus]
        by_vendor = {}
        for i in missing:
            by_vendor.setdefault(i % vendors, []).append(i)
        tags = {}
        bar = progress(total=len(missing), unit="produk") if progress and missing else None
        new_product_ids = []
        for v, indices in sorted(by_vendor.items()):
            vendor = existing[slugs[v]]
            used_slugs = set(ProductPage.objects.child_of(vendor).values_list("slug", flat=True))
            pages, extras = [], []
            for i in indices:
                page, extra = _synthetic_product(
                    i, vendors, vendor, taxonomy, images, used_slugs, rng_base
                )
                # Spread publication over the past weeks: "newest first" listings vary.
                page.first_published_at = now - datetime.timedelta(minutes=7 * (products - i))
                pages.append(page)
                extras.append(extra)
            _fast_add_children(vendor, pages, now)
            _synthetic_relations(pages, extras, taxonomy, tags)
            new_product_ids.extend(page.pk for page in pages)
            if bar is not None:
                bar.update(len(pages))
        if bar is not None:
            bar.close()
        report.products_created = len(new_product_ids)

    demo_catalog_built.send(sender=build_demo)
    report.logins = demo_logins()
    report.seconds = time.perf_counter() - started
    return report


def _synthetic_product(i, vendors, vendor, taxonomy, images, used_slugs, rng_base):
    v, family, item_index, variant_index, title = synthetic_product_spec(i, vendors)
    item = family.items[item_index]
    rng = demo_images.rng_for(rng_base, "product", i)
    slug = slugify(title)
    if slug in used_slugs:
        slug = f"{slug}-{i + 1}"
    used_slugs.add(slug)
    category = taxonomy.categories[item.category]
    roll = rng.random()
    if roll < 0.65:
        availability, stock, lead = ProductPage.Availability.READY, rng.randint(0, 300), None
    elif roll < 0.8:
        availability, stock, lead = ProductPage.Availability.PREORDER, None, rng.randint(7, 30)
    else:
        availability, stock, lead = (
            ProductPage.Availability.MADE_TO_ORDER,
            None,
            rng.randint(7, 60),
        )
    price = None if rng.random() < 0.05 else _price(rng, *item.price)
    min_order = rng.choice((1, 1, 1, 2, 5, 10, 12)) if item.unit != "kodi" else 1
    data = {
        "materials": item.materials,
        "size": item.size,
        "weight": item.weight,
        "min_order": min_order,
        "unit": item.unit,
        "lead": lead,
        "specs": (),
    }
    summary = f"{title} dari {vendor.title}. {family.blurb}"[:300]
    size = item.size or (None, None, None)
    page = ProductPage(
        title=title,
        slug=slug,
        sku=synthetic_sku(i),
        summary=summary,
        listing_summary=summary,
        category=category,
        price=price,
        price_unit=item.unit,
        min_order=min_order,
        availability=availability,
        stock=stock,
        lead_time_days=lead,
        length_cm=size[0],
        width_cm=size[1],
        height_cm=size[2],
        weight_grams=item.weight,
        hs_code=item.hs,
        description=description_blocks(
            synthetic_sku(i),
            f"{title} buatan {vendor.title}. {family.blurb}",
            spec_rows(data, taxonomy),
            care_for(category),
        ),
        vendor=vendor,
    )
    photos = 1 + (i // vendors) % 2
    gallery = [images.product(family, item_index, variant_index, view) for view in range(photos)]
    tags = (family.prefix.lower(), item.name.split()[0].lower())
    certs = family.certs if (family.certs and rng.random() < 0.6) else ()
    return page, {"gallery": gallery, "tags": tags, "certs": certs, "i": i, "item": item}


def _synthetic_relations(pages, extras, taxonomy, tag_cache):
    """Gallery images, materials, tags and certificates of new synthetic products, in bulk."""
    gallery, through, tagged, certificates = [], [], [], []
    material_through = ProductPage.materials.through
    for page, extra in zip(pages, extras, strict=True):
        for n, image in enumerate(extra["gallery"]):
            gallery.append(
                ProductGalleryImage(page=page, image=image, sort_order=n, caption=VIEW_CAPTION[n])
            )
        for slug in extra["item"].materials:
            through.append(
                material_through(productpage_id=page.pk, material_id=taxonomy.materials[slug].pk)
            )
        for name in extra["tags"]:
            if name not in tag_cache:
                tag_cache[name], _ = Tag.objects.get_or_create(
                    slug=slugify(name), defaults={"name": name}
                )
            tagged.append(ProductTag(content_object=page, tag=tag_cache[name]))
        for n, spec in enumerate(extra["certs"]):
            certificates.append(certificate(ProductCertificate, taxonomy, spec, extra["i"]))
            certificates[-1].page = page
            certificates[-1].sort_order = n
    ProductGalleryImage.objects.bulk_create(gallery)
    material_through.objects.bulk_create(through)
    ProductTag.objects.bulk_create(tagged)
    ProductCertificate.objects.bulk_create(certificates)
