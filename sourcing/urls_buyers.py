"""The buyers' public URLs: sign-up, sign-in, the buyer area, spec file downloads.

Included from config/urls.py BEFORE sourcing/urls_public.py: its `/kebutuhan/<slug>/` would
otherwise catch `daftar`, `masuk` and `perusahaan`.
"""

from django.urls import path

from sourcing import views_account, views_area

app_name = "sourcing_buyers"

urlpatterns = [
    path("daftar/", views_account.register, name="register"),
    path("masuk/", views_account.BuyerLoginView.as_view(), name="login"),
    path("keluar/", views_account.BuyerLogoutView.as_view(), name="logout"),
    path("lampiran/<int:pk>/", views_area.spec_download, name="spec_download"),
    path("perusahaan/", views_area.home, name="home"),
    path("perusahaan/profil/", views_area.company_edit, name="company_edit"),
    path("perusahaan/anggota/baru/", views_area.member_add, name="member_add"),
    path("perusahaan/kebutuhan/baru/", views_area.request_create, name="request_create"),
    path("perusahaan/kebutuhan/<int:pk>/", views_area.request_detail, name="request_detail"),
    path("perusahaan/kebutuhan/<int:pk>/ubah/", views_area.request_edit, name="request_edit"),
    path(
        "perusahaan/kebutuhan/<int:pk>/lampiran/",
        views_area.attachment_add,
        name="attachment_add",
    ),
    path(
        "perusahaan/kebutuhan/<int:pk>/lampiran/<int:attachment_pk>/hapus/",
        views_area.attachment_delete,
        name="attachment_delete",
    ),
    path(
        "perusahaan/kebutuhan/<int:pk>/terbitkan/",
        views_area.request_publish,
        name="request_publish",
    ),
    path(
        "perusahaan/kebutuhan/<int:pk>/batalkan/", views_area.request_cancel, name="request_cancel"
    ),
]
