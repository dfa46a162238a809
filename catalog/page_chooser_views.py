"""Wagtail's page chooser view that its `construct_page_chooser_queryset` hook does not reach,
with the choosers' rule applied (catalog/chooser_scope.py); mounted at Wagtail's own path."""

from django.urls import reverse
from wagtail.admin.views import chooser
from wagtail.models import Page

from catalog.chooser_scope import choosable


class PageChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail's view with the rule applied: `?id=` alone gave any page's admin title."""

    def get(self, request):
        pages = choosable(Page.objects.filter(pk__in=request.GET.getlist("id")), request.user)
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages.specific()
        ]
        return self.render_chosen_response(result)
