"""Seed the capabilities curators start from; they may add more as snippets."""

from django.db import migrations
from django.utils.text import slugify

CAPABILITIES = [
    ("Bubut CNC", "CNC turning", "machining"),
    ("Frais (milling)", "Milling", "machining"),
    ("Fabrikasi pelat", "Sheet metal fabrication", "fabrication"),
    ("Fabrikasi struktur baja", "Structural steel fabrication", "fabrication"),
    ("Las listrik (SMAW)", "Stick welding (SMAW)", "welding"),
    ("Las argon (TIG)", "TIG welding", "welding"),
    ("Pengecoran logam", "Metal casting", "casting"),
    ("Pengecoran aluminium", "Aluminium casting", "casting"),
    ("Pengemasan produk", "Product packaging", "packaging"),
    ("Kemasan karton", "Cardboard packaging", "packaging"),
    ("Katering karyawan", "Staff catering", "catering"),
    ("Pencampuran bahan kimia", "Chemical blending", "chemicals"),
    ("Penjahitan seragam kerja", "Workwear sewing", "textile"),
    ("Pembuatan palet kayu", "Wooden pallet making", "woodwork"),
    ("Perawatan dan perbaikan mesin", "Machine maintenance and repair", "other"),
]


def seed(apps, schema_editor):
    Capability = apps.get_model("sourcing", "Capability")
    for name, name_en, group in CAPABILITIES:
        Capability.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "name_en": name_en, "group": group}
        )


def unseed(apps, schema_editor):
    Capability = apps.get_model("sourcing", "Capability")
    Capability.objects.filter(slug__in=[slugify(name) for name, _, _ in CAPABILITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("sourcing", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
