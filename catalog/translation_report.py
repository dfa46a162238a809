"""The "needs translation" report: live products, IKM profiles and categories without English.

English is optional for owners, so curators need a worklist of what still shows Indonesian on
the English site. Everyone with admin access may open it; each sees only what they may edit:
pages through Wagtail's page permissions (an owner sees their own IKM and its products, a
curator the whole catalog) and categories only with the permission to change them.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from catalog.models import Category, ProductPage, VendorPage
from catalog.translation import missing_english

PAGE_SIZE = 50
URL_NAME = "catalog_needs_translation"


def _editable(model, user):
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return model.objects.live().filter(pk__in=pages.values("pk"))


def _untranslated_products(user):
    return _editable(ProductPage, user).filter(Q(title_en="") | (~Q(summary="") & Q(summary_en="")))


def _untranslated_vendors(user):
    return _editable(VendorPage, user).filter(
        (~Q(story="") & Q(story_en="")) | (~Q(listing_summary="") & Q(listing_summary_en=""))
    )


def _untranslated_categories(user):
    if not user.has_perm("catalog.change_category"):
        return None
    return Category.objects.filter(name_en="")


KINDS = {
    # slug: (label, queryset for a user, edit URL of an item, fields to check)
    "produk": (
        gettext_lazy("Produk"),
        _untranslated_products,
        lambda item: reverse("wagtailadmin_pages:edit", args=[item.pk]),
        ["title", "summary", "description"],
    ),
    "ikm": (
        gettext_lazy("Profil IKM"),
        _untranslated_vendors,
        lambda item: reverse("wagtailadmin_pages:edit", args=[item.pk]),
        ["listing_summary", "story", "monthly_capacity"],
    ),
    "kategori": (
        gettext_lazy("Kategori"),
        _untranslated_categories,
        lambda item: reverse("wagtailsnippets_catalog_category:edit", args=[item.pk]),
        ["name", "description"],
    ),
}


class NeedsTranslationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "catalog/admin/needs_translation.html"
    page_title = gettext_lazy("Perlu terjemahan")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        querysets = {slug: kind[1](user) for slug, kind in KINDS.items()}
        tabs = [
            {"slug": slug, "label": KINDS[slug][0], "count": queryset.count()}
            for slug, queryset in querysets.items()
            if queryset is not None
        ]
        chosen = self.request.GET.get("jenis", "")
        if chosen not in {tab["slug"] for tab in tabs}:
            chosen = tabs[0]["slug"]
        label, _queryset, edit_url, fields = KINDS[chosen]
        queryset = querysets[chosen]
        if chosen == "produk":
            queryset = queryset.select_related("vendor").order_by("vendor__title", "title")
        elif chosen == "kategori":
            queryset = queryset.select_related("parent").order_by("parent__name", "name")
        else:
            queryset = queryset.order_by("title")
        page = Paginator(queryset, PAGE_SIZE).get_page(self.request.GET.get("p"))
        verbose = {f.name: f.verbose_name for f in queryset.model._meta.get_fields() if f.concrete}
        context.update(
            tabs=tabs,
            chosen=chosen,
            chosen_label=label,
            page_obj=page,
            rows=[
                {
                    "item": item,
                    "edit_url": edit_url(item),
                    "missing": [verbose[name] for name in missing_english(item, fields)],
                }
                for item in page.object_list
            ],
        )
        return context
