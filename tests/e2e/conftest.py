"""Browser end-to-end tests: Chromium through Playwright against pytest-django's live server.

What these fixtures give a test:

* ``browser``: one headless Chromium (``CHROMIUM_PATH`` or /usr/bin/chromium) shared by the
  session's browser tests: started by the first, stopped after the last (see BrowserSession);
* ``context`` / ``page``: a fresh browser context and tab per test, with ``base_url`` set to
  the live server, so ``page.goto("/")`` opens the home page;
* ``catalog``: a small, believable catalog (regions, a two-level category tree, three IKM,
  eight products with photos and certificates) built with catalog/factories.py;
* ``assert_no_axe_violations(page)``: axe-core, WCAG 2 A and AA rules;
* ``assert_valid_html(html)``: the Nu HTML checker (vnu.jar from npm, run with Java).

When Chromium, the Playwright driver, Java or node_modules are missing, the tests are skipped
with a hint (``make test`` installs everything), except under CI (the ``CI`` environment
variable is set), where a missing tool is a failure: browser tests must never be skipped there.
"""

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API marks an asyncio event loop as running in the main thread; Django
# refuses ORM calls from a thread with a running loop unless told this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# pytest-django's live server listens on "localhost" unless told otherwise; an explicit IPv4
# address avoids Chromium trying ::1 first. An address given by the developer wins.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


def _serve_one_request_at_a_time_on_in_memory_sqlite():
    """On in-memory SQLite the live server's request threads share the test's one connection,
    so two requests at once (a page and its assets, an admin save and its reference-index task)
    interleave their savepoints ("no such savepoint"). A single-threaded server answers them in
    turn, with `Connection: close`; on PostgreSQL each thread has its own connection and the
    threaded server stays."""
    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SingleThreadedServer(WSGIServer):
        # LiveServerThread.run() already puts the shared connection on its own thread.
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME"):
        LiveServerThread.server_class = SingleThreadedServer


_serve_one_request_at_a_time_on_in_memory_sqlite()

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "`make test` installs it (`make browser`: Chromium and Java from Debian, vnu-jar and "
    "axe-core from npm)."
)
DEFAULT_TIMEOUT_MS = 15_000


def missing_tool(message):
    """Skip the test when a browser-test tool is missing, but fail loudly under CI."""
    message = f"{message} {INSTALL_HINT}"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests, but: {message}", pytrace=False)
    pytest.skip(message)


# --- The browser ------------------------------------------------------------------------------


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


class BrowserSession:
    """Playwright and one headless Chromium, shared by every browser test of the session.

    Playwright's sync API marks its event loop as running in the main thread for as long as it
    is started. That changes more than Django's async-safety check: Django then keeps its
    database connections in context-local rather than thread-local storage, so the browser
    tests get connection objects of their own; and any later test that uses asyncio would
    find a loop already running. So Chromium starts with the first browser test and stops
    after the last one in a row (see ``pytest_runtest_teardown``), not at the end of the
    session; a browser test further on starts it again.
    """

    def __init__(self):
        self.driver = None
        self.chromium = None
        self.unavailable = None

    def browser(self):
        if self.unavailable:
            missing_tool(self.unavailable)
        if self.chromium is None:
            self.start()
        return self.chromium

    def start(self):
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            self.fail_to_start(
                "The Playwright Python package is missing (pip install -e '.[test]')."
            )
        path = chromium_path()
        if not Path(path).is_file():
            self.fail_to_start(f"Chromium was not found at {path} (set CHROMIUM_PATH).")
        before = connections_by_alias()
        try:
            self.driver = sync_playwright().start()
        except Exception as error:  # noqa: BLE001 - whatever stops the driver, report it
            self.fail_to_start(f"The Playwright driver did not start: {error}.")
        share_test_database_state(before)
        try:
            self.chromium = self.driver.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_ARGS
            )
        except Exception as error:  # noqa: BLE001
            self.stop()
            self.fail_to_start(f"Chromium at {path} did not start: {error}.")

    def fail_to_start(self, message):
        self.unavailable = message
        missing_tool(message)

    def stop(self):
        if self.driver is None:
            return
        from django.db import connections

        # Close the connections opened while the loop looked "running" (a test database on
        # PostgreSQL cannot be dropped at the end while they are open).
        connections.close_all()
        if self.chromium is not None:
            self.chromium.close()
        self.driver.stop()
        self.driver = self.chromium = None


