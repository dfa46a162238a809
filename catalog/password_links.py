"""Emailing an account's owner a link to choose a password (Django's token generator through
Wagtail's password-reset confirm view, as onboarding does).

Used when an operator creates an account in the user administration (the new owner chooses
their own password) and by *Kirim tautan kata sandi* (reset by email): an operator never
types, reads or sends a password.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.onboarding import set_password_url


def send_password_link(user, *, invited):
    """Email `user` a set-password link, in their language. `invited`: a new account (the
    email says so) rather than a reset of an existing one."""
    with translation.override(getattr(user, "preferred_language", None) or "id"):
        context = {
            "user": user,
            "invited": invited,
            "set_password_url": set_password_url(user),
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        if invited:
            subject = _("Akun Etalase IKM Anda: buat kata sandi")
        else:
            subject = _("Etalase IKM: tautan untuk mengganti kata sandi")
        body = render_to_string("catalog/email/password_link.txt", context)
    EmailMultiAlternatives(subject, body, to=[user.email]).send()
