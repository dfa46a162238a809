"""Indonesian phone and WhatsApp numbers, normalised to E.164 (+62...)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-().]")


def normalise_phone(value):
    """Return `value` as an E.164 Indonesian number, e.g. '0812-3456-7890' -> '+6281234567890'.

    Accepts 08xx, 628xx and +628xx for mobiles and 0xx area-code landlines. Raises
    ValidationError with a message a buyer or owner can act on.
    """
    raw = _SEPARATORS.sub("", value or "")
    if not raw:
        return ""
    if raw.startswith("+"):
        digits = raw[1:]
    elif raw.startswith("00"):
        digits = raw[2:]
    elif raw.startswith("0"):
        digits = "62" + raw[1:]
    else:
        digits = raw
    if not (digits.isascii() and digits.isdigit()):
        raise ValidationError(
            _("Nomor hanya boleh berisi angka, spasi, tanda hubung dan awalan +."),
            code="invalid_phone",
        )
    if not digits.startswith("62"):
        raise ValidationError(
            _("Masukkan nomor Indonesia yang diawali 08 atau +62."), code="invalid_phone"
        )
    national = digits[2:]
    if national.startswith("0") or not 8 <= len(national) <= 13:
        raise ValidationError(
            _("Nomor telepon tidak lengkap atau terlalu panjang (contoh: 0812 3456 7890)."),
            code="invalid_phone",
        )
    return "+" + digits


def normalise_whatsapp(value):
    """Like normalise_phone, but WhatsApp needs a mobile number (+628...)."""
    number = normalise_phone(value)
    if number and not number.startswith("+628"):
        raise ValidationError(
            _("Nomor WhatsApp harus nomor seluler yang diawali 08 atau +628."),
            code="invalid_whatsapp",
        )
    return number


def display_phone(e164):
    """'+6281234567890' -> '0812-3456-7890' for Indonesian readers."""
    if not e164 or not e164.startswith("+62"):
        return e164 or ""
    national = "0" + e164[3:]
    if national.startswith("08"):
        return "-".join([national[:4], national[4:8], national[8:]]).rstrip("-")
    return national