def connections_by_alias():
    from django.db import connections

    return {alias: connections[alias] for alias in connections}


def share_test_database_state(before):
    """Give the connections Django uses under Playwright's loop the test-database state that
    pytest-django's set-up left on the thread's connections: the serialized contents used to
    restore the migrations' data (the site tree) after a transactional test's flush."""
    from django.db import connections

    for alias, previous in before.items():
        current = connections[alias]
        contents = getattr(previous, "_test_serialized_contents", None)
        if current is not previous and contents is not None:
            current._test_serialized_contents = contents


BROWSER_SESSION = BrowserSession()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last of a run of browser tests (and its fixtures' teardown), stop Chromium."""
    yield
    if nextitem is None or "browser" not in getattr(nextitem, "fixturenames", ()):
        BROWSER_SESSION.stop()


@pytest.fixture(scope="session")
def browser_session():
    yield BROWSER_SESSION
    BROWSER_SESSION.stop()


@pytest.fixture
def browser(browser_session):
    """The session's Chromium (started on first use)."""
    return browser_session.browser()


@dataclass
class NetworkLog:
    """Requests to the live server that failed or answered with an error status."""

    origin: str
    failures: list = field(default_factory=list)
    # Cancelled by the browser itself, not failed: a pending request (the favicon, an image)
    # when the page navigates away, or a fetch the autocomplete aborts as the buyer types.
    aborted: list = field(default_factory=list)

    def record_response(self, response):
        if response.url.startswith(self.origin) and response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")

    def record_failure(self, request):
        if not request.url.startswith(self.origin):
            return
        if request.failure == "net::ERR_ABORTED":
            self.aborted.append(request.url)
        else:
            self.failures.append(f"failed ({request.failure}) {request.url}")


@pytest.fixture
def network_log(live_server):
    return NetworkLog(origin=live_server.url)


@pytest.fixture
def new_context(browser, live_server, network_log):
    """Open browser contexts on the live server; each is closed after the test."""
    contexts = []

    def open_context(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "id-ID")
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.on("response", network_log.record_response)
        context.on("requestfailed", network_log.record_failure)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


# --- The catalog ------------------------------------------------------------------------------


@dataclass
class Catalog:
    """What the ``catalog`` fixture built, for tests to navigate by."""

    url: str
    regions: dict
    categories: dict
    vendors: dict
    products: dict


# (title, vendor key, category slug, price, availability, stock, lead time in days)
PRODUCTS = [
    ("Kain Batik Tulis Mega Mendung", "trusmi", "batik-tulis", 150_000, "ready", 12, None),
    ("Kemeja Batik Cap Trusmi", "trusmi", "batik-cap", 185_000, "ready", 30, None),
    ("Selendang Batik Tulis Sutra", "trusmi", "batik-tulis", 420_000, "preorder", None, 21),
    ("Kursi Rotan Plumbon", "rotan", "rotan", 1_250_000, "made_to_order", None, 30),
    ("Keranjang Rotan Anyam", "rotan", "rotan", 95_000, "ready", 40, None),
    ("Sirup Pala Khas Cirebon", "olahan", "sirup", 35_000, "ready", 120, None),
    ("Emping Melinjo Cilegon", "olahan", "makanan-ringan", 60_000, "ready", 80, None),
    ("Kerupuk Udang Pesisir", "olahan", "makanan-ringan", 28_000, "ready", 0, None),
]
PHOTO_COLOURS = [
    "#1f4e8c",
    "#7a3b1d",
    "#8c1f4e",
    "#a06a2c",
    "#c08a3e",
    "#b3261e",
    "#d9a441",
    "#e07b39",
]


def build_catalog(base_url):
    """A small catalog for the browser tests. Returns a :class:`Catalog`."""
    from wagtail.models import Site

    from catalog.factories import (
        CategoryFactory,
        CertificateTypeFactory,
        ImageFactory,
        MaterialFactory,
        ProductCertificateFactory,
        ProductGalleryImageFactory,
        ProductPageFactory,
        RegionFactory,
        SentraFactory,
        VendorCertificateFactory,
        VendorPageFactory,
    )
    from catalog.models import Region

    # The site tree migration made a Site for localhost:80; serve it under the live server's
    # address so full URLs (canonical links, share links, the WhatsApp text) point here.
    host, port = base_url.split("//", 1)[1].split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()  # its post_save signal clears Wagtail's cache of site root paths

    regions = {
        "kab-cirebon": RegionFactory(
            name="Kabupaten Cirebon", slug="kabupaten-cirebon", kind=Region.Kind.KABUPATEN
        ),
        "kota-cirebon": RegionFactory(name="Kota Cirebon", slug="kota-cirebon"),
        "cilegon": RegionFactory(name="Kota Cilegon", slug="kota-cilegon", province="Banten"),
    }
    batik = CategoryFactory(name="Batik", slug="batik", sort_order=1)
    kerajinan = CategoryFactory(name="Kerajinan", slug="kerajinan", sort_order=2)
    makanan = CategoryFactory(name="Makanan Olahan", slug="makanan-olahan", sort_order=3)
    categories = {
        "batik": batik,
        "kerajinan": kerajinan,
        "makanan-olahan": makanan,
        "batik-tulis": CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik),
        "batik-cap": CategoryFactory(name="Batik Cap", slug="batik-cap", parent=batik),
        "rotan": CategoryFactory(name="Rotan", slug="rotan", parent=kerajinan),
        "sirup": CategoryFactory(name="Sirup", slug="sirup", parent=makanan),
        "makanan-ringan": CategoryFactory(
            name="Makanan Ringan", slug="makanan-ringan", parent=makanan
        ),
    }
    halal = CertificateTypeFactory(name="Sertifikat Halal", slug="halal", code="HALAL")
    pirt = CertificateTypeFactory(name="SPP-IRT", slug="p-irt", code="P-IRT")
    merek = CertificateTypeFactory(name="HKI Merek", slug="hki-merek", code="HKI")
    katun = MaterialFactory(name="Katun primisima", slug="katun-primisima")
    rotan = MaterialFactory(name="Rotan alam", slug="rotan-alam")

    vendors = {
        "trusmi": VendorPageFactory(
            title="Batik Trusmi Ibu Siti",
            slug="batik-trusmi-ibu-siti",
            region=regions["kab-cirebon"],
            sentra=SentraFactory(
                name="Sentra Batik Trusmi",
                slug="sentra-batik-trusmi",
                region=regions["kab-cirebon"],
            ),
            owner_names="Ibu Siti Aminah",
            address="Jl. Buyut Trusmi No. 12, Plered",
            postal_code="45154",
            whatsapp="+6281234567890",
            email="batik.siti@example.test",
            year_founded=1998,
            workforce=14,
            monthly_capacity="300 lembar",
            export_ready=True,
            listing_summary="Batik tulis dan cap khas Trusmi, dikerjakan tiga generasi.",
        ),
        "rotan": VendorPageFactory(
            title="Rotan Plumbon Jaya",
            slug="rotan-plumbon-jaya",
            region=regions["kab-cirebon"],
            owner_names="Bapak Darsono",
            address="Desa Plumbon, Kecamatan Plumbon",
            whatsapp="+6285712345678",
            phone="+62231123456",
            year_founded=2006,
        ),
        "olahan": VendorPageFactory(
            title="Dapur Olahan Cilegon",
            slug="dapur-olahan-cilegon",
            region=regions["cilegon"],
            owner_names="Ibu Ratna Dewi",
            address="Jl. Raya Anyer No. 5, Cilegon",
            whatsapp="+6287812345678",
        ),
    }
    VendorCertificateFactory(page=vendors["trusmi"], certificate_type=merek, number="IDM000123456")

    products = {}
    for row, colour in zip(PRODUCTS, PHOTO_COLOURS, strict=True):
        title, vendor, category, price, availability, stock, lead_time = row
        product = ProductPageFactory(
            parent=vendors[vendor],
            title=title,
            category=categories[category],
            price=price,
            availability=availability,
            stock=stock,
            lead_time_days=lead_time,
            min_order=1,
            summary=f"{title}, buatan tangan perajin {vendors[vendor].region.name}.",
        )
        for number in range(2 if category == "batik-tulis" else 1):
            ProductGalleryImageFactory(
                page=product,
                image=ImageFactory(
                    title=f"{title} {number + 1}",
                    description=f"Foto {title.lower()}, tampak {('depan', 'dekat')[number]}",
                    file__color=colour,
                ),
            )
        if category.startswith("batik") or category == "rotan":
            # A ParentalManyToManyField keeps its value in memory until the page is saved.
            product.materials.set([katun if category.startswith("batik") else rotan])
            product.save()
        else:
            ProductCertificateFactory(page=product, certificate_type=halal)
            ProductCertificateFactory(page=product, certificate_type=pirt)
        products[product.slug] = product

    return Catalog(
        url=base_url, regions=regions, categories=categories, vendors=vendors, products=products
    )


