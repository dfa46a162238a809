"""The feeds' URLs, included under i18n_patterns as /feeds/ (Indonesian) and /en/feeds/."""

from functools import wraps

from django.urls import path

from feeds import atom, merchant
from pagecache import tags as cache_tags


def catalog_wide(view):
    """Every feed lists across the catalog and shows each product's details without its card:
    the page cache keeps it under the catalog-wide tag and `pub`, which every publish purges
    (pagecache/tags.py)."""

    @wraps(view)
    def tagged(request, *args, **kwargs):
        cache_tags.add(cache_tags.ALL, cache_tags.PUBLISHED)
        return view(request, *args, **kwargs)

    return tagged


app_name = "feeds"
urlpatterns = [
    path("google.xml", catalog_wide(merchant.google_feed), name="google"),
    path("meta.csv", catalog_wide(merchant.meta_feed), name="meta"),
    path("produk.atom", catalog_wide(atom.NewProductsFeed()), name="products"),
    path("kategori/<slug:slug>.atom", catalog_wide(atom.CategoryProductsFeed()), name="category"),
    path("ikm/<slug:slug>.atom", catalog_wide(atom.VendorProductsFeed()), name="vendor"),
    path("pameran.atom", catalog_wide(atom.ExhibitionsFeed()), name="exhibitions"),
]
