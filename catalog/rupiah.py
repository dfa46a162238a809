"""Rupiah as people write it: "1.750.000", "1.750.000,00", "Rp 1.750.000,-" and "1750000" are
the same amount, in the admin, the public forms and the spreadsheet importer alike.

A browser's number input cannot do this (it reads "1.750.000" as 1.75), so a price is a text
input with `inputmode="numeric"` (the phone shows digits) that shows the amount grouped the
user's way and parses both groupings: groups are exactly three digits and decimals one or two,
so "1.750" and "1,750" are both 1750 while "1,5" (one and a half rupiah) is refused.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
# Indonesian: dots group thousands, a comma starts the decimals; English the other way round.
INDONESIAN = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?", re.ASCII)
ENGLISH = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?", re.ASCII)
INVALID = _("Tulis harga dalam rupiah, misalnya 1.750.000 atau Rp 1.750.000.")
NO_CENTS = _("Harga rupiah tanpa sen: %(text)s.")


def parse_rupiah(text):
    """Whole rupiah from what a person typed; None when empty; ValueError (with a message in
    the active language) when it is not an amount."""
    text = re.sub(r"[\s\u00a0]+", "", str(text or ""))
    text = PREFIX.sub("", text)
    text = re.sub(r"[,.]-$", "", text)  # "Rp 150.000,-"
    if not text:
        return None
    for pattern in (INDONESIAN, ENGLISH):
        match = pattern.fullmatch(text)
        if match:
            whole, decimals = match.groups()
            if decimals and int(decimals):
                raise ValueError(NO_CENTS % {"text": text})
            return int(re.sub(r"\D", "", whole))
    raise ValueError(INVALID)


def group_rupiah(amount, language=None):
    """1750000 -> "1.750.000" (English: "1,750,000"), without the "Rp"."""
    grouped = f"{int(amount):,}"
    if (language or get_language() or "id")[:2] != "en":
        grouped = grouped.replace(",", ".")
    return grouped


class RupiahInput(forms.TextInput):
    """A text input for whole rupiah, shown grouped, with the phone's digit keyboard."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            return group_rupiah(int(value))
        return super().format_value(value)


class RupiahFormField(forms.IntegerField):
    """Whole rupiah typed the Indonesian (or English) way; see parse_rupiah."""

    widget = RupiahInput
    default_error_messages = {"invalid": INVALID}

    def __init__(self, *, max_value=None, min_value=0, **kwargs):
        kwargs.pop("step_size", None)
        super().__init__(max_value=max_value, min_value=min_value, **kwargs)

    def widget_attrs(self, widget):
        # IntegerField would add min/max/step, which only number inputs understand.
        return {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            return parse_rupiah(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error


class RupiahField(models.PositiveBigIntegerField):
    """Whole rupiah in the database; every form of it takes Indonesian writing."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RupiahFormField, **kwargs})
