"""English beside Indonesian: which text a reader gets, and in which language it is.

Content is written in Indonesian by the IKM; an optional English twin sits beside each
user-visible field as `<field>_en` (title_en, summary_en, description_en, name_en, ...). This
module is generic: it works for any object, whether or not the model has the twin, so new page
types only add `<field>_en` and their templates use the same filters:

    {% load translation_tags %}
    <h1{{ page|tr_lang:"title" }}>{{ page|tr:"title" }}</h1>
    {% include_block page|tr:"description" %}

On an English page `tr` gives the English text when there is some, else the Indonesian text,
and `tr_lang` then marks that fallback with ` lang="id"` so screen readers and search engines
know the language of what they read. On an Indonesian page both give the Indonesian field.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language

ENGLISH = "en"
SUFFIX = "_en"


def source_language():
    return settings.LANGUAGE_CODE[:2]


def current_language(language=None):
    return (language or get_language() or settings.LANGUAGE_CODE)[:2]


def has_text(value):
    """True when `value` holds something a reader would see (text, rich text, blocks)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(" ".join(strip_tags(value).split()))
    source = getattr(value, "source", None)  # wagtail.rich_text.RichText
    if isinstance(source, str):
        return has_text(source)
    try:
        return len(value) > 0  # StreamValue, lists
    except TypeError:
        return bool(value)


@dataclass(frozen=True)
class Translated:
    """A field's value for the reader, the language it is in, and whether it is a fallback."""

    value: Any
    language: str
    fallback: bool

    def __str__(self):
        return "" if self.value is None else str(self.value)


def translated(obj, field, language=None):
    """`obj.<field>_en` when the reader's language is English and it has text, else
    `obj.<field>` (the Indonesian source), with the language of the value returned."""
    language = current_language(language)
    source = getattr(obj, field, None)
    if language == ENGLISH:
        english = getattr(obj, field + SUFFIX, None)
        if has_text(english):
            return Translated(english, ENGLISH, fallback=False)
        return Translated(source, source_language(), fallback=has_text(source))
    return Translated(source, source_language(), fallback=False)


def translated_value(obj, field, language=None):
    return translated(obj, field, language).value


def english_fields(model):
    """The names of the Indonesian fields of `model` that have an English twin."""
    names = {f.name for f in model._meta.get_fields()}
    return [name[: -len(SUFFIX)] for name in sorted(names) if name.endswith(SUFFIX)]


def missing_english(obj, fields=None):
    """The fields of `obj` with Indonesian text but no English text ("needs translation")."""
    fields = english_fields(type(obj)) if fields is None else fields
    return [
        name
        for name in fields
        if has_text(getattr(obj, name, None)) and not has_text(getattr(obj, name + SUFFIX, None))
    ]
