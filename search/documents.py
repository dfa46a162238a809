"""What a product looks like in the Elasticsearch index, and the index's analysis settings.

One document per live, public ProductPage. Everything the engine filters, counts or sorts on
is denormalised into the document (IKM slug and title, category path, region, sentra,
materials, valid certificates, price, ...), so a search is one request and never a join.
Whatever changes one of those values must re-index the affected products: see
search/indexing.py for the signal handlers and `search_reindex` for a full rebuild.
"""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    Keyword,
    Long,
    Object,
    SearchAsYouType,
    Text,
)

from catalog.models import ProductCertificate, ProductPage, VendorCertificate

from .hooks import membership_provider

# Analyzer names, defined by index_settings() and referenced by the mapping.
TEXT_ANALYZER = "catalog_text"  # words: language analysis when it is on
PLAIN_ANALYZER = "catalog_plain"  # words as written: lowercase + ascii folding only
AUTOCOMPLETE_ANALYZER = "catalog_autocomplete"  # edge n-grams of each word, at index time
ENGLISH_ANALYZER = "catalog_english"  # the English twins: English analysis when it is on
AUTOCOMPLETE_MIN_GRAM = 2
AUTOCOMPLETE_MAX_GRAM = 20

# A certificate without an expiry date is valid "forever": this date stands for that.
NO_EXPIRY = datetime.date(9999, 12, 31)
# Deep pages: CatalogQuery allows page 1000; keep them answerable instead of a 400.
MAX_RESULT_WINDOW = 50_000


def index_settings(language_analysis):
    """The index's settings (shards and analysis).

    With `language_analysis`, the text analyzer removes Indonesian stop words and stems
    (`kerajinan`, `pengrajin` and `rajin` share a stem). Without it (osmem-server in tests,
    which answers every query with every document once the Indonesian stemmer is configured),
    it is the standard tokenizer with lowercase and ASCII folding only. Synonyms are never
    configured here: they are expanded by our own query code (search/synonyms.py).

    The English twins (title_en, summary_en, ...) get their own analyzer: with language
    analysis, English stop words and the English stemmer (`chairs` finds `chair`); without
    it, the same plain analysis as the rest.
    """
    english_filters = ["lowercase", "asciifolding"]
    text_filters = ["lowercase", "asciifolding"]
    filters = {
        "catalog_edge_ngram": {
            "type": "edge_ngram",
            "min_gram": AUTOCOMPLETE_MIN_GRAM,
            "max_gram": AUTOCOMPLETE_MAX_GRAM,
        },
    }
    if language_analysis:
        filters["indonesian_stop"] = {"type": "stop", "stopwords": "_indonesian_"}
        filters["indonesian_stemmer"] = {"type": "stemmer", "language": "indonesian"}
        text_filters = ["lowercase", "indonesian_stop", "indonesian_stemmer", "asciifolding"]
        filters["english_possessive"] = {"type": "stemmer", "language": "possessive_english"}
        filters["english_stop"] = {"type": "stop", "stopwords": "_english_"}
        filters["english_stemmer"] = {"type": "stemmer", "language": "english"}
        english_filters = [
            "english_possessive",
            "lowercase",
            "english_stop",
            "english_stemmer",
            "asciifolding",
        ]
    return {
        # One shard: a regional catalog is small, and one shard keeps terms aggregations
        # (facet counts, the top-30 IKM) exact.
        "number_of_shards": 1,
        "max_result_window": MAX_RESULT_WINDOW,
        "analysis": {
            "filter": filters,
            "analyzer": {
                TEXT_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": text_filters,
                },
                ENGLISH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": english_filters,
                },
                PLAIN_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                AUTOCOMPLETE_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "catalog_edge_ngram"],
                },
            },
        },
    }


