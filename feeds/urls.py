"""The feeds' URLs, included under i18n_patterns as /feeds/ (Indonesian) and /en/feeds/."""

from django.urls import path

from feeds import atom, merchant

app_name = "feeds"
urlpatterns = [
    path("google.xml", merchant.google_feed, name="google"),
    path("meta.csv", merchant.meta_feed, name="meta"),
    path("produk.atom", atom.NewProductsFeed(), name="products"),
    path("kategori/<slug:slug>.atom", atom.CategoryProductsFeed(), name="category"),
    path("ikm/<slug:slug>.atom", atom.VendorProductsFeed(), name="vendor"),
    path("pameran.atom", atom.ExhibitionsFeed(), name="exhibitions"),
]
