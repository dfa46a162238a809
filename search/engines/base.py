"""The contract every catalog search engine keeps (see tests/search/test_contract.py)."""

from ..query import FILTERS

PRICE_BANDS = (
    ("0-50000", 0, 50_000),
    ("50000-200000", 50_000, 200_000),
    ("200000-1000000", 200_000, 1_000_000),
    ("1000000-", 1_000_000, None),
)
# Every filter of a CatalogQuery has a facet of the same name.
FACET_NAMES = FILTERS


class EngineUnavailable(Exception):
    """The engine cannot answer now (down, slow, misconfigured); the service falls back."""


class SearchEngine:
    name = "base"

    def search(self, query, expansions):
        """Return an EngineResult for `query`.

        `expansions` is the synonym expansion of query.text: a list of groups, each a list of
        alternative phrases, where every group must match (AND) and any alternative within a
        group may (OR).
        """
        raise NotImplementedError

    def autocomplete(self, text, limit=6, alternatives=()):
        """Return {"products": [...], "vendors": [...], "categories": [...]} of dicts for the
        words `text` or any of its `alternatives` (other spellings from the synonym sets)."""
        raise NotImplementedError

    def vocabulary_suggestion(self, text):
        return ""
