"""Two-factor sign-in to the admin with an authenticator app (TOTP, django-otp).

Available to every admin user and offered in the menu to curators and operators, whose
accounts can publish and manage users. A user who has confirmed a device must, after the
password, type the six-digit code before any other admin page opens (RequireOTPMiddleware).

django-otp throttles wrong codes per device (growing delays) and refuses a code already used;
the password step is rate-limited by django-axes (settings: AXES_*).
"""

from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.ownership import CURATOR_GROUP, OPERATOR_GROUP

DEVICE_NAME = "aplikasi-autentikator"
# Admin paths a signed-in user may reach before typing the code.
EXEMPT_URL_NAMES = ("catalog_2fa_verify", "wagtailadmin_logout", "wagtailadmin_login")


def offers_two_factor(user):
    """Curators, operators and superusers see the menu item (anyone may use the page)."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[CURATOR_GROUP, OPERATOR_GROUP]).exists()
    )


def needs_verification(request):
    user = getattr(request, "user", None)
    return (
        user is not None
        and user.is_authenticated
        and not user.is_verified()
        and user_has_device(user, confirmed=True)
    )


class RequireOTPMiddleware:
    """After the password, a user with a confirmed device is sent to the code page until the
    code is given; only the admin is guarded (the public site has no logins)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("wagtailadmin_home")) and needs_verification(request):
            exempt = {reverse(name) for name in EXEMPT_URL_NAMES}
            if request.path not in exempt and not request.path.startswith(
                reverse("wagtailadmin_password_reset")
            ):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('catalog_2fa_verify')}?{query}")
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Kode 6 angka dari aplikasi autentikator"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("Kode terdiri dari 6 angka."))
        return token


class TwoFactorBase(WagtailAdminTemplateMixin, FormView):
    form_class = TokenForm
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class TwoFactorSetupView(TwoFactorBase):
    """Show the QR code and the secret of a new device; confirm it with a first code. With a
    confirmed device: turn two-factor sign-in off (with a current code)."""

    template_name = "catalog/admin/two_factor_setup.html"
    page_title = gettext_lazy("Verifikasi dua langkah")

    def confirmed_device(self):
        return TOTPDevice.objects.filter(user=self.request.user, confirmed=True).first()

    def pending_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name=DEVICE_NAME, confirmed=False
            )
        return device

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        confirmed = self.confirmed_device()
        context["confirmed"] = confirmed
        if confirmed is None:
            device = self.pending_device()
            from base64 import b32encode

            context["secret"] = b32encode(device.bin_key).decode()
            # SVG markup drawn by segno from our own otpauth:// URL: no user-supplied markup.
            context["qr_svg"] = mark_safe(  # noqa: S308  # nosec B308 B703
                segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=False)
            )
        return context

    def form_valid(self, form):
        token = form.cleaned_data["token"]
        confirmed = self.confirmed_device()
        if confirmed is not None:
            if not confirmed.verify_token(token):
                form.add_error("token", _("Kode salah atau sudah dipakai."))
                return self.form_invalid(form)
            TOTPDevice.objects.filter(user=self.request.user).delete()
            messages.success(self.request, _("Verifikasi dua langkah dimatikan."))
            return redirect("catalog_2fa_setup")
        device = self.pending_device()
        if not device.verify_token(token):
            form.add_error("token", _("Kode salah atau sudah dipakai."))
            return self.form_invalid(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=self.request.user, confirmed=False).delete()
        otp_login(self.request, device)
        messages.success(
            self.request, _("Verifikasi dua langkah aktif: kode diminta setiap kali masuk.")
        )
        return redirect("catalog_2fa_setup")


class TwoFactorVerifyView(TwoFactorBase):
    """The second step of signing in."""

    template_name = "catalog/admin/two_factor_verify.html"
    page_title = gettext_lazy("Masukkan kode verifikasi")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(url, {self.request.get_host()}, require_https=False):
            return url
        return reverse("wagtailadmin_home")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.next_url()}

    def form_valid(self, form):
        token = form.cleaned_data["token"]
        for device in TOTPDevice.objects.filter(user=self.request.user, confirmed=True):
            if device.verify_token(token):
                otp_login(self.request, device)
                return redirect(self.next_url())
        form.add_error("token", _("Kode salah atau sudah dipakai. Tunggu kode berikutnya."))
        return self.form_invalid(form)
