"""Other words for a query: "did you mean" on an empty page, synonym spellings for autocomplete."""

import difflib
import itertools

from .models import SynonymSet
from .synonyms import expand, tokenize
from .vocabulary import vocabulary


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
