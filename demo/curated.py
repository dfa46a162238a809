"""The curated demo catalog: fifteen IKM from Kota Cirebon, Kabupaten Cirebon, Kota Cilegon
and Indramayu with about eighty products, built from demo/data/.

`build_demo()` creates the taxonomies, the exchange rates, the staff accounts, each IKM's
profile and owner, then imports the products through the spreadsheet importer and publishes
them (demo/products.py). It is idempotent: it looks things up by slug, SKU, username and
title, and only creates what is missing.

All names, NIB, certificate numbers, e-mail addresses and phone numbers are fictitious. Phone
numbers follow the +62 8xx 0000 xxxx pattern so that a click on "WhatsApp" in the demo does
not message a real person.
"""

import time

from django.db import transaction

from catalog.models import ProductPage
from catalog.signals import demo_catalog_built
from demo import data
from demo.accounts import BuildReport, demo_logins, ensure_staff_users
from demo.bulk import bulk_build, site_pages, warm_demo_renditions
from demo.products import finish_product, import_rows, missing_rows
from demo.rates import ensure_demo_rates
from demo.taxonomy import ensure_taxonomy
from demo.vendors import build_vendor, onboard_owner


def curated_product_count(data_dir=data.DATA_DIR):
    return len(data.product_rows(data_dir))


def build_demo(warm_renditions=False, data_dir=data.DATA_DIR):
    """Build (or complete) the curated demo catalog. Idempotent. Returns a BuildReport."""
    started = time.perf_counter()
    report = BuildReport()
    rows = data.product_rows(data_dir)
    details = data.product_details(data_dir)
    new_vendors = []
    with transaction.atomic(), bulk_build():
        taxonomy = ensure_taxonomy(data_dir)
        ensure_demo_rates()
        vendor_index = site_pages()
        ensure_staff_users(report)
        vendors = {}
        for spec in data.vendors(data_dir):
            own = [row for row in rows if row["ikm"] == spec["title"]]
            showcase = [
                (data.picture(details[r["sku"]]["picture"]), details[r["sku"]]["alt"])
                for r in own[:4]
            ]
            vendor, created = build_vendor(spec, showcase, vendor_index, taxonomy, report)
            onboard_owner(spec, vendor, report)
            vendors[spec["title"]] = vendor
            if created:
                new_vendors.append(vendor)
        missing = missing_rows(rows, vendors)
        if missing:
            imported = import_rows(missing, details)
            report.images_created += imported.images
            for row in missing:
                vendor = vendors[row["ikm"]]
                finish_product(vendor, row, details[row["sku"]], taxonomy)
                if vendor not in new_vendors:
                    new_vendors.append(vendor)
            report.products_created = len(missing)
    if warm_renditions and new_vendors:
        warm_demo_renditions([*new_vendors, *ProductPage.objects.filter(vendor__in=new_vendors)])
    demo_catalog_built.send(sender=build_demo)
    report.logins = demo_logins(data_dir)
    report.seconds = time.perf_counter() - started
    return report
