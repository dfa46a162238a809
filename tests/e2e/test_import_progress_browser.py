"""An IKM owner's import runs in the background: the job page's progress bar follows the rows
being written (the page asks for the progress every second) and turns into the result, the
rows created, updated and refused, when the import is done."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "Batik-Trusmi-2026!"
PRODUCT = "kain-batik-tulis-mega-mendung"


def test_progress_bar_moves_then_shows_the_result(page, catalog):
    from catalog.factories import UserFactory
    from catalog.models import ImportJob
    from catalog.onboarding import Owner, onboard_ikm
    from catalog.ownership import ensure_roles

    vendor = catalog.products[PRODUCT].get_parent().specific
    ensure_roles()
    owner = UserFactory(username="siti", email="siti@example.test", password=PASSWORD)
    onboard_ikm(vendor.title, vendor.region, [Owner(email=owner.email)], slug=vendor.slug)
    job = ImportJob.objects.create(
        user=owner, filename="katalog-besar.csv", data=b"", status=ImportJob.Status.RUNNING
    )
    job.set_progress(10, 40)

    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("siti")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))

    page.goto(f"/admin/katalog/impor/{job.pk}/")
    bar = page.locator("#import-progress-bar")
    expect(bar).to_have_attribute("value", "10")
    expect(bar).to_have_attribute("max", "40")
    job.set_progress(30, 40)
    expect(page.locator("[data-import-progress-text]")).to_have_text(
        "30 dari 40 baris ditulis", timeout=5000
    )
    assert page.evaluate("document.querySelector('#import-progress-bar').value") == 30

    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.DONE,
        result={
            "created": 1,
            "updated": 1,
            "published": 0,
            "submitted": 2,
            "done": [
                [2, "create", vendor.title, "Selendang Baru"],
                [3, "update", vendor.title, "Kain Lama"],
            ],
            "refused": [[4, vendor.title, "Tanpa Kategori"]],
            "errors": [[4, "category", "Wajib diisi."]],
            "new_names": {},
        },
    )
    expect(page.locator("#import-summary")).to_contain_text("1 produk baru", timeout=5000)
    expect(page.locator("#import-created-section")).to_contain_text("Selendang Baru")
    expect(page.locator("#import-updated-section")).to_contain_text("Kain Lama")
    expect(page.locator("#import-refused-section")).to_contain_text("Tanpa Kategori")
    expect(page.locator("#import-progress-bar")).to_have_count(0)
