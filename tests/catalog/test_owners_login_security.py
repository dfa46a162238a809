"""Login security: lockout after repeated failed logins (django-axes), Django's password
validators, and two-factor sign-in with an authenticator app (django-otp TOTP), tested with
real codes computed from the device's secret."""

import base64
import re
import time

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from catalog.factories import UserFactory
from catalog.ownership import ensure_roles

pytestmark = pytest.mark.django_db

PASSWORD = "Kurasi-Batik-2026!"


@pytest.fixture
def curator(site_tree):
    user = UserFactory(username="kurator.aman", password=PASSWORD)
    user.groups.add(ensure_roles()["curators"])
    return user


def login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_lockout_after_repeated_failed_logins(settings, curator):
    settings.AXES_ENABLED = True
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, "kurator.aman", "salah")
        assert "_auth_user_id" not in client.session
    response = login(client, "kurator.aman", PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked by this one's failures.
    UserFactory(username="lain", password=PASSWORD)
    assert login(Client(), "lain", PASSWORD).status_code == 302


def test_a_success_before_the_limit_resets_the_count(settings, curator):
    settings.AXES_ENABLED = True
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "kurator.aman", "salah")
    assert login(client, "kurator.aman", PASSWORD).status_code == 302


def test_password_validators_are_on():
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    for weak in ("12345678", "password", "batik"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password(PASSWORD)


def code(key_b32, offset=0):
    """The code an authenticator app shows now (offset in 30-second steps)."""
    totp = TOTP(base64.b32decode(key_b32), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * offset
    return f"{totp.token():06d}"


def set_up_two_factor(client):
    html = client.get("/admin/2fa/").content.decode()
    assert "<svg" in html
    secret = re.search(r'id="two-factor-secret">([A-Z2-7=]+)<', html).group(1)
    response = client.post("/admin/2fa/", {"token": code(secret)})
    assert response.status_code == 200 and 'id="recovery-codes"' in response.content.decode()
    return secret


def test_two_factor_setup_and_sign_in(settings, curator):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = Client()
    client.force_login(curator)
    secret = set_up_two_factor(client)
    assert "Verifikasi dua langkah" in client.get("/admin/").content.decode()  # menu item
    assert TOTPDevice.objects.get(user=curator).confirmed
    assert 'id="two-factor-on"' in client.get("/admin/2fa/").content.decode()

    fresh = Client()
    assert login(fresh, "kurator.aman", PASSWORD).status_code == 302
    response = fresh.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verifikasi/?next=")
    wrong = fresh.post("/admin/2fa/verifikasi/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and fresh.get("/admin/").status_code == 302
    # The setup code was used already (no replay): the app's next code works.
    right = fresh.post(
        "/admin/2fa/verifikasi/", {"token": code(secret, 1), "next": "/admin/pages/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert fresh.get("/admin/").status_code == 200


def test_verify_refuses_a_foreign_next_url(settings, curator):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = Client()
    client.force_login(curator)
    secret = set_up_two_factor(client)
    fresh = Client()
    login(fresh, "kurator.aman", PASSWORD)
    response = fresh.post(
        "/admin/2fa/verifikasi/", {"token": code(secret, 1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_wrong_codes_are_throttled(curator):
    client = Client()
    client.force_login(curator)
    secret = set_up_two_factor(client)
    fresh = Client()
    login(fresh, "kurator.aman", PASSWORD)
    fresh.post("/admin/2fa/verifikasi/", {"token": "000000"})
    # Right after a wrong code even the right one is refused (django-otp's growing delay).
    fresh.post("/admin/2fa/verifikasi/", {"token": code(secret, 1)})
    assert fresh.get("/admin/").status_code == 302


def test_owners_without_a_device_are_not_asked_curators_must_enrol(site_tree, curator):
    owner = UserFactory(username="pemilik.tanpa.2fa")
    owner.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(owner)
    assert client.get("/admin/").status_code == 200
    client.force_login(curator)
    assert client.get("/admin/")["Location"] == "/admin/2fa/?next=%2Fadmin%2F"


def test_owners_do_not_see_the_menu_item_but_may_use_it(site_tree):
    owner = UserFactory(username="pemilik.biasa")
    owner.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(owner)
    assert "/admin/2fa/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/2fa/").status_code == 200
