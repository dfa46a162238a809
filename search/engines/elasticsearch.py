"""The Elasticsearch engine: the same contract as the database engine, answered by one
search request against the products index (an alias; see search/indexing.py).

Filters go in `post_filter` so the hits honour every filter while each facet's aggregation
(a `filter` aggregation holding the other facets' filters) counts with every active filter
except its own, exactly like DatabaseEngine.facet_counts. Synonyms are expanded by our query
code (search/synonyms.py) before they get here, never by an analyzer.

Any transport error, timeout, refused connection, or a missing index raises EngineUnavailable
so that the service answers from the database engine instead.
"""

import logging

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elastic_transport import ApiError, TransportError
from modelsearch.query import Or, PlainText
from wagtail.search.backends import get_search_backend

from catalog.models import VendorPage
from catalog.translation import ENGLISH, current_language

from ..es_client import make_client
from ..results import EngineResult
from ..taxonomy import taxonomy
from ..vocabulary import is_known as known_word
from .base import PRICE_BANDS, EngineUnavailable, SearchEngine
from .database import vendor_and_category_suggestions

logger = logging.getLogger(__name__)

MAX_VENDOR_FACET = 30
MAX_FACET_VALUES = 1000
# Typo tolerance: one edit from 4 letters, two from 8 (as the database engines' correction),
# never on the first letter (topeng is not goreng), never on a word the catalog knows.
FUZZINESS = "AUTO:4,8"
FUZZY_PREFIX_LENGTH = 1
# An exact match of a word weighs this much more than a fuzzy one.
EXACT_BOOST = 10
# Weight tiers (catalog/models/search_text.py): title, then tags, category, materials and
# SKU, then the IKM, its places and the summary, then the description.
TEXT_FIELDS = (
    "title^4",
    "title_en^4",
    "tags^2",
    "category_names^2",
    "category_names_en^2",
    "material_names^2",
    "sku.text^2",
    "vendor_title",
    "place_names",
    "summary",
    "summary_en",
    "description^0.5",
    "description_en^0.5",
)
HIGHLIGHT_SIZE = 180
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
# Fewer full matches than this and the products matching most of the words follow them
# (the database engine's rule); each matched word group then scores PARTIAL_GROUP_SCORE, far
# above any relevance, so more matched groups always rank first.
HANDFUL = 5
PARTIAL_GROUP_SCORE = 1000

# The facet name -> the document field its terms aggregation counts.
TERMS_FACETS = {
    "category": "category_path",
    "region": "region",
    "sentra": "sentra",
    "material": "materials",
    "availability": "availability",
    "exhibition": "exhibitions",
}


def word_clause(word, fuzzy):
    """One word over the text fields; with `fuzzy`, typo-tolerant but always below an exact
    match of it."""
    exact = {"multi_match": {"query": word, "fields": list(TEXT_FIELDS)}}
    if not fuzzy:
        return exact
    exact["multi_match"]["boost"] = EXACT_BOOST
    fuzzy_match = {
        "multi_match": {
            "query": word,
            "fields": list(TEXT_FIELDS),
            "fuzziness": FUZZINESS,
            "prefix_length": FUZZY_PREFIX_LENGTH,
        }
    }
    return {"bool": {"should": [exact, fuzzy_match], "minimum_should_match": 1}}


def group_clause(group, known=None):
    """Any alternative of a synonym group. A multi-word alternative needs all its words, not
    the phrase ("batik tulis" still finds "Batik Cap Kombinasi Tulis"). A buyer's own word
    (a group of one) is typo-tolerant from 4 letters unless the catalog knows it (`known`);
    the terms of a curator's synonym set match exactly: fuzzy 'terasi' would find 'teras'."""
    fuzzy_group = len(group) == 1
    alternatives = []
    for term in group:
        words = term.split()
        clauses = [
            word_clause(
                word,
                fuzzy_group
                and len(word) >= 4
                and word.isalpha()
                and not (known is not None and known(word)),
            )
            for word in words
        ]
        alternatives.append(clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}})
    return {"bool": {"should": alternatives, "minimum_should_match": 1}}


