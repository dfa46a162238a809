"""Recovery codes for two-factor sign-in: a django-otp device whose tokens are stored hashed."""

import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

# No 0/O or 1/I/L: a code is read off paper and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
CODE_COUNT = 10


def normalise_code(code):
    """What the user typed, without spaces or dashes, in capitals ("abcde-fghjk" works)."""
    return "".join(code.split()).replace("-", "").upper()


def code_digest(code):
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def new_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A user's set of single-use recovery codes, for when the authenticator app is lost.

    django-otp's own `otp_static` plugin does the same but keeps its tokens in plain text (a
    16-character `token` column): anyone who reads the database or a backup could sign in as
    any staff member past the second factor. So each code is kept only as its SHA-256 digest.
    A fast, unsalted hash is enough here, unlike for passwords: a code is 10 random characters
    from 31 (about 49 bits) chosen by us, not by a person, so there is no dictionary to try and
    no digest to reverse; and an exact digest can be looked up with one indexed query.

    Being a django-otp `Device`, it signs a session in with `django_otp.login` like the TOTP
    device, and django-otp's middleware checks it on every request. Wrong codes are throttled
    (growing delays, `OTP_RECOVERY_THROTTLE_FACTOR`, as for TOTP).
    """

    class Meta:
        verbose_name = _("kode cadangan")
        verbose_name_plural = _("kode cadangan")

    def get_throttle_factor(self):
        return getattr(settings, "OTP_RECOVERY_THROTTLE_FACTOR", 1)

    def replace_codes(self):
        """Forget every code of this device and make CODE_COUNT new ones: the plain codes are
        returned to be shown once; only their digests are stored."""
        codes = [new_code() for _ in range(CODE_COUNT)]
        with transaction.atomic():
            self.codes.all().delete()
            RecoveryCode.objects.bulk_create(
                RecoveryCode(device=self, digest=code_digest(code)) for code in codes
            )
        return codes

    def remaining(self):
        return self.codes.count()

    def verify_token(self, token):
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        # One DELETE: of two requests racing with the same code, only one removes the row.
        used, _by_model = self.codes.filter(digest=code_digest(token)).delete()
        if used:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
        else:
            self.throttle_increment()
        return bool(used)


class RecoveryCode(models.Model):
    """One unused recovery code, as the SHA-256 hex digest of its normalised text."""

    device = models.ForeignKey(RecoveryCodeDevice, related_name="codes", on_delete=models.CASCADE)
    digest = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("kode cadangan")
        verbose_name_plural = _("kode cadangan")

    def __str__(self):
        return f"{self.device} #{self.pk}"
