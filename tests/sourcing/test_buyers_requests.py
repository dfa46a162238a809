"""A buyer's request over HTTP: create and edit a draft, attach spec files (checked by their
content), publish (only a verified company, deadline ahead), cancel; and the service hook to
matching."""

import datetime
import sys
import types
from pathlib import Path

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from catalog.factories import RegionFactory
from sourcing.models import BuyerCompany, Capability, SourcingRequest, SpecAttachment
from sourcing.services.requests import publish_request
from tests.sourcing.buyers_support import make_company, make_request, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(site_tree):
    company, user = make_company("PT Baja Cilegon", "baja@example.test")
    client = Client()
    client.force_login(user)
    return company, user, client


def request_data(**overrides):
    deadline = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Flensa baja ASTM A105 6 inci",
        "description": "Flensa slip-on, gambar terlampir.",
        "capabilities": [Capability.objects.get(slug="bubut-cnc").pk],
        "quantity": "250",
        "unit": "pcs",
        "requires_sni": "on",
        "tkdn_min_percent": "40",
        "delivery_region": RegionFactory(name="Kota Cilegon").pk,
        "delivery_place": "Gudang 3, Jl. Industri",
        "delivery_date": (deadline + datetime.timedelta(days=30)).strftime("%Y-%m-%d"),
        "quote_deadline": deadline.strftime("%Y-%m-%dT%H:%M"),
        "visibility": "open",
        "show_buyer_name": "on",
    }
    data.update(overrides)
    return data


def test_create_edit_attach_and_publish(buyer):
    company, user, client = buyer
    response = client.post("/kebutuhan/perusahaan/kebutuhan/baru/", request_data())
    assert response.status_code == 302
    need = SourcingRequest.objects.get()
    assert (need.company, need.created_by, need.status) == (company, user, "draft")
    assert need.requires_sni and need.tkdn_min_percent == 40
    assert list(need.capabilities.values_list("slug", flat=True)) == ["bubut-cnc"]
    base = f"/kebutuhan/perusahaan/kebutuhan/{need.pk}"
    assert response["Location"] == f"{base}/"

    edited = client.post(f"{base}/ubah/", request_data(title="Flensa baja 8 inci"))
    assert edited.status_code == 302
    need.refresh_from_db()
    assert need.title == "Flensa baja 8 inci"

    client.post(f"{base}/lampiran/", {"file": upload("dxf", "flensa.dxf")})
    attachment = SpecAttachment.objects.get()
    assert (attachment.original_name, attachment.content_type) == ("flensa.dxf", "image/vnd.dxf")
    assert attachment.file.name.startswith("sourcing/specs/")
    assert "flensa" not in attachment.file.name

    detail = client.get(f"{base}/")
    assert "flensa.dxf" in detail.text and "Terbitkan" in detail.text
    published = client.post(f"{base}/terbitkan/", follow=True)
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.OPEN and need.published_at is not None
    assert "diterbitkan" in published.text
    # A published request is no longer edited, and its files stay as they are.
    client.post(f"{base}/ubah/", request_data(title="Diubah setelah terbit"))
    client.post(f"{base}/lampiran/", {"file": upload("pdf")})
    need.refresh_from_db()
    assert need.title == "Flensa baja 8 inci"
    assert SpecAttachment.objects.count() == 1


