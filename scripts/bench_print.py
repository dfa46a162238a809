#!/usr/bin/env python
"""`make bench-print` (and the last step of `make bench`): how long a fair's printed catalog
takes, and how big it is.

Builds, in a scratch SQLite database and media folder of its own (never bench.sqlite3), a
catalog of PRODUCTS products (200) from 20 IKM, each product with its own 2000 x 1500 photo
(noisy, so its JPEG weighs what a phone photo does), making each print photo as publishing
does (printing/signals.py; `--cold` leaves them to the first build), then renders the region's
printed catalog (A4, Indonesian) the way the background task does, once and RUNS more times.
Prints seconds, pages and the PDF's size beside the originals' size, and writes them as JSON
(--json). It reports; it never fails on a time.
"""

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
SCRATCH = Path(tempfile.mkdtemp(prefix="bench-print-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH / 'db.sqlite3'}"
os.environ["TEST_MEDIA_ROOT"] = str(SCRATCH / "media")
os.environ["TEST_PRIVATE_MEDIA_ROOT"] = str(SCRATCH / "private")


def photo(seed):
    """A 2000 x 1500 JPEG with noise and a colour of its own, as an upload would be."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    base = Image.new("RGB", (2000, 1500), ((seed * 37) % 255, (seed * 91) % 255, 120))
    noise = Image.effect_noise((2000, 1500), 40).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(base, noise, 0.35).save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile(f"foto-{seed}.jpg", buffer.getvalue(), "image/jpeg")


def build_catalog(products, vendors, warm):
    from catalog.factories import (
        CategoryFactory,
        ImageFactory,
        ProductGalleryImageFactory,
        ProductPageFactory,
        RegionFactory,
        VendorPageFactory,
    )
    from catalog.models import ProductPage
    from printing.signals import warm_print_photo

    region = RegionFactory(name="Kabupaten Cirebon", slug="kabupaten-cirebon")
    category = CategoryFactory(name="Batik", slug="batik")
    makers = [
        VendorPageFactory(title=f"IKM Pameran {n:02d}", slug=f"ikm-pameran-{n:02d}", region=region)
        for n in range(vendors)
    ]
    originals = 0
    for n in range(products):
        product = ProductPageFactory(
            parent=makers[n % vendors],
            title=f"Kain Batik Tulis Motif Mega Mendung Nomor {n:03d}",
            slug=f"produk-{n:03d}",
            category=category,
            price=None if n % 7 == 0 else 150_000 + n * 1_000,
        )
        image = ImageFactory(file=photo(n))
        originals += image.file.size
        ProductGalleryImageFactory(page=product, image=image)
        if warm:
            warm_print_photo(ProductPage, product)  # what publishing the product does
    return region, originals


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--vendors", type=int, default=20)
    parser.add_argument("--runs", type=int, default=2, help="renders after the first")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="do not make the print photos first, as publishing does: the first build makes them",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from printing.scopes import REGION, resolve
    from printing.tasks import render_catalog

    started = time.monotonic()
    region, originals = build_catalog(args.products, args.vendors, warm=not args.cold)
    setup_seconds = time.monotonic() - started
    scope = resolve(REGION, region.slug)

    timings = []
    for run in range(args.runs + 1):
        started = time.monotonic()
        pdf, pages = render_catalog(scope, "id", "a4")
        timings.append(time.monotonic() - started)
        print(f"run {run + 1}: {timings[-1]:.1f} s")
    figures = {
        "products": len(scope.product_ids()),
        "pages": pages,
        "print_photos_made_at_publish": not args.cold,
        "first_build_seconds": round(timings[0], 1),
        "rebuild_seconds_median": round(statistics.median(timings[1:]), 1) if args.runs else None,
        "pdf_bytes": len(pdf),
        "originals_bytes": originals,
        "setup_seconds": round(setup_seconds, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "python": platform.python_version(),
    }
    print(
        f"{figures['products']} products, {pages} A4 pages: first build "
        f"{figures['first_build_seconds']} s, rebuild {figures['rebuild_seconds_median']} s; "
        f"PDF {len(pdf) / 1_048_576:.1f} MiB "
        f"(photos uploaded: {originals / 1_048_576:.0f} MiB)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
