from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api.urls import api_router
from catalog.account_views import AdminLoginView, AdminLogoutView
from catalog.currency import rates_json as exchange_rates_json
from catalog.page_chooser_views import PageBrowseView, PageChosenMultipleView
from catalog.sitemaps import BilingualSitemap
from catalog.stats.beacon import product_view_beacon
from catalog.views import robots_txt
from config.health import healthz
from orders.views import stripe_webhook
from search.views import autocomplete_view, search_view
from sourcing.sitemaps import OpenRequestSitemap

urlpatterns = [
    # Wagtail's paths, our views (catalog/account_views.py, catalog/page_chooser_views.py);
    # the admin's own come after.
    path("admin/login/", AdminLoginView.as_view()),
    path("admin/logout/", AdminLogoutView.as_view()),
    path("admin/choose-page/<int:parent_page_id>/", PageBrowseView.as_view()),
    path("admin/choose-page/chosen-multiple/", PageChosenMultipleView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": BilingualSitemap, "kebutuhan": OpenRequestSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("statistik/lihat/<int:product_id>/", product_view_beacon, name="product_view_beacon"),
    # Printed catalogs (printing/): the public "Unduh katalog (PDF)" link, both languages.
    path("katalog-pdf/", include("printing.urls")),
]

# The read-only public API (api/), outside i18n_patterns: it serves both languages at once.
urlpatterns += [path("api/v2/", api_router.urls)]

if settings.SERVE_MEDIA:
    # Development and tests only; production serves media from object storage or the proxy.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media"
        )
    ]

# The feeds (feeds/urls.py): Google and Meta product feeds, Atom; /feeds/ and /en/feeds/.
urlpatterns += i18n_patterns(path("feeds/", include("feeds.urls")), prefix_default_language=False)

urlpatterns += i18n_patterns(
    path("cari/", search_view, name="search"),
    path("cari/saran/", autocomplete_view, name="search_autocomplete"),
    path("", include("inquiries.urls")),
    path("", include("orders.urls")),
    path("kebutuhan/perusahaan/penawaran/", include("sourcing.urls_quotes")),
    path("kebutuhan/", include("sourcing.urls_buyers")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("kurs.json", exchange_rates_json, name="exchange_rates"),
    path("kebutuhan/", include("sourcing.urls_public")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database outage answers a 503 page with Retry-After instead of the 500 page.
handler500 = "config.unavailable.server_error"
