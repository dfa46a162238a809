"""The catalog query: what a buyer asked for, read from a query string and made safe."""

import re
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from catalog.rupiah import parse_rupiah

MAX_QUERY_LENGTH = 120
MAX_PAGE = 1000
SORTS = ("relevance", "newest", "price_asc", "price_desc")
AVAILABILITY = ("ready", "preorder", "made_to_order")
_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

SORT_OPTIONS = [
    ("relevance", _("Paling relevan")),
    ("newest", _("Terbaru")),
    ("price_asc", _("Harga terendah")),
    ("price_desc", _("Harga tertinggi")),
]

# Query-string names, Indonesian like the rest of the site's URLs.
PARAMS = {
    "text": "q",
    "category": "kategori",
    "region": "wilayah",
    "sentra": "sentra",
    "material": "bahan",
    "certificate": "sertifikat",
    "availability": "ketersediaan",
    "price_min": "harga_min",
    "price_max": "harga_max",
    "vendor": "ikm",
    "export_ready": "ekspor",
    "exhibition": "pameran",
    "exact": "persis",
    "sort": "urut",
    "page": "halaman",
}
FILTERS = (
    "category",
    "region",
    "sentra",
    "material",
    "certificate",
    "availability",
    "vendor",
    "export_ready",
    "price",
    "exhibition",
)


def clean_text(value):
    """Trim, drop control characters, collapse spaces, cut to MAX_QUERY_LENGTH."""
    value = _CONTROL.sub(" ", value or "")
    return " ".join(value.split())[:MAX_QUERY_LENGTH].strip()


def _slug(value):
    value = (value or "").strip().lower()
    return value if _SLUG.match(value) else ""


def _amount(value):
    """Whole rupiah as buyers type it ("1.750.000", "Rp 1.750.000,00", "1750000"); anything
    else is dropped."""
    try:
        amount = parse_rupiah((value or "")[:40])
    except ValueError:
        return None
    if amount is None or amount >= 10**13:
        return None
    return amount


@dataclass(frozen=True)
class CatalogQuery:
    """A search or listing request. Unknown or malformed values are dropped, never raised."""

    text: str = ""
    category: str = ""
    region: str = ""
    sentra: str = ""
    material: str = ""
    certificate: str = ""
    availability: str = ""
    price_min: int | None = None
    price_max: int | None = None
    vendor: str = ""
    export_ready: bool = False
    exhibition: str = ""  # an exhibition's slug (or its page id, turned into the slug)
    exact: bool = False  # the words as typed: no correction of unknown words
    sort: str = "relevance"
    page: int = 1
    page_size: int = 24
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_params(cls, params, **overrides):
        """Build a query from a QueryDict or dict; `overrides` win (e.g. a category page)."""

        def get(name):
            value = params.get(PARAMS[name], "")
            return value if isinstance(value, str) else ""

        availability = get("availability").strip()
        sort = get("sort").strip()
        page_raw = get("page").strip()
        page = (
            int(page_raw) if page_raw.isascii() and page_raw.isdigit() and len(page_raw) <= 6 else 1
        )
        page = max(page, 1)
        price_min, price_max = _amount(get("price_min")), _amount(get("price_max"))
        if price_min is not None and price_max is not None and price_min > price_max:
            price_min, price_max = price_max, price_min
        values = {
            "text": clean_text(get("text")),
            "category": _slug(get("category")),
            "region": _slug(get("region")),
            "sentra": _slug(get("sentra")),
            "material": _slug(get("material")),
            "certificate": _slug(get("certificate")),
            "availability": availability if availability in AVAILABILITY else "",
            "price_min": price_min,
            "price_max": price_max,
            "vendor": _slug(get("vendor")),
            "export_ready": get("export_ready").strip() in {"1", "ya", "true", "on"},
            "exhibition": _slug(get("exhibition")),
            "exact": get("exact").strip() in {"1", "ya", "true", "on"},
            "sort": sort if sort in SORTS else "relevance",
            "page": min(page, MAX_PAGE),
        }
        values.update(overrides)
        return cls(**values)

    def without(self, *names):
        """The same query with some filters removed (for facet counts and chips)."""
        changes = {}
        for name in names:
            if name == "price":
                changes.update(price_min=None, price_max=None)
            elif name == "export_ready":
                changes["export_ready"] = False
            else:
                changes[name] = ""
        return replace(self, page=1, **changes)

    def with_page(self, page):
        return replace(self, page=page)

    @property
    def effective_sort(self):
        """Relevance needs text; without it the newest products come first."""
        if self.sort == "relevance" and not self.text:
            return "newest"
        return self.sort

    @property
    def active_filters(self):
        names = [
            name
            for name in FILTERS
            if (name == "price" and (self.price_min is not None or self.price_max is not None))
            or (name != "price" and getattr(self, name))
        ]
        return names

    def to_params(self, **changes):
        """A dict of query-string parameters for this query with `changes` applied."""
        query = replace(self, **changes) if changes else self
        params = {}
        for name, param in PARAMS.items():
            value = getattr(query, name)
            if name in ("export_ready", "exact"):
                if value:
                    params[param] = "1"
            elif name == "sort":
                if value != "relevance":
                    params[param] = value
            elif name == "page":
                if value and value > 1:
                    params[param] = str(value)
            elif value not in ("", None):
                params[param] = str(value)
        return params
