"""Wagtail's page chooser views where its `construct_page_chooser_queryset` hook does not
reach, with the choosers' rule applied (catalog/chooser_scope.py); mounted at Wagtail's own
paths (config/urls.py)."""

from django.http import Http404
from django.urls import reverse
from wagtail.admin.views import chooser
from wagtail.models import Page

from catalog.chooser_scope import choosable


class PageBrowseView(chooser.BrowseView):
    """Wagtail's view with the rule applied to the page browsed: its title is the heading."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            parent = Page.objects.filter(pk=parent_page_id)
            if not choosable(parent, request.user).exists():
                raise Http404
        return super().get(request, parent_page_id)


class PageChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail's view with the rule applied: `?id=` alone gave any page's admin title."""

    def get(self, request):
        ids = [v for v in request.GET.getlist("id") if v.isascii() and v.isdigit()]
        pages = choosable(Page.objects.filter(pk__in=ids), request.user)
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
