"""The admin speaks Indonesian: every screen an owner, curator or operator reaches by links from
the dashboard is rendered with every gettext lookup recorded, and any msgid that no Indonesian
catalogue translates fails the test, listed with the screens that showed it.

The gaps of Wagtail's and Django's Indonesian catalogues are filled in
config/admin_locale/id/LC_MESSAGES/django.po (README, "Bahasa admin").
"""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from PIL import Image as PILImage
from wagtail.users.models import UserProfile

from catalog.factories import UserFactory
from catalog.models import ProductPage, User, VendorPage
from catalog.ownership import ensure_operator_group, vendors_owned_by
from tests.admin_language import crawl_admin, recording_missing_strings
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        for command in ("setup_roles", "load_demo_catalog", "load_demo_showroom"):
            call_command(command, stdout=io.StringIO(), stderr=io.StringIO())
        operator = UserFactory(username="operator.dinas")
        ensure_operator_group(users=[operator])
        yield
        transaction.set_rollback(True)


def role_user(role):
    return User.objects.get(
        username={"owner": "pemilik.trusmi", "curator": "kurator", "operator": "operator.dinas"}[
            role
        ]
    )


def start_screens(user):
    """The dashboard, and an edit and an add form a link would reach only through a listing."""
    owned = VendorPage.objects.filter(pk__in=vendors_owned_by(user))
    vendor = owned.first() or VendorPage.objects.live().first()
    product = ProductPage.objects.child_of(vendor).first()
    return (
        "/admin/",
        f"/admin/pages/{vendor.pk}/edit/",
        f"/admin/pages/{product.pk}/edit/",
        f"/admin/pages/add/catalog/productpage/{vendor.pk}/",
        f"/admin/pages/{vendor.pk}/",
    )


def upload_a_duplicate_photo(client, missing):
    """The multiple upload's answers (its duplicate warning among them) are only ever rendered
    in reply to an upload: upload the same photo twice."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (180, 90, 30)).save(buffer, "PNG")
    missing.screen = "/admin/images/multiple/add/ (duplicate)"
    for _ in range(2):
        upload = SimpleUploadedFile("batik.png", buffer.getvalue(), content_type="image/png")
        response = client.post("/admin/images/multiple/add/", {"files[]": upload})
        assert response.status_code == 200
    assert response.json().get("duplicate") is True, response.json()


@pytest.mark.parametrize("role", ["owner", "curator", "operator"])
def test_admin_screens_have_no_english_strings(demo, client, role):
    user = role_user(role)
    if role == "owner":
        client.force_login(user)
    else:
        login_verified(client, user)
    with recording_missing_strings() as missing:
        visited = crawl_admin(client, missing, starts=start_screens(user))
    if os.environ.get("ADMIN_MISSING_DUMP"):
        with open(os.environ["ADMIN_MISSING_DUMP"], "a", encoding="utf-8") as dump:
            dump.writelines(f"{msgid!r}\n" for msgid in missing.found)
        if role == "owner":
            upload_a_duplicate_photo(client, missing)
    assert len([s for s in visited.values() if s == 200]) >= 10, visited
    print(f"\n{role}: {len(visited)} screens, {len(missing.found)} missing")
    assert not missing.found, f"English on {role}'s admin screens:\n{missing.report()}"


def test_the_admin_defaults_to_indonesian_for_an_english_browser(demo, client):
    client.force_login(role_user("owner"))
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="id"' in html
    assert "Dasbor" in html or "Halaman" in html
    assert "Skip to main content" not in html


def test_a_saved_preference_still_wins(demo, client):
    owner = role_user("owner")
    profile = UserProfile.get_for_user(owner)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(owner)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content" in html


def test_the_sign_in_page_is_indonesian_for_an_english_browser(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="id"' in html
    assert "Sign in" not in html
