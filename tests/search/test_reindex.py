"""`manage.py search_reindex`: a new index behind the alias each run, old ones removed, clear
errors when there is nothing to reindex or nobody answers."""

import time

import pytest
from django.core.management import CommandError, call_command

from catalog.factories import ProductPageFactory, VendorPageFactory
from catalog.models import ProductPage
from search.documents import iter_documents
from search.query import CatalogQuery
from search.service import get_engine

pytestmark = pytest.mark.django_db


def aliased(client, alias):
    return sorted(client.indices.get_alias(name=alias).body)


def found(text):
    return get_engine().search(CatalogQuery(text=text), [[text]]).ids


def reset_engine():
    from search.service import reset_engine_cache

    reset_engine_cache()


def test_reindex_swaps_the_alias_to_a_new_index(es_engine_settings, es_client, capsys):
    alias = es_engine_settings.SEARCH_INDEX_NAME
    batik = ProductPageFactory(title="Batik Tulis Mega Mendung")
    call_command("search_reindex")
    first = aliased(es_client, alias)
    assert len(first) == 1
    assert first[0].startswith(f"{alias}-")
    out = capsys.readouterr().out
    assert "Indexed 1 products" in out
    reset_engine()
    assert found("mendung") == [batik.pk]

    call_command("search_reindex", "--batch-size", "1")
    second = aliased(es_client, alias)
    assert len(second) == 1
    assert second != first
    assert not es_client.indices.exists(index=first[0])  # the old index is gone
    reset_engine()
    assert found("mendung") == [batik.pk]


def test_keep_old_keeps_the_previous_index(es_engine_settings, es_client):
    alias = es_engine_settings.SEARCH_INDEX_NAME
    ProductPageFactory()
    call_command("search_reindex", verbosity=0)
    first = aliased(es_client, alias)
    call_command("search_reindex", "--keep-old", verbosity=0)
    second = aliased(es_client, alias)
    assert second != first
    assert es_client.indices.exists(index=first[0])


def test_a_product_added_between_runs_is_found_after_the_second(es_engine_settings):
    vendor = VendorPageFactory()
    ProductPageFactory(parent=vendor, title="Kursi Rotan Sintetis")
    call_command("search_reindex", verbosity=0)
    reset_engine()
    assert found("emping") == []
    emping = ProductPageFactory(parent=vendor, title="Emping Melinjo")
    call_command("search_reindex", verbosity=0)
    reset_engine()
    assert found("emping") == [emping.pk]


def test_only_live_public_products_are_indexed(es_engine_settings, es_client):
    live = ProductPageFactory(title="Sirup Markisa")
    ProductPageFactory(title="Sirup Draf", live=False)
    call_command("search_reindex", verbosity=0)
    reset_engine()
    assert found("sirup") == [live.pk]
    assert es_client.count(index=es_engine_settings.SEARCH_INDEX_NAME)["count"] == 1


def test_replaces_an_index_squatting_the_alias_name(es_engine_settings, es_client):
    """A write before the first rebuild may have created a plain index named like the alias."""
    alias = es_engine_settings.SEARCH_INDEX_NAME
    es_client.indices.create(index=alias)
    product = ProductPageFactory(title="Emping Melinjo")
    call_command("search_reindex", verbosity=0)
    assert aliased(es_client, alias)[0].startswith(f"{alias}-")
    reset_engine()
    assert found("emping") == [product.pk]


def test_without_elasticsearch_url(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("search_reindex")


def test_unreachable_engine_fails_quickly_with_a_clear_message(es_engine_settings, closed_port_url):
    es_engine_settings.ELASTICSEARCH_URL = closed_port_url
    ProductPageFactory()
    started = time.monotonic()
    with pytest.raises(CommandError) as error:
        call_command("search_reindex", verbosity=0)
    message = str(error.value)
    assert "unreachable" in message
    assert closed_port_url in message
    assert "\n" not in message
    assert time.monotonic() - started < 30  # bounded: no retry storm


def test_documents_are_built_in_a_fixed_number_of_queries(
    db, django_assert_max_num_queries, settings
):
    for _ in range(2):
        vendor = VendorPageFactory()
        for _ in range(3):
            ProductPageFactory(parent=vendor)
    queryset = ProductPage.objects.live().public()
    list(iter_documents(queryset, batch_size=500))  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(12):
        documents = list(iter_documents(queryset, batch_size=500))
    assert len(documents) == 6
