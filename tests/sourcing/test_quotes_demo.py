"""The demo quotes are built through the quote services and can be run again safely."""

import datetime

import pytest
from django.utils import timezone

from demo.sourcing_quotes import add_demo_quotes
from sourcing.models import Quote, QuoteMessage, SourcingRequest
from tests.sourcing.quotes_support import (
    make_buyer,
    make_company,
    make_request,
    make_vendor_with_owner,
)

pytestmark = pytest.mark.django_db


def test_demo_quotes_threads_and_an_award(site_tree):
    company = make_company()
    make_buyer(company, "pembeli")
    open_need = make_request(company, title="Terbuka")
    closed_need = make_request(
        company,
        title="Tutup",
        status=SourcingRequest.Status.CLOSED,
        quote_deadline=timezone.now() - datetime.timedelta(days=1),
    )
    make_request(company, title="Draf", status=SourcingRequest.Status.DRAFT)
    for index in range(3):
        make_vendor_with_owner(f"IKM Demo {index}", f"pemilik{index}")

    assert add_demo_quotes() == 6
    assert open_need.quotes.filter(status=Quote.Status.SUBMITTED).count() == 3
    closed_need.refresh_from_db()
    assert closed_need.status == SourcingRequest.Status.AWARDED
    assert closed_need.quotes.filter(status=Quote.Status.AWARDED).count() == 1
    assert closed_need.quotes.filter(status=Quote.Status.NOT_AWARDED).count() == 2
    assert QuoteMessage.objects.filter(quote__request=open_need).count() == 2
    assert add_demo_quotes() == 0
    assert Quote.objects.count() == 6