class ProductDocument(Document):
    """The mapping of a product document (the index name is chosen at run time)."""

    id = Long()
    url = Keyword(index=False)
    title = Text(
        analyzer=TEXT_ANALYZER,
        fields={
            # Prefixes of each word ("kur" finds "Kursi Rotan"), for autocomplete.
            "prefix": Text(analyzer=AUTOCOMPLETE_ANALYZER, search_analyzer=PLAIN_ANALYZER),
            "sayt": SearchAsYouType(analyzer=PLAIN_ANALYZER),
            "raw": Keyword(),
        },
    )
    summary = Text(analyzer=TEXT_ANALYZER)
    description = Text(analyzer=TEXT_ANALYZER)
    title_en = Text(analyzer=ENGLISH_ANALYZER)
    summary_en = Text(analyzer=ENGLISH_ANALYZER)
    description_en = Text(analyzer=ENGLISH_ANALYZER)
    category_names_en = Text(analyzer=ENGLISH_ANALYZER)
    sku = Keyword(fields={"text": Text(analyzer=PLAIN_ANALYZER)})
    vendor_id = Long()
    vendor_slug = Keyword()
    vendor_title = Text(analyzer=TEXT_ANALYZER, fields={"raw": Keyword()})
    category = Keyword()  # the product's own category slug
    category_parent = Keyword()  # its parent's slug, for a subcategory
    # Both slugs: filtering on a parent finds its subcategories' products, and a terms
    # aggregation on it rolls subcategory counts up into the parent.
    category_path = Keyword()
    category_names = Text(analyzer=TEXT_ANALYZER)
    material_names = Text(analyzer=TEXT_ANALYZER)  # Indonesian and English names
    place_names = Text(analyzer=TEXT_ANALYZER)  # the IKM's sentra and region
    region = Keyword()
    sentra = Keyword()
    materials = Keyword()
    # Types of the verified, unexpired certificates (the product's own and its IKM's) when the
    # document was built; for information. Queries use certificate_until, so a certificate
    # that expires after indexing stops counting on the day it expires.
    certificates = Keyword()
    # {certificate type slug: last day it is valid} (NO_EXPIRY for none).
    certificate_until = Object(dynamic=True)
    price = Long()
    availability = Keyword()
    export_ready = Boolean()
    exhibitions = Keyword()  # slugs of the live exhibitions showing the product
    first_published_at = Date()
    tags = Text(analyzer=TEXT_ANALYZER)
    # Words for the "did you mean" term suggester: titles and names, not stemmed.
    spell = Text(analyzer=PLAIN_ANALYZER)
    suggest = Completion(analyzer=PLAIN_ANALYZER)


def index_mappings():
    """The mapping as a dict for `indices.create`."""
    mapping = ProductDocument._doc_type.mapping.to_dict()
    mapping["dynamic"] = False  # only the fields above; certificate_until maps its own
    mapping["dynamic_templates"] = [
        {
            "certificate_dates": {
                "path_match": "certificate_until.*",
                "mapping": {"type": "date", "format": "yyyy-MM-dd"},
            }
        }
    ]
    return mapping


def description_text(page, field_name="description"):
    """The StreamField description as plain text: headings, paragraphs, captions, specs."""
    field = ProductPage._meta.get_field(field_name)
    parts = field.get_searchable_content(getattr(page, field_name))
    return " ".join(" ".join(strip_tags(str(part)).split()) for part in parts if part).strip()


def _certificate_dates(certificates, today):
    """{slug: last valid day} over verified, unexpired certificates (latest date wins)."""
    dates = {}
    for certificate in certificates:
        if not certificate.verified:
            continue
        until = certificate.expires_on or NO_EXPIRY
        if until < today:
            continue
        slug = certificate.certificate_type.slug
        dates[slug] = max(dates.get(slug, until), until)
    return dates


def _suggest_inputs(title):
    """The title and its word suffixes, so completion also finds 'rotan' in 'Kursi Rotan'."""
    words = title.split()
    inputs = [" ".join(words[i:]) for i in range(min(len(words), 6))]
    return [value for value in dict.fromkeys(inputs) if value]


def exhibition_slugs(page):
    """Slugs of the live exhibitions showing `page`, from the registered provider (hooks.py)."""
    return membership_provider("exhibition").slugs_of(page)


