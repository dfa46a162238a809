"""Emailing an account's owner a link to choose a password (Django's token generator through
Wagtail's password-reset confirm view, as onboarding does).

Used when an operator creates an account in the user administration (the new owner chooses
their own password) and by *Kirim tautan kata sandi* (reset by email): an operator never
types, reads or sends a password. The email is an outbox row sent by the background worker
after the commit, like every other email: the request never talks to SMTP.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.onboarding import password_email_context
from outbox.models import Email
from outbox.tasks import send_after_commit


def send_password_link(user, *, invited):
    """Queue a set-password link for `user`, in their language. `invited`: a new account (the
    email says so) rather than a reset of an existing one."""
    with translation.override(getattr(user, "preferred_language", None) or "id"):
        context = password_email_context(user, invited=invited)
        if invited:
            subject = _("Akun Etalase IKM Anda: buat kata sandi")
        else:
            subject = _("Etalase IKM: tautan untuk mengganti kata sandi")
        body = render_to_string("catalog/email/password_link.txt", context)
    email = Email.objects.create(
        topic=Email.Topic.INVITATION, recipients=user.email, subject=subject, body=body
    )
    send_after_commit([email])
    return user, True
