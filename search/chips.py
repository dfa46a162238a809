"""The active filters of a query as chips a buyer can remove one by one."""

from django.utils.translation import gettext as _

from catalog.models import ProductPage, VendorPage
from catalog.money import format_rupiah

from .results import ActiveFilter
from .taxonomy import category_label, label_for, taxonomy


def active_filters(query, linker, vendor_names=None):
    """The chips a buyer can remove one by one."""
    labels = taxonomy()
    category_names = {c["slug"]: category_label(c)[0] for c in labels["categories"]}
    chips = []
    for name in query.active_filters:
        value = getattr(query, name, None)
        if name == "category":
            label = category_names.get(value, value)
        elif name in ("region", "sentra", "material", "certificate", "exhibition"):
            label = label_for(labels, name, value, labels[name].get(value, value))[0]
        elif name == "vendor":
            label = (vendor_names or {}).get(value) or next(
                iter(VendorPage.objects.filter(slug=value).values_list("title", flat=True)), value
            )
        elif name == "availability":
            label = str(dict(ProductPage.Availability.choices).get(query.availability, ""))
        elif name == "export_ready":
            label = _("IKM siap ekspor")
        else:
            low = format_rupiah(query.price_min) if query.price_min is not None else "…"
            high = format_rupiah(query.price_max) if query.price_max is not None else "…"
            label = f"{low} – {high}"
        removed = query.without(name)
        chips.append(ActiveFilter(name=name, label=label, remove_url=linker.url(removed)))
    return chips
