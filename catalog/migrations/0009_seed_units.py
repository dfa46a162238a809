"""The units products were sold by (a fixed list until now) plus the ones spreadsheets use, with
the other ways people write them; any unit a product already has is kept valid."""

from django.db import migrations

UNITS = [
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


def seed(apps, schema_editor):
    Unit = apps.get_model("catalog", "Unit")
    ProductPage = apps.get_model("catalog", "ProductPage")
    for order, (code, name, aliases) in enumerate(UNITS):
        Unit.objects.get_or_create(
            code=code, defaults={"name": name, "aliases": aliases, "sort_order": order}
        )
    used = set(ProductPage.objects.values_list("price_unit", flat=True))
    for code in sorted(used - set(Unit.objects.values_list("code", flat=True))):
        if code:
            Unit.objects.create(code=code, name=code, sort_order=100)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_units_and_rupiah_prices")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
