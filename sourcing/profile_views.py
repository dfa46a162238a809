"""Capability profiles in the Wagtail admin: owners edit their own IKM's, curators verify.

Who may do what is decided here and nowhere else:

* an IKM's owners (`catalog.ownership.vendors_owned_by`) list and edit the profiles of their own
  IKM only; another IKM's profile is a 404, whatever the URL. Saving a change makes the profile
  unverified again, as changing a certificate does;
* curators and operators (`catalog.verify_certificate`, the permission that verifies
  certificates) list every IKM, edit any profile and verify it;
* everyone else gets Wagtail's permission-denied answer.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.models import VendorPage
from sourcing.models import CapabilityProfile
from sourcing.profile_forms import CapabilityProfileForm
from sourcing.visibility import owned_vendor_ids

URL_NAMESPACE = "sourcing_profiles"
VERIFY_PERMISSION = "catalog.verify_certificate"


def may_verify(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm(VERIFY_PERMISSION))


def may_use_profiles(user):
    return may_verify(user) or (user.is_authenticated and bool(owned_vendor_ids(user)))


def editable_vendors(user):
    vendors = VendorPage.objects.all()
    if may_verify(user):
        return vendors
    return vendors.filter(pk__in=owned_vendor_ids(user))


def profile_url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


class ProfileAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_use_profiles(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProfileIndexView(ProfileAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "sourcing/match/admin/profile_index.html"
    page_title = gettext_lazy("Profil kemampuan")
    header_icon = "cogs"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profiles = CapabilityProfile.objects.filter(vendor=OuterRef("pk"))
        vendors = (
            editable_vendors(self.request.user)
            .annotate(has_profile=Exists(profiles))
            .select_related("capability_profile", "region")
            .order_by("title")
        )
        if self.request.GET.get("status") == "unverified":
            vendors = vendors.filter(has_profile=True, capability_profile__verified_at__isnull=True)
        context.update(
            vendors=vendors[:500], may_verify=may_verify(self.request.user), url=profile_url
        )
        return context


class ProfileEditView(ProfileAccessMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "sourcing/match/admin/profile_edit.html"
    form_class = CapabilityProfileForm
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if may_use_profiles(request.user):
            self.vendor = get_object_or_404(editable_vendors(request.user), pk=kwargs["vendor_id"])
            self.profile = CapabilityProfile.objects.filter(vendor=self.vendor).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Profil kemampuan")

    def get_page_subtitle(self):
        return self.vendor.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": profile_url("index"), "label": _("Profil kemampuan")},
            {"url": "", "label": self.vendor.title},
        ]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(vendor=self.vendor, instance=self.profile)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            vendor=self.vendor,
            profile=self.profile,
            may_verify=may_verify(self.request.user),
            verify_url=profile_url("verify", self.vendor.pk),
        )
        return context

    def form_valid(self, form):
        profile = form.save(commit=False)
        profile.vendor = self.vendor
        if not may_verify(self.request.user) and form.has_changed():
            profile.verified_at = None
            profile.verified_by = None
        profile.save()
        form.save_m2m()
        messages.success(
            self.request, _("Profil kemampuan %(ikm)s disimpan.") % {"ikm": self.vendor.title}
        )
        return redirect(profile_url("edit", self.vendor.pk))


class ProfileVerifyView(ProfileAccessMixin, View):
    """A curator's "verified" (POST only); owners are refused even on their own profile."""

    def post(self, request, vendor_id):
        if not may_verify(request.user):
            raise PermissionDenied
        profile = get_object_or_404(CapabilityProfile, vendor_id=vendor_id)
        profile.verified_at = timezone.now()
        profile.verified_by = request.user
        profile.save(update_fields=["verified_at", "verified_by", "updated_at"])
        messages.success(
            request, _("Profil kemampuan %(ikm)s diverifikasi.") % {"ikm": profile.vendor.title}
        )
        return redirect(profile_url("edit", vendor_id))
