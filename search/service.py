"""The catalog search service: a CatalogQuery in, a SearchResult out.

Views never talk to an engine or name a model list; they call `search_catalog`. The engine is
the database one unless ELASTICSEARCH_URL is set; when Elasticsearch cannot answer in time the
database engine answers instead and a warning is logged, so search never breaks the site.
"""

import dataclasses
import difflib
import hashlib
import itertools
import logging
import re
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from catalog.cards import EAGER_CARDS, cached_cards
from catalog.models import (
    ProductPage,
    VendorPage,
)
from catalog.money import format_rupiah
from catalog.pagination import paginate
from catalog.translation import ENGLISH, current_language, translated

from .breaker import reset_search_breaker, search_breaker
from .engines.base import PRICE_BANDS, EngineUnavailable
from .engines.database import DatabaseEngine, build_text_query
from .models import SynonymSet
from .query import CatalogQuery
from .results import ActiveFilter, Facet, FacetOption, SearchResult
from .synonyms import expand, tokenize
from .taxonomy import category_label, label_for, taxonomy
from .vocabulary import corrected, vocabulary

logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _engine_for(url, index_name):
    if url:
        from .engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(url, index_name=index_name)
    return DatabaseEngine()


def get_engine():
    return _engine_for(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_NAME)


def reset_engine_cache():
    _engine_for.cache_clear()
    reset_search_breaker()


def run_engine(method, *args):
    """Call the configured engine; fall back to the database engine when it is unavailable,
    and go to the database engine at once while the circuit breaker is open (breaker.py)."""
    engine = get_engine()
    if isinstance(engine, DatabaseEngine):
        return getattr(engine, method)(*args)
    breaker = search_breaker()
    if not breaker.allow():
        return getattr(DatabaseEngine(), method)(*args)
    try:
        result = getattr(engine, method)(*args)
    except EngineUnavailable as error:
        breaker.record_failure()
        logger.warning("Search engine %s unavailable, using the database: %s", engine.name, error)
        return getattr(DatabaseEngine(), method)(*args)
    except Exception:
        breaker.record_failure()  # a probe must never leave the breaker half open
        raise
    breaker.record_success()
    return result


class Linker:
    """Builds the URL of a query: /cari/?... or a catalog (category) page's own URL."""

    def __init__(self, base_url, category_url=None):
        self.base_url = base_url
        self.category_url = category_url

    def url(self, query, **changes):
        changes.setdefault("page", 1)
        params = query.to_params(**changes)
        path = self.base_url
        if self.category_url is not None:
            slug = params.pop("kategori", "")
            if slug:
                path = self.category_url(slug)
        return path + ("?" + urlencode(params) if params else "")


def with_exhibition_slug(query):
    """`?pameran=` takes a live exhibition's slug or its page id; engines filter on the slug.
    An unknown exhibition is ignored, like an unknown category."""
    if not query.exhibition:
        return query
    labels = taxonomy()
    slug = labels["exhibition_ids"].get(query.exhibition, query.exhibition)
    return replace(query, exhibition=slug if slug in labels["exhibition"] else "")