@pytest.fixture
def catalog(django_db_serialized_rollback, live_server):
    """The test catalog, visible to the live server.

    ``live_server`` makes the test transactional (its data is committed, so the server thread
    sees it). A transactional test flushes the database afterwards, which would also remove the
    home page, catalog and IKM directory that the site-tree migration made; serialized rollback
    restores them before each test.
    """
    return build_catalog(live_server.url)


# --- axe --------------------------------------------------------------------------------------

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}


def axe_source():
    if AXE_JS.is_file():
        return AXE_JS.read_text(encoding="utf-8")
    try:
        import axe_playwright_python
    except ImportError:
        missing_tool("axe-core is not installed (npm ci, or pip install axe-playwright-python).")
    bundled = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    if not bundled.is_file():
        missing_tool("axe-core is not installed (npm ci).")
    return bundled.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def axe_script():
    return axe_source()


def format_axe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} "
            f"[{violation.get('helpUrl', '')}]"
        )
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + summary.replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.fixture
def assert_no_axe_violations(axe_script):
    """Run axe on the page's current document; fail listing every WCAG 2 A/AA violation."""

    def check(page):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated over the DevTools protocol, not as an inline <script>: the site's
            # Content Security Policy (rightly) blocks inline scripts.
            page.evaluate(f"() => {{ {axe_script}\n }}")
        results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        violations = results["violations"]
        if violations:
            pytest.fail(
                f"axe found {len(violations)} WCAG 2 A/AA violation(s) on {page.url}:\n"
                + format_axe_violations(violations),
                pytrace=False,
            )

    return check


