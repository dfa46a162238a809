"""Spreadsheet import: CSV and XLSX, the per-row error report, all or nothing, re-import,
images from a zip or a folder, and owners kept to their own IKM (their changes go to Kurasi)."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook, load_workbook
from PIL import Image

from catalog.factories import CategoryFactory, MaterialFactory, RegionFactory
from catalog.importer import (
    COLUMNS,
    CatalogImporter,
    ImageSource,
    ImportFailed,
    canonical_column,
    parse_price,
    template_csv,
    template_xlsx,
)
from catalog.models import CatalogImage, Category, Material, ProductPage, VendorPage
from catalog.onboarding import onboard_ikm

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(site_tree):
    RegionFactory(name="Kabupaten Cirebon")
    batik = CategoryFactory(name="Batik")
    CategoryFactory(name="Batik Tulis", parent=batik)
    CategoryFactory(name="Rotan")
    MaterialFactory(name="Katun")
    siti = onboard_ikm(
        "Batik Ibu Siti", "Kabupaten Cirebon", ["siti@example.com"], publish=True, invite=False
    )
    rotan = onboard_ikm(
        "Rotan Plered", "Kabupaten Cirebon", ["rotan@example.com"], publish=True, invite=False
    )
    return siti, rotan


def csv_bytes(rows, header=None, delimiter=","):
    header = header or ["IKM", "SKU", "Name", "Category", "Subcategory", "Price", "Stock"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


GOOD = [
    [
        "Batik Ibu Siti",
        "bts-001",
        "Batik Tulis Mega Mendung",
        "Batik",
        "Batik Tulis",
        "Rp 450.000",
        "12",
    ],
    ["Batik Ibu Siti", "BTS-002", "Batik Cap Kawung", "batik", "", "150.000", "3"],
    ["Rotan Plered", "", "Kursi Rotan Sintetis", "Rotan", "", "1250000", "0"],
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("150000", 150000),
        ("150.000", 150000),
        ("Rp 150.000", 150000),
        ("Rp150.000,00", 150000),
        ("rp. 1.250.000", 1250000),
        ("", None),
        ("150000.0", 150000),
    ],
)
def test_prices(text, value):
    assert parse_price(text) == value


@pytest.mark.parametrize("text", ["abc", "15,5", "Rp -100", "1.50"])
def test_bad_prices(text):
    with pytest.raises(ValueError):
        parse_price(text)


def test_good_csv_is_imported_and_published_by_an_operator(market):
    report = CatalogImporter(publish=True).commit(csv_bytes(GOOD), "produk.csv")
    assert (report.created, report.updated, report.published) == (3, 0, 3)
    product = ProductPage.objects.get(sku="BTS-001")
    assert product.live and product.price == 450000 and product.stock == 12
    assert product.category.name == "Batik Tulis"
    assert product.vendor.title == "Batik Ibu Siti"
    assert ProductPage.objects.get(title="Kursi Rotan Sintetis").vendor.title == "Rotan Plered"


def test_dry_run_writes_nothing_and_previews(market):
    report = CatalogImporter().plan(csv_bytes(GOOD), "produk.csv")
    assert report.ok
    assert [(r.row, r.action) for r in report.rows] == [(2, "create"), (3, "create"), (4, "create")]
    assert not ProductPage.objects.exists()


def test_bad_rows_are_reported_and_nothing_is_written(market):
    rows = [
        *GOOD,
        ["Batik Ibu Siti", "BTS-003", "", "Batik", "", "150000", "1"],
        ["IKM Tak Dikenal", "X-1", "Sesuatu", "Batik", "", "150000", "1"],
        ["Batik Ibu Siti", "BTS-004", "Kain", "Keramik", "", "lima ribu", "1"],
        ["Batik Ibu Siti", "BTS-005", "Kain Tanpa Stok", "Batik", "", "150000", ""],
        ["Batik Ibu Siti", "bts-001", "Dobel", "Batik", "", "150000", "1"],
    ]
    with pytest.raises(ImportFailed) as failed:
        CatalogImporter(publish=True).commit(csv_bytes(rows), "produk.csv")
    errors = {(e.row, e.column) for e in failed.value.report.errors}
    assert errors == {
        (5, "name"),
        (6, "ikm"),
        (7, "category"),
        (7, "price"),
        (8, "stock"),
        (9, "sku"),
    }
    assert not ProductPage.objects.exists()


def test_messages_follow_the_active_language(market):
    rows = [["IKM Tak Dikenal", "X-1", "Sesuatu", "Batik", "", "150000", "1"]]
    with translation.override("en"):
        report = CatalogImporter().plan(csv_bytes(rows), "produk.csv")
    assert report.errors[0].message == "The IKM “IKM Tak Dikenal” is not registered."
    report = CatalogImporter().plan(csv_bytes(rows), "produk.csv")
    assert report.errors[0].message == "IKM “IKM Tak Dikenal” tidak terdaftar."


def test_reimport_updates_instead_of_duplicating(market):
    CatalogImporter(publish=True).commit(csv_bytes(GOOD), "produk.csv")
    changed = [
        [
            "Batik Ibu Siti",
            "BTS-001",
            "Batik Tulis Mega Mendung",
            "Batik",
            "Batik Tulis",
            "500000",
            "10",
        ],
        ["Rotan Plered", "", "kursi rotan sintetis", "Rotan", "", "1.300.000", "2"],
    ]
    report = CatalogImporter(publish=True).commit(csv_bytes(changed), "produk.csv")
    assert (report.created, report.updated) == (0, 2)
    assert ProductPage.objects.count() == 3
    assert ProductPage.objects.get(sku="BTS-001").price == 500000
    assert ProductPage.objects.get(title__iexact="Kursi Rotan Sintetis").price == 1300000


def test_missing_columns_and_case_insensitive_headers(market):
    report = CatalogImporter().plan(csv_bytes([["x"]], header=["Nama Produk"]), "produk.csv")
    assert report.errors[0].row == 1 and "ikm" in report.errors[0].column
    semicolons = csv_bytes(
        GOOD,
        header=["ikm", "sku", "NAME", "category", "Subcategory", "PRICE", "stock"],
        delimiter=";",
    )
    assert CatalogImporter().plan(semicolons, "produk.csv").ok


def xlsx_bytes(rows, header):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_numbers_and_every_column(market):
    header = list(COLUMNS)
    row = {
        "ikm": "Batik Ibu Siti",
        "region": "",
        "sku": "BTS-010",
        "name": "Selendang Sutra",
        "category": "Batik",
        "subcategory": "Batik Tulis",
        "description": "Sutra <halus>",
        "price": 275000,
        "price_unit": "lembar",
        "min_order": 2,
        "stock": 5,
        "availability": "Stok tersedia",
        "lead_time_days": None,
        "materials": "Katun",
        "weight_grams": 120,
        "length_cm": 180.5,
        "width_cm": 45,
        "height_cm": None,
        "tags": "sutra, selendang",
        "image": None,
    }
    data = xlsx_bytes([[row[c] for c in header]], [h.upper() for h in header])
    report = CatalogImporter(publish=True).commit(data, "produk.xlsx")
    assert report.created == 1
    product = ProductPage.objects.get(sku="BTS-010")
    assert product.price == 275000 and product.min_order == 2 and product.price_unit == "lembar"
    assert str(product.length_cm) == "180.5" and product.weight_grams == 120
    assert [m.name for m in product.materials.all()] == ["Katun"]
    assert sorted(product.tags.names()) == ["selendang", "sutra"]
    assert "Sutra &lt;halus&gt;" in str(product.description)


def jpeg(color="#884422", size=(64, 48), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_with_images_goes_to_the_ikm_collection(market):
    siti, _rotan = market
    rows = [
        [
            "Batik Ibu Siti",
            "BTS-001",
            "Batik Tulis",
            "Batik",
            "",
            "450000",
            "1",
            "a.jpg; foto/b.png",
        ]
    ]
    header = ["ikm", "sku", "name", "category", "subcategory", "price", "stock", "image"]
    images = ImageSource(zip_bytes({"A.JPG": jpeg(), "foto/b.png": jpeg("#224488", fmt="PNG")}))
    report = CatalogImporter(publish=True, images=images).commit(csv_bytes(rows, header), "p.csv")
    assert report.images == 2
    product = ProductPage.objects.get(sku="BTS-001")
    gallery = [g.image for g in product.gallery_images.order_by("sort_order")]
    assert [(i.width, i.height) for i in gallery] == [(64, 48), (64, 48)]
    assert {i.collection_id for i in gallery} == {siti.collection.pk}
    # Importing the same photos again reuses them.
    report = CatalogImporter(publish=True, images=images).commit(csv_bytes(rows, header), "p.csv")
    assert report.images == 0 and CatalogImage.objects.count() == 2


def test_a_file_that_is_not_an_image_is_refused(market):
    rows = [["Batik Ibu Siti", "BTS-001", "Batik Tulis", "Batik", "", "450000", "1", "a.jpg"]]
    header = ["ikm", "sku", "name", "category", "subcategory", "price", "stock", "image"]
    images = ImageSource(zip_bytes({"a.jpg": b"<?php echo 1; ?>"}))
    report = CatalogImporter(images=images).plan(csv_bytes(rows, header), "p.csv")
    assert [(e.row, e.column) for e in report.errors] == [(2, "image")]


def test_owner_import_goes_to_moderation_and_only_into_their_ikm(market, django_user_model):
    owner = django_user_model.objects.get(email="siti@example.com")
    rows = [GOOD[0], GOOD[2]]
    with pytest.raises(ImportFailed) as failed:
        CatalogImporter(owner, publish=True, create_missing=True).commit(csv_bytes(rows), "p.csv")
    assert [(e.row, e.column) for e in failed.value.report.errors] == [(3, "ikm")]
    assert not ProductPage.objects.exists()
    report = CatalogImporter(owner, publish=True).commit(csv_bytes([GOOD[0]]), "p.csv")
    assert (report.created, report.published, report.submitted) == (1, 0, 1)
    product = ProductPage.objects.get(sku="BTS-001")
    assert not product.live
    assert product.workflow_in_progress
    assert product.current_workflow_state.workflow.name == "Kurasi"
    assert product.current_workflow_state.requested_by == owner
    # Re-importing restarts the review with the new revision.
    report = CatalogImporter(owner).commit(csv_bytes([GOOD[0]]), "p.csv")
    assert (report.updated, report.submitted) == (1, 1)
    assert ProductPage.objects.count() == 1


def test_create_missing_makes_ikm_and_taxonomy(market):
    header = ["ikm", "region", "name", "category", "subcategory", "materials", "price", "stock"]
    rows = [
        [
            "Topeng Slangit",
            "Kabupaten Cirebon",
            "Topeng Klana",
            "Kriya",
            "Topeng",
            "Kayu Jaran",
            "350000",
            "4",
        ]
    ]
    with pytest.raises(ImportFailed):
        CatalogImporter().commit(csv_bytes(rows, header), "p.csv")
    report = CatalogImporter(create_missing=True, publish=True).commit(
        csv_bytes(rows, header), "p.csv"
    )
    assert [v.title for v in report.new_vendors] == ["Topeng Slangit"]
    product = ProductPage.objects.get(title="Topeng Klana")
    assert product.live and product.vendor.live
    assert product.category.parent == Category.objects.get(name="Kriya")
    assert Material.objects.filter(name="Kayu Jaran").exists()
    assert VendorPage.objects.filter(title="Topeng Slangit").count() == 1


def test_command_with_progress_images_folder_and_dry_run(market, tmp_path, capsys):
    (tmp_path / "a.jpg").write_bytes(jpeg())
    header = ["ikm", "sku", "name", "category", "subcategory", "price", "stock", "image"]
    rows = [["Batik Ibu Siti", "BTS-001", "Batik Tulis", "Batik", "", "450000", "1", "a.jpg"]]
    path = tmp_path / "produk.csv"
    path.write_bytes(csv_bytes(rows, header))
    call_command("import_catalog", str(path), "--dry-run")
    assert not ProductPage.objects.exists()
    call_command("import_catalog", str(path), "--publish")
    assert ProductPage.objects.get(sku="BTS-001").gallery_images.count() == 1
    assert "import" in capsys.readouterr().err  # the tqdm bar
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        csv_bytes([["Batik Ibu Siti", "X", "", "Batik", "", "1", "1", "../etc/passwd"]], header)
    )
    with pytest.raises(CommandError):
        call_command("import_catalog", str(bad))


def test_templates_have_every_column_in_indonesian():
    rows = list(csv.reader(io.StringIO(template_csv().decode("utf-8-sig"))))
    assert rows[0][:4] == ["ikm", "wilayah", "kode_produk", "nama"]
    assert [canonical_column(h) for h in rows[0]] == list(COLUMNS)
    sheet = load_workbook(io.BytesIO(template_xlsx())).active
    assert [canonical_column(c.value) for c in sheet[1]] == list(COLUMNS)
