"""The database engine: Wagtail's database search (SQLite FTS5, PostgreSQL full-text search
with the `indonesian` configuration) for the words; filters, sorts and facet counts computed
in Python from one row per matching product (CatalogRows)."""

import gc
from bisect import bisect_left
from collections import Counter
from contextlib import contextmanager
from itertools import chain, repeat
from operator import itemgetter

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.search.backends import get_search_backend

from catalog.models import Category, ProductPage, VendorPage
from catalog.models.pages import ProductCertificate, VendorCertificate
from catalog.translation import translated_value

from ..results import EngineResult
from ..taxonomy import taxonomy
from .base import PRICE_BANDS, SearchEngine

MAX_VENDOR_FACET = 30
# More matches than this are cut (the least relevant) to stay within the database's bound on
# query parameters; a catalog query matching this many products needs more words anyway.
MAX_ID_LIST = 20_000


def build_text_query(expansions):
    """Synonym groups as Wagtail's query objects: AND over groups, OR within a group."""
    parts = []
    for group in expansions:
        alternatives = [Phrase(term) if " " in term else PlainText(term) for term in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def exhibition_items():
    """Items of live exhibitions (showroom.ExhibitionItem, by name: no import cycle)."""
    from django.apps import apps

    return apps.get_model("showroom", "ExhibitionItem").objects.filter(page__live=True)


def valid_certificate_q(prefix=""):
    today = timezone.localdate()
    return Q(**{f"{prefix}verified": True}) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": today})
    )


def sqlite_ranked_ids(backend, text_query, model=ProductPage, autocomplete=False, limit=None):
    """Product ids ranked by SQLite FTS5's bm25, in one pass over the full-text index.

    Wagtail's SQLite backend orders by relevance with a correlated subquery per matching row,
    which takes seconds once thousands of products match (measured: 4.5 s for 4,000 matches
    of 'batik' among 10,000 products); reading the ranking straight from the FTS table is one
    indexed query. Uses the backend's own query compiler, so matching is exactly Wagtail's.
    The same holds for its autocomplete (prefix matching): 43 s for 'bat' on 10,000 products.
    """
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks

    compiler_class = (
        backend.autocomplete_query_compiler_class if autocomplete else backend.query_compiler_class
    )
    compiler = compiler_class(model.objects.live(), text_query, order_by_relevance=True)
    config = compiler.get_config(backend)
    search_query = compiler.build_search_query(normalize(compiler.query), config=config)
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    rows = (
        SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
        )
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
        .annotate(score=rank)
        .order_by("score", "-index_entry__object_id")
        .values_list("index_entry__object_id", flat=True)
    )
    return [int(object_id) for object_id in (rows[:limit] if limit else rows)]


# One row per matching product: what every filter, facet and sort reads, and nothing else.
ROW_FIELDS = (
    "pk",
    "category__slug",
    "category__parent__slug",
    "vendor__region__slug",
    "vendor__sentra__slug",
    "availability",
    "vendor__slug",
    "vendor__export_ready",
    "price",
    "first_published_at",
    "vendor_id",
)
(
    PK,
    CATEGORY,
    PARENT_CATEGORY,
    REGION,
    SENTRA,
    AVAILABILITY,
    VENDOR,
    EXPORT_READY,
    PRICE,
    PUBLISHED,
    VENDOR_ID,
) = range(len(ROW_FIELDS))
# Up to this many matching products, the pair queries ask for those products' pairs by id;
# beyond, they read the whole (small, indexed) pair tables, which costs less than the
# parameters or a subquery re-checking every product's visibility (measured on 10,000).
PAIR_ID_LIST = 1_000


