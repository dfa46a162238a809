"""What a search engine returns and what the service hands to templates."""

from dataclasses import dataclass, field


@dataclass
class EngineResult:
    """An engine's raw answer: product ids for the requested page, in order, and counts.

    `facets` maps a facet name to {value: count}, where value is a slug (category, region,
    sentra, material, certificate, vendor), an availability code, a price-band key or "1" for
    export-ready. Each facet's counts apply every active filter except its own.
    """

    ids: list
    total: int
    facets: dict = field(default_factory=dict)
    highlights: dict = field(default_factory=dict)
    suggestion: str = ""
    engine: str = ""
    # How many of the `total` products match every word, when products matching only most
    # of them follow (None: every product matches every word).
    full_total: int | None = None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""
    children: list = field(default_factory=list)
    lang: str = ""  # "id" when an English page shows the Indonesian name (no English one)


@dataclass
class Facet:
    name: str
    label: str
    options: list

    @property
    def has_options(self):
        return any(option.count for option in self.options)


@dataclass
class ActiveFilter:
    name: str
    label: str
    remove_url: str


@dataclass
class SearchResult:
    """A page of products with everything the listing and search templates show.

    The page's items are its product ids, in order (`ids`). `products` are the pages loaded
    for them: all of them, except those whose card the card cache holds (catalog/cards.py),
    which are not loaded at all; `cards` maps those ids to the cached card. The listing prints
    each id with {% result_card %} (search_tags), which takes the cached card or renders the
    loaded product's.
    """

    query: object
    ids: list
    products: list
    total: int
    page: int
    num_pages: int
    facets: list
    active_filters: list
    highlights: dict
    suggestion: str = ""
    # The words searched instead of the buyer's unknown ones, and the search of their own.
    corrected: str = ""
    exact_url: str = ""
    # The ids of the products matching most of the words but not all (shown after the
    # others), in order.
    partial_ids: list = field(default_factory=list)
    engine: str = ""
    promotions: list = field(default_factory=list)
    # The card cache's kind for these cards (catalog/cards.py); "" when they show the query's
    # highlighted words, which no other page shares.
    card_kind: str = "listing"
    # How many of the first cards load their photo eagerly (catalog/cards.EAGER_CARDS).
    eager_cards: int = 0
    # {product id: catalog.cards.CachedCard} of the products not loaded.
    cards: dict = field(default_factory=dict)

    @property
    def full_ids(self):
        return [pk for pk in self.ids if pk not in self.partial_ids]

    @property
    def full_products(self):
        return [p for p in self.products if p.pk not in self.partial_ids]

    @property
    def partial_products(self):
        return [p for p in self.products if p.pk in self.partial_ids]

    def product(self, pk):
        """The loaded page of product `pk` (None when its card came from the cache)."""
        return next((p for p in self.products if p.pk == pk), None)

    def drop(self, pks):
        """Leave the products `pks` out of this page (the search page's promoted products)."""
        self.ids = [pk for pk in self.ids if pk not in pks]
        self.products = [p for p in self.products if p.pk not in pks]
        self.partial_ids = [pk for pk in self.partial_ids if pk not in pks]

    # The same interface as Django's Page, so one pagination template serves every listing.
    @property
    def number(self):
        return self.page

    @property
    def paginator(self):
        return PaginatorInfo(num_pages=self.num_pages, count=self.total)

    @property
    def object_list(self):
        return self.ids

    def has_previous(self):
        return self.page > 1

    def has_next(self):
        return self.page < self.num_pages

    def previous_page_number(self):
        return self.page - 1

    def next_page_number(self):
        return self.page + 1

    def __iter__(self):
        return iter(self.ids)

    def __len__(self):
        return len(self.ids)


@dataclass(frozen=True)
class PaginatorInfo:
    num_pages: int
    count: int
