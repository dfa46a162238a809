"""Make a product's print photo when it is published, beside the screen sizes that
catalog/renditions.py makes then: a catalog build then never resizes an upload."""

from wagtail.signals import page_published

from catalog.models import ProductPage


def warm_print_photo(sender, instance, **kwargs):
    from printing.document import PHOTO_SPEC

    if not isinstance(instance, ProductPage):
        return
    first = instance.gallery_images.select_related("image").order_by("sort_order").first()
    if first:
        first.image.get_rendition(PHOTO_SPEC)


def connect():
    page_published.connect(warm_print_photo, dispatch_uid="printing-warm-print-photo")
