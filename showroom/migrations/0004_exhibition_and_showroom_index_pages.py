"""Add /pameran/ (exhibitions) and /showroom/ (venues) under the home page, when the site
tree exists (a database built by 0002); a database without a home page is left alone."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _next_path(parent_path, last_child_path):
    if last_child_path is None:
        return parent_path + "0001"
    step = last_child_path[-STEPLEN:]
    number = 0
    for char in step:
        number = number * len(ALPHABET) + ALPHABET.index(char)
    number += 1
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return parent_path + digits.rjust(STEPLEN, "0")


def add_index_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("showroom.HomePage")
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    pages = [
        (
            apps.get_model("showroom.ExhibitionIndexPage"),
            "Pameran",
            "pameran",
            "Pameran produk IKM: di showroom, di pameran dagang, dan online.",
        ),
        (
            apps.get_model("showroom.ShowroomIndexPage"),
            "Showroom",
            "showroom",
            "Lihat dan beli produk IKM langsung di Galeri IKM dan Mall UKM.",
        ),
    ]
    for model, title, slug, intro in pages:
        if model.objects.exists():
            continue
        last = (
            Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=_next_path(home.path, last),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            live=True,
            intro=intro,
        )
        Page.objects.filter(pk=home.pk).update(
            numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
        )


class Migration(migrations.Migration):
    dependencies = [("showroom", "0003_showroom_venues_exhibitions_curated_home")]

    operations = [migrations.RunPython(add_index_pages, migrations.RunPython.noop)]
