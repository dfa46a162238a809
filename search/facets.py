"""The facets beside a listing: each filter's options with their counts and links, from a table.

An engine returns {facet name: {value: count}} (results.EngineResult); this turns it into
Facet and FacetOption objects for includes/facets.html. Most facets are toggles: an option
links to the query with that value, or without it when it is the selected one. Only the
category tree, the price bands and the export-ready switch are built differently.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalog.models import ProductPage, VendorPage
from catalog.money import format_rupiah

from .engines.base import PRICE_BANDS
from .results import Facet, FacetOption
from .taxonomy import category_label, label_for, taxonomy


def price_band_label(key):
    low, _sep, high = key.partition("-")
    if not high:
        return _("di atas %(low)s") % {"low": format_rupiah(int(low))}
    if int(low) == 0:
        return _("di bawah %(high)s") % {"high": format_rupiah(int(high))}
    return f"{format_rupiah(int(low))} – {format_rupiah(int(high))}"


# -- the choices of a toggle facet: (value, label, lang) in display order -----------------------


def named_choices(name, labels, counts):
    """A taxonomy (region, sentra, material, certificate), by its name in the reader's language."""
    named = [(slug, *label_for(labels, name, slug, title)) for slug, title in labels[name].items()]
    return sorted(named, key=lambda item: item[1])


def exhibition_choices(name, labels, counts):
    """Live exhibitions, newest first (the taxonomy's order)."""
    return [(slug, *label_for(labels, name, slug, title)) for slug, title in labels[name].items()]


def availability_choices(name, labels, counts):
    return [(code, str(label), "") for code, label in ProductPage.Availability.choices]


def vendor_choices(name, labels, counts):
    """The IKM with matching products, most products first (one query for their names)."""
    names = dict(VendorPage.objects.filter(slug__in=list(counts)).values_list("slug", "title"))
    by_count = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(slug, names[slug], "") for slug, _count in by_count if slug in names]


def toggles(choices, keep_empty=False):
    """A facet builder whose options toggle `query.<name>`; options without products are left
    out unless selected (or `keep_empty`)."""

    def build(name, counts, query, linker, labels):
        options = []
        for value, label, lang in choices(name, labels, counts):
            count = counts.get(value, 0)
            selected = getattr(query, name) == value
            if not (count or selected or keep_empty):
                continue
            url = linker.url(query, **{name: "" if selected else value})
            options.append(FacetOption(value, label, count, selected, url, lang=lang))
        return options

    return build


# -- the facets built differently -----------------------------------------------------------------


def category_options(name, counts, query, linker, labels):
    """Top categories, each with the subcategories that have products (or are selected)."""

    def option(category, children=()):
        label, lang = category_label(category)
        return FacetOption(
            value=category["slug"],
            label=label,
            lang=lang,
            count=counts.get(category["slug"], 0),
            selected=query.category == category["slug"],
            url=linker.url(query, category=category["slug"]),
            children=[c for c in children if c.count or c.selected],
        )

    categories = labels["categories"]
    return [
        option(top, [option(child) for child in categories if child["parent_id"] == top["id"]])
        for top in categories
        if not top["parent_id"]
    ]


def price_options(name, counts, query, linker, labels):
    options = []
    for key, low, high in PRICE_BANDS:
        top = high - 1 if high else None
        selected = query.price_min == low and query.price_max == top
        count = counts.get(key, 0)
        if not (count or selected):
            continue
        url = (
            linker.url(query, price_min=None, price_max=None)
            if selected
            else linker.url(query, price_min=low, price_max=top)
        )
        options.append(FacetOption(key, price_band_label(key), count, selected, url))
    return options


def export_options(name, counts, query, linker, labels):
    count = counts.get("1", 0)
    if not (count or query.export_ready):
        return []
    url = linker.url(query, export_ready=not query.export_ready)
    return [FacetOption("1", _("IKM siap ekspor"), count, query.export_ready, url)]


# The facets in display order: (name, heading, builder).
FACETS = (
    ("category", gettext_lazy("Kategori"), category_options),
    ("region", gettext_lazy("Wilayah"), toggles(named_choices)),
    ("sentra", gettext_lazy("Sentra"), toggles(named_choices)),
    ("material", gettext_lazy("Bahan"), toggles(named_choices)),
    ("certificate", gettext_lazy("Sertifikat"), toggles(named_choices)),
    ("availability", gettext_lazy("Ketersediaan"), toggles(availability_choices)),
    ("price", gettext_lazy("Harga"), price_options),
    ("vendor", gettext_lazy("IKM"), toggles(vendor_choices, keep_empty=True)),
    ("exhibition", gettext_lazy("Pameran"), toggles(exhibition_choices)),
    ("export_ready", gettext_lazy("Ekspor"), export_options),
)


def build_facets(counts, query, linker):
    labels = taxonomy()
    return [
        Facet(name, str(heading), build(name, counts.get(name, {}), query, linker, labels))
        for name, heading, build in FACETS
    ]
