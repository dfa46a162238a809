"""The buyers' ownership matrix over HTTP: a buyer of company A reaches A's requests and files
and never B's (404, and nothing changes); anonymous visitors are sent to sign in; spec files
go only to the company, operators and IKM that may quote."""

import pytest
from django.test import Client

from catalog.factories import UserFactory, VendorPageFactory
from catalog.ownership import ensure_roles
from sourcing.models import BuyerMember, Quote, SourcingRequest, SpecAttachment
from sourcing.services.requests import add_attachment
from tests.sourcing.buyers_support import make_company, make_member, make_request, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree):
    company_a, buyer_a = make_company("PT Baja A", "a@example.test")
    company_b, buyer_b = make_company("PT Kimia B", "b@example.test")
    draft_b = make_request(company_b, "Rahasia draf B")
    open_b = make_request(company_b, "Pipa terbuka B", status=SourcingRequest.Status.OPEN)
    SourcingRequest.objects.filter(pk=draft_b.pk).update(status="draft")
    spec_b = add_attachment(draft_b, upload("pdf", "gambar-rahasia.pdf"), buyer_b)
    # Attachments go on drafts; this one stays once its request is published.
    open_spec_b = add_attachment(make_request(company_b, "tmp"), upload("pdf", "pipa.pdf"), buyer_b)
    SpecAttachment.objects.filter(pk=open_spec_b.pk).update(request=open_b)
    vendor = VendorPageFactory(title="Bengkel Las Cilegon")
    Quote.objects.create(
        request=open_b,
        vendor=vendor,
        unit_price=125000,
        quantity=10,
        lead_time_days=7,
        status=Quote.Status.SUBMITTED,
        notes="Harga rahasia penawaran",
    )
    draft_a = make_request(company_a, "Draf A sendiri")
    return {
        "buyer_a": buyer_a,
        "buyer_b": buyer_b,
        "draft_a": draft_a,
        "draft_b": draft_b,
        "open_b": open_b,
        "spec_b": spec_b,
        "open_spec_b": SpecAttachment.objects.get(pk=open_spec_b.pk),
        "vendor": vendor,
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def b_urls(world):
    draft, spec = world["draft_b"].pk, world["spec_b"].pk
    base = f"/kebutuhan/perusahaan/kebutuhan/{draft}"
    return {
        "get": [f"{base}/", f"{base}/ubah/", f"/kebutuhan/lampiran/{spec}/"],
        "post": [
            f"{base}/ubah/",
            f"{base}/lampiran/",
            f"{base}/lampiran/{spec}/hapus/",
            f"{base}/terbitkan/",
            f"{base}/batalkan/",
            f"/kebutuhan/perusahaan/kebutuhan/{world['open_b'].pk}/batalkan/",
        ],
    }


def test_a_buyer_never_reaches_another_companys_requests_or_files(world):
    client = signed_in(world["buyer_a"])
    urls = b_urls(world)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        response = client.post(url, {"title": "Diubah A", "file": upload("pdf")})
        assert response.status_code == 404, url
    world["draft_b"].refresh_from_db()
    world["open_b"].refresh_from_db()
    assert world["draft_b"].title == "Rahasia draf B"
    assert world["draft_b"].status == SourcingRequest.Status.DRAFT
    assert world["open_b"].status == SourcingRequest.Status.OPEN
    assert SpecAttachment.objects.filter(request=world["draft_b"]).count() == 1
    home = client.get("/kebutuhan/perusahaan/")
    assert "Draf A sendiri" in home.text
    for secret in ("Rahasia draf B", "Pipa terbuka B", "Harga rahasia", "125.000"):
        assert secret not in home.text


def test_the_company_reaches_its_own_requests_and_files(world):
    client = signed_in(world["buyer_b"])
    urls = b_urls(world)
    for url in urls["get"]:
        assert client.get(url).status_code == 200, url
    detail = client.get(f"/kebutuhan/perusahaan/kebutuhan/{world['draft_b'].pk}/")
    assert "gambar-rahasia.pdf" in detail.text
    download = client.get(f"/kebutuhan/lampiran/{world['spec_b'].pk}/")
    assert download["Content-Type"] == "application/pdf"
    assert "gambar-rahasia.pdf" in download["Content-Disposition"]
    assert "no-store" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_colleague_acts_for_the_company_but_only_the_admin_edits_its_profile(world):
    company_b = world["draft_b"].company
    colleague = make_member(company_b, "rekan@example.test")
    client = signed_in(colleague)
    assert client.get(f"/kebutuhan/perusahaan/kebutuhan/{world['draft_b'].pk}/").status_code == 200
    assert client.get("/kebutuhan/perusahaan/profil/").status_code == 403
    assert client.get("/kebutuhan/perusahaan/anggota/baru/").status_code == 403
    assert signed_in(world["buyer_b"]).get("/kebutuhan/perusahaan/profil/").status_code == 200
    assert BuyerMember.objects.get(user=colleague).role == BuyerMember.Role.MEMBER


def test_anonymous_visitors_are_sent_to_sign_in_and_get_no_files(world):
    client = Client()
    for url in b_urls(world)["get"][:2]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/kebutuhan/masuk/?next=")
    assert client.get(f"/kebutuhan/lampiran/{world['spec_b'].pk}/").status_code == 404


def test_a_signed_in_user_who_is_no_buyer_is_refused(world):
    client = signed_in(UserFactory(username="bukan.pembeli"))
    assert client.get("/kebutuhan/perusahaan/").status_code == 403
    url = f"/kebutuhan/perusahaan/kebutuhan/{world['draft_b'].pk}/"
    assert client.get(url).status_code == 403


def test_spec_files_reach_operators_and_ikm_that_may_quote(world):
    operator = UserFactory(username="operator.uji")
    operator.groups.add(ensure_roles()["operators"])
    assert signed_in(operator).get(f"/kebutuhan/lampiran/{world['spec_b'].pk}/").status_code == 200

    from catalog.onboarding import onboard_ikm

    owner = onboard_ikm(
        "Bengkel Bubut Merak",
        world["vendor"].region.name,
        ["bubut@example.test"],
        publish=True,
        invite=False,
    ).users[0]
    ikm = signed_in(owner)
    # A published open request's file: yes. A draft's: never.
    assert ikm.get(f"/kebutuhan/lampiran/{world['open_spec_b'].pk}/").status_code == 200
    assert ikm.get(f"/kebutuhan/lampiran/{world['spec_b'].pk}/").status_code == 404
    # Invited-only and this IKM not invited: no.
    SourcingRequest.objects.filter(pk=world["open_b"].pk).update(visibility="invited")
    assert ikm.get(f"/kebutuhan/lampiran/{world['open_spec_b'].pk}/").status_code == 404
