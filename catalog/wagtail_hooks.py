"""Admin registration: taxonomies as snippets with filtered listings for curators; the
onboarding and import views with their menu items; two-factor sign-in and its reset; the
owner's dashboard panel."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalog import admin_views, import_views, two_factor, two_factor_reset, user_admin
from catalog.chooser_scope import choosable
from catalog.dashboard import OwnerProductsPanel, OwnerSummary
from catalog.models import Category, CertificateType, ExchangeRate, Material, Region, Sentra, Unit
from catalog.stats import metrics as stats_metrics
from catalog.stats import views as stats_views
from catalog.stats.panel import StatisticsPanel
from catalog.translation_report import URL_NAME, NeedsTranslationView


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "name_en", "parent", "slug", "sort_order"]
    list_filter = ["parent"]
    search_fields = ["name", "name_en"]
    ordering = ["parent__name", "sort_order", "name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "kind", "province"]
    list_filter = ["kind", "province"]
    search_fields = ["name"]


class SentraViewSet(SnippetViewSet):
    model = Sentra
    icon = "group"
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "list-ul"
    list_display = ["name", "code", "aliases"]
    search_fields = ["name", "code", "aliases"]


class CertificateTypeViewSet(SnippetViewSet):
    model = CertificateType
    icon = "success"
    list_display = ["name", "code", "issuer"]
    search_fields = ["name", "code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taksonomi")
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (
        CategoryViewSet,
        RegionViewSet,
        SentraViewSet,
        MaterialViewSet,
        CertificateTypeViewSet,
        UnitViewSet,
    )


register_snippet(TaxonomyGroup)


class ExchangeRateViewSet(SnippetViewSet):
    """Operators and curators keep the rates of /en/ pages' indicative prices (owners have no
    permission on them: catalog/ownership.py)."""

    model = ExchangeRate
    icon = "pick"
    menu_label = _("Kurs mata uang")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["currency", "rupiah_per_unit", "rate_date"]
    ordering = ["currency"]


register_snippet(ExchangeRateViewSet)


@hooks.register("register_admin_urls")
def register_needs_translation_url():
    return [
        path(
            "perlu-terjemahan/",
            NeedsTranslationView.as_view(),
            name=URL_NAME,
        )
    ]


@hooks.register("register_reports_menu_item")
def register_needs_translation_menu_item():
    return MenuItem(
        _("Perlu terjemahan"),
        reverse(URL_NAME),
        name="perlu-terjemahan",
        icon_name="globe",
        order=950,
    )


# --- Owners and operators: onboarding, import, the owner's dashboard ----------------------------


class OnboardMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_onboard(request.user)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_admin_urls")
def register_catalog_admin_urls():
    return [
        path(
            "katalog/",
            include(
                (
                    [
                        path("impor/", import_views.ImportView.as_view(), name="upload"),
                        path(
                            "impor/templat.<str:fmt>",
                            import_views.TemplateDownloadView.as_view(),
                            name="template",
                        ),
                        path(
                            "impor/<int:pk>/",
                            import_views.ImportJobView.as_view(),
                            name="job",
                        ),
                    ],
                    "catalog_import",
                ),
                namespace="catalog_import",
            ),
        ),
        path("ikm/daftarkan/", admin_views.OnboardView.as_view(), name="catalog_onboard"),
        path("2fa/", two_factor.TwoFactorSetupView.as_view(), name="catalog_2fa_setup"),
        path(
            "2fa/verifikasi/", two_factor.TwoFactorVerifyView.as_view(), name="catalog_2fa_verify"
        ),
        path(
            "2fa/kode-cadangan/",
            two_factor.RecoveryCodesView.as_view(),
            name="catalog_2fa_recovery_codes",
        ),
        path(
            "2fa/atur-ulang/<int:user_id>/",
            two_factor_reset.ResetTwoFactorView.as_view(),
            name="catalog_2fa_reset",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Impor katalog"), reverse("catalog_import:upload"), icon_name="upload", order=260
    )


@hooks.register("register_admin_menu_item")
def register_onboard_menu_item():
    return OnboardMenuItem(
        _("Daftarkan IKM"), reverse("catalog_onboard"), icon_name="user", order=270
    )


class TwoFactorMenuItem(MenuItem):
    def is_shown(self, request):
        return two_factor.offers_two_factor(request.user)


@hooks.register("register_admin_menu_item")
def register_two_factor_menu_item():
    return TwoFactorMenuItem(
        _("Verifikasi dua langkah"), reverse("catalog_2fa_setup"), icon_name="key", order=10000
    )


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if two_factor_reset.may_reset_two_factor(request_user, user):
        yield Button(
            _("Atur ulang verifikasi dua langkah"),
            reverse("catalog_2fa_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        two_factor_reset.RESET_ACTION,
        _("Atur ulang verifikasi dua langkah"),
        _("Perangkat verifikasi dua langkah dan kode cadangan dihapus"),
    )


@hooks.register("construct_homepage_panels")
def add_owner_products_panel(request, panels):
    summary = OwnerSummary(request.user)
    if summary.is_owner:
        panels.append(OwnerProductsPanel(summary))


# --- User administration, scoped (catalog/user_admin.py) ----------------------------------------

# Same action types as Wagtail's own, registered after them (order=1) so these replace them.
for _action_class in user_admin.BULK_ACTIONS:
    hooks.register("register_bulk_action", _action_class, order=1)


@hooks.register("register_user_listing_buttons")
def user_listing_password_link_button(user, request_user):
    """The listing holds only accounts the viewer may manage; the view checks again."""
    if user.email and request_user.has_perm(user_admin.CHANGE_USER_PERMISSION):
        yield Button(
            _("Kirim tautan kata sandi"),
            reverse(f"wagtailusers_users:{user_admin.SEND_LINK_URL_NAME}", args=[user.pk]),
            icon_name="mail",
            priority=40,
        )


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    """Owners choose among published pages and their own (catalog/chooser_scope.py)."""
    return choosable(pages, request.user)


# --- Statistics (catalog/stats): the pages, the menu item, the dashboard panel ------------------


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return stats_metrics.may_see_statistics(request.user)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path(
            "statistik/",
            include(
                (
                    [
                        path("", stats_views.StatisticsIndexView.as_view(), name="index"),
                        path("csv/", stats_views.StatisticsCsvView.as_view(), name="csv"),
                        path(
                            "produk/<int:pk>/",
                            stats_views.ProductStatisticsView.as_view(),
                            name="product",
                        ),
                        path(
                            "produk/<int:pk>/csv/",
                            stats_views.ProductStatisticsCsvView.as_view(),
                            name="product_csv",
                        ),
                    ],
                    "catalog_stats",
                ),
                namespace="catalog_stats",
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistik"), reverse("catalog_stats:index"), icon_name="table", order=255
    )


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    if stats_metrics.may_see_statistics(request.user):
        panels.append(StatisticsPanel(request.user))


@hooks.register("insert_global_admin_css")
def owners_admin_css():
    """Statistics cards and the inbox on a phone (static/css/admin-owners.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-owners.css"))
