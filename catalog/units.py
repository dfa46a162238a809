"""The units products are sold by, as the admin offers them and the importer reads them."""

from django import forms

# The units every catalog starts with (code, name, aliases); migration 0009 seeded the same.
# Curators add more in Taksonomi › Satuan.
DEFAULT_UNITS = [
    ("pcs", "pcs", "buah, biji, bh, pc, piece, pieces"),
    ("lembar", "lembar", "lbr, helai, sheet"),
    ("kg", "kg", "kilogram, kilo"),
    ("gram", "gram", "g, gr"),
    ("liter", "liter", "l, ltr, litre"),
    ("meter", "meter", "m, mtr"),
    ("m2", "m²", "meter persegi, meter2, m², sqm"),
    ("set", "set", "setel, stel"),
    ("pasang", "pasang", "psg, pair"),
    ("lusin", "lusin", "lsn, dozen"),
    ("kodi", "kodi", ""),
    ("botol", "botol", "btl, bottle"),
    ("bungkus", "bungkus", "bks, pak, pack, sachet"),
    ("toples", "toples", "stoples, jar"),
    ("kotak", "kotak", "box, dus, kardus"),
    ("unit", "unit", ""),
    ("roll", "roll", "gulung, rol"),
    ("ikat", "ikat", "bundle"),
    ("karung", "karung", "sak"),
]


def ensure_default_units(model):
    """Put the default units back when the list is empty (a flushed database), so products'
    units stay valid; an existing list, curated or not, is left alone."""
    if not model.objects.exists():
        model.objects.bulk_create(
            [
                model(code=code, name=name, aliases=aliases, sort_order=order)
                for order, (code, name, aliases) in enumerate(DEFAULT_UNITS)
            ],
            ignore_conflicts=True,
        )


class UnitSelect(forms.Select):
    """A drop-down of the curators' units (catalog.Unit), read when the form is shown, so a
    unit added today is offered without a restart."""

    def get_context(self, name, value, attrs):
        from catalog.models import Unit

        self.choices = Unit.choices()
        if value and value not in dict(self.choices):
            self.choices.append((value, value))  # an old code stays visible, never lost
        return super().get_context(name, value, attrs)
