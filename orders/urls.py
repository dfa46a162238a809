from django.urls import path

from . import views

urlpatterns = [
    path("beli/<int:product_id>/", views.order_form, name="order_form"),
    path("pesanan/<str:token>/", views.order_success, name="order_success"),
    path("pesanan/<str:token>/batal/", views.order_cancel, name="order_cancel"),
]
