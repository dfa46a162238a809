"""Exhibitions and venues in the curators' "needs translation" report (catalog's report asks
other apps for their kinds through a Wagtail hook: see catalog/translation_report.py).

Venue names and the other places of an exhibition are proper nouns, the same in English, so
their titles and `venue_text` do not count as missing English; an exhibition's title does.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.translation_report import TranslationKind, editable_live_pages, page_edit_url
from showroom.exhibitions import ExhibitionIndexPage, ExhibitionPage
from showroom.venues import ShowroomIndexPage, ShowroomPage

EXHIBITION_FIELDS = ["title", "theme", "description"]
VENUE_FIELDS = ["intro", "description", "opening_hours"]


def without_english(fields):
    """Rows with Indonesian text but no English twin in any of `fields`."""
    condition = Q()
    for name in fields:
        condition |= ~Q(**{name: ""}) & Q(**{f"{name}_en": ""})
    return condition


def _untranslated(model, index_model, fields):
    """Only for those who may edit the section (curators); owners get no tab."""

    def queryset(user):
        index = index_model.objects.first()
        if index is None or not index.permissions_for_user(user).can_edit():
            return None
        return editable_live_pages(model, user).filter(without_english(fields))

    return queryset


def translation_kinds():
    return [
        TranslationKind(
            "pameran",
            _("Pameran"),
            _untranslated(ExhibitionPage, ExhibitionIndexPage, EXHIBITION_FIELDS),
            page_edit_url,
            EXHIBITION_FIELDS,
            ordering=("-starts_on", "title"),
        ),
        TranslationKind(
            "showroom",
            _("Showroom"),
            _untranslated(ShowroomPage, ShowroomIndexPage, VENUE_FIELDS),
            page_edit_url,
            VENUE_FIELDS,
        ),
    ]
