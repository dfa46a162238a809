from django.urls import path

from . import views

urlpatterns = [
    path("tanya/<int:page_id>/", views.inquiry_form, name="inquiry_form"),
    path("tanya/token/", views.inquiry_token, name="inquiry_token"),
    path("tanya/terkirim/<str:token>/", views.inquiry_sent, name="inquiry_sent"),
    path("wa/<int:page_id>/", views.whatsapp, name="inquiry_whatsapp"),
]
