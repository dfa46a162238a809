"""What a product's search index entry holds besides its own fields, in weight tiers.

Buyers type a product's tags, category and subcategory, materials, IKM, sentra and region as
often as its title ("topeng kelana", "kerajinan kerang", "batik krakatoa"). The database
engine indexes ProductPage.search_fields; these properties bring the related names into it,
each tier with its boost (PostgreSQL turns the four boosts into the setweight classes A-D):

- A, TITLE_BOOST: title and title_en outrank everything else;
- B, TAXONOMY_BOOST: tags, category and subcategory names, materials (both languages), SKU;
- C, MAKER_BOOST: the IKM's name, its sentra and region, the summaries;
- D, TEXT_BOOST: the descriptions, and the stems (below).

modelsearch spreads the boosts of every indexed model over A-D between the largest and the
smallest: Wagtail's images and documents boost their titles by 10, so the four tiers are
10, 7, 4 and 1 (steps of a third of the range; tests/search/test_search_fields.py checks it).

SQLite's index has a title and a body column only: bm25 weighs the title column above the
body (search/engines/database.py), and inside the body the tier-B words are written twice so
they count more than a word of the description. Stems (catalog/stemming.py) are indexed on
SQLite only: PostgreSQL stems with its `indonesian` configuration.

Renaming a category, material, sentra, region or IKM changes these texts: search/indexing.py
reindexes the products that carry it.
"""

from django.db import connection
from django.utils.html import strip_tags

from catalog.stemming import stems_of

TITLE_BOOST = 10
TAXONOMY_BOOST = 7
MAKER_BOOST = 4
TEXT_BOOST = 1


def _names(*objects):
    """Indonesian and English names of these taxonomy objects (skipping None and blanks)."""
    names = []
    for obj in objects:
        if obj is None:
            continue
        names.append(obj.name)
        if getattr(obj, "name_en", ""):
            names.append(obj.name_en)
    return names


class ProductSearchText:
    """Search-index texts of a ProductPage (a mixin: it reads the page's own fields)."""

    @property
    def search_taxonomy_text(self):
        """Tags, category and its parent, materials, SKU (tier B)."""
        category = self.category if self.category_id else None
        parent = category.parent if category is not None and category.parent_id else None
        words = [tag.name for tag in self.tags.all()]
        words += _names(category, parent, *self.materials.all())
        if self.sku:
            words.append(self.sku)
        text = " ".join(words)
        # Twice on SQLite, whose index has no column for this tier (see the module docstring).
        return f"{text} {text}" if text and connection.vendor == "sqlite" else text

    @property
    def search_maker_text(self):
        """The IKM's name (and English name), sentra and region (tier C)."""
        vendor = self.vendor
        if vendor is None:
            return ""
        words = [vendor.title, getattr(vendor, "title_en", "")]
        words += _names(vendor.sentra if vendor.sentra_id else None)
        words += _names(vendor.region if vendor.region_id else None)
        return " ".join(word for word in words if word)

    @property
    def search_stems(self):
        """The Indonesian stems of every indexed word, where they differ (SQLite only)."""
        if connection.vendor != "sqlite":
            return ""
        field = self._meta.get_field("description")
        texts = [
            self.title,
            self.summary,
            self.search_taxonomy_text,
            self.search_maker_text,
            *map(strip_tags, field.get_searchable_content(self.description)),
        ]
        return stems_of(" ".join(t for t in texts if t))
