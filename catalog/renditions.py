"""The image sizes the public templates use, in one place, so they can be made at publish time."""

CARD = ("fill-480x360|format-webp", "fill-960x720|format-webp")
GALLERY = ("max-800x800|format-webp", "max-1600x1600|format-webp")
THUMB = ("fill-160x160|format-webp",)
LOGO = ("fill-160x160|format-webp",)
COVER = ("fill-1200x400|format-webp", "fill-2400x800|format-webp")
SHARE = ("fill-1200x630", "fill-1200x900")

PRODUCT_SPECS = CARD + GALLERY + THUMB + SHARE
VENDOR_SPECS = LOGO + COVER + CARD + SHARE


def warm_page_renditions(page):
    """Create the renditions a product or IKM page shows, so no buyer waits for a resize."""
    from catalog.models import ProductPage, VendorPage

    page = page.specific
    if isinstance(page, ProductPage):
        for item in page.gallery_images.select_related("image"):
            item.image.get_renditions(*PRODUCT_SPECS)
    elif isinstance(page, VendorPage):
        for image in (page.logo, page.cover_image):
            if image:
                image.get_renditions(*VENDOR_SPECS)
        for item in page.gallery_images.select_related("image"):
            item.image.get_renditions(*CARD, *GALLERY)