def product_to_document(page, today=None):
    """The index document (a dict, `_id` excluded) of a ProductPage.

    Use a page from `documents_queryset()` so the related rows are already loaded.
    """
    today = today or timezone.localdate()
    vendor = page.vendor
    category = page.category
    parent = category.parent if category and category.parent_id else None
    certificates = list(page.certificates.all())
    if vendor is not None:
        certificates += list(vendor.certificates.all())
    until = _certificate_dates(certificates, today)
    materials = list(page.materials.all())
    tags = [tag.name for tag in page.tags.all()]
    category_names = [c.name for c in (category, parent) if c is not None]
    category_names_en = [c.name_en for c in (category, parent) if c is not None and c.name_en]
    vendor_title = vendor.title if vendor else ""
    places = [vendor.sentra, vendor.region] if vendor else []
    place_names = [p.name for p in places if p is not None]
    material_names = [n for m in materials for n in (m.name, m.name_en) if n]
    return {
        "id": page.pk,
        "url": page.url or "",
        "title": page.title,
        "summary": page.summary or page.listing_summary or "",
        "description": description_text(page),
        "title_en": page.title_en,
        "summary_en": page.summary_en or page.listing_summary_en or "",
        "description_en": description_text(page, "description_en"),
        "category_names_en": " ".join(category_names_en),
        "sku": page.sku or None,
        "vendor_id": vendor.pk if vendor else None,
        "vendor_slug": vendor.slug if vendor else None,
        "vendor_title": vendor_title,
        "category": category.slug if category else None,
        "category_parent": parent.slug if parent else None,
        "category_path": [c.slug for c in (category, parent) if c is not None],
        "category_names": " ".join(category_names),
        "material_names": " ".join(material_names),
        "place_names": " ".join(place_names),
        "region": vendor.region.slug if vendor and vendor.region_id else None,
        "sentra": vendor.sentra.slug if vendor and vendor.sentra_id else None,
        "materials": sorted(m.slug for m in materials),
        "certificates": sorted(until),
        "certificate_until": {slug: day.isoformat() for slug, day in sorted(until.items())},
        "price": page.price,
        "availability": page.availability,
        "export_ready": bool(vendor and vendor.export_ready),
        "exhibitions": exhibition_slugs(page),
        "first_published_at": page.first_published_at.isoformat()
        if page.first_published_at
        else None,
        "tags": " ".join(tags),
        "spell": " ".join(
            [
                page.title,
                page.title_en,
                vendor_title,
                *category_names,
                *category_names_en,
                *material_names,
                *tags,
            ]
        ),
        "suggest": {"input": _suggest_inputs(page.title)},
    }


def indexable_products():
    """The products the index holds: live and public, like the database engine's base set."""
    return ProductPage.visible()


def documents_queryset(queryset):
    """`queryset` with everything product_to_document reads loaded in a fixed number of
    queries per batch."""
    return queryset.select_related(
        "vendor", "vendor__region", "vendor__sentra", "category", "category__parent"
    ).prefetch_related(
        "materials",
        "tags",
        *[lookup for lookup in [membership_provider("exhibition").prefetch] if lookup],
        Prefetch(
            "certificates",
            queryset=ProductCertificate.objects.select_related("certificate_type"),
        ),
        Prefetch(
            "vendor__certificates",
            queryset=VendorCertificate.objects.select_related("certificate_type"),
        ),
    )


def iter_documents(queryset, batch_size=500):
    """Yield (page id, document) for every product of `queryset`, `batch_size` at a time.

    Batches are taken by primary key (keyset pagination), so memory stays bounded and each
    batch costs the same handful of queries whatever the catalog's size.
    """
    queryset = documents_queryset(queryset.order_by("pk"))
    today = timezone.localdate()
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last)[:batch_size])
        if not batch:
            return
        for page in batch:
            yield page.pk, product_to_document(page, today=today)
        last = batch[-1].pk
