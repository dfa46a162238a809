"""Every installation starts with the default synonym sets (search/default_synonyms.py);
curators edit or delete them afterwards. Sets a curator already has are left alone."""

from django.db import migrations


def add_default_sets(apps, schema_editor):
    from search.default_synonyms import DEFAULT_SYNONYM_SETS
    from search.models import split_terms

    SynonymSet = apps.get_model("search", "SynonymSet")
    existing = {tuple(split_terms(terms)) for terms in SynonymSet.objects.values_list("terms", flat=True)}
    SynonymSet.objects.bulk_create(
        SynonymSet(terms=", ".join(split_terms(terms)), note=note)
        for terms, note in DEFAULT_SYNONYM_SETS
        if tuple(split_terms(terms)) not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonym_sets")]

    operations = [migrations.RunPython(add_default_sets, migrations.RunPython.noop)]
