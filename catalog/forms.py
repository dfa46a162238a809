"""Admin forms that need to know where a page goes in the tree."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


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


class CertificateForm(WagtailAdminModelForm):
    """A certificate row: a changed number, type or date undoes its verification.

    Owners cannot set `verified` (the field is left out of their form, see
    catalog.panels.PermissionedInlinePanel), but without this they could keep a curator's
    check while replacing the certificate it vouched for. For users who do see the field
    (curators), what they post is what is saved.
    """

    REVERIFY_FIELDS = ("certificate_type", "number", "issued_on", "expires_on")

    def save(self, commit=True):
        if (
            "verified" not in self.fields
            and self.instance.pk
            and self.instance.verified
            and any(name in self.changed_data for name in self.REVERIFY_FIELDS)
        ):
            self.instance.verified = False
        return super().save(commit=commit)
