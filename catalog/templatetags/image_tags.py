"""Wagtail's image tags ({% image %}, {% srcset_image %}, {% picture %}) with each tag's
Filter objects made once, when the template is compiled, instead of at every render.

Wagtail builds new Filter objects each time one of these tags renders, and a new Filter parses
its spec's operations again (`inspect.getcallargs` per operation). On a catalog page of 24
cards with two sizes each that was about a seventh of the page's CPU time. A tag's specs are
fixed when the template is parsed and a Filter does not change once made, so one set per tag
is enough. Templates load `image_tags` instead of `wagtailimages_tags`; the syntax is Wagtail's.
"""

from django import template
from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags as wagtail

register = template.Library()


class ImageNode(wagtail.ImageNode):
    def get_filter(self):
        if not hasattr(self, "_filter"):
            self._filter = Filter(spec="|".join(self.filter_specs))
        return self._filter


class SrcsetImageNode(wagtail.SrcsetImageNode):
    def get_filters(self):
        if not hasattr(self, "_filters"):
            self._filters = [Filter(spec=spec) for spec in Filter.expand_spec(self.filter_specs)]
        return self._filters


class PictureNode(wagtail.PictureNode, SrcsetImageNode):
    pass


NODES = {
    wagtail.ImageNode: ImageNode,
    wagtail.SrcsetImageNode: SrcsetImageNode,
    wagtail.PictureNode: PictureNode,
}


def image(parser, token):
    """Wagtail's parser (same syntax and errors), returning the node that keeps its filters."""
    node = wagtail.image(parser, token)
    return NODES[type(node)](
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
