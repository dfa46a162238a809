"""The printed catalog over HTTP: the public link answers 202 with a retry hint while the
catalog is built in the background, then the stored PDF under a name that says what and when,
until an included product changes; the link is on the IKM, exhibition, region, sentra and
category pages; QR visits are counted; who may build what in the admin."""

import io
import re

import pytest
from pypdf import PdfReader

from printing.models import PrintedCatalog
from showroom.labels import LabelVisit
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

IKM_PDF = "/katalog-pdf/ikm/batik-trusmi-jaya/"
ADMIN = "/admin/katalog-cetak/"


def pdf_of(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)


def get_and_build(client, url, capture):
    """GET `url`, then run what it queued after commit (the immediate task backend builds)."""
    with capture(execute=False) as callbacks:
        response = client.get(url)
    for callback in callbacks:
        callback()
    return response, len(callbacks)


def test_202_while_building_then_the_pdf_until_a_product_changes(
    client, catalog, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    with capture(execute=False) as queued:
        first = client.get(IKM_PDF)
    assert first.status_code == 202
    assert first["Retry-After"] == "10"
    assert "no-cache" in first["Cache-Control"]
    # Asked again while the build waits: still 202, and no second build.
    again, builds = get_and_build(client, IKM_PDF, capture)
    assert again.status_code == 202 and builds == 0
    for callback in queued:
        callback()

    ready = client.get(IKM_PDF)
    assert ready.status_code == 200
    assert ready["Content-Type"] == "application/pdf"
    assert re.search(
        r'filename="katalog-ikm-batik-trusmi-jaya-id-a4-\d{8}-\d{4}\.pdf"',
        ready["Content-Disposition"],
    )
    assert "Kain Batik Tulis" in pdf_of(ready)
    row = PrintedCatalog.objects.get()
    assert row.status == "ready" and row.product_count == 2 and row.size_bytes > 0

    # Served again, not rebuilt, while nothing changes.
    same, builds = get_and_build(client, IKM_PDF, capture)
    assert same.status_code == 200 and builds == 0

    catalog.long.title = "Kain Batik Tulis Motif Baru"
    catalog.long.save_revision().publish()
    stale, builds = get_and_build(client, IKM_PDF, capture)
    assert stale.status_code == 202 and builds == 1
    fresh = client.get(IKM_PDF)
    assert fresh.status_code == 200
    assert "Motif Baru" in pdf_of(fresh)


def test_english_a5_is_its_own_catalog(client, catalog, django_capture_on_commit_callbacks):
    url = IKM_PDF + "?bahasa=en&kertas=a5"
    response, builds = get_and_build(client, url, django_capture_on_commit_callbacks)
    assert response.status_code == 202 and builds == 1
    response = client.get(url)
    assert "-en-a5-" in response["Content-Disposition"]
    assert "Price on request" in pdf_of(response)


@pytest.mark.parametrize(
    "url",
    [
        "/katalog-pdf/pilihan/1,2/",  # a curator's selection is never public
        "/katalog-pdf/ikm/tidak-ada/",
        "/katalog-pdf/lain/x/",
        IKM_PDF + "?bahasa=fr",
        IKM_PDF + "?kertas=a3",
    ],
)
def test_what_the_public_link_refuses(client, catalog, url):
    assert client.get(url).status_code == 404
    assert not PrintedCatalog.objects.exists()


def test_the_public_build_budget(client, catalog, settings, django_capture_on_commit_callbacks):
    settings.PRINT_PUBLIC_BUILDS_PER_HOUR = 1
    first, builds = get_and_build(client, IKM_PDF, django_capture_on_commit_callbacks)
    assert first.status_code == 202 and builds == 1
    refused = client.get("/katalog-pdf/wilayah/kota-cilegon/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


@pytest.mark.parametrize(
    ("path", "href"),
    [
        ("/ikm/batik-trusmi-jaya/", IKM_PDF + "?bahasa=id"),
        ("/en/ikm/batik-trusmi-jaya/", IKM_PDF + "?bahasa=en"),
        ("/pameran/pameran-ciayumajakuning/", "/katalog-pdf/pameran/pameran-ciayumajakuning/"),
        ("/ikm/?wilayah=kota-cilegon", "/katalog-pdf/wilayah/kota-cilegon/"),
        ("/katalog/?sentra=sentra-batik-trusmi", "/katalog-pdf/sentra/sentra-batik-trusmi/"),
        ("/katalog/batik/", "/katalog-pdf/kategori/batik/"),
    ],
)
def test_the_link_is_on_public_pages(client, catalog, path, href):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{href}' in html
    assert "pdf" in href


def test_a_qr_visit_from_print_is_counted(client, catalog):
    from printing import scopes
    from printing.document import source_for

    source = source_for(scopes.resolve("ikm", "batik-trusmi-jaya"))
    assert client.get(f"{catalog.long.url}?src={source}").status_code == 200
    assert LabelVisit.objects.get(product=catalog.long, source=source).count == 1


# -- the admin ---------------------------------------------------------------------------


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard, and a user
    without admin access with one to the login page."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/"))
    )


