"""The buyer side of quotes, under /kebutuhan/perusahaan/penawaran/ (and /en/...)."""

from django.urls import path

from sourcing import quote_views as views

app_name = "sourcing_quotes"

urlpatterns = [
    path("<slug:slug>/", views.compare, name="compare"),
    path("<slug:slug>/menangkan/", views.award_view, name="award"),
    path("q/<int:pk>/", views.quote_detail, name="quote"),
    path("q/<int:pk>/daftar-pendek/", views.shortlist, name="shortlist"),
    path("q/<int:pk>/lampiran/<int:attachment_pk>/", views.attachment, name="attachment"),
]