def text_clause(expansions, known=None):
    """Synonym groups as a query: every group must match, any alternative within it may."""
    groups = [group_clause(group, known) for group in expansions]
    if not groups:
        return {"match_all": {}}
    return {"bool": {"must": groups}}


def partial_clause(expansions, known=None):
    """Most of the groups (at least half) must match; each matched group adds
    PARTIAL_GROUP_SCORE, relevance breaks the ties."""
    groups = [group_clause(group, known) for group in expansions]
    counted = [{"constant_score": {"filter": g, "boost": PARTIAL_GROUP_SCORE}} for g in groups]
    return {
        "bool": {
            "must": [{"bool": {"should": counted, "minimum_should_match": (len(groups) + 1) // 2}}],
            "should": groups,
        }
    }


def certificate_clause(slug, today):
    """Products with a verified certificate of this type valid today (own or their IKM's)."""
    return {"range": {f"certificate_until.{slug}": {"gte": today.isoformat()}}}


def filter_clauses(query, today, category_exists=True):
    """{filter name: clause} for the active filters of `query` (the database engine's rules)."""
    clauses = {}
    if query.category and category_exists:
        clauses["category"] = {"term": {"category_path": query.category}}
    if query.region:
        clauses["region"] = {"term": {"region": query.region}}
    if query.sentra:
        clauses["sentra"] = {"term": {"sentra": query.sentra}}
    if query.material:
        clauses["material"] = {"term": {"materials": query.material}}
    if query.certificate:
        clauses["certificate"] = certificate_clause(query.certificate, today)
    if query.availability:
        clauses["availability"] = {"term": {"availability": query.availability}}
    if query.vendor:
        clauses["vendor"] = {"term": {"vendor_slug": query.vendor}}
    if query.export_ready:
        clauses["export_ready"] = {"term": {"export_ready": True}}
    if query.exhibition:
        clauses["exhibition"] = {"term": {"exhibitions": query.exhibition}}
    if query.price_min is not None or query.price_max is not None:
        bounds = {}
        if query.price_min is not None:
            bounds["gte"] = query.price_min
        if query.price_max is not None:
            bounds["lte"] = query.price_max
        clauses["price"] = {"range": {"price": bounds}}
    return clauses


def combined(clauses, skip=None):
    selected = [clause for name, clause in clauses.items() if name != skip]
    if not selected:
        return {"match_all": {}}
    return {"bool": {"filter": selected}}


def sort_clause(sort):
    newest = {"first_published_at": {"order": "desc", "missing": "_last"}}
    tiebreak = {"id": {"order": "desc"}}
    if sort == "price_asc":
        return [{"price": {"order": "asc", "missing": "_last"}}, tiebreak]
    if sort == "price_desc":
        return [{"price": {"order": "desc", "missing": "_last"}}, tiebreak]
    if sort == "newest":
        return [newest, tiebreak]
    return ["_score", newest, tiebreak]


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, url, index_name, timeout=None):
        self.url = url
        self.index_name = index_name
        self.timeout = settings.SEARCH_TIMEOUT_SECONDS if timeout is None else timeout
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = make_client(self.url, self.timeout)
        return self._client

    def _call(self, method, **kwargs):
        try:
            return getattr(self.client, method)(**kwargs).body
        except (ApiError, TransportError) as error:
            raise EngineUnavailable(f"{type(error).__name__}: {error}") from error

    # -- the request -----------------------------------------------------------------------

    def build_request(
        self, query, expansions, certificate_slugs, category_exists=True, partial=False
    ):
        """The search request body for `query` (public for tests and debugging); with
        `partial`, products matching most of the word groups are found too (partial_clause)."""
        today = timezone.localdate()
        clauses = filter_clauses(query, today, category_exists=category_exists)
        sort = query.effective_sort
        aggs = {}
        for name, field in TERMS_FACETS.items():
            aggs[name] = {
                "filter": combined(clauses, skip=name),
                "aggs": {"values": {"terms": {"field": field, "size": MAX_FACET_VALUES}}},
            }
        vendor_aggs = {
            "values": {
                "terms": {
                    "field": "vendor_slug",
                    "size": MAX_VENDOR_FACET,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
        }
        if query.vendor:
            vendor_aggs["selected"] = {"filter": {"term": {"vendor_slug": query.vendor}}}
        aggs["vendor"] = {"filter": combined(clauses, skip="vendor"), "aggs": vendor_aggs}
        if certificate_slugs:
            aggs["certificate"] = {
                "filter": combined(clauses, skip="certificate"),
                "aggs": {
                    "values": {
                        "filters": {
                            "filters": {
                                slug: certificate_clause(slug, today) for slug in certificate_slugs
                            }
                        }
                    }
                },
            }
        ranges = []
        for key, low, high in PRICE_BANDS:
            bucket = {"key": key, "from": low}
            if high is not None:
                bucket["to"] = high
            ranges.append(bucket)
        aggs["price"] = {
            "filter": combined(clauses, skip="price"),
            "aggs": {"values": {"range": {"field": "price", "ranges": ranges}}},
        }
        aggs["export_ready"] = {
            "filter": combined(clauses, skip="export_ready"),
            "aggs": {"values": {"filter": {"term": {"export_ready": True}}}},
        }
        body = {
            "query": (partial_clause if partial else text_clause)(expansions, known_word),
            "post_filter": combined(clauses),
            "aggs": aggs,
            "sort": sort_clause(sort),
            "from": (query.page - 1) * query.page_size,
            "size": query.page_size,
            "track_total_hits": True,
            "_source": ["title", "summary"] if expansions else False,
        }
        if expansions:
            body["highlight"] = {
                "encoder": "html",
                "pre_tags": [MARK_OPEN],
                "post_tags": [MARK_CLOSE],
                "fields": {
                    "summary": {
                        "number_of_fragments": 1,
                        "fragment_size": HIGHLIGHT_SIZE,
                        "no_match_size": HIGHLIGHT_SIZE,
                    },
                    "title": {"number_of_fragments": 0},
                },
            }
        if query.text:
            body["suggest"] = {
                "text": query.text,
                "did_you_mean": {"term": {"field": "spell", "suggest_mode": "missing", "size": 1}},
            }
        return body

    # -- the contract ----------------------------------------------------------------------

    def search(self, query, expansions):
        certificate_slugs = list(taxonomy()["certificate"])
        # The database engine ignores a category slug that does not exist; so does this one.
        category_exists = query.category in taxonomy()["category_slugs"] if query.category else True
        body = self.build_request(query, expansions, certificate_slugs, category_exists)
        response = self._call("search", index=self.index_name, body=body)
        total = self.read_total(response)
        full_total = None
        if total < HANDFUL and len(expansions) > 1 and query.effective_sort == "relevance":
            # Few products have every word: ask again for those having most of them, which
            # rank after the full matches (every group they match scores the same).
            full_total = total
            body = self.build_request(
                query, expansions, certificate_slugs, category_exists, partial=True
            )
            response = self._call("search", index=self.index_name, body=body)
            total = self.read_total(response)
        hits = response["hits"]["hits"]
        ids = [int(hit["_id"]) for hit in hits]
        facets = self.read_facets(response.get("aggregations", {}), query, certificate_slugs)
        highlights = self.read_highlights(hits) if expansions else {}
        suggestion = self.read_suggestion(response) if total == 0 else ""
        return EngineResult(
            ids=ids,
            total=total,
            full_total=full_total,
            facets=facets,
            highlights=highlights,
            suggestion=suggestion,
            engine=self.name,
        )

    @staticmethod
    def read_total(response):
        total = response["hits"]["total"]
        return total["value"] if isinstance(total, dict) else int(total)

    @staticmethod
    def read_facets(aggregations, query, certificate_slugs):
        def buckets(name):
            return aggregations.get(name, {}).get("values", {}).get("buckets", [])

        facets = {}
        for name in TERMS_FACETS:
            facets[name] = {b["key"]: b["doc_count"] for b in buckets(name) if b["doc_count"]}
        facets["vendor"] = {b["key"]: b["doc_count"] for b in buckets("vendor") if b["doc_count"]}
        if query.vendor and query.vendor not in facets["vendor"]:
            selected = aggregations.get("vendor", {}).get("selected", {})
            facets["vendor"][query.vendor] = selected.get("doc_count", 0)
        certificate_buckets = buckets("certificate") if certificate_slugs else {}
        facets["certificate"] = {
            slug: certificate_buckets.get(slug, {}).get("doc_count", 0)
            for slug in certificate_slugs
        }
        price = {b["key"]: b["doc_count"] for b in buckets("price")}
        facets["price"] = {key: price.get(key, 0) for key, _low, _high in PRICE_BANDS}
        export = aggregations.get("export_ready", {}).get("values", {})
        facets["export_ready"] = {"1": export.get("doc_count", 0)}
        return facets

    @staticmethod
    def read_highlights(hits):
        """{id: snippet} for the card under the title: the summary fragment (with the matches
        marked when it has any), else the title's fragment, else the plain title.

        The highlighter's `html` encoder escapes the indexed text; the only markup in a
        fragment is our <mark> tags, so the snippet is safe to render."""
        highlights = {}
        for hit in hits:
            fragments = hit.get("highlight", {})
            summary = (fragments.get("summary") or [""])[0]
            title = (fragments.get("title") or [""])[0]
            if summary:
                snippet = summary
            elif title:
                snippet = title
            else:
                source = hit.get("_source") or {}
                snippet = str(escape(source.get("summary") or source.get("title") or ""))
            # The html encoder escaped the text; our <mark> tags are the only markup.
            marked = mark_safe(snippet)  # noqa: S308  # nosec B308 B703
            highlights[int(hit["_id"])] = marked
        return highlights

    @staticmethod
    def read_suggestion(response):
        """'Did you mean': each unknown word replaced by the term suggester's best option."""
        entries = response.get("suggest", {}).get("did_you_mean", [])
        words, changed = [], False
        for entry in entries:
            options = entry.get("options") or []
            if options:
                words.append(options[0]["text"])
                changed = True
            else:
                words.append(entry["text"])
        return " ".join(words) if changed else ""

    def autocomplete(self, text, limit=6, alternatives=()):
        """Products come from the index (word prefixes of the title, for the buyer's words
        or a synonym of them); IKM and categories come from the database through the ORM and
        Wagtail's search backend, as in the database engine (the index holds products only)."""
        texts = [text, *alternatives]
        should = []
        for words in texts:
            should.append(
                {
                    "multi_match": {
                        "query": words,
                        "type": "bool_prefix",
                        "operator": "and",
                        "fields": ["title.sayt", "title.sayt._2gram", "title.sayt._3gram"],
                    }
                }
            )
            should.append({"match": {"title.prefix": {"query": words, "operator": "and"}}})
        body = {
            "query": {"bool": {"should": should, "minimum_should_match": 1}},
            "size": limit,
            "_source": ["title", "title_en", "url", "vendor_title"],
        }
        response = self._call("search", index=self.index_name, body=body)
        products = [
            {
                "title": english_or(hit["_source"], "title"),
                "url": hit["_source"].get("url", ""),
                "vendor": hit["_source"].get("vendor_title", ""),
            }
            for hit in response["hits"]["hits"]
        ]
        backend = get_search_backend("default")
        words = Or([PlainText(t) for t in texts]) if alternatives else text
        vendor_pages = VendorPage.objects.live().public().select_related("region")
        vendors = list(backend.autocomplete(words, vendor_pages)[:limit])
        return {"products": products, **vendor_and_category_suggestions(vendors, texts, limit)}


def english_or(source, field):
    """A document's `<field>_en` for an English reader when it has one, else `<field>`."""
    if current_language() == ENGLISH and source.get(field + "_en"):
        return source[field + "_en"]
    return source.get(field, "")