def test_form_refusals(buyer):
    _company, _user, client = buyer
    past = (timezone.localtime() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    for overrides, field in (
        ({"quote_deadline": past}, "quote_deadline"),
        ({"quantity": "0"}, "quantity"),
        ({"tkdn_min_percent": "140"}, "tkdn_min_percent"),
        ({"delivery_date": "2020-01-01"}, "delivery_date"),
    ):
        response = client.post("/kebutuhan/perusahaan/kebutuhan/baru/", request_data(**overrides))
        assert response.status_code == 400
        assert field in response.context["form"].errors
    assert not SourcingRequest.objects.exists()


@pytest.mark.parametrize("kind", ["pdf", "png", "jpg", "dwg", "dxf", "xlsx"])
def test_accepted_file_kinds(buyer, kind):
    company, _user, client = buyer
    need = make_request(company, "Kebutuhan")
    client.post(f"/kebutuhan/perusahaan/kebutuhan/{need.pk}/lampiran/", {"file": upload(kind)})
    assert SpecAttachment.objects.filter(request=need).count() == 1


@pytest.mark.parametrize(
    ("kind", "name"),
    [("exe", "gambar.pdf"), ("html", "spesifikasi.pdf"), ("zip", "tabel.xlsx"), ("exe", "a.dwg")],
)
def test_files_are_checked_by_content_not_name(buyer, kind, name):
    company, _user, client = buyer
    need = make_request(company, "Kebutuhan")
    response = client.post(
        f"/kebutuhan/perusahaan/kebutuhan/{need.pk}/lampiran/",
        {"file": upload(kind, name)},
        follow=True,
    )
    assert "PDF, JPG, PNG, DWG, DXF atau XLSX" in response.text
    assert not SpecAttachment.objects.exists()


def test_file_size_limit(buyer, settings):
    settings.SOURCING_ATTACHMENT_MAX_BYTES = 1024 * 1024
    company, _user, client = buyer
    need = make_request(company, "Kebutuhan")
    big = upload("pdf")
    big.file.write(b"0" * (1024 * 1024 + 1))
    big.size = big.file.tell()
    big.file.seek(0)
    response = client.post(
        f"/kebutuhan/perusahaan/kebutuhan/{need.pk}/lampiran/", {"file": big}, follow=True
    )
    assert "terlalu besar" in response.text
    assert not SpecAttachment.objects.exists()


def test_removing_a_file_deletes_it_from_disk(buyer):
    company, _user, client = buyer
    need = make_request(company, "Kebutuhan")
    base = f"/kebutuhan/perusahaan/kebutuhan/{need.pk}"
    client.post(f"{base}/lampiran/", {"file": upload("pdf")})
    attachment = SpecAttachment.objects.get()
    path = Path(attachment.file.path)
    assert path.is_file()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"{base}/lampiran/{attachment.pk}/hapus/")
    assert not SpecAttachment.objects.exists()
    assert not path.exists()


def test_an_unverified_company_prepares_drafts_but_cannot_publish(site_tree):
    company, user = make_company("PT Baru", "baru@example.test", verified=False)
    client = Client()
    client.force_login(user)
    need = make_request(company, "Draf perusahaan baru")
    detail = client.get(f"/kebutuhan/perusahaan/kebutuhan/{need.pk}/")
    assert "belum diverifikasi" in detail.text
    client.post(f"/kebutuhan/perusahaan/kebutuhan/{need.pk}/terbitkan/")
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.DRAFT
    company.status = BuyerCompany.Status.VERIFIED
    company.save()
    client.post(f"/kebutuhan/perusahaan/kebutuhan/{need.pk}/terbitkan/")
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.OPEN


def test_invited_only_needs_an_invited_ikm_and_cancel(buyer):
    company, user, client = buyer
    need = make_request(company, "Khusus undangan", visibility="invited")
    base = f"/kebutuhan/perusahaan/kebutuhan/{need.pk}"
    client.post(f"{base}/terbitkan/")
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.DRAFT
    client.post(f"{base}/batalkan/")
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.CANCELLED and need.closed_at


def test_publish_hands_the_request_to_matching_when_installed(buyer, monkeypatch):
    """sourcing.matching is another part's module: stand in for it at that boundary."""
    company, user, _client = buyer
    matched = []
    module = types.ModuleType("sourcing.matching")
    module.match_and_notify = matched.append
    monkeypatch.setitem(sys.modules, "sourcing.matching", module)
    need = publish_request(make_request(company, "Dicocokkan"), user)
    assert [item.pk for item in matched] == [need.pk]
    assert matched[0].status == SourcingRequest.Status.OPEN


def test_publish_refuses_someone_of_another_company(buyer):
    from django.core.exceptions import PermissionDenied

    company, _user, _client = buyer
    _other, outsider = make_company("PT Lain", "lain@example.test")
    need = make_request(company, "Bukan milik Anda")
    with pytest.raises(PermissionDenied):
        publish_request(need, outsider)
    need.refresh_from_db()
    assert need.status == SourcingRequest.Status.DRAFT
