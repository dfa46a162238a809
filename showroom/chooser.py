"""The curators' product chooser: pick a product by name, narrowed by category, IKM and region.

Wagtail's page chooser browses the tree one IKM at a time; with hundreds of IKM a curator
building an exhibition wants "every batik from Kota Cirebon" instead. A ChooserViewSet over
ProductPage with its own filter form gives that, as a form widget (shelf placements, exhibition
items) and as a StreamField block (the home page's featured products). It lists published
products; the chosen views and the IKM filter follow the page choosers' rule
(catalog/chooser_scope.py), so an owner never learns another IKM's unpublished titles.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenMultipleView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalog.chooser_scope import choosable
from catalog.models import Category, ProductPage, Region, VendorPage


class ProductFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Nama produk"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("Cari nama produk")}),
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"), queryset=Category.objects.none(), required=False
    )
    vendor = forms.ModelChoiceField(
        label=_("IKM"), queryset=VendorPage.objects.none(), required=False
    )
    region = forms.ModelChoiceField(
        label=_("Wilayah"), queryset=Region.objects.none(), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.select_related("parent").order_by(
            "sort_order", "name"
        )
        self.fields["vendor"].queryset = choosable(VendorPage.objects.order_by("title"), user)
        self.fields["region"].queryset = Region.objects.order_by("name")

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            objects = objects.filter(title__icontains=data["q"])
            self.is_searching = True
            self.search_query = data["q"]
        if data.get("category"):
            category = data["category"]
            objects = objects.filter(
                pk__in=ProductPage.objects.filter(
                    category__in=[category.pk, *category.children.values_list("pk", flat=True)]
                ).values("pk")
            )
        if data.get("vendor"):
            objects = objects.filter(vendor=data["vendor"])
        if data.get("region"):
            objects = objects.filter(vendor__region=data["region"])
        return objects


class ProductChooserMixin:
    filter_form_class = ProductFilterForm
    per_page = 20

    def get_filter_form(self):
        return self.get_filter_form_class()(self.request.GET, user=self.request.user)

    def get_object_list(self):
        products = choosable(ProductPage.objects.live(), self.request.user)
        return products.select_related("vendor", "vendor__region", "category")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("vendor", label=_("IKM"), accessor=lambda p: p.vendor.title if p.vendor else ""),
            Column(
                "region",
                label=_("Wilayah"),
                accessor=lambda p: p.vendor.region.name if p.vendor else "",
            ),
            Column("category", label=_("Kategori"), accessor="category"),
        ]


class ProductChooseView(ProductChooserMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductChooserMixin, ChooseResultsView):
    pass


class ProductChosenView(ChosenView):
    """Answers only for a product the user may choose: the id alone gave any product's title."""

    def get_object(self, pk):
        return choosable(ProductPage.objects.all(), self.request.user).get(pk=pk)


class ProductChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks):
        return choosable(ProductPage.objects.filter(pk__in=pks), self.request.user)


class ProductChooserViewSet(ChooserViewSet):
    model = ProductPage
    icon = "tag"
    choose_one_text = _("Pilih produk")
    choose_another_text = _("Pilih produk lain")
    edit_item_text = _("Ubah produk")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    chosen_view_class = ProductChosenView
    chosen_multiple_view_class = ProductChosenMultipleView
    # Only where we ask for it: other apps' forms keep Wagtail's own widgets.
    register_widget = False
    ordering = ("title",)


product_chooser_viewset = ProductChooserViewSet("showroom_product_chooser")
ProductChooserWidget = product_chooser_viewset.widget_class


# A product in a StreamField (the home page's featured products), with the same chooser.
ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="showroom.chooser"
)
