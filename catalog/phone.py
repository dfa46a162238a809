"""Phone and WhatsApp numbers: parsed with `phonenumbers`, stored in E.164, shown as fits.

The single place where the site reads, checks and prints a number (inquiries, orders, IKM
profiles, the importer and onboarding all come through here). A number without a country code
is Indonesian (region "ID": 0812..., 62812..., (0231) 206558); any other country is written with
"+" or the international "00" prefix (+65 6123 4567, 001 415 555 2671). Indonesian numbers are
shown in Indonesian national format (0812-3456-7890), foreign ones in international format
(+65 6123 4567), so a reader always knows whether to dial a country code.
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "ID"
_SEPARATORS = re.compile(r"[\s\-().]")
_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def _invalid(message):
    return ValidationError(message, code="invalid_phone")


def _parse(value):
    """The PhoneNumber for `value`, None when empty; ValidationError when not a number."""
    raw = _SEPARATORS.sub("", value or "")
    if not raw:
        return None
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    international = raw.startswith("+")
    digits = raw[1:] if international else raw
    if not (digits.isascii() and digits.isdigit()):
        raise _invalid(_("Nomor hanya boleh berisi angka, spasi, tanda hubung dan awalan +."))
    if not international:
        # Without a country code only recognisably Indonesian numbers: 0... or 62....
        if not digits.startswith(("0", "62")):
            raise _invalid(
                _(
                    "Masukkan nomor Indonesia yang diawali 08 atau +62, atau nomor luar negeri "
                    "dengan kode negara (misalnya +65 6123 4567)."
                )
            )
        raw = "+" + digits if digits.startswith("62") else digits
    if raw.startswith("+620"):
        # A trunk 0 after the country code is a typing slip we do not guess about.
        raise _invalid(
            _("Nomor telepon tidak lengkap atau terlalu panjang (contoh: 0812 3456 7890).")
        )
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        if raw.startswith("+") and not raw.startswith("+62"):
            raise _invalid(
                _(
                    "Nomor luar negeri ini tidak valid. Periksa kode negara dan jumlah angkanya "
                    "(contoh: +65 6123 4567)."
                )
            )
        raise _invalid(
            _("Nomor telepon tidak lengkap atau terlalu panjang (contoh: 0812 3456 7890).")
        )
    return number


def _e164(number):
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_phone(value):
    """Return `value` in E.164, e.g. '0812-3456-7890' -> '+6281234567890',
    '+65 6123 4567' -> '+6561234567'; '' stays ''.

    Raises ValidationError (code "invalid_phone") with a message a buyer or owner can act on.
    """
    number = _parse(value)
    return _e164(number) if number else ""


def normalise_whatsapp(value):
    """Like normalise_phone, but WhatsApp needs a mobile number (08..., or a foreign mobile)."""
    number = _parse(value)
    if number is None:
        return ""
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        if number.country_code == 62:
            message = _("Nomor WhatsApp harus nomor seluler yang diawali 08 atau +628.")
        else:
            message = _("Nomor WhatsApp harus nomor seluler (contoh: +65 8123 4567).")
        raise ValidationError(message, code="invalid_whatsapp")
    return _e164(number)


def whatsapp_digits(e164):
    """The digits wa.me wants: '+6281234567890' -> '6281234567890'."""
    return "".join(c for c in (e164 or "") if c.isdigit())


def display_phone(e164):
    """'+6281234567890' -> '0812-3456-7890'; '+6561234567' -> '+65 6123 4567'.

    A stored value that does not parse (older data) is shown as it is.
    """
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 62:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
