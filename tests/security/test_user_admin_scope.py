"""User administration is scoped (issue 14, item 1), over HTTP with the test client.

An operator (a user in the Operator group made by the real `setup_roles`) manages IKM owner
accounts (creates them, edits them, deactivates them, emails them a set-password link) and
nothing above them: superusers, curators, other operators and anyone holding a permission the
operator lacks are invisible to them (404), and no form or bulk action lets anyone grant a
group or permission they do not hold. Every refusal also checks the database did not change.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client

from catalog.factories import RegionFactory, UserFactory
from catalog.onboarding import onboard_ikm
from catalog.ownership import CURATOR_GROUP, OPERATOR_GROUP
from outbox.models import Email
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "sandi-uji-123"
NEW_PASSWORD = "Kata-Sandi-Baru-2026!"


class World:
    pass


def logged_in(user):
    return login_verified(Client(), user)


def permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.fixture
def w(site_tree):
    call_command("setup_roles", stdout=io.StringIO())
    RegionFactory(name="Kabupaten Cirebon")
    w = World()
    w.operators = Group.objects.get(name=OPERATOR_GROUP)
    w.curators = Group.objects.get(name=CURATOR_GROUP)
    w.superuser = UserFactory(username="admin", is_superuser=True)
    w.operator = UserFactory(username="operator")
    w.operator.groups.add(w.operators)
    w.curator = UserFactory(username="kurator")
    w.curator.groups.add(w.curators)
    # Another operator holding one permission more than the operator: deleting users.
    w.power_operator = UserFactory(username="operator.plus")
    w.power_operator.groups.add(w.operators)
    w.power_operator.user_permissions.add(permission("catalog.delete_user"))
    result = onboard_ikm("Batik Ibu Siti", "Kabupaten Cirebon", ["siti@example.com"], invite=False)
    w.owner_group = result.group
    w.owner = result.users[0]
    w.owner.set_password(PASSWORD)
    w.owner.save()
    w.other_owner_group = onboard_ikm("Rotan Plered", "Kabupaten Cirebon", invite=False).group
    w.client = logged_in(w.operator)
    return w


def edit_url(user):
    return f"/admin/users/edit/{user.pk}/"


def user_form(user, **changes):
    """What Wagtail's edit form posts for `user`, with `changes` (None drops a field)."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "Nama",
        "last_name": user.last_name or "Pengguna",
        "is_active": "on" if user.is_active else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def snapshot(user):
    user = User.objects.get(pk=user.pk)
    return (
        user.username,
        user.email,
        user.first_name,
        user.password,
        user.is_active,
        user.is_superuser,
        sorted(user.groups.values_list("pk", flat=True)),
        sorted(user.user_permissions.values_list("pk", flat=True)),
    )


# --- Accounts above the operator are out of reach ---------------------------------------------


