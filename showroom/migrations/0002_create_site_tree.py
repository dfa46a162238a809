"""Replace Wagtail's welcome page with the Etalase IKM home, catalog and IKM directory."""

from urllib.parse import urlparse

from django.conf import settings
from django.db import migrations


def create_site_tree(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("showroom.HomePage")
    CatalogIndexPage = apps.get_model("showroom.CatalogIndexPage")
    VendorIndexPage = apps.get_model("showroom.VendorIndexPage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2
    ).delete()
    locale = Locale.objects.order_by("pk").first()

    def content_type(model):
        return ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )[0]

    home = HomePage.objects.create(
        title="Etalase IKM",
        draft_title="Etalase IKM",
        slug="beranda",
        content_type=content_type(HomePage),
        path="00010001",
        depth=2,
        numchild=2,
        url_path="/beranda/",
        locale=locale,
        live=True,
        hero_title="Produk unggulan IKM Cirebon, Cilegon dan Ciayumajakuning",
        hero_text=(
            "Batik Trusmi, topeng, rotan, makanan olahan dan kerajinan dari industri kecil dan "
            "menengah: lihat online, temui langsung di Galeri IKM."
        ),
    )
    for position, (model, title, slug, intro) in enumerate(
        [
            (
                CatalogIndexPage,
                "Katalog Produk",
                "katalog",
                "Semua produk IKM yang bisa Anda pesan, tanyakan atau lihat di showroom.",
            ),
            (
                VendorIndexPage,
                "Direktori IKM",
                "ikm",
                "Kenali para perajin dan produsen di balik setiap produk.",
            ),
        ],
        start=1,
    ):
        model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type(model),
            path=f"00010001{position:04d}",
            depth=3,
            numchild=0,
            url_path=f"/beranda/{slug}/",
            locale=locale,
            live=True,
            intro=intro,
        )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    # The site's public address, from SITE_URL (see config/settings/base.py); editable later
    # under Settings > Sites.
    url = urlparse(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.create(
        hostname=url.hostname or "localhost",
        port=url.port or (443 if url.scheme == "https" else 80),
        root_page_id=home.pk,
        is_default_site=True,
        site_name="Etalase IKM",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("showroom", "0001_initial"),
        ("catalog", "0002_catalog"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site_tree, migrations.RunPython.noop)]
