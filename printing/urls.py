from django.urls import path

from printing import views

urlpatterns = [path("<str:kind>/<str:key>/", views.download, name="catalog_pdf")]
