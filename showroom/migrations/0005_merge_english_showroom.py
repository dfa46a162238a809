# Joins the English fields (i18n) with the venues, exhibitions and curated home page.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('showroom', '0003_english_fields'),
        ('showroom', '0004_exhibition_and_showroom_index_pages'),
    ]

    operations = [
    ]
