"""The demo showroom: two venues with products on their shelves, three exhibitions (one
current, one upcoming, one past) and a curated home page, over the demo catalog.

Built with the same page operations an editor uses (a revision, then publish), so curators can
edit everything in the admin afterwards. Dates are relative to today, so the demo always has
a current, an upcoming and a past exhibition.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from catalog.models import ProductPage
from showroom.exhibitions import ExhibitionIndexPage, ExhibitionItem, ExhibitionPage
from showroom.models import HomePage
from showroom.venues import ShelfPlacement, ShowroomIndexPage, ShowroomPage

VENUES = [
    {
        "title": "Galeri IKM Kota Cirebon",
        "slug": "galeri-ikm-kota-cirebon",
        "title_en": "Cirebon City SME Gallery",
        "intro": "Etalase produk IKM binaan Dinas di pusat Kota Cirebon: batik, rotan, topeng "
        "dan olahan pangan, bisa dilihat, dipegang dan dibeli.",
        "address": "Jl. Siliwangi No. 88",
        "city": "Kota Cirebon",
        "opening_hours": "Senin–Jumat 08.00–16.00\nSabtu 08.00–13.00\nMinggu dan hari libur tutup",
        "phone": "+62231200300",
        "email": "galeri.ikm@example.com",
        "latitude": "-6.712300",
        "longitude": "108.557500",
        "shelves": ["A1", "A2", "B1", "B3", "C2", "C4"],
    },
    {
        "title": "Mall UKM Cilegon",
        "slug": "mall-ukm-cilegon",
        "title_en": "Cilegon SME Mall",
        "intro": "Pusat belanja produk UKM dan IKM Kota Cilegon dan Banten.",
        "address": "Jl. Jenderal Sudirman No. 10",
        "city": "Kota Cilegon",
        "opening_hours": "Setiap hari 09.00–21.00",
        "phone": "+62254390100",
        "email": "mall.ukm@example.com",
        "latitude": "-6.017400",
        "longitude": "106.054100",
        "shelves": ["Zona Pangan 1", "Zona Pangan 2", "Zona Batik", "D5"],
    },
]


@dataclass
class ShowroomReport:
    venues: int = 0
    placements: int = 0
    exhibitions: int = 0
    featured: int = 0


def _publish(page, parent=None):
    if parent is not None:
        page.live = False
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _products(**filters):
    return list(ProductPage.visible().filter(**filters).select_related("vendor").order_by("pk"))


def build_venues(report, today):
    index = ShowroomIndexPage.objects.first()
    venues = []
    for spec in VENUES:
        venue = ShowroomPage.objects.filter(slug=spec["slug"]).first()
        if venue is not None:
            venues.append(venue)
            continue
        shelves = spec["shelves"]
        fields = {k: v for k, v in spec.items() if k != "shelves"}
        venue = ShowroomPage(**fields)
        in_cilegon = spec["city"] == "Kota Cilegon"
        products = _products(vendor__region__name__icontains="Cilegon" if in_cilegon else "Cirebon")
        for number, product in enumerate(products[: len(shelves) * 2]):
            venue.placements.add(
                ShelfPlacement(
                    product=product,
                    shelf_code=shelves[number % len(shelves)],
                    starts_on=today - datetime.timedelta(days=30 + number),
                    # One placement already over, to show that only current ones are listed.
                    ends_on=today - datetime.timedelta(days=2) if number == 1 else None,
                )
            )
            report.placements += 1
        _publish(venue, index)
        report.venues += 1
        venues.append(venue)
    return venues


def build_exhibitions(report, today, venues):
    index = ExhibitionIndexPage.objects.first()
    batik = _products(category__slug__icontains="batik") or _products()
    crafts = _products(category__parent__isnull=False) or _products()
    food = _products(vendor__region__name__icontains="Cilegon") or _products()
    specs = [
        {
            "title": "Pekan Batik Pesisir Cirebon",
            "slug": "pekan-batik-pesisir-cirebon",
            "title_en": "Cirebon Coastal Batik Week",
            "theme": "Mega Mendung, Trusmi dan motif pesisir dari tangan perajin",
            "theme_en": "Mega Mendung, Trusmi and coastal motifs from the makers' hands",
            "kind": ExhibitionPage.Kind.TEMPORARY,
            "starts_on": today - datetime.timedelta(days=10),
            "ends_on": today + datetime.timedelta(days=20),
            "venue": venues[0] if venues else None,
            "open_for_requests": True,
            "items": batik[:6],
        },
        {
            "title": "INACRAFT: Paviliun Ciayumajakuning",
            "slug": "inacraft-paviliun-ciayumajakuning",
            "title_en": "INACRAFT: Ciayumajakuning Pavilion",
            "theme": "Kerajinan unggulan untuk pembeli grosir dan ekspor",
            "kind": ExhibitionPage.Kind.TRADE_FAIR,
            "starts_on": today + datetime.timedelta(days=45),
            "ends_on": today + datetime.timedelta(days=49),
            "venue_text": "Jakarta Convention Center, Senayan",
            "open_for_requests": True,
            "items": crafts[:5],
        },
        {
            "title": "Expo Pangan Olahan Banten",
            "slug": "expo-pangan-olahan-banten",
            "title_en": "Banten Processed Food Expo",
            "theme": "Sirup, emping dan kerupuk dari dapur IKM",
            "kind": ExhibitionPage.Kind.REGIONAL,
            "starts_on": today - datetime.timedelta(days=75),
            "ends_on": today - datetime.timedelta(days=68),
            "venue": venues[1] if len(venues) > 1 else None,
            "items": food[:4],
        },
    ]
    exhibitions = []
    for spec in specs:
        existing = ExhibitionPage.objects.filter(slug=spec["slug"]).first()
        if existing is not None:
            exhibitions.append(existing)
            continue
        items = spec.pop("items")
        exhibition = ExhibitionPage(**spec)
        first_image = next((p.main_image for p in items if p.main_image), None)
        exhibition.hero_image = first_image
        for number, product in enumerate(items):
            exhibition.items.add(
                ExhibitionItem(
                    product=product,
                    booth_code=f"{chr(65 + number // 3)}{number % 3 + 1}",
                    note="Pilihan kurator: dikerjakan dengan tangan." if number == 0 else "",
                )
            )
        _publish(exhibition, index)
        report.exhibitions += 1
        exhibitions.append(exhibition)
    return exhibitions


def curate_home(report):
    """Fill the home page's featured section (once) with a few products, one per IKM."""
    home = HomePage.objects.first()
    if home is None:
        return
    home = home.get_latest_revision_as_object()
    stream = list(home.body.raw_data)
    featured = next((b for b in stream if b["type"] == "featured_products"), None)
    if featured is None or featured["value"].get("products"):
        return
    seen, chosen = set(), []
    for product in _products():
        if product.vendor_id not in seen and product.main_image is not None:
            seen.add(product.vendor_id)
            chosen.append(product.pk)
        if len(chosen) == 4:
            break
    featured["value"]["products"] = chosen
    home.body = stream
    _publish(home)
    report.featured = len(chosen)


def build_demo_showroom(today=None):
    today = today or timezone.localdate()
    report = ShowroomReport()
    with transaction.atomic():
        venues = build_venues(report, today)
        build_exhibitions(report, today, venues)
        curate_home(report)
    return report
