"""The order form: the buyer, where to ship, how many. The price is the server's, always."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.money import format_rupiah
from catalog.phone import normalise_phone

from .models import Order


class OrderForm(forms.ModelForm):
    """Buy-now of one product. `product` and `price` come back as hidden fields only to notice a
    page that was tampered with or has gone stale; the order uses the product's price now."""

    quantity = forms.IntegerField(
        label=_("Jumlah"),
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        error_messages={
            "required": _("Isi jumlah yang ingin dibeli."),
            "invalid": _("Jumlah harus berupa angka bulat."),
        },
    )
    product = forms.IntegerField(widget=forms.HiddenInput, required=False)
    price = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Order
        fields = [
            "name",
            "email",
            "phone",
            "province",
            "city",
            "district",
            "postal_code",
            "street",
            "note",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "district": forms.TextInput(attrs={"autocomplete": "address-level3"}),
            "postal_code": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 5}
            ),
            "street": forms.Textarea(
                attrs={"rows": 3, "autocomplete": "street-address", "maxlength": 500}
            ),
            "note": forms.TextInput(attrs={"maxlength": 500}),
        }
        error_messages = {
            "name": {"required": _("Isi nama penerima.")},
            "email": {"required": _("Isi alamat email untuk tanda terima.")},
            "phone": {"required": _("Isi nomor telepon penerima untuk kurir.")},
            "province": {"required": _("Pilih provinsi.")},
            "city": {"required": _("Isi kota atau kabupaten.")},
            "district": {"required": _("Isi kecamatan.")},
            "postal_code": {"required": _("Isi kode pos.")},
            "street": {"required": _("Isi alamat jalan, nomor rumah, RT/RW.")},
        }

    field_order = ["quantity"]

    def __init__(self, *args, product, **kwargs):
        self.product = product
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Pilih provinsi")), *Order.PROVINCES]
        self.fields["quantity"].widget.attrs["min"] = product.min_order
        if product.stock:
            self.fields["quantity"].widget.attrs["max"] = product.stock
        self.fields["quantity"].help_text = _("Minimal %(min)s, stok %(stock)s %(unit)s.") % {
            "min": product.min_order,
            "stock": product.stock or 0,
            "unit": product.get_price_unit_display(),
        }

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        product = self.product
        if quantity < 1:
            raise ValidationError(_("Jumlah minimal 1."), code="min_quantity")
        if quantity < product.min_order:
            raise ValidationError(
                _("Pembelian minimal %(min)s %(unit)s.")
                % {"min": product.min_order, "unit": product.get_price_unit_display()},
                code="min_order",
            )
        if not product.stock:
            raise ValidationError(_("Maaf, stok produk ini habis."), code="sold_out")
        if quantity > product.stock:
            raise ValidationError(
                _("Stok tinggal %(stock)s %(unit)s.")
                % {"stock": product.stock, "unit": product.get_price_unit_display()},
                code="above_stock",
            )
        return quantity

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("product") != self.product.pk:
            raise ValidationError(
                _("Formulir ini bukan untuk produk ini. Buka lagi halaman produknya."),
                code="wrong_product",
            )
        if cleaned.get("price") != self.product.price:
            raise ValidationError(
                _("Harga produk ini sekarang %(price)s. Periksa lagi sebelum membayar.")
                % {"price": format_rupiah(self.product.price)},
                code="price_changed",
            )
        return cleaned
