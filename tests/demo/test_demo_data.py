"""The demo catalog is data: demo/data/products.csv is a spreadsheet the importer accepts, and
what `load_demo_catalog` builds comes from the files (a price changed in the file is the price
on the site; a wrong category is refused by the importer, with the row and the column)."""

import csv
import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.factories import VendorPageFactory
from catalog.importer import COLUMNS, CatalogImporter, ImageSource
from catalog.models import ProductPage, VendorPage
from demo import data
from demo.products import draw_pictures
from demo.taxonomy import ensure_taxonomy

pytestmark = pytest.mark.django_db


def test_the_files_agree_with_each_other():
    rows = data.product_rows()
    details = data.product_details()
    titles = {spec["title"] for spec in data.vendors()}
    assert set(rows[0]) <= set(COLUMNS)  # only the importer's columns
    assert {row["ikm"] for row in rows} == titles
    assert [row["sku"] for row in rows] == list(details)  # one companion entry per product
    for row in rows:
        assert 1 <= len(data.image_names(row)) <= 3, row["sku"]


def test_products_csv_plans_cleanly_through_the_importer(site_tree, tmp_path):
    """The file as it is, through the importer's own checks: every row known and valid."""
    regions = {region.name: region for region in ensure_taxonomy().regions.values()}
    rows = data.product_rows()
    for spec in data.vendors():
        region = next(r["region"] for r in rows if r["ikm"] == spec["title"])
        VendorPageFactory(title=spec["title"], region=regions[region])
    draw_pictures(rows, data.product_details(), tmp_path)

    importer = CatalogImporter(images=ImageSource(folder=tmp_path))  # no create_missing
    report = importer.plan(data.products_csv(), "products.csv")

    assert report.errors == []
    assert len(report.rows) == len(rows) == 83
    assert {plan.action for plan in report.rows} == {"create"}
    assert sum(len(plan.images) for plan in report.rows) == 138  # every picture named is found


def edited_copy(tmp_path, edit_row, keep=("trusmi",)):
    """demo/data/ copied to tmp_path with only the IKM `keep` and `edit_row` applied to each
    product row."""
    folder = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, folder)
    vendors = [spec for spec in data.vendors() if spec["key"] in keep]
    (folder / "ikm.json").write_text(json.dumps(vendors), encoding="utf-8")
    titles = {spec["title"] for spec in vendors}
    rows = [edit_row(dict(row)) for row in data.product_rows() if row["ikm"] in titles]
    with open(folder / "products.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder, rows


def load(folder):
    out = io.StringIO()
    call_command("load_demo_catalog", "--data", str(folder), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_price_changed_in_the_file_is_the_price_of_the_demo_product(site_tree, tmp_path):
    def cheaper(row):
        if row["sku"] == "SK-BT-001":
            row["price"] = "Rp 1.250.000"  # written as an owner writes it
        return row

    folder, rows = edited_copy(tmp_path, cheaper)
    output = load(folder)

    assert f"created 1 IKM, {len(rows)} products" in output
    product = ProductPage.objects.get(sku="SK-BT-001")
    assert product.price == 1_250_000
    assert product.live and product.vendor.title == "Batik Tulis Sekar Kencana"
    assert ProductPage.objects.get(sku="SK-BT-002").price == 1_650_000  # as in the file
    # Imported as a draft, then published by the demo with its description blocks.
    assert product.revisions.count() == 2
    assert [block.block_type for block in product.description][:2] == ["heading", "paragraph"]


def test_a_row_the_importer_refuses_stops_the_demo(site_tree, tmp_path):
    def wrong_category(row):
        if row["sku"] == "SK-BT-002":
            row["subcategory"] = "Batik Lukis"
        return row

    folder, rows = edited_copy(tmp_path, wrong_category)
    with pytest.raises(CommandError) as refused:
        load(folder)
    assert "subcategory" in str(refused.value) and "Batik Lukis" in str(refused.value)
    assert "row 3" in str(refused.value)  # the header is row 1, SK-BT-002 is the second row
    assert not ProductPage.objects.exists()
    assert not VendorPage.objects.exists()  # one transaction: nothing half-built


def test_demo_ikm_have_consistent_shipping_facts():
    for spec in data.vendors():
        fields = spec["shipping"]
        assert fields["ships_from"] and fields["couriers"], spec["key"]
        page = VendorPage(export_ready=spec["export_ready"], **fields)
        assert page.clean_shipping() == {}, spec["key"]
        for name, value in fields.items():
            assert len(value) <= VendorPage._meta.get_field(name).max_length, (spec["key"], name)
