from django.urls import path

from . import list_views, views

urlpatterns = [
    path("tanya/<int:page_id>/", views.inquiry_form, name="inquiry_form"),
    path("tanya/token/", views.inquiry_token, name="inquiry_token"),
    path("tanya/terkirim/<str:token>/", views.inquiry_sent, name="inquiry_sent"),
    path("wa/<int:page_id>/", views.whatsapp, name="inquiry_whatsapp"),
    path("daftar-tanya/", list_views.list_page, name="inquiry_list"),
    path("daftar-tanya/tambah/", list_views.add, name="inquiry_list_add"),
    path("daftar-tanya/hapus/", list_views.remove, name="inquiry_list_remove"),
    path("daftar-tanya/terkirim/<str:token>/", list_views.sent, name="inquiry_list_sent"),
]