@pytest.mark.parametrize("target_name", ["superuser", "curator", "power_operator"])
def test_operator_cannot_open_or_post_the_edit_form_of_an_account_above_them(w, target_name):
    target = getattr(w, target_name)
    before = snapshot(target)
    assert w.client.get(edit_url(target)).status_code == 404
    response = w.client.post(
        edit_url(target),
        user_form(target, first_name="Diambil", password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 404
    assert snapshot(target) == before
    assert not Client().login(username=target.username, password=NEW_PASSWORD)


@pytest.mark.parametrize("target_name", ["superuser", "curator", "power_operator"])
def test_operator_cannot_deactivate_an_account_above_them(w, target_name):
    target = getattr(w, target_name)
    before = snapshot(target)
    response = w.client.post(
        f"/admin/bulk/catalog/user/set_active_state/?next=/admin/users/&id={target.pk}",
        {"mark_as_active": "False"},
    )
    assert response.status_code in (200, 302)
    assert snapshot(target) == before


def test_the_listing_hides_accounts_above_the_operator(w):
    response = w.client.get("/admin/users/")
    assert response.status_code == 200
    listed = {user.pk for user in response.context["object_list"]}
    assert w.owner.pk in listed
    assert not listed & {w.superuser.pk, w.curator.pk, w.power_operator.pk, w.operator.pk}
    html = response.content.decode()
    assert edit_url(w.superuser) not in html
    assert f"/admin/users/send-password-link/{w.owner.pk}/" in html
    assert "kurator@example.test" not in html


@pytest.mark.parametrize("view", ["history", "usage", "copy"])
def test_other_views_of_a_superuser_are_out_of_reach(w, view):
    assert w.client.get(f"/admin/users/{view}/{w.superuser.pk}/").status_code == 404


@pytest.mark.parametrize("view", ["history", "usage"])
def test_other_views_of_an_owner_account_open(w, view):
    # They list log entries and references, not users: scoping them like the listing broke them.
    assert w.client.get(f"/admin/users/{view}/{w.owner.pk}/").status_code == 200


def test_a_user_with_delete_permission_cannot_delete_a_staff_member(w):
    client = logged_in(w.power_operator)
    assert client.get(f"/admin/users/delete/{w.curator.pk}/").status_code == 404
    assert client.post(f"/admin/users/delete/{w.curator.pk}/").status_code == 404
    client.post(
        f"/admin/bulk/catalog/user/delete/?next=/admin/users/&id={w.curator.pk}&id={w.operator.pk}"
    )
    assert User.objects.filter(pk__in=[w.curator.pk, w.operator.pk]).count() == 2
    # An owner account is within reach: deleted.
    assert client.post(f"/admin/users/delete/{w.owner.pk}/").status_code == 302
    assert not User.objects.filter(pk=w.owner.pk).exists()


# --- No one grants what they do not hold ------------------------------------------------------


def test_operator_cannot_make_themselves_more_powerful(w):
    escalate = Group.objects.create(name="Pengelola pengguna")
    escalate.permissions.add(permission("catalog.delete_user"))
    before = snapshot(w.operator)
    data = user_form(
        w.operator,
        groups=[str(w.operators.pk), str(escalate.pk), str(w.curators.pk)],
        is_superuser="on",
    )
    assert w.client.post(edit_url(w.operator), data).status_code == 404
    assert snapshot(w.operator) == before


def test_operator_cannot_make_an_owner_a_superuser(w):
    response = w.client.post(edit_url(w.owner), user_form(w.owner, is_superuser="on"))
    assert response.status_code == 302
    assert not User.objects.get(pk=w.owner.pk).is_superuser


@pytest.mark.parametrize("group_name", ["operators", "curators"])
def test_operator_cannot_give_an_owner_a_staff_group(w, group_name):
    before = snapshot(w.owner)
    group = getattr(w, group_name)
    data = user_form(w.owner, groups=[str(w.owner_group.pk), str(group.pk)])
    response = w.client.post(edit_url(w.owner), data)
    assert response.status_code == 200
    assert response.context["form"].errors["groups"]
    assert snapshot(w.owner) == before


def test_operator_cannot_create_a_superuser_or_an_operator(w):
    data = {
        "username": "penyusup",
        "email": "penyusup@example.test",
        "first_name": "Pe",
        "last_name": "Nyusup",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "is_superuser": "on",
        "groups": [str(w.operators.pk)],
    }
    response = w.client.post("/admin/users/new/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["groups"]
    assert not User.objects.filter(username="penyusup").exists()
    # Without the staff group: the account is made, as a plain account without a password.
    data["groups"] = []
    assert w.client.post("/admin/users/new/", data).status_code == 302
    created = User.objects.get(username="penyusup")
    assert not created.is_superuser
    assert not created.has_usable_password()


def test_operator_cannot_assign_a_staff_role_in_bulk(w):
    before = snapshot(w.owner)
    response = w.client.post(
        f"/admin/bulk/catalog/user/assign_role/?next=/admin/users/&id={w.owner.pk}",
        {"role": str(w.operators.pk)},
    )
    assert response.status_code == 200
    assert snapshot(w.owner) == before
    # An IKM owner group the operator covers can be assigned.
    response = w.client.post(
        f"/admin/bulk/catalog/user/assign_role/?next=/admin/users/&id={w.owner.pk}",
        {"role": str(w.other_owner_group.pk)},
    )
    assert response.status_code == 302
    assert w.owner.groups.filter(pk=w.other_owner_group.pk).exists()


def permission_denied(response):
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard, with a
    message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_group_administration_is_for_superusers_only(w):
    """Whoever edits groups could give their own group any permission."""
    group_admin = UserFactory(username="pengelola.grup")
    group_admin.user_permissions.add(
        permission("wagtailadmin.access_admin"),
        permission("auth.change_group"),
        permission("auth.view_group"),
    )
    client = logged_in(group_admin)
    for url in ("/admin/groups/", f"/admin/groups/edit/{w.operators.pk}/"):
        assert permission_denied(client.get(url))
        assert permission_denied(w.client.get(url))
    before = set(w.operators.permissions.values_list("pk", flat=True))
    response = client.post(
        f"/admin/groups/edit/{w.operators.pk}/",
        {"name": OPERATOR_GROUP, "permissions": [str(permission("catalog.delete_user").pk)]},
    )
    assert permission_denied(response)
    assert set(w.operators.permissions.values_list("pk", flat=True)) == before
    assert logged_in(w.superuser).get(f"/admin/groups/edit/{w.operators.pk}/").status_code == 200


# --- Passwords: never typed by an operator ----------------------------------------------------


def test_operator_cannot_set_an_owners_password(w):
    response = w.client.get(edit_url(w.owner))
    assert response.status_code == 200
    assert "password1" not in response.context["form"].fields
    assert "is_superuser" not in response.context["form"].fields
    data = user_form(w.owner, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    assert w.client.post(edit_url(w.owner), data).status_code == 302
    assert not Client().login(username=w.owner.username, password=NEW_PASSWORD)
    assert Client().login(username=w.owner.username, password=PASSWORD)


def test_operator_resets_an_owners_password_by_email(w, django_capture_on_commit_callbacks):
    url = f"/admin/users/send-password-link/{w.owner.pk}/"
    assert w.client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=False) as queued:
        assert w.client.post(url).status_code == 302
    assert not mail.outbox  # the request queues the email, it does not talk to SMTP
    assert Email.objects.filter(recipients="siti@example.com").count() == 1
    for callback in queued:
        callback()
    assert [message.to for message in mail.outbox] == [["siti@example.com"]]
    link = re.search(r"http\S+/password_reset/confirm/\S+", mail.outbox[0].body).group(0)
    path = link.split("//", 1)[1].split("/", 1)[1]
    anonymous = Client()
    response = anonymous.get("/" + path, follow=True)
    assert response.status_code == 200
    response = anonymous.post(
        response.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert Client().login(username=w.owner.username, password=NEW_PASSWORD)
    # Not for an account above the operator.
    for target in (w.superuser, w.curator):
        assert w.client.get(f"/admin/users/send-password-link/{target.pk}/").status_code == 404
        assert w.client.post(f"/admin/users/send-password-link/{target.pk}/").status_code == 404
    assert len(mail.outbox) == 1


# --- What operators must still do -------------------------------------------------------------


def test_operator_creates_an_owner_who_is_emailed_a_set_password_link(
    w, django_capture_on_commit_callbacks
):
    response = w.client.get("/admin/users/new/")
    assert response.status_code == 200
    offered = set(response.context["form"].fields["groups"].queryset)
    assert offered == {w.owner_group, w.other_owner_group}
    data = {
        "username": "budi.rotan",
        "email": "budi@example.test",
        "first_name": "Budi",
        "last_name": "Santoso",
        "groups": [str(w.other_owner_group.pk)],
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert w.client.post("/admin/users/new/", data).status_code == 302
    created = User.objects.get(username="budi.rotan")
    assert list(created.groups.all()) == [w.other_owner_group]
    assert not created.has_usable_password()
    assert [message.to for message in mail.outbox] == [["budi@example.test"]]
    assert "/password_reset/confirm/" in mail.outbox[0].body


def test_operator_edits_and_deactivates_an_owner(w):
    data = user_form(w.owner, first_name="Siti Baru", is_active="")
    assert w.client.post(edit_url(w.owner), data).status_code == 302
    owner = User.objects.get(pk=w.owner.pk)
    assert (owner.first_name, owner.is_active) == ("Siti Baru", False)
    response = w.client.post(
        f"/admin/bulk/catalog/user/set_active_state/?next=/admin/users/&id={w.owner.pk}",
        {"mark_as_active": "True"},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=w.owner.pk).is_active


def test_an_owner_with_a_permission_the_operator_lacks_is_out_of_reach(w):
    w.owner.user_permissions.add(permission("catalog.delete_user"))
    assert w.client.get(edit_url(w.owner)).status_code == 404


def test_superuser_still_manages_everyone(w):
    client = logged_in(w.superuser)
    response = client.get(edit_url(w.curator))
    assert "password1" in response.context["form"].fields
    data = user_form(
        w.curator,
        groups=[str(w.curators.pk), str(w.operators.pk)],
        password1=NEW_PASSWORD,
        password2=NEW_PASSWORD,
    )
    assert client.post(edit_url(w.curator), data).status_code == 302
    assert w.curator.groups.filter(pk=w.operators.pk).exists()
    assert Client().login(username=w.curator.username, password=NEW_PASSWORD)
