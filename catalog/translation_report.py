"""The "needs translation" report: live products, IKM profiles and categories without English.

English is optional for owners, so curators need a worklist of what still shows Indonesian on
the English site. Everyone with admin access may open it; each sees only what they may edit:
pages through Wagtail's page permissions (an owner sees their own IKM and its products, a
curator the whole catalog) and categories only with the permission to change them.

Other apps add their own kinds (showroom: exhibitions, venues) through the Wagtail hook
`HOOK_NAME`, returning a list of `TranslationKind`: catalog imports no other app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from catalog.models import Category, ProductPage, VendorPage
from catalog.translation import missing_english

PAGE_SIZE = 50
URL_NAME = "catalog_needs_translation"
HOOK_NAME = "register_needs_translation_kinds"


@dataclass(frozen=True)
class TranslationKind:
    """A tab of the report: which items lack English for a user, and how to list them."""

    slug: str
    label: str
    queryset: Callable  # user -> queryset, or None when the user may not see this kind
    edit_url: Callable  # item -> URL of its edit view
    fields: list  # the Indonesian fields whose English twin is checked
    ordering: tuple = ("title",)
    select_related: tuple = ()


def editable_live_pages(model, user):
    """Live pages of `model` that `user` may change or publish."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return model.objects.live().filter(pk__in=pages.values("pk"))


def _untranslated_products(user):
    return editable_live_pages(ProductPage, user).filter(
        Q(title_en="") | (~Q(summary="") & Q(summary_en=""))
    )


def _untranslated_vendors(user):
    return editable_live_pages(VendorPage, user).filter(
        (~Q(story="") & Q(story_en="")) | (~Q(listing_summary="") & Q(listing_summary_en=""))
    )


def _untranslated_categories(user):
    if not user.has_perm("catalog.change_category"):
        return None
    return Category.objects.filter(name_en="")


def page_edit_url(item):
    return reverse("wagtailadmin_pages:edit", args=[item.pk])


CATALOG_KINDS = [
    TranslationKind(
        "produk",
        gettext_lazy("Produk"),
        _untranslated_products,
        page_edit_url,
        ["title", "summary", "description"],
        ordering=("vendor__title", "title"),
        select_related=("vendor",),
    ),
    TranslationKind(
        "ikm",
        gettext_lazy("Profil IKM"),
        _untranslated_vendors,
        page_edit_url,
        ["listing_summary", "story", "monthly_capacity"],
    ),
    TranslationKind(
        "kategori",
        gettext_lazy("Kategori"),
        _untranslated_categories,
        lambda item: reverse("wagtailsnippets_catalog_category:edit", args=[item.pk]),
        ["name", "description"],
        ordering=("parent__name", "name"),
        select_related=("parent",),
    ),
]


def translation_kinds():
    """{slug: kind}: the catalog's kinds, then those other apps register through the hook."""
    kinds = list(CATALOG_KINDS)
    for hook in hooks.get_hooks(HOOK_NAME):
        kinds.extend(hook())
    return {kind.slug: kind for kind in kinds}


class NeedsTranslationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "catalog/admin/needs_translation.html"
    page_title = gettext_lazy("Perlu terjemahan")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        kinds = translation_kinds()
        querysets = {slug: kind.queryset(user) for slug, kind in kinds.items()}
        tabs = [
            {"slug": slug, "label": kinds[slug].label, "count": queryset.count()}
            for slug, queryset in querysets.items()
            if queryset is not None
        ]
        chosen = self.request.GET.get("jenis", "")
        if chosen not in {tab["slug"] for tab in tabs}:
            chosen = tabs[0]["slug"]
        kind = kinds[chosen]
        queryset = querysets[chosen].select_related(*kind.select_related).order_by(*kind.ordering)
        page = Paginator(queryset, PAGE_SIZE).get_page(self.request.GET.get("p"))
        verbose = {f.name: f.verbose_name for f in queryset.model._meta.get_fields() if f.concrete}
        context.update(
            tabs=tabs,
            chosen=chosen,
            chosen_label=kind.label,
            page_obj=page,
            rows=[
                {
                    "item": item,
                    "edit_url": kind.edit_url(item),
                    "missing": [verbose[name] for name in missing_english(item, kind.fields)],
                }
                for item in page.object_list
            ],
        )
        return context
