"""The Wagtail image form, with its file field behind the project's image gate.

`WAGTAILIMAGES_IMAGE_FORM_BASE` points here, so every Wagtail form that takes an image file
uses it: the add and edit views, the multiple uploader (its upload form is this form) and the
chooser's upload tab.
"""

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from catalog.image_gate import check_image


class GatedImageField(WagtailImageField):
    """Wagtail's image field, with `check_image()` run before Wagtail opens the file.

    Wagtail's own checks still run after it, on a file the gate has found readable, so a
    file Pillow cannot identify is refused with a message instead of a server error.
    """

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "read") and hasattr(data, "size"):
            check_image(data, getattr(data, "name", None) or "")
        return super().to_python(data)


class CatalogImageForm(BaseImageForm):
    """The base of every Wagtail image form: the file field is a `GatedImageField`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, GatedImageField):
            self.fields["file"] = GatedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
