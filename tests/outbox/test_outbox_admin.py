"""The outbox's own emails (Kurasi outcomes, invitations) in the admin: operators see each one's
state, attempts and last error; an owner sees nothing of it."""

import pytest
from django.contrib.auth.models import Group
from outbox_helpers import admin_login

from catalog.factories import UserFactory
from catalog.ownership import OPERATOR_GROUP, ensure_roles
from outbox.models import Email

pytestmark = pytest.mark.django_db

LIST = "/admin/outbox_email/"


@pytest.fixture
def given_up(settings):
    return Email.objects.create(
        topic=Email.Topic.MODERATION,
        recipients="siti@example.test",
        subject="Disetujui kurator: Kain Batik",
        body="Selamat.",
        attempts=settings.NOTIFICATION_MAX_ATTEMPTS,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )


def test_operators_see_a_given_up_email_and_why(client, site_tree, given_up):
    ensure_roles()
    operator = UserFactory(username="operator-outbox")
    operator.groups.add(Group.objects.get(name=OPERATOR_GROUP))
    admin_login(client, operator)
    page = client.get(LIST).content.decode()
    assert "Disetujui kurator: Kain Batik" in page
    assert "SMTPServerDisconnected" in page
    assert "Gagal, berhenti mencoba" in page
    assert client.get(f"{LIST}inspect/{given_up.pk}/").status_code == 200


def test_an_owner_is_refused(client, given_up):
    client.force_login(UserFactory(username="pemilik-biasa"))
    assert client.get(LIST).status_code in (302, 403)
