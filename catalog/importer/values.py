"""Reading cells the way people write them: prices, numbers, availability, units, and the
closest known name when a value is not recognised."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from catalog.models import ProductPage, Unit
from catalog.rupiah import parse_rupiah

LIST_SPLIT = re.compile(r"\s*[;,]\s*")
# How sure a suggestion must be to be offered ("mungkin 'Kerajinan'?").
SUGGEST_SCORE = 70
# What people write for each availability, besides its code and its label in either language.
AVAILABILITY_WORDS = {
    ProductPage.Availability.READY: [
        "ready stock",
        "ready",
        "readystock",
        "tersedia",
        "stok tersedia",
        "stok ada",
        "ada",
        "ada stok",
        "siap",
        "siap kirim",
        "in stock",
        "available",
    ],
    ProductPage.Availability.PREORDER: [
        "pre order",
        "preorder",
        "po",
        "inden",
        "indent",
        "pesan dulu",
    ],
    ProductPage.Availability.MADE_TO_ORDER: [
        "made to order",
        "pesanan",
        "sesuai pesanan",
        "dibuat sesuai pesanan",
        "by order",
        "by request",
        "custom",
        "pesan khusus",
    ],
}


def words(text):
    """ "Pre-Order" -> "pre order", "m²" -> "m2": a spelling-free key for coded values."""
    text = str(text).strip().lower().replace("²", "2").rstrip(".")
    return re.sub(r"[\s_\-/]+", " ", text).strip()


def closest(text, names):
    """The known name nearest to `text`, or None when none is near enough."""
    names = [n for n in names if n]
    if not names or not str(text).strip():
        return None
    found = process.extractOne(
        str(text), names, scorer=fuzz.WRatio, processor=str.lower, score_cutoff=SUGGEST_SCORE
    )
    return found[0] if found else None


def unknown(kind_message, text, names):
    """ "Kategori “Kerajinan Kerang” tidak dikenal; mungkin “Kerajinan”?" """
    message = kind_message % {"name": text}
    suggestion = closest(text, names)
    if suggestion:
        return _("%(message)s; mungkin “%(suggestion)s”?") % {
            "message": message,
            "suggestion": suggestion,
        }
    return message + "."


def parse_price(text):
    """150000, 150.000, Rp 150.000, Rp150.000,00, 1.750.000,- -> whole rupiah; empty -> None."""
    return parse_rupiah(text)


def parse_int(text, minimum=0):
    text = str(text).strip().replace(".", "") if str(text).strip() else ""
    if not text:
        return None
    if not text.isdigit() or int(text) < minimum:
        raise ValueError(
            _("“%(text)s” bukan bilangan bulat %(min)s atau lebih.")
            % {"text": text, "min": minimum}
        )
    return int(text)


def parse_decimal(text):
    text = str(text).strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(
            _("“%(text)s” bukan angka; tulis misalnya 12,5.") % {"text": text}
        ) from error
    if value < 0 or not value.is_finite():
        raise ValueError(_("Tidak boleh negatif."))
    return value.quantize(Decimal("0.1"))


def parse_choice(text, choices, default):
    """A code from its code or label (any case); kept for callers of the old importer."""
    text = str(text).strip()
    if not text:
        return default
    for value, label in choices:
        if text.lower() in (str(value).lower(), str(label).lower()):
            return value
    raise ValueError(
        _("Pilih salah satu: %(choices)s.") % {"choices": ", ".join(v for v, _l in choices)}
    )


class Vocabulary:
    """Availability and units as people write them; built once per import (units are read
    from the curators' list, catalog.Unit)."""

    def __init__(self):
        self.availability = {}
        for code, label in ProductPage.Availability.choices:
            self.availability[words(code)] = code
            self.availability[words(label)] = code
            for word in AVAILABILITY_WORDS.get(code, []):
                self.availability[words(word)] = code
        self.units = {}
        self.unit_names = []
        Unit.names()  # the defaults, should the list be empty
        for unit in Unit.objects.all():
            self.unit_names.append(unit.name)
            for word in (unit.code, unit.name, *unit.alias_list()):
                self.units.setdefault(words(word), unit.code)

    def parse_availability(self, text):
        if not str(text).strip():
            return None
        code = self.availability.get(words(text))
        if code is None:
            allowed = ", ".join(str(label) for _c, label in ProductPage.Availability.choices)
            raise ValueError(
                _("Ketersediaan “%(text)s” tidak dikenal; tulis salah satu: %(allowed)s.")
                % {"text": text, "allowed": allowed}
            )
        return code

    def parse_unit(self, text):
        if not str(text).strip():
            return None
        code = self.units.get(words(text))
        if code is None:
            raise ValueError(unknown(_("Satuan “%(name)s” tidak dikenal"), text, self.unit_names))
        return code


def split_list(text):
    return [item for item in LIST_SPLIT.split(str(text).strip()) if item]
