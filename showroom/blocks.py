"""The home page's sections, as StreamField blocks curators add, order and edit.

Each block loads what it shows in a fixed number of queries (whatever the catalog's size),
so the home page's query count depends only on how many sections a curator adds. A heading
left empty shows the section's default heading in the visitor's language.
"""

from types import SimpleNamespace

from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from catalog.cards import cards_for
from catalog.models import Category, ProductPage, Region, Sentra, VendorPage
from catalog.translation import translated
from showroom.chooser import ProductChooserBlock


def _heading():
    return blocks.CharBlock(
        label=_("judul bagian"),
        required=False,
        max_length=120,
        help_text=_("Kosongkan untuk memakai judul bawaan bagian ini."),
    )


class SectionBlock(blocks.StructBlock):
    """A home page section: a heading (or its default) and what the section loads."""

    default_heading = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("heading") or self.default_heading
        # A curator's own heading is Indonesian (blocks have no English twin); the default
        # heading is in the reader's language.
        context["heading_lang"] = lang_attribute(block_text(value, "heading"))
        context["section_id"] = (parent_context or {}).get("block_id") or self.name
        return context


# Link texts the migrated home page uses; a link text with an entry in the catalogues is
# shown translated (templates/showroom/blocks/hero.html).
# A section's first cards load their photo eagerly (showroom/blocks/products.html).
EAGER_SECTION_CARDS = 4
HERO_LINK_TEXTS = (gettext_noop("Lihat katalog"), gettext_noop("Kenali IKM"))


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("judul"), max_length=120)
    text = blocks.TextBlock(label=_("teks"), required=False, max_length=400)
    heading_en = blocks.CharBlock(label=_("judul (bahasa Inggris)"), required=False, max_length=120)
    text_en = blocks.TextBlock(label=_("teks (bahasa Inggris)"), required=False, max_length=400)
    image = ImageChooserBlock(label=_("gambar"), required=False)
    links = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("page", blocks.PageChooserBlock(label=_("halaman"))),
                (
                    "text",
                    blocks.CharBlock(
                        label=_("teks tautan"),
                        required=False,
                        max_length=60,
                        help_text=_("Kosongkan untuk memakai judul halaman."),
                    ),
                ),
            ]
        ),
        label=_("tautan"),
        max_num=3,
        default=[],
    )

    class Meta:
        icon = "pick"
        label = _("sambutan utama")
        template = "showroom/blocks/hero.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = block_text(value, "heading")
        context["text"] = block_text(value, "text")
        return context


def lang_attribute(text):
    """` lang="id"` for a `Translated` that fell back to Indonesian on an English page."""
    return format_html(' lang="{}"', text.language) if text.fallback else ""


def block_text(value, field):
    """A block's heading or text for the reader (catalog.translation: its `<field>_en` when
    there is some on an English page, else the Indonesian text marked as such)."""
    return translated(SimpleNamespace(**dict(value)), field)


class FeaturedProductsBlock(SectionBlock):
    default_heading = _("Pilihan Kurator")

    heading = _heading()
    products = blocks.ListBlock(ProductChooserBlock(label=_("produk")), label=_("produk"))

    class Meta:
        icon = "tag"
        label = _("produk pilihan kurator")
        template = "showroom/blocks/products.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        ids = [product.pk for product in value["products"] if product is not None]
        visible = set(ProductPage.visible().filter(pk__in=ids).values_list("pk", flat=True))
        chosen = [pk for pk in dict.fromkeys(ids) if pk in visible]
        context["products"] = cards_for(chosen, eager_count=EAGER_SECTION_CARDS)
        context["kind"] = "featured"
        return context


class NewestProductsBlock(SectionBlock):
    default_heading = _("Produk terbaru")

    heading = _heading()
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=24, default=8)

    class Meta:
        icon = "date"
        label = _("produk terbaru")
        template = "showroom/blocks/products.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        newest = ProductPage.visible().order_by("-first_published_at", "-pk")
        ids = newest.values_list("pk", flat=True)[: value.get("count") or 8]
        context["products"] = cards_for(ids, eager_count=EAGER_SECTION_CARDS)
        context["kind"] = "newest"
        context["more_link"] = True
        return context


class ExhibitionsBlock(SectionBlock):
    default_heading = _("Pameran yang sedang berlangsung")

    heading = _heading()
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "calendar"
        label = _("pameran berlangsung")
        template = "showroom/blocks/exhibitions.html"

    def get_context(self, value, parent_context=None):
        from showroom.exhibitions import ExhibitionIndexPage, ExhibitionPage

        context = super().get_context(value, parent_context)
        current = ExhibitionPage.listing(ExhibitionPage.current()).order_by(
            "ends_on", "starts_on", "pk"
        )
        context["exhibitions"] = list(current[: value.get("count") or 3])
        context["exhibition_index"] = ExhibitionIndexPage.objects.live().first()
        return context


class CategoriesBlock(SectionBlock):
    default_heading = _("Kategori")

    heading = _heading()

    class Meta:
        icon = "list-ul"
        label = _("kategori dan jumlah produk")
        template = "showroom/blocks/categories.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        from pagecache import tags as cache_tags
        from search.summary import catalog_counts

        # Kept counts (search/summary.py), not a GROUP BY over every product per view.
        cache_tags.add(cache_tags.ALL)
        counts = catalog_counts()
        categories = list(
            Category.objects.filter(parent__isnull=True).order_by("sort_order", "name")
        )
        for category in categories:
            category.product_count = counts.get(category.slug, 0)
        context["categories"] = categories
        return context


class PlacesBlock(SectionBlock):
    default_heading = _("Sentra dan wilayah")

    heading = _heading()

    class Meta:
        icon = "site"
        label = _("sentra dan wilayah")
        template = "showroom/blocks/places.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        live = Q(vendors__live=True)
        context["regions"] = list(
            Region.objects.annotate(vendor_count=Count("vendors", filter=live, distinct=True))
            .filter(vendor_count__gt=0)
            .order_by("name")
        )
        context["sentra_list"] = list(
            Sentra.objects.annotate(vendor_count=Count("vendors", filter=live, distinct=True))
            .filter(vendor_count__gt=0)
            .select_related("region")
            .order_by("name")
        )
        return context


class VendorsBlock(SectionBlock):
    default_heading = _("IKM di Etalase")

    heading = _heading()
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=24, default=6)

    class Meta:
        icon = "group"
        label = _("IKM")
        template = "showroom/blocks/vendors.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["vendors"] = list(
            VendorPage.listing(VendorPage.objects.live().public())[: value.get("count") or 6]
        )
        return context


class HomeBlock(blocks.StreamBlock):
    hero = HeroBlock()
    featured_products = FeaturedProductsBlock()
    exhibitions = ExhibitionsBlock()
    categories = CategoriesBlock()
    places = PlacesBlock()
    newest_products = NewestProductsBlock()
    vendors = VendorsBlock()

    class Meta:
        block_counts = {"hero": {"max_num": 1}}


def featured_product_ids(stream_data):
    """Product ids in the featured sections of a home page's raw stream data."""
    ids = []
    for block in stream_data or []:
        if block.get("type") != "featured_products":
            continue
        for item in (block.get("value") or {}).get("products") or []:
            value = item.get("value") if isinstance(item, dict) else item
            if isinstance(value, int):
                ids.append(value)
    return ids
