"""The sourcing demo: fictitious Cilegon industries and eight requests in several states,
built through the services, idempotent."""

import pytest
from django.core.management import call_command

from sourcing.models import BuyerCompany, SourcingRequest, SpecAttachment

pytestmark = pytest.mark.django_db


def test_sourcing_demo_builds_buyers_and_requests_once(site_tree, capsys):
    call_command("load_demo_sourcing")
    companies = BuyerCompany.objects.all()
    assert companies.count() == 4
    verified = companies.filter(status=BuyerCompany.Status.VERIFIED)
    assert set(verified.values_list("sector", flat=True)) == {"logam", "kimia", "energi"}
    assert companies.filter(status=BuyerCompany.Status.PENDING).count() == 1
    assert all(company.members.filter(role="admin").exists() for company in companies)

    requests = SourcingRequest.objects.all()
    assert requests.count() == 8
    states = {status: requests.filter(status=status).count() for status in SourcingRequest.Status}
    assert states["open"] == 4 and states["draft"] == 2
    assert states["closed"] == 1 and states["cancelled"] == 1
    assert all(r.published_at for r in requests.filter(status__in=["open", "closed"]))
    assert SpecAttachment.objects.count() == 8
    assert "pengadaan@baja-selat-sunda.example" in capsys.readouterr().out

    call_command("load_demo_sourcing")
    assert (BuyerCompany.objects.count(), SourcingRequest.objects.count()) == (4, 8)
    call_command("load_demo_sourcing", if_empty=True)
    assert "not loaded" in capsys.readouterr().out
