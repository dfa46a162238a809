"""Search in two languages, below the contract suite: the English fields in the index's
mapping and settings, in the document, in the database engine's search fields, and the rule
that a curator's synonym terms match exactly on Elasticsearch as on the database engine."""

import pytest
from django.utils import translation
from wagtail.rich_text import RichText

from catalog.factories import CategoryFactory, ProductPageFactory
from catalog.models import ProductPage
from search.documents import (
    ENGLISH_ANALYZER,
    documents_queryset,
    index_mappings,
    index_settings,
    product_to_document,
)
from search.engines.elasticsearch import TEXT_FIELDS, text_clause
from search.synonyms import DEFAULT_SYNONYM_SETS, ensure_default_synonyms, expand


def test_english_analysis_follows_the_language_switch():
    production = index_settings(language_analysis=True)["analysis"]
    english = production["analyzer"][ENGLISH_ANALYZER]["filter"]
    assert {"english_stop", "english_stemmer", "english_possessive"} <= set(english)
    assert production["filter"]["english_stemmer"] == {"type": "stemmer", "language": "english"}
    assert "indonesian_stemmer" not in english
    plain = index_settings(language_analysis=False)["analysis"]
    assert plain["analyzer"][ENGLISH_ANALYZER]["filter"] == ["lowercase", "asciifolding"]
    assert "english" not in str(plain["filter"])


def test_the_mapping_and_the_query_cover_the_english_fields():
    properties = index_mappings()["properties"]
    for field in ("title_en", "summary_en", "description_en", "category_names_en"):
        assert properties[field] == {"type": "text", "analyzer": ENGLISH_ANALYZER}, field
        assert any(f.split("^")[0] == field for f in TEXT_FIELDS), field


@pytest.mark.django_db
def test_the_document_holds_both_languages():
    parent = CategoryFactory(name="Kerajinan", slug="kerajinan", name_en="Crafts")
    category = CategoryFactory(name="Topeng", slug="topeng", parent=parent, name_en="Masks")
    page = ProductPageFactory(
        title="Topeng Panji",
        category=category,
        title_en="Panji Mask",
        summary_en="A carved mask",
        description_en=[("paragraph", RichText("<p>Carved from <b>jaran</b> wood.</p>"))],
    )
    document = product_to_document(documents_queryset(ProductPage.objects.filter(pk=page.pk))[0])
    assert document["title"] == "Topeng Panji"
    assert document["title_en"] == "Panji Mask"
    assert document["summary_en"] == "A carved mask"
    assert document["description_en"] == "Carved from jaran wood."
    assert document["category_names_en"] == "Masks Crafts"
    assert "Panji Mask" in document["spell"]


def test_database_engine_indexes_the_english_fields():
    searchable = {f.field_name for f in ProductPage.search_fields if hasattr(f, "boost")}
    assert {"title_en", "summary_en", "description_en"} <= searchable


def test_synonym_terms_are_exact_and_a_buyers_own_words_fuzzy():
    query = text_clause(expand("shrimp paste kursi", [["terasi", "shrimp paste"]]))
    groups = query["bool"]["must"]
    synonym_group = groups[0]["bool"]["should"]
    assert {"multi_match": {"query": "terasi", "fields": list(TEXT_FIELDS)}} in synonym_group
    assert "fuzziness" not in repr(synonym_group)
    exact, fuzzy = groups[1]["bool"]["should"][0]["bool"]["should"]
    assert exact["multi_match"]["query"] == fuzzy["multi_match"]["query"] == "kursi"
    assert fuzzy["multi_match"]["fuzziness"] == "AUTO:4,8"
    assert exact["multi_match"]["boost"] > 1


@pytest.mark.django_db
def test_default_synonym_sets_are_added_once_and_keep_curators_sets():
    from search.models import SynonymSet

    SynonymSet.objects.all().delete()  # the migration's sets: this test adds them itself
    SynonymSet.objects.create(terms="rotan, rattan", note="dari kurator")
    created = ensure_default_synonyms()
    assert created == len(DEFAULT_SYNONYM_SETS) - 1
    assert ensure_default_synonyms() == 0
    assert SynonymSet.objects.get(terms="rotan, rattan").note == "dari kurator"
    sets = SynonymSet.all_sets()
    (group,) = expand("hand-drawn batik", sets)
    assert {"batik tulis", "hand drawn batik"} <= set(group)
    assert expand("rattan chair", sets) == [["rattan", "rotan"], ["chair", "chairs", "kursi"]]


@pytest.mark.django_db
def test_english_vendor_story_is_found_in_the_directory():
    from catalog.factories import VendorPageFactory
    from search.service import search_vendors

    VendorPageFactory(title="Sanggar Kayu", story_en="<p>Mask carvers since 1975.</p>")
    VendorPageFactory(title="Sanggar Lain", story="<p>Pembuat topeng.</p>")
    with translation.override("en"):
        found = [v.title for v in search_vendors(text="carvers")]
    assert found == ["Sanggar Kayu"]
