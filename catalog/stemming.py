"""Indonesian stemming for the SQLite search index (PySastrawi), at index and query time.

SQLite's full-text search matches whole tokens only, so "pewarna alam" would not find
"Pewarna Alami". Each product's index entry therefore also holds the stems of its words
(ProductPage.search_stems), and each word of a query may match its stem too (the database
engine). It lives in catalog because the index is built from catalog's models, and catalog
imports from no other app. PostgreSQL keeps its own `indonesian` configuration and
Elasticsearch its analysis setting: both stem already, so nothing here runs there.

Sastrawi removes Indonesian affixes using a dictionary of root words. What it does to product
words was checked word by word (tests/search/test_stemming.py); where it merges words a buyer
tells apart, or misses a form buyers use, the lists below decide instead:
- KEEP: left as written. `perhiasan` (jewellery) is not `hiasan` (decoration), `mainan`
  (toys) is not `main` (to play), `manisan` (candied fruit) is not `manis` (sweet),
  `pakaian` (clothes) is not `pakai` (to use). Sastrawi already keeps root words such as
  `terasi` (shrimp paste, never `teras`), `kursi`, `topeng`, `kerupuk`, `batik`, `rotan`.
- STEMS: forms Sastrawi gets wrong or keeps whole: `alami`/`alamiah` are `alam` (its
  dictionary has `alami` as a root), `batikan` is `batik` (not `bati`).
"""

import re
from functools import lru_cache

KEEP = frozenset({"perhiasan", "mainan", "manisan", "pakaian"})
STEMS = {"alami": "alam", "alamiah": "alam", "batikan": "batik"}
# Words shorter than this are never stemmed (codes, units, short roots).
MIN_LENGTH = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=50_000)
def stem(word):
    """The stem of one lower-case word (the word itself when it has no affix to remove)."""
    if word in STEMS:
        return STEMS[word]
    if len(word) < MIN_LENGTH or word in KEEP or not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def stems_of(text):
    """The stems of `text`'s words that differ from the words, once each, in order."""
    seen = {}
    for word in _WORD.findall((text or "").lower()):
        root = stem(word)
        if root != word:
            seen.setdefault(root, None)
    return " ".join(seen)
