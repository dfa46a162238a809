"""The catalog's vocabulary: which words a search may correct, and into what.

A buyer's word that the catalog does not know ("batk", "rottan", "trasi") is searched as the
closest known word instead (edit distance 1 from 4 letters, 2 from 8; rapidfuzz), on the
database engines, and the page says so with a link to the exact words. The Elasticsearch
engine asks `is_known` to leave the catalog's own words unfuzzed (Cirebon is never Cilegon).

- Known words: every word indexed for a live product (titles, summaries, descriptions, tags,
  taxonomy names, IKM names, sentra, regions, SKUs, in both languages), the terms of the
  synonym sets, and words sharing a stem with a correction target ("pewarnaan", "warna").
- Correction targets: the words buyers search by (titles, tags, category and material names,
  IKM names, synonym terms), most frequent first, without place names (the words of region
  and sentra names that name no category, material or synonym: "trusmi", not "batik") and
  SKUs: a typo is never turned into another place or another product's code.

Built once per catalog change and process: it is kept for the page cache's generation
(pagecache/purge.py), which every publish, unpublish, move and snippet change replaces.
"""

import re
import time
from collections import Counter

from django.conf import settings
from django.db.models import TextField
from django.db.models.functions import Cast
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from catalog.models import Category, Material, ProductPage, Region, Sentra, VendorPage
from catalog.stemming import stem

from .models import SynonymSet
from .synonyms import tokenize

MIN_CORRECTED = 4  # shorter words are never corrected
LONG_WORD = 8  # from this length on, two edits are corrected
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_memo = {"clock": None, "built": 0, "vocabulary": None}


def words_of(*texts):
    for text in texts:
        if text:
            yield from (w for w in _WORDS.findall(str(text).lower()) if len(w) > 1)


class Vocabulary:
    def __init__(self, known, targets):
        self.known = frozenset(known)
        self.targets = list(targets)  # most frequent first: ties go to the common word
        # Stems of the words buyers search by (not of every description word: stemming is
        # the slow part of building, and those words are known as written anyway).
        self.known_stems = frozenset(stem(word) for word in self.targets)

    def is_known(self, word):
        return word in self.known or stem(word) in self.known_stems

    def correction(self, word):
        """The closest target within the allowed distance, or "" for none or no need."""
        if len(word) < MIN_CORRECTED or not word.isalpha() or self.is_known(word):
            return ""
        limit = 2 if len(word) >= LONG_WORD else 1
        best = process.extractOne(
            word, self.targets, scorer=Levenshtein.distance, score_cutoff=limit
        )
        return best[0] if best else ""


def build():
    """The vocabulary from the database (a handful of queries)."""
    known, targets, places = set(), Counter(), set()
    products = ProductPage.visible()
    for row in products.values_list("title", "title_en", "summary", "summary_en", "sku"):
        title, title_en, summary, summary_en, sku = row
        targets.update(words_of(title, title_en))
        known.update(words_of(summary, summary_en))
        known.update(tokenize(sku))
    # The descriptions' stored JSON as text: turning 2 x 10,000 of them into StreamValues only
    # to serialise them again cost half of a build on a 10,000-product catalog.
    descriptions = products.annotate(
        text=Cast("description", TextField()), text_en=Cast("description_en", TextField())
    )
    for description, description_en in descriptions.values_list("text", "text_en"):
        known.update(words_of(description, description_en))
    for tag in products.values_list("tags__name", flat=True):
        targets.update(words_of(tag))
    product_words = set()  # what categories and materials are called: never place names
    for model in (Category, Material):
        for name, name_en in model.objects.values_list("name", "name_en"):
            product_words.update(words_of(name, name_en))
            targets.update(words_of(name, name_en))
    for title in VendorPage.objects.live().values_list("title", flat=True):
        targets.update(words_of(title))
    for model in (Region, Sentra):
        places.update(words_of(*model.objects.values_list("name", flat=True)))
    for terms in SynonymSet.all_sets():
        product_words.update(words_of(*terms))
        targets.update(words_of(*terms))
    places -= product_words  # "Sentra Batik Trusmi": trusmi is a place, batik is not
    known.update(targets)
    known.update(places)
    ordered = [word for word, _count in targets.most_common() if word not in places]
    return Vocabulary(known, ordered)


def vocabulary():
    """The vocabulary of the catalog: built again in a process when the catalog-wide listings
    were purged since its build (a publish, unpublish, move, snippet change: pagecache/purge.py),
    at most once every VOCABULARY_REFRESH_SECONDS. Building reads every product's words (about
    a second on 10,000 products); while owners publish every few seconds, a correction that
    misses a word published a minute ago costs less than rebuilding on every publish."""
    from pagecache import tags as cache_tags
    from pagecache.middleware import page_cache
    from pagecache.purge import current_clock, file_tags, is_fresh

    tags = [cache_tags.SITE, cache_tags.ALL, cache_tags.WORDS]
    store = page_cache()
    built_at = _memo.get("clock")
    now = time.monotonic()
    if _memo.get("vocabulary") is not None:
        recent = now - _memo.get("built", 0) < settings.VOCABULARY_REFRESH_SECONDS
        if recent or is_fresh(store, tags, built_at):
            return _memo["vocabulary"]
    clock = current_clock(store)
    if clock is not None:
        file_tags(store, tags, clock)
    _memo.update(clock=clock, built=now, vocabulary=build())
    return _memo["vocabulary"]


def is_known(word):
    return vocabulary().is_known(word)


def corrected(text):
    """`text` with each unknown word replaced by its closest known word, or "" if none was."""
    words = vocabulary()
    tokens = tokenize(text)
    result = [words.correction(token) or token for token in tokens]
    return " ".join(result) if result != tokens else ""
