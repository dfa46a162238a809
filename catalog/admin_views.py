"""Admin views of the catalog: onboarding an IKM (operators); the spreadsheet import is in
catalog/import_views.py."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.models import Region, Sentra
from catalog.onboarding import Owner, onboard_ikm
from catalog.ownership import vendors_owned_by


def can_onboard(user):
    return user.is_authenticated and user.has_perm("catalog.onboard_vendor")


def can_import_any(user):
    return user.is_authenticated and user.has_perm("catalog.import_any_catalog")


def can_import(user):
    return can_import_any(user) or (user.is_authenticated and bool(vendors_owned_by(user)))


class AccessMixin:
    def user_may_enter(self, user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_enter(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminFormView(WagtailAdminTemplateMixin, FormView):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


# --- Onboarding --------------------------------------------------------------------------------


class OwnersField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value):
        value = super().clean(value)
        owners = [Owner.parse(line) for line in value.splitlines() if line.strip()]
        for owner in owners:
            try:
                forms.EmailField().clean(owner.email)
            except ValidationError as error:
                raise ValidationError(
                    _("Alamat email tidak sah: %(email)s") % {"email": owner.email}
                ) from error
        return owners


class OnboardForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Nama IKM"), max_length=255)
    region = forms.ModelChoiceField(label=gettext_lazy("Wilayah"), queryset=Region.objects.all())
    sentra = forms.ModelChoiceField(
        label=gettext_lazy("Sentra"), queryset=Sentra.objects.all(), required=False
    )
    owner_names = forms.CharField(
        label=gettext_lazy("Nama pemilik (di profil)"), max_length=200, required=False
    )
    whatsapp = forms.CharField(label=gettext_lazy("WhatsApp"), max_length=20, required=False)
    email = forms.EmailField(label=gettext_lazy("Email IKM"), required=False)
    owners = OwnersField(
        label=gettext_lazy("Akun pemilik"),
        required=False,
        help_text=gettext_lazy(
            "Satu per baris: 'Nama <email>' atau email saja. Akun baru menerima tautan untuk "
            "membuat kata sandi."
        ),
    )
    publish = forms.BooleanField(label=gettext_lazy("Terbitkan profil sekarang"), required=False)


class OnboardView(AccessMixin, AdminFormView):
    """Operators onboard an IKM and its owners in one step (the same service as the command)."""

    template_name = "catalog/admin/onboard.html"
    form_class = OnboardForm
    page_title = gettext_lazy("Daftarkan IKM")
    header_icon = "user"

    def user_may_enter(self, user):
        return can_onboard(user)

    def form_valid(self, form):
        data = form.cleaned_data
        profile = {
            name: data[name]
            for name in ("sentra", "owner_names", "whatsapp", "email")
            if data[name]
        }
        try:
            result = onboard_ikm(
                data["title"], data["region"], data["owners"], publish=data["publish"], **profile
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("IKM %(ikm)s siap: %(owners)s pemilik, %(invited)s undangan dikirim.")
            % {
                "ikm": result.vendor.title,
                "owners": len(result.users),
                "invited": len(result.invited),
            },
        )
        return redirect("wagtailadmin_pages:edit", result.vendor.pk)
