"""The admin import as a background task: upload, job page with progress while it runs, result
page with the rows created, updated and refused; only the user who started it sees it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from catalog.importer.jobs import run_job
from catalog.models import ImportJob, ProductPage
from tests.catalog.test_import_real_spreadsheets import ROWS, csv_bytes
from tests.catalog.test_import_real_spreadsheets import market as market  # noqa: F401 (fixture)
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(superuser):
    client = Client()
    login_verified(client, superuser)
    return client


def upload(client, rows, **options):
    return client.post(
        reverse("catalog_import:upload"),
        {
            "file": SimpleUploadedFile("dinas.csv", csv_bytes(rows), "text/csv"),
            "commit": "1",
            **{name: "on" for name, on in options.items() if on},
        },
    )


def test_upload_runs_in_the_background_and_lists_created_updated_and_refused(
    operator_client, market
):
    response = upload(operator_client, ROWS[:2])
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "catalog_import:job", args=[job.pk]
    )
    assert job.status == "done" and job.data == b""  # the upload is not kept
    broken = [*ROWS[0][:2], "BTS-099", "Tanpa Kategori", "", "", "1.000", "pcs", "1", "ready", ""]
    rows = [ROWS[0], broken, [*ROWS[1][:3], "Selendang Baru", *ROWS[1][4:]], ROWS[4]]
    response = upload(operator_client, rows, skip_invalid=True, create_missing=True)
    job = ImportJob.objects.order_by("-pk").first()
    page = operator_client.get(response.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="import-created-section"' in html and "Panel Dinding Kerang" in html
    assert 'id="import-updated-section"' in html and "Batik Tulis Kawung" in html
    assert 'id="import-refused-section"' in html and "Tanpa Kategori" in html
    assert "Dibuat (wilayah): Kota Cirebon" in html  # the region it created is named
    assert [r[0] for r in job.result["refused"]] == [3]
    updated = ProductPage.objects.get(sku="BTS-011").get_latest_revision_as_object()
    assert updated.title == "Selendang Baru"
    assert not ProductPage.objects.filter(sku="BTS-099").exists()


def test_all_or_nothing_by_default_lists_every_error(operator_client, market):
    bad = [*ROWS[0][:2], "BTS-099", "Kain", "Kerajinan Kerang", "", "mahal", "", "", "", ""]
    response = upload(operator_client, [ROWS[0], bad])
    html = operator_client.get(response.url).content.decode()
    assert "Tidak ada yang diimpor" in html
    assert "mungkin “Kerajinan”?" in html and "import-error-table" in html
    assert not ProductPage.objects.exists()


def test_the_page_shows_progress_while_running_and_json_for_the_script(operator_client, superuser):
    job = ImportJob.objects.create(
        user=superuser, filename="besar.csv", data=b"x", status=ImportJob.Status.RUNNING
    )
    job.set_progress(120, 480)
    url = reverse("catalog_import:job", args=[job.pk])
    html = operator_client.get(url).content.decode()
    assert re.search(r'<progress id="import-progress-bar" max="480" value="120"', html)
    assert "120 dari 480 baris ditulis" in html and "js/import-progress.js" in html
    state = operator_client.get(url, {"format": "json"}).json()
    assert state == {"status": "running", "finished": False, "done": 120, "total": 480}


def test_progress_is_counted_while_rows_are_written(market, superuser):
    job = ImportJob.objects.create(
        user=superuser, filename="dinas.csv", data=csv_bytes(ROWS), create_missing=True
    )
    assert run_job(job) == "done"
    job.refresh_from_db()
    assert job.progress() == (5, 5)
    assert job.result["created"] == 5


def test_another_user_cannot_see_a_job(operator_client, market, django_user_model):
    from catalog.onboarding import onboard_ikm

    owner = onboard_ikm(
        "Kerajinan Rotan", "Kabupaten Cirebon", ["rotan@example.com"], invite=False
    ).users[0]
    job = ImportJob.objects.create(user=owner, filename="milik-pemilik.csv", data=b"")
    url = reverse("catalog_import:job", args=[job.pk])
    assert operator_client.get(url).status_code == 404
    mine = ImportJob.objects.create(
        user=django_user_model.objects.get(is_superuser=True), filename="a.csv", data=b""
    )
    owner_client = Client()
    login_verified(owner_client, owner)
    assert owner_client.get(reverse("catalog_import:job", args=[mine.pk])).status_code == 404
    assert owner_client.get(url).status_code == 200


def test_preview_says_what_would_be_created_and_writes_nothing(operator_client, market):
    response = operator_client.post(
        reverse("catalog_import:upload"),
        {
            "file": SimpleUploadedFile("dinas.csv", csv_bytes(ROWS), "text/csv"),
            "preview": "1",
            "create_missing": "on",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "import-preview-table" in html
    assert "Akan dibuat (wilayah): Kabupaten Indramayu, Kota Cirebon" in html
    assert not ImportJob.objects.exists() and not ProductPage.objects.exists()
