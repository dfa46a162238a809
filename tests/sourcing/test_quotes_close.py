"""Requests close by themselves at their deadline: the service, the command and the task."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from outbox.models import Email
from sourcing.models import SourcingRequest
from sourcing.services.quotes import close_due_requests
from sourcing.tasks_quotes import close_due_requests_task
from tests.sourcing.quotes_support import (
    make_buyer,
    make_company,
    make_quote,
    make_request,
    make_vendor_with_owner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_(site_tree):
    company = make_company()
    make_buyer(company, "pembeli")
    now = timezone.now()
    due = make_request(company, title="Lewat", quote_deadline=now - datetime.timedelta(minutes=1))
    later = make_request(company, title="Nanti", quote_deadline=now + datetime.timedelta(hours=1))
    draft = make_request(
        company,
        title="Draf",
        status=SourcingRequest.Status.DRAFT,
        quote_deadline=now - datetime.timedelta(days=1),
    )
    vendor, owner = make_vendor_with_owner("Bengkel Las Budi", "budi")
    make_quote(due, vendor, owner)
    return due, later, draft


def test_due_requests_close_once_and_the_buyer_is_told(requests_):
    due, later, draft = requests_
    assert close_due_requests() == 1
    for need in requests_:
        need.refresh_from_db()
    assert due.status == SourcingRequest.Status.CLOSED and due.closed_at
    assert later.status == SourcingRequest.Status.OPEN
    assert draft.status == SourcingRequest.Status.DRAFT
    email = Email.objects.get(subject__startswith="Batas penawaran lewat")
    assert email.recipient_list == ["pembeli@example.test"]
    assert "1 penawaran" in email.body
    assert close_due_requests() == 0
    assert Email.objects.filter(subject__startswith="Batas penawaran lewat").count() == 1


def test_the_command_and_the_task_close_them(requests_):
    due, later, _draft = requests_
    output = io.StringIO()
    call_command("close_due_requests", stdout=output)
    assert output.getvalue().strip() == "closed 1"
    due.refresh_from_db()
    assert due.status == SourcingRequest.Status.CLOSED
    later.quote_deadline = timezone.now() - datetime.timedelta(seconds=1)
    later.save()
    result = close_due_requests_task.enqueue()  # the test settings run tasks at once
    assert result.return_value == 1
    later.refresh_from_db()
    assert later.status == SourcingRequest.Status.CLOSED
