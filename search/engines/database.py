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
from django.db.models import FloatField, Func, Q
from django.utils import timezone
from modelsearch.query import And, Or, PlainText
from wagtail.search.backends import get_search_backend

from catalog.models import Category, ProductPage, VendorPage
from catalog.models.pages import ProductCertificate, VendorCertificate
from catalog.stemming import stem
from catalog.translation import translated_value

from ..hooks import membership_provider
from ..results import EngineResult
from ..summary import scope_of as summary_scope
from ..summary import summarised
from ..taxonomy import taxonomy
from .base import PRICE_BANDS, SearchEngine

MAX_VENDOR_FACET = 30
# More matches than this are cut (the least relevant) to stay within the database's bound on
# query parameters; a catalog query matching this many products needs more words anyway.
MAX_ID_LIST = 20_000


# Fewer full matches than this (all words) and the engine adds the products matching most of
# the words after them (relevance order only).
HANDFUL = 5
# SQLite's bm25 weight of Wagtail's title column against its body column (1).
TITLE_WEIGHT = 4.0


def stemming_applies():
    """Query words also match their stems on SQLite (catalog/stemming.py); PostgreSQL stems
    with its own `indonesian` configuration."""
    return connection.vendor == "sqlite"


def term_query(term, stemmed=False):
    """One alternative of a group: all its words (not a phrase: "batik tulis" still finds
    "Batik Cap Kombinasi Tulis", as the plain words do), each word or its stem."""
    parts = []
    for word in term.split():
        root = stem(word) if stemmed else word
        parts.append(PlainText(word) if root == word else Or([PlainText(word), PlainText(root)]))
    return parts[0] if len(parts) == 1 else And(parts)


def group_query(group, stemmed=False):
    alternatives = [term_query(term, stemmed) for term in group]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def build_text_query(expansions, stemmed=None):
    """Synonym groups as Wagtail's query objects: AND over groups, OR within a group."""
    stemmed = stemming_applies() if stemmed is None else stemmed
    parts = [group_query(group, stemmed) for group in expansions]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


class WeightedBM25(Func):
    """FTS5's bm25 with column weights: Wagtail's table is (autocomplete, body, title)."""

    output_field = FloatField()
    SEARCH = (0.0, 1.0, TITLE_WEIGHT)
    AUTOCOMPLETE = (1.0, 0.0, 0.0)

    def __init__(self, weights):
        super().__init__()
        self.weights = weights

    def as_sql(self, compiler, connection, **extra_context):
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        table = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
        weights = ", ".join(str(float(weight)) for weight in self.weights)
        return f"bm25({table}, {weights})", []


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
    The rank is FTS5's bm25 with the title column weighing TITLE_WEIGHT times the body.
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
    rows = (
        SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
        )
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
        .annotate(
            score=WeightedBM25(WeightedBM25.AUTOCOMPLETE if autocomplete else WeightedBM25.SEARCH)
        )
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
        memberships = membership_provider("exhibition").memberships()
        if memberships is not None:
            self.exhibitions = pairs(memberships, "product_id", "group_slug", pks)

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
        return self.ranked_for(build_text_query(expansions))

    def partial_ids(self, expansions, full):
        """Products matching most of the word groups but not all, best first: by how many
        groups they match, then by relevance (their rank for any of the groups)."""
        needed = (len(expansions) + 1) // 2
        stemmed = stemming_applies()
        any_group = self.ranked_for(Or([group_query(g, stemmed) for g in expansions]))
        candidates = [pk for pk in any_group if pk not in full]
        if needed <= 1 or not candidates:
            return candidates
        matched = Counter()
        for group in expansions:
            matched.update(self.ranked_for(group_query(group, stemmed)))
        position = {pk: index for index, pk in enumerate(candidates)}
        kept = [pk for pk in candidates if matched[pk] >= needed]
        return sorted(kept, key=lambda pk: (-matched[pk], position[pk]))

    def ranked_for(self, text_query):
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
        full = None
        if (
            ranked is not None
            and len(ranked) < HANDFUL
            and len(expansions) > 1
            and query.effective_sort == "relevance"
        ):
            # Few products have every word: add those having most of them, after these.
            full = set(ranked)
            ranked = ranked + self.partial_ids(expansions, full)[: MAX_ID_LIST - len(ranked)]
        with collector_paused():  # the rows are freed inside, in answer()'s frame
            ids, total, facets, full_total = self.answer(query, ranked, full)
        return EngineResult(
            ids=ids, total=total, facets=facets, engine=self.name, full_total=full_total
        )

    def answer(self, query, ranked, full=None):
        """(page of ids, total, facets, full matches) for `query` over the ranked ids (None:
        no words); `full` holds the ids matching every word when partial ones follow them."""
        sort = query.effective_sort
        matched = self.matching(ranked)
        scope = summary_scope(query, ranked)
        if scope is not None:
            return summarised(self, query, matched, scope)
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
        full_total = None if full is None else sum(1 for pk in ordered_ids if pk in full)
        start = (query.page - 1) * query.page_size
        stop = start + query.page_size
        return ordered_ids[start:stop], len(ordered_ids), rows.facet_counts(query), full_total

    def autocomplete(self, text, limit=6, alternatives=()):
        """Products and IKM whose titles have words starting with `text`'s, or with one of
        the `alternatives` (synonyms: "rattan" also suggests "Kursi Rotan")."""
        backend = get_search_backend(self.backend_name)
        vendor_pages = VendorPage.objects.live().public().select_related("region")
        texts = [text, *alternatives]
        if alternatives:
            text = Or([PlainText(t) for t in texts])
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
            **vendor_and_category_suggestions(vendors, texts, limit),
        }


def vendor_and_category_suggestions(vendors, texts, limit):
    """The IKM and category part of an autocomplete answer, in the reader's language (both
    engines answer it from the database); `texts` are the buyer's words and their synonyms."""
    matching = Q()
    for text in [texts] if isinstance(texts, str) else texts:
        matching |= Q(name__icontains=text) | Q(name_en__icontains=text)
    categories = Category.objects.filter(matching)
    return {
        "vendors": [
            {"title": translated_value(v, "title"), "url": v.url, "region": v.region.name}
            for v in vendors
        ],
        "categories": [
            {"title": translated_value(c, "name"), "slug": c.slug} for c in categories[:limit]
        ],
    }
