"""/kebutuhan/ (and /en/kebutuhan/): the public list of open needs and their pages."""

from django.urls import path

from sourcing import views_public

app_name = "sourcing_public"

urlpatterns = [
    path("", views_public.request_list, name="list"),
    path("<slug:slug>/", views_public.request_detail, name="detail"),
    path("<slug:slug>/lampiran/<int:pk>/", views_public.request_attachment, name="attachment"),
]
