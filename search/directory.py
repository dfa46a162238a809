"""The IKM directory's search (/ikm/): live IKM by words and region, from the database."""

from wagtail.search.backends import get_search_backend

from catalog.models import VendorPage
from catalog.pagination import paginate

from .engines.database import build_text_query
from .models import SynonymSet
from .synonyms import expand


def search_vendors(text="", region="", page=1, page_size=24):
    """The IKM directory: live IKM, optionally matching words and a region, as cards.

    IKM are few (hundreds), so both engines answer this from the database; the words go through
    Wagtail's database search with the same synonym expansion as products.
    """
    queryset = VendorPage.objects.live().public()
    if text:
        text_query = build_text_query(expand(text, SynonymSet.all_sets()))
        if text_query is not None:
            matched = get_search_backend().search(
                text_query, VendorPage.objects.live(), order_by_relevance=False
            )
            queryset = queryset.filter(pk__in=matched.get_queryset().values("pk"))
    if region:
        queryset = queryset.filter(region__slug=region)
    return paginate(VendorPage.listing(queryset), page_size, page)
