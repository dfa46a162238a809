"""Onboarding an IKM: one idempotent service behind the command and the operators' admin view."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

from catalog.factories import RegionFactory, UserFactory, VendorPageFactory
from catalog.models import User, VendorPage
from catalog.onboarding import Owner, onboard_ikm
from catalog.ownership import ensure_roles

pytestmark = pytest.mark.django_db(transaction=False)


def counts():
    return {
        "groups": Group.objects.count(),
        "group_permissions": Group.permissions.through.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "collections": Collection.objects.count(),
        "users": User.objects.count(),
        "memberships": User.groups.through.objects.count(),
        "vendors": VendorPage.objects.count(),
        "revisions": sum(v.revisions.count() for v in VendorPage.objects.all()),
        "emails": len(mail.outbox),
    }


@pytest.fixture
def region(site_tree):
    return RegionFactory(name="Kabupaten Cirebon")


def onboard(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return onboard_ikm(
            kwargs.pop("title", "Batik Ibu Siti"),
            kwargs.pop("region", "Kabupaten Cirebon"),
            kwargs.pop("owners", ["Siti Aminah <Siti@Example.com>", "budi@example.com"]),
            whatsapp="0812-3456-7890",
            **kwargs,
        )


def test_onboarding_creates_everything_and_invites(region, django_capture_on_commit_callbacks):
    result = onboard(django_capture_on_commit_callbacks, publish=True)
    vendor = result.vendor
    assert vendor.live and vendor.get_parent().specific_class.__name__ == "VendorIndexPage"
    assert vendor.whatsapp == "+6281234567890"
    assert result.group.name == "Pemilik IKM: Batik Ibu Siti"
    assert set(
        GroupPagePermission.objects.filter(group=result.group).values_list(
            "page_id", "permission__codename"
        )
    ) == {(vendor.pk, "add_page"), (vendor.pk, "change_page")}
    assert set(
        GroupCollectionPermission.objects.filter(group=result.group).values_list(
            "collection__name", "permission__content_type__app_label", "permission__codename"
        )
    ) == {
        ("Batik Ibu Siti", "wagtailimages", "add_image"),
        ("Batik Ibu Siti", "wagtailimages", "choose_image"),
        ("Batik Ibu Siti", "wagtailimages", "change_image"),
        ("Batik Ibu Siti", "wagtaildocs", "add_document"),
        ("Batik Ibu Siti", "wagtaildocs", "choose_document"),
        ("Batik Ibu Siti", "wagtaildocs", "change_document"),
    }
    assert list(result.group.permissions.values_list("codename", flat=True)) == ["access_admin"]
    siti = User.objects.get(email="siti@example.com")
    assert (siti.first_name, siti.last_name, siti.username) == ("Siti", "Aminah", "siti")
    assert not siti.has_usable_password()
    assert set(result.group.user_set.all()) == {siti, User.objects.get(username="budi")}
    assert sorted(m.to[0] for m in mail.outbox) == ["budi@example.com", "siti@example.com"]
    # No permission on publishing: owners submit to the Kurasi workflow.
    assert not vendor.permissions_for_user(siti).can_publish()
    assert vendor.permissions_for_user(siti).can_edit()
    assert WorkflowPage.objects.get(page=vendor.get_parent()).workflow.name == "Kurasi"
    assert vendor.get_workflow() == Workflow.objects.get(name="Kurasi")


def test_running_twice_changes_nothing(region, django_capture_on_commit_callbacks):
    onboard(django_capture_on_commit_callbacks, publish=True)
    before = counts()
    result = onboard(django_capture_on_commit_callbacks, publish=True)
    assert counts() == before
    assert not result.created_vendor and not result.updated_vendor and not result.invited
    call_command(
        "onboard_ikm",
        "Batik Ibu Siti",
        "--region",
        "kabupaten-cirebon",
        "--owner",
        "siti@example.com",
        "--owner",
        "budi@example.com",
        "--whatsapp",
        "0812-3456-7890",
        "--publish",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    assert counts() == before


def test_an_update_changes_only_what_differs(region, django_capture_on_commit_callbacks):
    onboard(django_capture_on_commit_callbacks, publish=True)
    before = counts()
    result = onboard(
        django_capture_on_commit_callbacks,
        owners=["siti@example.com", "Rina <rina@example.com>"],
        publish=True,
        address="Jl. Trusmi 12",
    )
    after = counts()
    assert result.updated_vendor
    assert VendorPage.objects.get(pk=result.vendor.pk).address == "Jl. Trusmi 12"
    assert after["users"] == before["users"] + 1
    assert after["emails"] == before["emails"] + 1
    assert after["groups"] == before["groups"]
    assert after["page_permissions"] == before["page_permissions"]


def test_existing_user_is_joined_not_invited(region, django_capture_on_commit_callbacks):
    user = UserFactory(username="pak.budi", email="budi@example.com")
    result = onboard(django_capture_on_commit_callbacks, owners=["BUDI@example.com"])
    assert result.users == [user] and not result.invited and not mail.outbox
    assert user.groups.filter(pk=result.group.pk).exists()


def test_invitation_link_sets_a_password(client, region, django_capture_on_commit_callbacks):
    onboard(django_capture_on_commit_callbacks, owners=["siti@example.com"])
    body = mail.outbox[0].body
    assert "Batik Ibu Siti" in body and "siti" in body
    url = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", body).group(1)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    set_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    response = client.post(
        set_url,
        {"new_password1": "Rotan-Plered-2026!", "new_password2": "Rotan-Plered-2026!"},
    )
    assert response.status_code == 302
    assert client.login(username="siti", password="Rotan-Plered-2026!")
    # The link works once.
    assert "new_password1" not in client.get(url, follow=True).content.decode()


def test_weak_password_is_refused_by_the_validators(
    client, region, django_capture_on_commit_callbacks
):
    onboard(django_capture_on_commit_callbacks, owners=["siti@example.com"])
    url = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body)
    response = client.get(url.group(1), follow=True)
    set_url = response.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert not User.objects.get(username="siti").has_usable_password()


def test_renamed_ikm_keeps_its_group_and_collection(region, django_capture_on_commit_callbacks):
    result = onboard(django_capture_on_commit_callbacks, slug="batik-siti")
    before = counts()
    renamed = onboard(
        django_capture_on_commit_callbacks,
        title="Batik Siti Trusmi",
        slug="batik-siti",
        publish=True,
    )
    assert renamed.group.pk == result.group.pk
    assert renamed.group.name == "Pemilik IKM: Batik Siti Trusmi"
    assert renamed.collection.pk == result.collection.pk
    assert renamed.collection.name == "Batik Siti Trusmi"
    assert counts()["groups"] == before["groups"]


def test_unknown_region_is_an_error(site_tree, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        onboard(django_capture_on_commit_callbacks, region="Atlantis")
    assert not VendorPage.objects.exists()


def test_saving_a_page_grants_nothing(region):
    ensure_roles()
    before = counts()
    VendorPageFactory(title="IKM Tanpa Onboarding", region=region)
    after = counts()
    assert after["groups"] == before["groups"]
    assert after["page_permissions"] == before["page_permissions"]
    assert after["collections"] == before["collections"]


def test_roles_are_idempotent_and_exact(site_tree):
    roles = ensure_roles()
    before = counts()
    ensure_roles()
    assert counts() == before
    operators = roles["operators"]
    assert operators.permissions.filter(codename="onboard_vendor").exists()
    assert operators.permissions.filter(codename="view_all_inquiries").exists()
    curators = roles["curators"]
    assert not curators.permissions.filter(codename="onboard_vendor").exists()
    assert curators.permissions.filter(codename="verify_certificate").exists()
    task = roles["workflow"].tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Kurator", "Operator"}
    assert Permission.objects.filter(codename="import_any_catalog").exists()


def test_owner_parse():
    assert Owner.parse(" Siti Nur Aminah <SITI@x.id> ") == Owner(
        email="siti@x.id", first_name="Siti", last_name="Nur Aminah"
    )
    assert Owner.parse("budi@x.id") == Owner(email="budi@x.id")