def cached_search(query, expansions):
    """The engine's answer to `query`, kept SEARCH_RESULT_CACHE_SECONDS in the cache.

    On 10,000 products the database engine still reads a row per matching product to count
    the facets (tens of milliseconds for a listing of them all), and the answer only changes
    when the catalog does. The key includes the page cache's generation, which every publish,
    unpublish, move and snippet change bumps (pagecache/purge.py), so a cached answer never
    outlives the content it counted.
    """
    seconds = settings.SEARCH_RESULT_CACHE_SECONDS
    if not seconds:
        return run_engine("search", query, expansions)
    from pagecache.middleware import page_cache
    from pagecache.purge import current_generation

    store = page_cache()
    fingerprint = repr(
        (dataclasses.replace(query, extra={}), expansions, get_engine().name, get_language())
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    generation = current_generation(store)
    if generation is None:  # the cache is down: answer uncached
        return run_engine("search", query, expansions)
    key = f"search:result:{generation}:{digest}"
    raw = store.get(key)
    if raw is None:
        raw = run_engine("search", query, expansions)
        store.set(key, raw, seconds)
    return raw


def search_catalog(query, linker):
    """Run `query` and return a SearchResult ready for the templates."""
    query = with_exhibition_slug(query)
    correction = ""
    if query.text and not query.exact and isinstance(get_engine(), DatabaseEngine):
        # Unknown words are searched as the closest known ones (search/vocabulary.py).
        correction = corrected(query.text)
    text = correction or query.text
    expansions = expand(text, SynonymSet.all_sets()) if text else []
    raw = cached_search(query, expansions)
    num_pages = max(1, -(-raw.total // query.page_size))
    if query.page > num_pages:
        query = query.with_page(num_pages)
        raw = cached_search(query, expansions)
    # Without words a card is the same on every listing: cached cards need no product loaded.
    card_kind = "" if expansions else "listing"
    cards = cached_cards(raw.ids, card_kind, eager_count=EAGER_CARDS)
    loaded = load_products([pk for pk in raw.ids if pk not in cards])
    if current_language() == ENGLISH:
        # The engine's fragments are of the Indonesian summary; English readers get the
        # English one where the IKM wrote it.
        highlights = {p.pk: card_snippet(p, expansions) for p in loaded}
    else:
        highlights = raw.highlights or {
            p.pk: highlight(p.summary or p.listing_summary or p.title, expansions) for p in loaded
        }
    by_id = {**cards, **{p.pk: p for p in loaded}}
    products = [by_id[pk] for pk in raw.ids if pk in by_id]
    suggestion = raw.suggestion
    if not suggestion and query.text and raw.total == 0:
        suggestion = suggest(text)
    offset = (query.page - 1) * query.page_size
    first_partial = None if raw.full_total is None else max(0, raw.full_total - offset)
    return SearchResult(
        query=query,
        products=products,
        total=raw.total,
        page=query.page,
        num_pages=num_pages,
        facets=build_facets(raw.facets, query, linker),
        active_filters=active_filters(query, linker),
        highlights=highlights,
        suggestion=suggestion if suggestion != text else "",
        corrected=correction,
        exact_url=linker.url(query, exact=True) if correction else "",
        partial_ids=set(raw.ids[first_partial:]) if first_partial is not None else set(),
        engine=raw.engine,
        card_kind=card_kind,
        eager_cards=EAGER_CARDS,
    )


def load_products(ids):
    by_id = {p.pk: p for p in ProductPage.listing(ProductPage.objects.filter(pk__in=ids))}
    return [by_id[pk] for pk in ids if pk in by_id]


def highlight(text, expansions, width=180):
    """An escaped snippet of `text` around the first match, matches wrapped in <mark>."""
    text = " ".join((text or "").split())
    terms = sorted({t for group in expansions for t in group}, key=len, reverse=True)
    if not terms:
        return escape(text[:width])
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")",
        re.IGNORECASE,
    )
    first = pattern.search(text)
    start = max(0, first.start() - width // 3) if first else 0
    snippet = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    parts, last = [], 0
    for match in pattern.finditer(snippet):
        parts.append(escape(snippet[last : match.start()]))
        parts.append("<mark>" + escape(match.group(0)) + "</mark>")
        last = match.end()
    parts.append(escape(snippet[last:]))
    # Every part was escaped above; the <mark> tags are the only markup.
    html = prefix + "".join(parts) + suffix
    return mark_safe(html)  # noqa: S308  # nosec B308 B703


class LangSnippet(str):
    """A highlighted snippet (already escaped) that knows its language, for `lang=`."""

    lang = ""

    def __html__(self):
        return str(self)


def card_snippet(product, expansions):
    """The highlighted summary for a card in the reader's language; lang "id" on fallback."""
    for field in ("summary", "listing_summary", "title"):
        text = translated(product, field)
        if text.value:
            snippet = LangSnippet(highlight(text.value, expansions))
            snippet.lang = text.language if text.fallback else ""
            return snippet
    return ""


def suggest(text):
    """'Did you mean': each unknown word replaced by its closest catalog word (looser than
    the correction the database engines apply; shown when a search finds nothing)."""
    words = vocabulary()
    changed, result = False, []
    for token in tokenize(text):
        if token.isdigit() or words.is_known(token):
            result.append(token)
            continue
        close = difflib.get_close_matches(token, words.targets, n=1, cutoff=0.75)
        result.append(close[0] if close else token)
        changed = changed or bool(close)
    return " ".join(result) if changed else ""


def price_band_label(key):
    low, _sep, high = key.partition("-")
    if not high:
        return _("di atas %(low)s") % {"low": format_rupiah(int(low))}
    if int(low) == 0:
        return _("di bawah %(high)s") % {"high": format_rupiah(int(high))}
    return f"{format_rupiah(int(low))} – {format_rupiah(int(high))}"


def build_facets(counts, query, linker):
    labels = taxonomy()
    facets = []

    category_counts = counts.get("category", {})
    options = []
    for category in labels["categories"]:
        if category["parent_id"]:
            continue
        children = [
            FacetOption(
                value=child["slug"],
                label=category_label(child)[0],
                lang=category_label(child)[1],
                count=category_counts.get(child["slug"], 0),
                selected=query.category == child["slug"],
                url=linker.url(query, category=child["slug"]),
            )
            for child in labels["categories"]
            if child["parent_id"] == category["id"]
        ]
        label, lang = category_label(category)
        options.append(
            FacetOption(
                value=category["slug"],
                label=label,
                lang=lang,
                count=category_counts.get(category["slug"], 0),
                selected=query.category == category["slug"],
                url=linker.url(query, category=category["slug"]),
                children=[c for c in children if c.count or c.selected],
            )
        )
    facets.append(Facet("category", _("Kategori"), options))

    for name, label in (
        ("region", _("Wilayah")),
        ("sentra", _("Sentra")),
        ("material", _("Bahan")),
        ("certificate", _("Sertifikat")),
    ):
        values = counts.get(name, {})
        named = [
            (slug, *label_for(labels, name, slug, title)) for slug, title in labels[name].items()
        ]
        options = [
            FacetOption(
                value=slug,
                label=title,
                lang=lang,
                count=values.get(slug, 0),
                selected=getattr(query, name) == slug,
                url=linker.url(query, **{name: "" if getattr(query, name) == slug else slug}),
            )
            for slug, title, lang in sorted(named, key=lambda item: item[1])
            if values.get(slug, 0) or getattr(query, name) == slug
        ]
        facets.append(Facet(name, label, options))

    availability_labels = dict(ProductPage.Availability.choices)
    values = counts.get("availability", {})
    facets.append(
        Facet(
            "availability",
            _("Ketersediaan"),
            [
                FacetOption(
                    value=code,
                    label=str(availability_labels[code]),
                    count=values.get(code, 0),
                    selected=query.availability == code,
                    url=linker.url(query, availability="" if query.availability == code else code),
                )
                for code in availability_labels
                if values.get(code, 0) or query.availability == code
            ],
        )
    )

    values = counts.get("price", {})
    options = []
    for key, low, high in PRICE_BANDS:
        selected = query.price_min == low and query.price_max == (high - 1 if high else None)
        options.append(
            FacetOption(
                value=key,
                label=price_band_label(key),
                count=values.get(key, 0),
                selected=selected,
                url=linker.url(query, price_min=None, price_max=None)
                if selected
                else linker.url(query, price_min=low, price_max=high - 1 if high else None),
            )
        )
    facets.append(Facet("price", _("Harga"), [o for o in options if o.count or o.selected]))

    vendor_counts = counts.get("vendor", {})
    names = dict(
        VendorPage.objects.filter(slug__in=list(vendor_counts)).values_list("slug", "title")
    )
    facets.append(
        Facet(
            "vendor",
            _("IKM"),
            [
                FacetOption(
                    value=slug,
                    label=names.get(slug, slug),
                    count=count,
                    selected=query.vendor == slug,
                    url=linker.url(query, vendor="" if query.vendor == slug else slug),
                )
                for slug, count in sorted(vendor_counts.items(), key=lambda i: (-i[1], i[0]))
                if slug in names
            ],
        )
    )
    exhibition_counts = counts.get("exhibition", {})
    facets.append(
        Facet(
            "exhibition",
            _("Pameran"),
            [
                FacetOption(
                    value=slug,
                    label=label,
                    lang=lang,
                    count=exhibition_counts.get(slug, 0),
                    selected=query.exhibition == slug,
                    url=linker.url(query, exhibition="" if query.exhibition == slug else slug),
                )
                for slug, title in labels["exhibition"].items()
                for label, lang in [label_for(labels, "exhibition", slug, title)]
                if exhibition_counts.get(slug, 0) or query.exhibition == slug
            ],
        )
    )
    export_count = counts.get("export_ready", {}).get("1", 0)
    facets.append(
        Facet(
            "export_ready",
            _("Ekspor"),
            [
                FacetOption(
                    value="1",
                    label=_("IKM siap ekspor"),
                    count=export_count,
                    selected=query.export_ready,
                    url=linker.url(query, export_ready=not query.export_ready),
                )
            ]
            if export_count or query.export_ready
            else [],
        )
    )
    return facets


def active_filters(query, linker, vendor_names=None):
    """The chips a buyer can remove one by one."""
    labels = taxonomy()
    category_names = {c["slug"]: category_label(c)[0] for c in labels["categories"]}
    chips = []
    for name in query.active_filters:
        value = getattr(query, name, None)
        if name == "category":
            label = category_names.get(value, value)
        elif name in ("region", "sentra", "material", "certificate", "exhibition"):
            label = label_for(labels, name, value, labels[name].get(value, value))[0]
        elif name == "vendor":
            label = (vendor_names or {}).get(value) or next(
                iter(VendorPage.objects.filter(slug=value).values_list("title", flat=True)), value
            )
        elif name == "availability":
            label = str(dict(ProductPage.Availability.choices).get(query.availability, ""))
        elif name == "export_ready":
            label = _("IKM siap ekspor")
        else:
            low = format_rupiah(query.price_min) if query.price_min is not None else "…"
            high = format_rupiah(query.price_max) if query.price_max is not None else "…"
            label = f"{low} – {high}"
        removed = query.without(name)
        chips.append(ActiveFilter(name=name, label=label, remove_url=linker.url(removed)))
    return chips


def search_vendors(text="", region="", page=1, page_size=24):
    """The IKM directory: live IKM, optionally matching words and a region, as cards.

    IKM are few (hundreds), so both engines answer this from the database; the words go through
    Wagtail's database search with the same synonym expansion as products.
    """
    queryset = VendorPage.objects.live().public()
    if text:
        text_query = build_text_query(expand(text, SynonymSet.all_sets()))
        if text_query is not None:
            matched = get_search_backend().search(
                text_query, VendorPage.objects.live(), order_by_relevance=False
            )
            queryset = queryset.filter(pk__in=matched.get_queryset().values("pk"))
    if region:
        queryset = queryset.filter(region__slug=region)
    return paginate(VendorPage.listing(queryset), page_size, page)


MAX_AUTOCOMPLETE_ALTERNATIVES = 4


def synonym_alternatives(text):
    """Other ways to write `text` with the curators' synonym sets ("rattan" -> "rotan"), a
    few at most, without `text` itself."""
    groups = expand(text, SynonymSet.all_sets())
    if all(len(group) == 1 for group in groups):
        return []
    combinations = itertools.islice(itertools.product(*groups), MAX_AUTOCOMPLETE_ALTERNATIVES + 1)
    spelled = (" ".join(words) for words in combinations)
    return [t for t in spelled if t != text][:MAX_AUTOCOMPLETE_ALTERNATIVES]


def autocomplete(text, limit=6):
    text = " ".join(tokenize(text))[:60]
    if len(text) < 2:
        return {"products": [], "vendors": [], "categories": []}
    return run_engine("autocomplete", text, limit, synonym_alternatives(text))


__all__ = ["CatalogQuery", "Linker", "autocomplete", "get_engine", "search_catalog"]
