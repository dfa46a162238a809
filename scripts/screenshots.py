"""Take the README's screenshots: the home page and a product page, at 1280x900.

    .venv/bin/python scripts/screenshots.py [--out docs] [--product SLUG]

It makes a throwaway test database (the test settings: in-memory SQLite, or a test database
next to DATABASE_URL's), fills it with the demo catalog (demo/curated.py) or, when that is
not there, with the browser tests' small catalog, serves it with Django's live-server thread
and photographs it with headless Chromium (CHROMIUM_PATH or /usr/bin/chromium). The real
database is not touched. PNGs over --max-kb are reduced to a 256-colour palette.
"""

import argparse
import inspect
import io
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

DEMO_BUILDERS = (
    "build_demo",
    "build_demo_catalog",
    "load_demo_catalog",
    "build_catalog",
    "build",
    "load",
)


def find_demo_builder():
    """The demo catalog's builder function in demo/curated.py, if that module exists."""
    try:
        from demo import curated as demo
    except ImportError:
        return None
    for name in DEMO_BUILDERS:
        builder = getattr(demo, name, None)
        if callable(builder):
            return builder
    return None


def build_content(base_url):
    builder = find_demo_builder()
    if builder is None:
        from tests.e2e.conftest import build_catalog

        print("demo/curated.py has no builder: using the browser tests' catalog")
        build_catalog(base_url)
        return
    print(f"building the demo catalog with demo.curated.{builder.__name__}()")
    parameters = inspect.signature(builder).parameters
    kwargs = {}
    for name, value in (("stdout", io.StringIO()), ("verbosity", 0), ("progress", False)):
        if name in parameters:
            kwargs[name] = value
    builder(**kwargs)


def point_site_at(base_url):
    from wagtail.models import Site

    host, port = base_url.split("//", 1)[1].split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()


def pick_product(slug):
    from catalog.models import ProductPage

    products = ProductPage.objects.live().filter(gallery_images__isnull=False).distinct()
    if slug:
        return products.get(slug=slug)
    batik = products.filter(category__slug__contains="batik").order_by("pk").first()
    return batik or products.order_by("pk").first()


def shrink_png(path, max_kb):
    from PIL import Image

    if path.stat().st_size <= max_kb * 1024:
        return
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def photograph(base_url, product_url, out, max_kb):
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        context = browser.new_context(
            base_url=base_url, viewport={"width": 1280, "height": 900}, locale="id-ID"
        )
        page = context.new_page()
        for name, path in (("home", "/"), ("product", product_url)):
            response = page.goto(path, wait_until="networkidle")
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            page.evaluate("document.fonts.ready")
            target = out / f"screenshot-{name}.png"
            page.screenshot(path=str(target))
            shrink_png(target, max_kb)
            print(f"{target}: {target.stat().st_size // 1024} KB")
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--product", help="slug of the product to photograph")
    parser.add_argument("--max-kb", type=int, default=400)
    args = parser.parse_args()

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per page created
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.test.testcases import LiveServerThread
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    connection = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the proxy
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    shared = {}
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        connection.inc_thread_sharing()
        shared[connection.alias] = connection
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base_url = f"http://127.0.0.1:{server.port}"
    try:
        build_content(base_url)
        point_site_at(base_url)
        product = pick_product(args.product)
        args.out.mkdir(parents=True, exist_ok=True)
        photograph(base_url, product.url, args.out, args.max_kb)
    finally:
        server.terminate()
        if shared:
            connection.dec_thread_sharing()
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