# --- The Nu HTML checker ----------------------------------------------------------------------


def vnu_command():
    java = shutil.which("java")
    if java is None:
        missing_tool("Java is needed for the Nu HTML checker (apt install default-jre-headless).")
    if not VNU_JAR.is_file():
        missing_tool(f"The Nu HTML checker is not installed ({VNU_JAR} is missing; run npm ci).")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def validate_html(documents):
    """Check HTML documents ({name: html}) with one run of vnu; return {name: [error, ...]}."""
    command = vnu_command()
    with tempfile.TemporaryDirectory(prefix="vnu-") as directory:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(directory) / f"page-{number}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        result = subprocess.run(  # noqa: S603 - a fixed command on our own temporary files
            [*command, *(str(Path(directory) / filename) for filename in names)],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(
            f"The Nu HTML checker did not answer in JSON (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    errors = {}
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "")
        name = names.get(url.rsplit("/", 1)[-1], url or "?")
        extract = (message.get("extract") or "").strip()
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']}"
            + (f"\n      {extract}" if extract else "")
        )
    return errors


def assert_valid_html(html, name="document"):
    """Fail listing the Nu HTML checker's errors for one document (or a {name: html} dict)."""
    documents = html if isinstance(html, dict) else {name: html}
    errors = validate_html(documents)
    if errors:
        report = "\n".join(
            f"{doc}:\n" + "\n".join(f"  - {error}" for error in found)
            for doc, found in errors.items()
        )
        pytest.fail(f"The Nu HTML checker found errors:\n{report}", pytrace=False)


@pytest.fixture(scope="session")
def html_checker():
    """Skip (or fail under CI) when the checker cannot run; return ``assert_valid_html``."""
    vnu_command()
    return assert_valid_html
