# Joins the parallel 0003 migrations of the orders, i18n and owners work.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0003_english_fields'),
        ('catalog', '0003_vendor_sells_online'),
        ('catalog', '0003_operator_permissions'),
    ]

    operations = [
    ]
