"""Admin forms that need to know where a page goes in the tree."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ProductPageForm(WagtailAdminPageForm):
    """Checks the SKU against the IKM's other products, also when the product is new.

    The model's clean() cannot: a page being created has no place in the tree yet, but the
    admin form knows its parent page.
    """

    def clean_sku(self):
        from catalog.models import ProductPage

        sku = (self.cleaned_data.get("sku") or "").strip().upper()
        parent = getattr(self, "parent_page", None)
        if sku and parent is not None:
            clash = (
                ProductPage.objects.child_of(parent)
                .filter(sku__iexact=sku)
                .exclude(pk=self.instance.pk)
                .exists()
            )
            if clash:
                raise ValidationError(_("SKU ini sudah dipakai produk lain dari IKM ini."))
        return sku
