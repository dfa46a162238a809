"""The demo's data files and their readers.

demo/data/ holds the curated demo as data:

- products.csv: every product, in the spreadsheet importer's format (catalog/importer.py);
  `load_demo_catalog` imports it, so the demo proves the import path;
- products.json: per SKU, what the importer has no column for: the short summary, the
  picture to draw and its alt text, HS code, extra specification rows, certificates, English;
- ikm.json: the IKM profiles (story, contact, NIB, certificates, shipping, English);
- taxonomy.json: categories, regions, sentra, materials and certificate types;
- synthetic.json: the vocabularies of the generated catalog used by `make bench`.
"""

import csv
import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
PRODUCTS_CSV = "products.csv"


def frozen(value):
    """JSON lists as tuples, recursively: picture options are hashed into the drawing's seed,
    and the pictures were always drawn from tuples."""
    if isinstance(value, list | tuple):
        return tuple(frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: frozen(v) for k, v in value.items()}
    return value


def picture(spec):
    """(kind, options) of a picture described as {"kind": ..., "options": {...}}."""
    return spec["kind"], frozen(spec.get("options", {}))


@cache
def read_json(data_dir, name):
    with open(Path(data_dir) / name, encoding="utf-8") as file:
        return json.load(file)


def taxonomy(data_dir=DATA_DIR):
    return read_json(str(data_dir), "taxonomy.json")


def vendors(data_dir=DATA_DIR):
    return read_json(str(data_dir), "ikm.json")


def product_details(data_dir=DATA_DIR):
    return read_json(str(data_dir), "products.json")


def synthetic(data_dir=DATA_DIR):
    return read_json(str(data_dir), "synthetic.json")


def products_csv(data_dir=DATA_DIR):
    return (Path(data_dir) / PRODUCTS_CSV).read_bytes()


def product_rows(data_dir=DATA_DIR):
    """The rows of products.csv as {column: text}, in file order."""
    with open(Path(data_dir) / PRODUCTS_CSV, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def cell_list(row, column):
    """The items of a list cell (`a; b` or `a, b`), in the order written."""
    text = row.get(column, "").replace(",", ";")
    return [item.strip() for item in text.split(";") if item.strip()]


def image_names(row):
    return cell_list(row, "image")
