"""Signing a test client in past both factors, as the admin requires of staff.

Not a test module: imported by tests (`from tests.two_factor_login import login_verified`; the
worktree root is on sys.path, see pyproject's pytest `pythonpath`) and behind the
`verified_login` fixture of tests/conftest.py; browser tests sign staff in through the real
enrolment with `enrol_in_browser`.
"""

import base64
import re
import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def login_verified(client, user):
    """`force_login` skips the password; this also gives the user a confirmed authenticator
    device and records it in the session under django-otp's key, which is what
    `django_otp.login` does after a right code. Tests of the sign-in itself use the real forms
    (tests/security/test_two_factor_required.py)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def totp_code(secret_b32, offset=0):
    """The code an authenticator app shows now for this key (offset in 30-second steps)."""
    totp = TOTP(base64.b32decode(secret_b32), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * offset
    return f"{totp.token():06d}"


def enrol_in_browser(page):
    """In a browser that the password step sent to the enrolment page (every staff member's
    first sign-in): copy the key into "the app", type its code, and go on past the recovery
    codes to the page first asked for."""
    from playwright.sync_api import expect

    expect(page).to_have_url(re.compile(r"/admin/2fa/\?next="))
    secret = page.locator("#two-factor-secret").inner_text()
    page.locator("input[name=token]").fill(totp_code(secret))
    page.locator("input[name=token]").press("Enter")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.locator("#recovery-codes-done").click()
    expect(page).not_to_have_url(re.compile(r"/admin/2fa/"))
