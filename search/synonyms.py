"""Expanding a buyer's words with the curators' synonym sets.

The result is a list of groups: every group must match, any alternative in a group may.
'kursi rattan' with the set (rotan, rattan) gives [['kursi'], ['rattan', 'rotan']].
"""

import re

from .default_synonyms import DEFAULT_SYNONYM_SETS

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def tokenize(text):
    return _TOKEN.findall((text or "").lower().replace("_", " "))[:MAX_TERMS]


def expand(text, synonym_sets):
    tokens = tokenize(text)
    phrases = {}
    for terms in synonym_sets:
        for term in terms:
            key = tuple(tokenize(term))
            if key:
                phrases.setdefault(key, set()).update(terms)
    longest = max((len(key) for key in phrases), default=1)
    groups, i = [], 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + size])
            if key in phrases:
                alternatives = {" ".join(tokenize(t)) for t in phrases[key]}
                alternatives.add(" ".join(key))
                groups.append(sorted(alternatives))
                i += size
                break
        else:
            groups.append([tokens[i]])
            i += 1
    return groups


def ensure_default_synonyms(**kwargs):
    """Create the default synonym sets that do not exist yet (idempotent; never edits a
    curator's set). A signal receiver for catalog.signals.demo_catalog_built; a migration
    adds them to every installation (search/migrations/0002_default_synonym_sets.py)."""
    from .models import SynonymSet, split_terms

    existing = {tuple(s.term_list) for s in SynonymSet.objects.all()}
    created = 0
    for terms, note in DEFAULT_SYNONYM_SETS:
        if tuple(split_terms(terms)) not in existing:
            SynonymSet(terms=terms, note=note).save()
            created += 1
    return created
