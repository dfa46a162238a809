"""StreamField blocks shared by every page type that has a rich body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "includes/blocks/image_block.html"


class SpecificationBlock(blocks.StructBlock):
    """A small table of product specifications: 'Ukuran kain' | '2 x 1,15 m'."""

    rows = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("label", blocks.CharBlock(label=_("nama"), max_length=80)),
                ("value", blocks.CharBlock(label=_("nilai"), max_length=200)),
            ]
        ),
        label=_("baris"),
    )

    class Meta:
        icon = "table"
        label = _("spesifikasi")
        template = "includes/blocks/specification_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("subjudul"),
        max_length=120,
        form_classname="title",
        template="includes/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraf"), features=["bold", "italic", "link", "ol", "ul"]
    )
    image = ImageBlock(label=_("gambar"))
    specifications = SpecificationBlock()
    quote = blocks.BlockQuoteBlock(label=_("kutipan"))
