"""Atom feeds of new products (all, per category, per IKM) and of exhibitions.

    /feeds/produk.atom               new products              (follows /katalog/)
    /feeds/kategori/<slug>.atom      new products of a category (follows /katalog/<slug>/)
    /feeds/ikm/<slug>.atom           new products of an IKM     (follows /ikm/<slug>/)
    /feeds/pameran.atom              exhibitions                (follows /pameran/)

and the same under /en/ in English. Each page a feed follows names it with
`<link rel="alternate" type="application/atom+xml">` (templates/includes/atom_link.html).
Every link is absolute (Django's syndication adds the request's scheme and host), each entry's
id is its page's URL, `updated` is its last publication. Each feed costs a fixed number of
queries, whatever the size of the catalog; the page cache keeps them like any page.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalog.models import Category, ProductPage, VendorPage
from catalog.translation import translated_value
from showroom.models import CatalogIndexPage, ExhibitionIndexPage, ExhibitionPage

FEED_SIZE = 30


def live_page(model):
    page = model.objects.live().public().first()
    if page is None:
        raise Http404
    return page


class SiteFeed(Feed):
    """What all our Atom feeds share: the format, the site as author, the reader's language."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = get_language()
        return response

    def author_name(self):
        return settings.WAGTAIL_SITE_NAME

    def feed_url(self, obj):
        return obj["feed_url"]

    def link(self, obj):
        return obj["page_url"]

    def title(self, obj):
        return obj["title"]

    def subtitle(self, obj):
        return obj["subtitle"]

    def item_title(self, item):
        return translated_value(item, "title")

    def item_link(self, item):
        return item.get_url()

    def item_guid(self, item):
        return None  # the entry's id is its link

    def item_pubdate(self, item):
        return item.first_published_at or self.item_updateddate(item)

    def item_updateddate(self, item):
        """Atom requires it: the last publication, else the first, else the last revision
        (pages made by code without publishing have none), else when the feed is made."""
        dates = (item.last_published_at, item.first_published_at, item.latest_revision_created_at)
        return next((date for date in dates if date), None) or timezone.now()


class NewProductsFeed(SiteFeed):
    """The newest products of the whole catalog."""

    def get_object(self, request):
        catalog = live_page(CatalogIndexPage)
        return {
            "feed_url": reverse("feeds:products"),
            "page_url": catalog.get_url(request),
            "title": _("Produk baru – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
            "subtitle": _("Produk IKM yang baru masuk katalog."),
            "products": ProductPage.visible(),
        }

    def items(self, obj):
        return list(
            obj["products"]
            .select_related("vendor", "category", "category__parent")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

    def item_description(self, item):
        return translated_value(item, "summary") or translated_value(item, "listing_summary")

    def item_author_name(self, item):
        return translated_value(item.vendor, "title") if item.vendor else None

    def item_categories(self, item):
        return [str(item.category)]


class CategoryProductsFeed(NewProductsFeed):
    """The newest products of one category, with those of its subcategories."""

    def get_object(self, request, slug):
        category = Category.objects.select_related("parent").get(slug=slug)
        catalog = live_page(CatalogIndexPage)
        name = translated_value(category, "name")
        return {
            "feed_url": reverse("feeds:category", args=[slug]),
            "page_url": catalog.category_url(category),
            "title": _("Produk baru: %(category)s – %(site)s")
            % {"category": name, "site": settings.WAGTAIL_SITE_NAME},
            "subtitle": _("Produk %(category)s yang baru masuk katalog.") % {"category": name},
            "products": ProductPage.visible().filter(
                Q(category=category) | Q(category__parent=category)
            ),
        }


class VendorProductsFeed(NewProductsFeed):
    """The newest products of one IKM."""

    def get_object(self, request, slug):
        vendor = VendorPage.objects.live().public().get(slug=slug)
        name = translated_value(vendor, "title")
        return {
            "feed_url": reverse("feeds:vendor", args=[slug]),
            "page_url": vendor.get_url(request),
            "title": _("Produk baru dari %(ikm)s") % {"ikm": name},
            "subtitle": _("Produk %(ikm)s yang baru masuk katalog.") % {"ikm": name},
            "products": ProductPage.visible().filter(vendor=vendor),
        }


class ExhibitionsFeed(SiteFeed):
    """Exhibitions, newest first: what, when and where."""

    def get_object(self, request):
        index = live_page(ExhibitionIndexPage)
        return {
            "feed_url": reverse("feeds:exhibitions"),
            "page_url": index.get_url(request),
            "title": _("Pameran – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
            "subtitle": _("Pameran produk IKM: yang sedang berlangsung, akan datang dan lalu."),
        }

    def items(self, obj):
        return list(
            ExhibitionPage.objects.live()
            .public()
            .select_related("venue")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

    def item_description(self, item):
        when = formats.date_format(item.starts_on, "DATE_FORMAT")
        if item.ends_on:
            when = f"{when} – {formats.date_format(item.ends_on, 'DATE_FORMAT')}"
        parts = [when, item.place, translated_value(item, "listing_summary")]
        parts.append(translated_value(item, "theme"))
        return " · ".join(part for part in parts if part)