def post(client, **data):
    return client.post(ADMIN, {"language": "id", "paper": "a4", **data})


def test_a_curator_builds_any_catalog(client, catalog, curator, django_capture_on_commit_callbacks):
    login_verified(client, curator)
    assert client.get(ADMIN).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, kind="pameran", exhibition=catalog.fair.pk)
    assert response.status_code == 302
    selection = f"{catalog.chair.pk}, {catalog.long.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        post(client, kind="pilihan", selection=selection, language="en", paper="a5")
    rows = {row.scope_kind: row for row in PrintedCatalog.objects.all()}
    assert rows["pameran"].status == rows["pilihan"].status == "ready"
    listing = client.get(ADMIN).content.decode()
    assert rows["pilihan"].file_name in listing
    download = client.get(f"{ADMIN}{rows['pilihan'].pk}/unduh/")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    text = pdf_of(download)
    assert text.index("Kursi Rotan") < text.index("Kain Batik Tulis")  # the order given
    preview = client.get(f"{ADMIN}pratinjau/pameran/{catalog.fair.slug}/?kertas=a5")
    assert preview.status_code == 200 and b"print-catalog.css" in preview.content


def test_an_operator_builds_a_region_catalog(client, catalog, operator):
    login_verified(client, operator)
    assert post(client, kind="wilayah", region=catalog.region.pk).status_code == 302
    assert PrintedCatalog.objects.filter(scope_kind="wilayah").exists()


def test_an_owner_builds_only_their_own_ikm(client, catalog, owner, curator):
    other = PrintedCatalog.objects.create(scope_kind="ikm", scope_key="rotan-plumbon")
    client.force_login(owner)
    page = client.get(ADMIN)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Batik Trusmi Jaya" in html and "Rotan Plumbon" not in html

    assert post(client, kind="ikm", vendor=catalog.trusmi.pk).status_code == 302
    assert PrintedCatalog.objects.filter(scope_key="batik-trusmi-jaya").exists()

    other_ikm = post(client, kind="ikm", vendor=catalog.rattan.pk)
    assert other_ikm.status_code == 200  # the form refuses another IKM
    assert post(client, kind="pameran", exhibition=catalog.fair.pk).status_code == 200
    assert post(client, kind="pilihan", selection=str(catalog.chair.pk)).status_code == 200
    assert set(PrintedCatalog.objects.values_list("scope_key", flat=True)) == {
        "rotan-plumbon",
        "batik-trusmi-jaya",
    }
    assert refused(client.get(f"{ADMIN}{other.pk}/unduh/"))
    assert refused(client.get(f"{ADMIN}pratinjau/ikm/rotan-plumbon/"))
    assert refused(client.get(f"{ADMIN}pratinjau/pameran/{catalog.fair.slug}/"))
    assert client.get(f"{ADMIN}pratinjau/ikm/batik-trusmi-jaya/").status_code == 200


def test_anonymous_and_plain_users_get_no_admin(client, catalog):
    assert client.get(ADMIN).status_code == 302  # to the login page
    from catalog.factories import UserFactory

    client.force_login(UserFactory(username="pembeli"))
    assert refused(client.get(ADMIN))
