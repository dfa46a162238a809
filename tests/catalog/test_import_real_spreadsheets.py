"""Spreadsheets as an IKM owner or a Dinas officer writes them: Indonesian headers in odd case
and spacing, "ready stock" and "Pre Order", units like toples, kotak and m2, prices written
"Rp 1.750.000" or "1.750.000,00", a region not yet known, a misspelled category. Every error
comes out of one pass with its row, column and the closest known value."""

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from catalog.factories import CategoryFactory, MaterialFactory, RegionFactory
from catalog.importer import CatalogImporter, ImportFailed, read_rows, template_xlsx
from catalog.models import Category, ProductPage, Region, Unit, VendorPage
from catalog.onboarding import onboard_ikm

pytestmark = pytest.mark.django_db

# The headers as a Dinas officer typed them: Indonesian, odd case, extra spaces, units in
# brackets.
HEADER = [
    " Nama IKM ",
    "WILAYAH",
    "Kode Produk",
    "Nama  Produk",
    "Kategori",
    "Sub Kategori",
    "Harga (Rp)",
    "Satuan",
    "Stok",
    "Ketersediaan",
    "Waktu Produksi (hari)",
    "Bahan",
    "Berat (gr)",
]
ROWS = [
    # An IKM that exists, Indonesian price writing, "Ready Stock", unit in capitals.
    [
        "Batik Ibu Siti",
        "Kabupaten Cirebon",
        "bts-010",
        "Batik Tulis Kawung",
        "batik",
        "batik tulis",
        "Rp 1.750.000",
        "Lembar",
        "3",
        "Ready Stock",
        "",
        "Katun",
        "300",
    ],
    [
        "Batik Ibu Siti",
        "Kab. Cirebon",
        "BTS-011",
        "Selendang Sutra Tulis",
        "Batik",
        "",
        "1.750.000,00",
        "buah",
        "",
        "Pre Order",
        "14",
        "",
        "",
    ],
    # New IKM in a region written the short way and not yet known.
    [
        "Keripik Mang Ujang",
        "Kab. Indramayu",
        "",
        "Keripik Singkong Pedas",
        "Makanan Olahan",
        "",
        "25000",
        "Toples",
        "40",
        "tersedia",
        "",
        "",
        "500",
    ],
    [
        "Kerajinan Kerang Gebang",
        "Kota Cirebon",
        "",
        "Lampu Hias Kerang",
        "Kerajinan",
        "",
        "Rp 350.000,-",
        "Kotak",
        "",
        "made to order",
        "21",
        "",
        "",
    ],
    [
        "Kerajinan Kerang Gebang",
        "Kota Cirebon",
        "",
        "Panel Dinding Kerang",
        "KERAJINAN",
        "",
        "1,250,000",
        "m2",
        "",
        "Pesanan",
        "30",
        "",
        "",
    ],
]


@pytest.fixture
def market(site_tree):
    RegionFactory(name="Kabupaten Cirebon", kind=Region.Kind.KABUPATEN)
    batik = CategoryFactory(name="Batik")
    CategoryFactory(name="Batik Tulis", parent=batik)
    CategoryFactory(name="Kerajinan")
    CategoryFactory(name="Makanan Olahan")
    MaterialFactory(name="Katun")
    return onboard_ikm(
        "Batik Ibu Siti", "Kabupaten Cirebon", ["siti@example.com"], publish=True, invite=False
    ).vendor


