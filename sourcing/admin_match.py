"""MATCH's part of the sourcing admin: the capability profiles (menu item and URLs) and the
owners' dashboard panel of matched needs. Imported by SourcingConfig.ready()."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sourcing import profile_views
from sourcing.match_dashboard import MatchedRequestsPanel
from sourcing.visibility import owned_vendor_ids


class ProfileMenuItem(MenuItem):
    def is_shown(self, request):
        return profile_views.may_use_profiles(request.user)


@hooks.register("register_admin_urls")
def register_profile_urls():
    return [
        path(
            "kemampuan-ikm/",
            include(
                (
                    [
                        path("", profile_views.ProfileIndexView.as_view(), name="index"),
                        path(
                            "<int:vendor_id>/",
                            profile_views.ProfileEditView.as_view(),
                            name="edit",
                        ),
                        path(
                            "<int:vendor_id>/verifikasi/",
                            profile_views.ProfileVerifyView.as_view(),
                            name="verify",
                        ),
                    ],
                    profile_views.URL_NAMESPACE,
                ),
                namespace=profile_views.URL_NAMESPACE,
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_profile_menu_item():
    return ProfileMenuItem(
        _("Profil kemampuan"),
        reverse(f"{profile_views.URL_NAMESPACE}:index"),
        icon_name="cogs",
        order=258,
    )


@hooks.register("construct_homepage_panels")
def add_matched_requests_panel(request, panels):
    if owned_vendor_ids(request.user):
        panels.append(MatchedRequestsPanel(request.user))