def fetch(queryset):
    """The queryset's rows as the database driver returns them.

    Skips Django's per-value converters (on SQLite, every boolean and datetime is converted in
    Python: about 15 ms per 10,000 rows). The raw values test and compare as the database
    does: booleans are 0/1 or True/False, and SQLite's datetimes are the text it sorts.
    """
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. no ranked ids: Django asks the database nothing either
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def without_empty(counts):
    """{value: n} without the products that have no value (NULL or empty)."""
    return {value: n for value, n in counts.items() if value}


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the block (back on after, if it was on).

    A search builds tens of thousands of tuples and sets that live until it ends and are
    freed by reference counting: none is cyclic garbage. Left on, the collector kept promoting
    them and then walking the whole (Wagtail-sized) heap: p95 twice the p50 on 10,000
    products. Process-wide, so with threads another thread's block may run with it on, which
    only costs time; it is never left off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class CatalogRows:
    """The matching products as plain tuples (ROW_FIELDS) plus, per product, the slugs of its
    materials, certificates and live exhibitions: filters, sorts and facet counts in Python.

    Facets are disjunctive: facet F counts the products that pass every active filter but
    F's own (selecting a second region must not hide the first). So each product is sorted
    by the filters it fails: none (a result, counted in every facet), exactly one F (counted
    in facet F only) or more (counted nowhere).

    The rules are those of the ORM filters and aggregates this replaced (one aggregate per
    facet, 18 queries of up to 2.5 s on 10,000 products): a category filter takes its
    subcategories and an unknown category is ignored; a product without a price is outside
    any price range; a material, certificate or exhibition filter means "has it".
    """

    def __init__(self, queryset):
        """Five queries at most: the rows, then (when there are any) the material, own
        certificate, IKM certificate and live exhibition pairs of those products."""
        self.rows = fetch(queryset.values_list(*ROW_FIELDS))
        self.materials, self.certificates, self.exhibitions = {}, {}, {}
        if self.rows:
            self._load_pairs()
        self.passing, self.failing_only = self.rows, {}

    def _load_pairs(self):
        pks = [row[PK] for row in self.rows]
        few = len(pks) <= PAIR_ID_LIST

        def pairs(queryset, id_field, slug_field, ids):
            """{id: set of slugs}, narrowed to `ids` when they are few."""
            if few:
                queryset = queryset.filter(**{f"{id_field}__in": ids})
            grouped = {}
            for pk, slug in fetch(queryset.order_by().values_list(id_field, slug_field)):
                grouped.setdefault(pk, set()).add(slug)
            return grouped

        material_pairs = ProductPage.materials.through.objects.all()
        self.materials = pairs(material_pairs, "productpage_id", "material__slug", pks)
        # A certificate counts when the product's own or its IKM's is verified and unexpired.
        own = ProductCertificate.objects.filter(valid_certificate_q())
        self.certificates = pairs(own, "page_id", "certificate_type__slug", pks)
        vendors = VendorCertificate.objects.filter(valid_certificate_q())
        vendor_ids = {row[VENDOR_ID] for row in self.rows}
        by_vendor = pairs(vendors, "page_id", "certificate_type__slug", vendor_ids)
        for row in self.rows:
            if row[VENDOR_ID] in by_vendor:
                slugs = self.certificates.setdefault(row[PK], set())
                slugs.update(by_vendor[row[VENDOR_ID]])
        self.exhibitions = pairs(exhibition_items(), "product_id", "page__slug", pks)

    def tests(self, query):
        """{filter name: predicate on a row} for the query's active filters."""
        tests = {}
        if query.category and query.category in taxonomy()["category_slugs"]:
            category = query.category
            tests["category"] = lambda r: category in (r[CATEGORY], r[PARENT_CATEGORY])
        for name, column in (
            ("region", REGION),
            ("sentra", SENTRA),
            ("availability", AVAILABILITY),
            ("vendor", VENDOR),
        ):
            if value := getattr(query, name):
                tests[name] = lambda r, column=column, value=value: r[column] == value
        for name, pairs in (
            ("material", self.materials),
            ("certificate", self.certificates),
            ("exhibition", self.exhibitions),
        ):
            if value := getattr(query, name):
                tests[name] = lambda r, pairs=pairs, value=value: value in pairs.get(r[PK], ())
        if query.export_ready:
            tests["export_ready"] = lambda r: r[EXPORT_READY]
        low, high = query.price_min, query.price_max
        if low is not None or high is not None:
            # Like SQL's comparisons, a product without a price is outside any price range.
            tests["price"] = lambda r: (
                r[PRICE] is not None
                and ((low is None or r[PRICE] >= low) and (high is None or r[PRICE] <= high))
            )
        return tests

    def filtered(self, query):
        """The rows passing every active filter, in the rows' order."""
        tests = self.tests(query)
        if not tests:
            self.passing, self.failing_only = self.rows, {}
            return self.passing
        self.passing, self.failing_only = [], {name: [] for name in tests}
        for row in self.rows:
            failed = [name for name, test in tests.items() if not test(row)]
            if not failed:
                self.passing.append(row)
            elif len(failed) == 1:
                self.failing_only[failed[0]].append(row)
        return self.passing

    @staticmethod
    def ordered(rows, sort):
        """`rows` by price (either way) or newest first, products without one last, ties to
        the highest id: the order SQL's `nulls_last` sort gave. Two stable sorts, since the
        raw datetimes (text on SQLite) cannot be negated."""
        rows = sorted(rows, key=lambda row: row[PK], reverse=True)
        if sort in ("price_asc", "price_desc"):
            column, reverse = PRICE, sort == "price_desc"
        elif sort == "newest":
            column, reverse = PUBLISHED, True
        else:
            raise ValueError(sort)
        if reverse:
            # Descending keeps equal keys in their order; False sorts the NULLs after.
            rows.sort(key=lambda row: (row[column] is not None, row[column] or 0), reverse=True)
        else:
            rows.sort(key=lambda row: (row[column] is None, row[column] or 0))
        return rows

    def base(self, name):
        """The rows facet `name` counts: those failing no active filter but its own."""
        failing = self.failing_only.get(name)
        return self.passing + failing if failing else self.passing

    def facet_counts(self, query):
        """Every facet's {value: product count} (after filtered() for the same `query`).

        Which keys appear is part of the contract: empty values are left out of region,
        sentra, material and availability; a category counts for its parent too; every
        certificate type is there, at 0 if need be; price bands are PRICE_BANDS (low
        included, high not); the vendors are the top MAX_VENDOR_FACET by count then slug,
        plus the selected one.
        """
        facets = {}
        rows = self.base("category")
        categories = Counter(map(itemgetter(CATEGORY), rows))
        categories.update(without_empty(Counter(map(itemgetter(PARENT_CATEGORY), rows))))
        facets["category"] = dict(categories)
        for name, column in (
            ("region", REGION),
            ("sentra", SENTRA),
            ("availability", AVAILABILITY),
        ):
            facets[name] = without_empty(Counter(map(itemgetter(column), self.base(name))))
        facets["material"] = without_empty(self.pair_counts(self.base("material"), self.materials))
        vendors = Counter(map(itemgetter(VENDOR), self.base("vendor")))
        top = sorted(vendors.items(), key=lambda item: (-item[1], item[0]))[:MAX_VENDOR_FACET]
        facets["vendor"] = {slug: n for slug, n in top if slug}
        if query.vendor and query.vendor not in facets["vendor"]:
            facets["vendor"][query.vendor] = vendors.get(query.vendor, 0)
        facets["certificate"] = dict.fromkeys(taxonomy()["certificate"], 0)
        facets["certificate"].update(self.pair_counts(self.base("certificate"), self.certificates))
        prices = sorted(p for p in map(itemgetter(PRICE), self.base("price")) if p is not None)
        facets["price"] = {
            key: (bisect_left(prices, high) if high is not None else len(prices))
            - bisect_left(prices, low)
            for key, low, high in PRICE_BANDS
        }
        export_ready = map(itemgetter(EXPORT_READY), self.base("export_ready"))
        facets["export_ready"] = {"1": sum(map(bool, export_ready))}
        facets["exhibition"] = self.pair_counts(self.base("exhibition"), self.exhibitions)
        return facets

    @staticmethod
    def pair_counts(rows, pairs):
        """{slug: number of `rows` whose product has it} for a product's set of slugs."""
        slugs = map(pairs.get, map(itemgetter(PK), rows), repeat(()))
        return dict(Counter(chain.from_iterable(slugs)))


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, backend_name="default"):
        self.backend_name = backend_name

    # -- building blocks -------------------------------------------------------------------

    def base_queryset(self):
        return ProductPage.visible()

    def ranked_ids(self, expansions):
        """Ids of the live products matching the words, best first; None when no words."""
        text_query = build_text_query(expansions)
        if text_query is None:
            return None
        backend = get_search_backend(self.backend_name)
        if connection.vendor == "sqlite" and hasattr(backend, "query_compiler_class"):
            return sqlite_ranked_ids(backend, text_query)[:MAX_ID_LIST]
        results = backend.search(text_query, ProductPage.objects.live(), order_by_relevance=True)
        return list(results.get_queryset().values_list("pk", flat=True)[:MAX_ID_LIST])

    def matching(self, ranked):
        """Live, public products, narrowed to the ranked ids when there are words."""
        queryset = self.base_queryset()
        return queryset if ranked is None else queryset.filter(pk__in=ranked)

    # -- the contract ----------------------------------------------------------------------

    def search(self, query, expansions):
        """Ranked ids from the full-text index, then one pass over the matching products.

        A fixed handful of queries whatever the catalog's size: the ranking, one row per
        matching product (CatalogRows), and its materials, certificates and live exhibitions
        as pairs. Filtering, ordering, paging and every facet count are then done in Python
        over those rows; 18 aggregate queries, each over every matching product, took up to
        2.5 s on 10,000 products.
        """
        ranked = self.ranked_ids(expansions)
        with collector_paused():  # the rows are freed inside, in answer()'s frame
            ids, total, facets = self.answer(query, ranked)
        return EngineResult(ids=ids, total=total, facets=facets, engine=self.name)

    def answer(self, query, ranked):
        """(page of ids, total, facets) for `query` over the ranked ids (None: no words)."""
        sort = query.effective_sort
        matched = self.matching(ranked)
        if sort == "relevance" and ranked is None:
            # Text without a searchable word: the queryset's own order (the page tree's).
            rows = CatalogRows(matched)
        else:
            rows = CatalogRows(matched.order_by())
        passing = rows.filtered(query)
        if sort != "relevance":
            ordered_ids = [row[PK] for row in rows.ordered(passing, sort)]
        elif ranked is None:
            ordered_ids = [row[PK] for row in passing]
        else:
            allowed = {row[PK] for row in passing}
            ordered_ids = [pk for pk in ranked if pk in allowed]
        start = (query.page - 1) * query.page_size
        stop = start + query.page_size
        return ordered_ids[start:stop], len(ordered_ids), rows.facet_counts(query)

    def autocomplete(self, text, limit=6):
        backend = get_search_backend(self.backend_name)
        vendor_pages = VendorPage.objects.live().public().select_related("region")
        if connection.vendor == "sqlite" and hasattr(backend, "autocomplete_query_compiler_class"):
            ranked = sqlite_ranked_ids(backend, text, autocomplete=True, limit=limit * 5)
            vendor_ids = sqlite_ranked_ids(
                backend, text, model=VendorPage, autocomplete=True, limit=limit * 5
            )
            found = vendor_pages.in_bulk(vendor_ids)
            vendors = [found[pk] for pk in vendor_ids if pk in found][:limit]
        else:
            # Wagtail's backend filters only on indexed fields: narrow to visible products after.
            matched = backend.autocomplete(
                text, ProductPage.objects.live(), order_by_relevance=True
            )
            ranked = list(matched.get_queryset().values_list("pk", flat=True)[: limit * 5])
            vendors = list(backend.autocomplete(text, vendor_pages)[:limit])
        visible = ProductPage.visible().select_related("vendor").in_bulk(ranked)
        products = [visible[pk] for pk in ranked if pk in visible][:limit]
        return {
            "products": [
                {
                    "title": translated_value(p, "title"),
                    "url": p.url,
                    "vendor": translated_value(p.vendor, "title") if p.vendor else "",
                }
                for p in products
            ],
            **vendor_and_category_suggestions(vendors, text, limit),
        }


def vendor_and_category_suggestions(vendors, text, limit):
    """The IKM and category part of an autocomplete answer, in the reader's language (both
    engines answer it from the database)."""
    categories = Category.objects.filter(Q(name__icontains=text) | Q(name_en__icontains=text))
    return {
        "vendors": [
            {"title": translated_value(v, "title"), "url": v.url, "region": v.region.name}
            for v in vendors
        ],
        "categories": [
            {"title": translated_value(c, "name"), "slug": c.slug} for c in categories[:limit]
        ],
    }
