"""What a printed catalog includes: the products of one IKM, a sentra, a region, a category (with
its subcategories), an exhibition (in its curated order) or a curator's selection.

A scope is named by a kind and a key (a slug, or a list of product ids for a selection), so it
fits in a URL and a database row. Only what buyers may see is printed (`ProductPage.visible()`).
Its fingerprint (the products' ids and their latest publication, those of their IKM, and the
exhibition's) is two small queries: a stored PDF is served again while it is unchanged.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from catalog.models import Category, ProductPage, Region, Sentra, VendorPage
from catalog.translation import translated_value

VENDOR, SENTRA, REGION, CATEGORY, EXHIBITION, SELECTION = (
    "ikm",
    "sentra",
    "wilayah",
    "kategori",
    "pameran",
    "pilihan",
)
KIND_CHOICES = [
    (VENDOR, _("IKM")),
    (SENTRA, _("Sentra")),
    (REGION, _("Wilayah")),
    (CATEGORY, _("Kategori (dengan subkategori)")),
    (EXHIBITION, _("Pameran")),
    (SELECTION, _("Pilihan kurator")),
]
# Scopes anyone may download from the public site; a selection is built in the admin only.
PUBLIC_KINDS = {VENDOR, SENTRA, REGION, CATEGORY, EXHIBITION}
MAX_SELECTION = 500


def parse_selection(key):
    """Product ids from '12,7,30' (order kept, duplicates dropped); Http404 when malformed."""
    ids = []
    for part in str(key).replace(" ", "").split(","):
        if not part.isdigit():
            raise Http404("bad selection")
        if int(part) not in ids:
            ids.append(int(part))
    if not ids or len(ids) > MAX_SELECTION:
        raise Http404("bad selection")
    return ids


@dataclass
class Scope:
    kind: str
    key: str
    subject: object = None  # the IKM, sentra, region, category or exhibition

    @property
    def is_public(self):
        return self.kind in PUBLIC_KINDS

    @property
    def grouped(self):
        """Products under their IKM's introduction; an exhibition and a selection keep their
        curated order, with the IKM introduced first."""
        return self.kind not in (EXHIBITION, SELECTION)

    def kind_label(self):
        return dict(KIND_CHOICES)[self.kind]

    def title(self, language=None):
        if self.kind == SELECTION:
            return str(_("Pilihan kurator"))
        if self.kind in (SENTRA, REGION):
            return self.subject.name
        if self.kind == CATEGORY:
            return translated_value(self.subject, "name", language)
        return translated_value(self.subject, "title", language)

    def slug(self):
        if self.kind == SELECTION:
            return hashlib.sha256(self.key.encode()).hexdigest()[:8]
        return self.subject.slug

    # -- what is in it -------------------------------------------------------------------

    def _filter(self):
        visible = ProductPage.visible()
        if self.kind == VENDOR:
            return visible.filter(vendor=self.subject)
        if self.kind == SENTRA:
            return visible.filter(vendor__sentra=self.subject)
        if self.kind == REGION:
            return visible.filter(vendor__region=self.subject)
        if self.kind == CATEGORY:
            return visible.filter(Q(category=self.subject) | Q(category__parent=self.subject))
        if self.kind == EXHIBITION:
            return visible.filter(exhibition_items__page=self.subject)
        return visible.filter(pk__in=parse_selection(self.key))

    def product_ids(self):
        """The included products' ids, in print order."""
        if self.kind == EXHIBITION:
            rows = (
                self.subject.items.filter(product__in=ProductPage.visible())
                .order_by("sort_order", "pk")
                .values_list("product_id", flat=True)
            )
            return list(dict.fromkeys(rows))
        if self.kind == SELECTION:
            wanted = parse_selection(self.key)
            present = set(self._filter().values_list("pk", flat=True))
            return [pk for pk in wanted if pk in present]
        rows = self._filter().order_by("vendor__title", "vendor_id", "title", "pk")
        return list(rows.values_list("pk", flat=True).distinct())

    def products(self, ids=None):
        """The included products with what an entry prints, in print order."""
        ids = self.product_ids() if ids is None else ids
        loaded = (
            ProductPage.objects.filter(pk__in=ids)
            .select_related("vendor", "vendor__region", "category", "category__parent")
            .prefetch_related(
                "materials",
                "certificates__certificate_type",
                "gallery_images__image",
            )
            .in_bulk()
        )
        return [loaded[pk] for pk in ids if pk in loaded]

    def fingerprint(self, ids=None):
        """Changes when a product, its IKM or the exhibition is published, unpublished, added
        or removed; cheap: the ids and two aggregates."""
        ids = self.product_ids() if ids is None else ids
        published = Coalesce("last_published_at", "first_published_at")
        latest = ProductPage.objects.filter(pk__in=ids).aggregate(
            product=Max(published), vendor=Max("vendor__last_published_at")
        )
        parts = [self.kind, self.key, ",".join(map(str, ids))]
        parts += [str(latest["product"]), str(latest["vendor"])]
        if self.kind == EXHIBITION:
            parts.append(str(self.subject.last_published_at))
        return hashlib.sha256("|".join(parts).encode()).hexdigest()


def resolve(kind, key):
    """The scope `kind`/`key` names; Http404 for an unknown kind or subject."""
    from showroom.exhibitions import ExhibitionPage

    key = str(key)[:2000]
    if kind == VENDOR:
        subject = VendorPage.objects.live().public().filter(slug=key).first()
    elif kind == SENTRA:
        subject = Sentra.objects.filter(slug=key).first()
    elif kind == REGION:
        subject = Region.objects.filter(slug=key).first()
    elif kind == CATEGORY:
        subject = Category.objects.filter(slug=key).first()
    elif kind == EXHIBITION:
        subject = ExhibitionPage.objects.live().public().filter(slug=key).first()
    elif kind == SELECTION:
        key = ",".join(map(str, parse_selection(key)))
        subject = key
    else:
        raise Http404("unknown kind")
    if subject is None:
        raise Http404("unknown scope")
    return Scope(kind, key, subject)


def vendor_of(scope):
    """The one IKM a scope belongs to (an IKM's own catalog), else None."""
    return scope.subject if scope.kind == VENDOR else None
