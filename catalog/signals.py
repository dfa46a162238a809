"""Keep denormalised data right when pages move in the tree."""

from django.dispatch import Signal, receiver
from wagtail.signals import page_published, post_page_move

from catalog.models import ProductPage, VendorPage

# Sent after load_demo_catalog built (or completed) the demo catalog, so that other apps add
# their own demo data without catalog importing them (search adds its default synonym sets).
demo_catalog_built = Signal()


@receiver(post_page_move)
def update_vendor_after_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_after.specific_class is not VendorPage:
        return
    if isinstance(instance, ProductPage) or instance.specific_class is ProductPage:
        ProductPage.objects.filter(pk=instance.pk).update(vendor_id=parent_page_after.pk)


@receiver(page_published)
def warm_renditions(sender, instance, **kwargs):
    """Make the renditions a page shows at publish time, not on a buyer's first view."""
    from catalog.renditions import warm_page_renditions

    warm_page_renditions(instance)
