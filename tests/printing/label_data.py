"""Shelf labels with adversarial text, shared by the label print tests and the browser test.

Not a test module. Names of 80 characters, a long unbroken word, "Harga atas permintaan",
letters with diacritics and enough labels for several A4 sheets.
"""

from django.utils.text import slugify

ADVERSARIAL_NAMES = [
    "Kain Batik Tulis Mega Mendung Warna Alam Sutra Premium Ukuran Dua Meter Kali Satu",
    "Selendang",
    "Tas" + "RotanAnyamanTanganCirebon" * 4,
    "Topeng Kelana — édition spéciale Ñ Ü ç à",
    "Harga atas permintaan Harga atas permintaan Harga atas permintaan Harga atas per",
    "Kerupuk Udang Khas Cirebon",
    "Batik Trusmi Motif Wadasan Sarung Sutera Sulaman Emas Untuk Pernikahan Adat Jawa Barat",
]
LONG_VENDOR = "Koperasi Perajin Batik Tulis dan Cap Desa Trusmi Wetan Kecamatan Plered Kabupaten"


def adversarial_products(count):
    """`count` live products under two IKM; every other one has no price (on request)."""
    from catalog.factories import ProductPageFactory, VendorPageFactory

    vendors = [
        VendorPageFactory(title=LONG_VENDOR, slug="koperasi-perajin-batik-trusmi-wetan"),
        VendorPageFactory(title="Rotan Ibu Ñoñi", slug="rotan-ibu-noni"),
    ]
    products = []
    for number in range(count):
        name = ADVERSARIAL_NAMES[number % len(ADVERSARIAL_NAMES)]
        products.append(
            ProductPageFactory(
                parent=vendors[number % 2],
                title=name,
                slug=f"{slugify(name)[:60]}-{number}",
                price=None if number % 2 else 1_250_000 + number,
            )
        )
    return products


def venue_with_labels(count, slug="galeri-ikm-kota-cirebon"):
    from showroom.factories import ShelfPlacementFactory, ShowroomPageFactory

    venue = ShowroomPageFactory(title="Galeri IKM Kota Cirebon", slug=slug)
    for number, product in enumerate(adversarial_products(count)):
        ShelfPlacementFactory(page=venue, product=product, shelf_code=f"RAK-{number:03d}")
    return venue


def exhibition_with_labels(products, slug="pameran-kerajinan-ciayumajakuning-2026"):
    from showroom.factories import ExhibitionItemFactory, ExhibitionPageFactory

    exhibition = ExhibitionPageFactory(title="Pameran Kerajinan Ciayumajakuning", slug=slug)
    for number, product in enumerate(products):
        ExhibitionItemFactory(
            page=exhibition, product=product, booth_code=f"GedungB-StanUtama{number:03d}"
        )
    return exhibition