def csv_bytes(rows, header=HEADER, delimiter=";"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def errors_of(report):
    return {(e.row, e.column): e.message for e in report.errors}


def test_indonesian_headers_in_any_case_and_spacing_mean_the_english_columns():
    header, rows = read_rows(csv_bytes(ROWS[:1]), "produk.csv")
    assert header == [
        "ikm",
        "region",
        "sku",
        "name",
        "category",
        "subcategory",
        "price",
        "price_unit",
        "stock",
        "availability",
        "lead_time_days",
        "materials",
        "weight_grams",
    ]
    assert rows[0][1]["price"] == "Rp 1.750.000"


def test_a_dinas_csv_is_imported_with_regions_created_and_said(market):
    report = CatalogImporter(create_missing=True, publish=True).commit(csv_bytes(ROWS), "dinas.csv")
    assert (report.created, report.updated) == (5, 0)
    assert report.new_names["region"] == ["Kabupaten Indramayu", "Kota Cirebon"]
    assert report.new_names["ikm"] == ["Keripik Mang Ujang", "Kerajinan Kerang Gebang"]
    kawung = ProductPage.objects.get(sku="BTS-010")
    assert (kawung.price, kawung.price_unit, kawung.availability, kawung.stock) == (
        1_750_000,
        "lembar",
        "ready",
        3,
    )
    assert kawung.category.name == "Batik Tulis" and kawung.weight_grams == 300
    selendang = ProductPage.objects.get(sku="BTS-011")
    assert (selendang.price, selendang.price_unit, selendang.availability) == (
        1_750_000,
        "pcs",
        "preorder",
    )
    keripik = ProductPage.objects.get(title="Keripik Singkong Pedas")
    assert keripik.price_unit == "toples" and keripik.availability == "ready"
    assert keripik.vendor.region.name == "Kabupaten Indramayu"
    assert keripik.vendor.region.kind == Region.Kind.KABUPATEN
    lampu = ProductPage.objects.get(title="Lampu Hias Kerang")
    assert (lampu.price, lampu.price_unit, lampu.availability) == (
        350_000,
        "kotak",
        "made_to_order",
    )
    panel = ProductPage.objects.get(title="Panel Dinding Kerang")
    assert (panel.price, panel.price_unit, panel.get_price_unit_display()) == (
        1_250_000,
        "m2",
        "m²",
    )
    assert Region.objects.get(name="Kota Cirebon").kind == Region.Kind.KOTA
    # The short spelling found the existing region; nothing was duplicated.
    assert Region.objects.filter(slug__contains="cirebon").count() == 2


def test_the_same_sheet_as_xlsx_with_numbers_in_cells(market):
    rows = [list(row) for row in ROWS]
    rows[0][6] = 1750000  # a number cell, as Excel keeps it
    rows[0][8] = 3
    rows[2][6] = 25000.0
    rows[2][9] = "PO"
    rows[2][10] = 7
    rows[2][7] = "Bungkus"
    report = CatalogImporter(create_missing=True).commit(xlsx_bytes(rows), "dinas.xlsx")
    assert report.created == 5
    keripik = ProductPage.objects.get(title="Keripik Singkong Pedas")
    draft = keripik.get_latest_revision_as_object()
    assert (draft.price, draft.price_unit, draft.availability) == (25_000, "bungkus", "preorder")
    assert ProductPage.objects.get(sku="BTS-010").price == 1_750_000


def test_every_error_in_one_pass_with_the_closest_known_value(market):
    rows = [
        # Misspelled category, price in words, unknown unit, unknown availability: four errors.
        [
            "Batik Ibu Siti",
            "",
            "BTS-020",
            "Kap Lampu",
            "Kerajinan Kerang",
            "",
            "seratus ribu",
            "tampah",
            "5",
            "kadang ada",
            "",
            "",
            "",
        ],
        # Ready without stock (the model's own rule) and a misspelled subcategory.
        [
            "Batik Ibu Siti",
            "",
            "BTS-021",
            "Kain",
            "Batik",
            "Batik Tlis",
            "150.000",
            "lembar",
            "",
            "ready",
            "",
            "Katun",
            "berat",
        ],
        # Unknown IKM (no --create-missing) close to a known one, unknown material.
        [
            "Batik Ibu Sity",
            "",
            "",
            "Sarung",
            "Batik",
            "",
            "1,5",
            "",
            "",
            "",
            "",
            "Sutera Alam",
            "",
        ],
    ]
    report = CatalogImporter().plan(csv_bytes(rows), "salah.csv")
    errors = errors_of(report)
    assert set(errors) == {
        (2, "category"),
        (2, "price"),
        (2, "price_unit"),
        (2, "availability"),
        (3, "stock"),
        (3, "subcategory"),
        (3, "weight_grams"),
        (4, "ikm"),
        (4, "price"),
        (4, "materials"),
        (4, "stock"),  # availability left empty means ready, which needs a stock
    }
    assert (
        errors[(2, "category")] == "Kategori “Kerajinan Kerang” tidak dikenal; mungkin “Kerajinan”?"
    )
    assert "tampah" in errors[(2, "price_unit")]
    assert "Stok tersedia" in errors[(2, "availability")]  # what is allowed
    assert "mungkin “Batik Tulis”?" in errors[(3, "subcategory")]
    assert "mungkin “Batik Ibu Siti”?" in errors[(4, "ikm")]
    assert "sen" in errors[(4, "price")]
    assert report.refused == [
        (2, "Batik Ibu Siti", "Kap Lampu"),
        (3, "Batik Ibu Siti", "Kain"),
        (4, "Batik Ibu Sity", "Sarung"),
    ]


def test_unknown_region_without_create_missing_and_unknown_header_get_suggestions(market):
    header = [*HEADER, "Hargaa"]
    report = CatalogImporter().plan(csv_bytes([[*ROWS[2], "x"]], header=header), "p.csv")
    errors = errors_of(report)
    assert errors[(1, "hargaa")] == "Kolom “hargaa” tidak dikenal; mungkin “harga”?"
    assert (2, "ikm") in errors


def test_curators_add_units_and_aliases_the_importer_then_understands(market):
    rows = [
        [*ROWS[0][:2], "BTS-030", "Tampah Batik", "Batik", "", "90.000", "tampah", "2", "ready"]
    ]
    header = HEADER[:10]
    with pytest.raises(ImportFailed):
        CatalogImporter().commit(csv_bytes(rows, header), "p.csv")
    Unit.objects.create(code="tampah", name="tampah", aliases="nyiru, niru")
    rows[0][7] = "Nyiru"
    CatalogImporter().commit(csv_bytes(rows, header), "p.csv")
    product = ProductPage.objects.get(sku="BTS-030")
    assert product.price_unit == "tampah" and product.get_price_unit_display() == "tampah"


def test_skip_invalid_writes_good_rows_and_lists_the_refused(market):
    bad = [*ROWS[0][:2], "BTS-040", "Tanpa Kategori", "", "", "1.000", "pcs", "1", "ready", ""]
    rows = [ROWS[0][:11], bad, ROWS[1][:11]]
    header = HEADER[:11]
    with pytest.raises(ImportFailed) as failed:
        CatalogImporter().commit(csv_bytes(rows, header), "p.csv")
    assert [(e.row, e.column) for e in failed.value.report.errors] == [(3, "category")]
    assert not ProductPage.objects.exists()
    report = CatalogImporter(skip_invalid=True).commit(csv_bytes(rows, header), "p.csv")
    assert report.created == 2
    assert [row for row, *_ in report.done] == [2, 4]
    assert report.refused == [(3, "Batik Ibu Siti", "Tanpa Kategori")]
    assert not ProductPage.objects.filter(sku="BTS-040").exists()


def test_command_skip_invalid_and_what_create_missing_made(market, tmp_path, capsys):
    path = tmp_path / "dinas.csv"
    rows = [*ROWS, ["Batik Ibu Siti", "", "BTS-050", "Rusak", "", "", "x", "", "", "", "", "", ""]]
    path.write_bytes(csv_bytes(rows))
    with pytest.raises(CommandError):
        call_command("import_catalog", str(path), "--create-missing", "--no-progress")
    assert not ProductPage.objects.exists()
    call_command("import_catalog", str(path), "--create-missing", "--skip-invalid", "--no-progress")
    out, err = capsys.readouterr()
    assert "Created region: Kabupaten Indramayu, Kota Cirebon" in out
    assert "Refused 1 row(s): 7" in err
    assert "row 7, column category" in err
    assert ProductPage.objects.count() == 5
    assert VendorPage.objects.count() == 3
    assert Category.objects.filter(name="Kerajinan").count() == 1


def test_xlsx_template_has_help_and_drop_downs(market):
    workbook = load_workbook(io.BytesIO(template_xlsx()))
    assert workbook.sheetnames == ["Produk", "Daftar", "Petunjuk"]
    sheet = workbook["Produk"]
    formulas = sorted(v.formula1 for v in sheet.data_validations.dataValidation)
    assert formulas[0].startswith("=Daftar!$A$2")  # units
    assert formulas[1] == "=Daftar!$B$2:$B$4"  # availability
    units = [row[0] for row in workbook["Daftar"].iter_rows(min_row=2, values_only=True)]
    assert {"toples", "kotak", "m²", "lusin", "kodi"} <= set(units)
    help_rows = list(workbook["Petunjuk"].iter_rows(values_only=True))
    assert help_rows[8][0] == "harga" and "1.750.000" in help_rows[8][2]
    # The template as downloaded imports back.
    report = CatalogImporter(create_missing=True).plan(template_xlsx(), "templat.xlsx")
    assert [(e.row, e.column) for e in report.errors] == [(2, "image")]  # no photo zip given
