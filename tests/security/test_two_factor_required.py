"""Two-factor sign-in is required of staff (issue #14, item 3).

Superusers, operators and curators who typed only their password reach no admin page but the
enrolment; enrolment shows recovery codes once and stores only their digests; a recovery code
signs in once; an operator can reset an owner's devices, only a superuser a staff member's;
IKM owners are not forced. Every step goes through the real forms with real TOTP codes.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from catalog.factories import UserFactory, VendorPageFactory
from catalog.models import RecoveryCode, RecoveryCodeDevice
from catalog.ownership import ensure_roles, grant_vendor_ownership
from tests.two_factor_login import totp_code as code

pytestmark = pytest.mark.django_db

PASSWORD = "Kurasi-Batik-2026!"
SETUP = "/admin/2fa/"
VERIFY = "/admin/2fa/verifikasi/"
# What a signed-in user reaches before the second step.
OPEN_BEFORE_SECOND_STEP = {
    "/admin/login/",
    "/admin/logout/",
    "/admin/sprite/",
    "/admin/jsi18n/",
    SETUP,
    VERIFY,
}


@pytest.fixture(autouse=True)
def _no_throttle_delay(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_RECOVERY_THROTTLE_FACTOR = 0


@pytest.fixture
def roles(site_tree):
    return ensure_roles()


@pytest.fixture
def curator(roles):
    user = UserFactory(username="kurator.wajib", password=PASSWORD)
    user.groups.add(roles["curators"])
    return user


@pytest.fixture
def operator(roles):
    user = UserFactory(username="operator.wajib", password=PASSWORD)
    user.groups.add(roles["operators"])
    return user


@pytest.fixture
def superuser_2fa(roles):
    return UserFactory(username="super.wajib", password=PASSWORD, is_superuser=True, is_staff=True)


@pytest.fixture
def owner(site_tree):
    vendor = VendorPageFactory(title="Rotan Plered", slug="rotan-plered")
    user = UserFactory(username="pemilik.rotan", password=PASSWORD)
    grant_vendor_ownership(vendor, [user])
    return user


def password_login(user):
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    return client


def enrol(client):
    """Scan the QR code (read the secret), confirm a code; return the secret and the codes."""
    html = client.get(SETUP).content.decode()
    secret = re.search(r'id="two-factor-secret">([A-Z2-7=]+)<', html).group(1)
    response = client.post(SETUP, {"token": code(secret), "next": "/admin/pages/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([A-Z0-9-]+)</code></li>", response.content.decode())
    return secret, codes


def admin_paths():
    """One concrete path for every URL pattern under /admin/ (arguments filled with 1)."""

    def walk(patterns, prefix):
        for pattern in patterns:
            text = str(pattern.pattern)
            if isinstance(pattern.pattern, RegexPattern):
                text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text.strip("^$")).replace("\\", "")
            else:
                text = re.sub(r"<[^>]+>", "1", text).replace("^", "")
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + text)
            elif isinstance(pattern, URLPattern):
                yield "/" + prefix + text

    paths = set()
    for path in walk(get_resolver().url_patterns, ""):
        if not path.startswith("/admin/") or "*" in path:
            continue
        try:
            resolve(path)
        except Resolver404:
            continue
        paths.add(path)
    return sorted(paths)


def test_password_alone_opens_no_admin_page_but_enrolment(curator):
    client = password_login(curator)
    paths = admin_paths()
    assert len(paths) > 150 and "/admin/pages/" in paths and "/admin/users/" in paths
    assert "/admin/2fa/atur-ulang/1/" in paths and "/admin/2fa/kode-cadangan/" in paths
    checked = 0
    for path in paths:
        if path in OPEN_BEFORE_SECOND_STEP or path.startswith("/admin/password_reset/"):
            continue
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{SETUP}?next="), path
        checked += 1
    assert checked > 150
    # A POST changes nothing either, and admin scripts get a 403 rather than a page.
    assert client.post("/admin/2fa/kode-cadangan/")["Location"].startswith(SETUP)
    ajax = client.get("/admin/choose-page/", headers={"x-requested-with": "XMLHttpRequest"})
    assert ajax.status_code == 403
    assert client.get("/admin/users/", headers={"accept": "application/json"}).status_code == 403
    assert not RecoveryCodeDevice.objects.exists()
    # The enrolment page itself opens, says why, and offers the way out.
    html = client.get(SETUP).content.decode()
    assert 'id="two-factor-required"' in html and 'id="two-factor-secret"' in html
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("who", ["operator", "superuser_2fa"])
def test_operators_and_superusers_are_sent_to_enrolment_too(request, who):
    client = password_login(request.getfixturevalue(who))
    for path in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/account/"):
        assert client.get(path)["Location"] == f"{SETUP}?next={path.replace('/', '%2F')}"


def test_enrolment_shows_recovery_codes_once_and_opens_the_admin(curator):
    client = password_login(curator)
    _secret, codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", c) for c in codes)
    assert client.get("/admin/").status_code == 200
    html = client.get(SETUP).content.decode()
    assert 'id="two-factor-on"' in html and "Kode cadangan yang belum dipakai: 10." in html
    assert not any(c in html for c in codes)
    assert client.get("/admin/2fa/kode-cadangan/").status_code == 405  # never shown again


def test_recovery_codes_are_stored_hashed(curator):
    client = password_login(curator)
    _secret, codes = enrol(client)
    digests = set(RecoveryCode.objects.values_list("digest", flat=True))
    assert len(digests) == 10 and all(re.fullmatch(r"[0-9a-f]{64}", d) for d in digests)
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    dumped = dump.getvalue()
    for plain in codes:
        assert plain not in dumped and plain.replace("-", "") not in dumped


def test_a_recovery_code_signs_in_once(curator):
    _secret, codes = enrol(password_login(curator))
    client = password_login(curator)
    assert client.get("/admin/pages/")["Location"].startswith(f"{VERIFY}?next=")
    # Typed as read off paper: small letters, no dash.
    typed = codes[3].lower().replace("-", "")
    response = client.post(VERIFY, {"token": typed, "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    page = client.get("/admin/")
    assert page.status_code == 200 and "sisa 9 kode" in page.content.decode()
    assert RecoveryCode.objects.count() == 9

    again = password_login(curator)
    refused = again.post(VERIFY, {"token": codes[3], "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "Kode salah atau sudah dipakai" in refused.content.decode()
    assert again.get("/admin/").status_code == 302
    assert again.post(VERIFY, {"token": codes[4]}).status_code == 302
    assert again.get("/admin/").status_code == 200


def test_new_recovery_codes_replace_the_old_ones(curator):
    client = password_login(curator)
    _secret, old = enrol(client)
    response = client.post("/admin/2fa/kode-cadangan/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    new = re.findall(r"<li><code>([A-Z0-9-]+)</code></li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    fresh = password_login(curator)
    assert fresh.post(VERIFY, {"token": old[0]}).status_code == 200
    assert fresh.post(VERIFY, {"token": new[0]}).status_code == 302


def test_staff_cannot_turn_two_factor_off_only_replace_the_device(curator):
    client = password_login(curator)
    secret, _codes = enrol(client)
    response = client.post(SETUP, {"token": code(secret, 1)})
    assert response.status_code == 302
    assert not user_has_device(curator, confirmed=None)
    # The session lost its device: the next admin page is the enrolment again.
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/")["Location"].startswith(f"{SETUP}?next=")


def test_owners_are_not_forced_but_once_enrolled_must_verify(owner):
    client = password_login(owner)
    assert client.get("/admin/").status_code == 200
    assert 'id="two-factor-required"' not in client.get(SETUP).content.decode()
    secret, codes = enrol(client)
    assert len(codes) == 10
    fresh = password_login(owner)
    assert fresh.get("/admin/")["Location"].startswith(f"{VERIFY}?next=")
    assert fresh.post(VERIFY, {"token": code(secret, 1)}).status_code == 302
    assert fresh.get("/admin/").status_code == 200
    # Owners may turn it off again.
    assert fresh.post(SETUP, {"token": codes[0]}).status_code == 302
    assert not user_has_device(owner, confirmed=None)
    assert password_login(owner).get("/admin/").status_code == 200


def give_device(user):
    TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    RecoveryCodeDevice.objects.create(user=user, name="kode", confirmed=True).replace_codes()


def reset(client, user):
    return client.post(f"/admin/2fa/atur-ulang/{user.pk}/")


def test_an_operator_resets_an_owners_devices(operator, owner, verified_login):
    give_device(owner)
    client = verified_login(Client(), operator)
    listing = client.get("/admin/users/").content.decode()
    assert f"/admin/2fa/atur-ulang/{owner.pk}/" in listing
    assert client.get(f"/admin/2fa/atur-ulang/{owner.pk}/").status_code == 200
    response = reset(client, owner)
    assert response.status_code == 302 and response["Location"] == "/admin/users/"
    assert not user_has_device(owner, confirmed=None)
    assert not RecoveryCode.objects.filter(device__user=owner).exists()
    entry = ModelLogEntry.objects.get(action="catalog.two_factor_reset")
    assert entry.user_id == operator.pk and entry.object_id == str(owner.pk)
    assert password_login(owner).get("/admin/").status_code == 200


@pytest.mark.parametrize("target", ["curator", "superuser_2fa", "other_operator"])
def test_an_operator_cannot_reset_a_staff_members_devices(request, operator, roles, target):
    if target == "other_operator":
        staff = UserFactory(username="operator.lain")
        staff.groups.add(roles["operators"])
    else:
        staff = request.getfixturevalue(target)
    give_device(staff)
    client = request.getfixturevalue("verified_login")(Client(), operator)
    assert f"/admin/2fa/atur-ulang/{staff.pk}/" not in client.get("/admin/users/").content.decode()
    assert client.get(f"/admin/2fa/atur-ulang/{staff.pk}/").status_code == 403
    assert reset(client, staff).status_code == 403
    assert TOTPDevice.objects.filter(user=staff).exists()
    assert RecoveryCode.objects.filter(device__user=staff).count() == 10
    assert not ModelLogEntry.objects.filter(action="catalog.two_factor_reset").exists()


def test_a_curator_cannot_reset_an_owners_devices(curator, owner, verified_login):
    give_device(owner)
    client = verified_login(Client(), curator)
    assert reset(client, owner).status_code == 403
    assert user_has_device(owner)


def test_a_superuser_resets_a_curators_devices(superuser_2fa, curator, verified_login):
    give_device(curator)
    client = verified_login(Client(), superuser_2fa)
    assert reset(client, curator).status_code == 302
    assert not user_has_device(curator, confirmed=None)
    # The curator's next sign-in leads to enrolment again.
    assert password_login(curator).get("/admin/")["Location"].startswith(f"{SETUP}?next=")


def test_the_reset_needs_a_post_with_a_csrf_token(superuser_2fa, owner, verified_login):
    give_device(owner)
    client = verified_login(Client(enforce_csrf_checks=True), superuser_2fa)
    assert client.get(f"/admin/2fa/atur-ulang/{owner.pk}/").status_code == 200
    assert reset(client, owner).status_code == 403
    assert user_has_device(owner)
