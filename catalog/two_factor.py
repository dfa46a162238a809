"""Two-factor sign-in to the admin with an authenticator app (TOTP, django-otp) and recovery codes.

Required for superusers, operators and curators, whose accounts publish, manage users and read
every IKM's inquiries: after the password, such a user without a device is sent to enrolment
before any other admin page opens, and one with a device to the code page
(RequireOTPMiddleware). IKM owners may opt in; once they have, they are asked for the code too.

Enrolment ends by showing ten recovery codes once (catalog.models.RecoveryCodeDevice keeps only
their digests); each one signs in once in place of a code, so a lost phone needs no database
edit. An operator can reset an owner's devices, only a superuser a staff member's
(catalog/two_factor_reset.py).

django-otp throttles wrong codes per device (growing delays) and refuses a code already used;
the password step is rate-limited by django-axes (settings: AXES_*).
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from django_otp import device_classes, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalog.models import RecoveryCodeDevice
from catalog.ownership import CURATOR_GROUP, OPERATOR_GROUP

DEVICE_NAME = "aplikasi-autentikator"
RECOVERY_DEVICE_NAME = "kode-cadangan"
# Admin URLs open before the second step: signing in and out, the password reset, the icon
# sprite and JavaScript translations every admin page loads, and the code page itself.
EXEMPT_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "catalog_2fa_verify",
)


def requires_two_factor(user):
    """Superusers, operators and curators must use two-factor sign-in (and see the menu item)."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[CURATOR_GROUP, OPERATOR_GROUP]).exists()
    )


offers_two_factor = requires_two_factor


def pending_step(request):
    """The URL name of the step a signed-in user must take before the admin opens, or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user, confirmed=True):
        return "catalog_2fa_verify"
    if requires_two_factor(user):
        return "catalog_2fa_setup"
    return None


def is_exempt(path, step):
    if path.startswith(reverse("wagtailadmin_password_reset")):
        return True
    return path in {reverse(name) for name in (*EXEMPT_URL_NAMES, step)}


def wants_json(request):
    """Admin scripts (choosers, autocomplete, previews) fetch with these headers: a redirect to
    an HTML page would only break them, so they get a 403."""
    return request.headers.get("x-requested-with") == "XMLHttpRequest" or not request.accepts(
        "text/html"
    )


class RequireOTPMiddleware:
    """After the password, every admin URL sends a staff member without a device to enrolment and
    anyone with a confirmed device to the code page, until the code is given. Only the admin is
    guarded (the public site has no logins)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("wagtailadmin_home")):
            step = pending_step(request)
            if step and not is_exempt(request.path, step):
                if wants_json(request):
                    return JsonResponse(
                        {"error": _("Verifikasi dua langkah diperlukan.")}, status=403
                    )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(step)}?{query}")
        return self.get_response(request)


def matching_device(user, token):
    """The user's device that accepts `token` (six digits: the app; otherwise a recovery code),
    or None. A matching recovery code is used up."""
    token = token.strip()
    if token.isascii() and token.isdigit() and len(token) == 6:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = RecoveryCodeDevice.objects.filter(user=user, confirmed=True)
    for device in devices:
        if device.verify_token(token):
            return device
    return None


def remove_devices(user):
    """Delete every two-factor device of `user` (app and recovery codes, confirmed or not)."""
    for model in device_classes():
        model.objects.filter(user=user).delete()


def new_recovery_codes(user):
    """Replace the user's recovery codes; the plain codes are returned to be shown once."""
    device, _created = RecoveryCodeDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_DEVICE_NAME, "confirmed": True}
    )
    return device.replace_codes()


def safe_next(request, default="wagtailadmin_home"):
    url = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path: redirect() takes anything else ("%0d%0a...") for a URL name and fails.
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, {request.get_host()}, require_https=False
    ):
        return url
    return reverse(default)


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
        if not (token.isascii() and token.isdigit()):
            raise forms.ValidationError(_("Kode terdiri dari 6 angka."))
        return token


class CodeForm(forms.Form):
    """A code from the app or a recovery code."""

    token = forms.CharField(
        label=gettext_lazy("Kode 6 angka dari aplikasi autentikator, atau kode cadangan"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class TwoFactorPage(WagtailAdminTemplateMixin):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class TwoFactorSetupView(TwoFactorPage, FormView):
    """Show the QR code and the secret of a new device; confirm it with a first code, then show
    the recovery codes. With a confirmed device: offer new recovery codes, and turn two-factor
    sign-in off (owners) or replace the device (staff, who must enrol again at once)."""

    template_name = "catalog/admin/two_factor_setup.html"
    page_title = gettext_lazy("Verifikasi dua langkah")

    @cached_property
    def confirmed_device(self):
        return TOTPDevice.objects.filter(user=self.request.user, confirmed=True).first()

    def get_form_class(self):
        return CodeForm if self.confirmed_device else TokenForm

    def pending_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name=DEVICE_NAME, confirmed=False
            )
        return device

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["confirmed"] = self.confirmed_device
        context["required"] = requires_two_factor(user)
        context["next"] = safe_next(self.request)
        if self.confirmed_device is None:
            device = self.pending_device()
            context["secret"] = b32encode(device.bin_key).decode()
            # SVG markup drawn by segno from our own otpauth:// URL: no user-supplied markup.
            context["qr_svg"] = mark_safe(  # noqa: S308  # nosec B308 B703
                segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=False)
            )
        else:
            recovery = RecoveryCodeDevice.objects.filter(user=user).first()
            context["recovery_remaining"] = recovery.remaining() if recovery else 0
        return context

    def form_valid(self, form):
        token = form.cleaned_data["token"]
        user = self.request.user
        if self.confirmed_device is not None:
            if matching_device(user, token) is None:
                form.add_error("token", _("Kode salah atau sudah dipakai."))
                return self.form_invalid(form)
            remove_devices(user)
            if requires_two_factor(user):
                messages.warning(
                    self.request,
                    _("Perangkat lama dihapus. Daftarkan aplikasi autentikator yang baru."),
                )
            else:
                messages.success(self.request, _("Verifikasi dua langkah dimatikan."))
            return redirect("catalog_2fa_setup")
        device = self.pending_device()
        if not device.verify_token(token):
            form.add_error("token", _("Kode salah atau sudah dipakai."))
            return self.form_invalid(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        otp_login(self.request, device)
        messages.success(
            self.request, _("Verifikasi dua langkah aktif: kode diminta setiap kali masuk.")
        )
        # The same POST goes on to make and show the first recovery codes.
        return RecoveryCodesView.as_view()(self.request)


class RecoveryCodesView(TwoFactorPage, TemplateView):
    """POST: replace the user's recovery codes and show the new ones, this once (the old ones
    stop working). Only for a user with a confirmed app (the middleware has verified them)."""

    template_name = "catalog/admin/two_factor_codes.html"
    page_title = gettext_lazy("Kode cadangan")
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
            raise PermissionDenied
        codes = new_recovery_codes(request.user)
        # Wagtail's admin marks every response no-store: the codes stay out of caches.
        return self.render_to_response(self.get_context_data(codes=codes, next=safe_next(request)))


class TwoFactorVerifyView(TwoFactorPage, FormView):
    """The second step of signing in: a code from the app or a recovery code."""

    template_name = "catalog/admin/two_factor_verify.html"
    page_title = gettext_lazy("Masukkan kode verifikasi")
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": safe_next(self.request)}

    def form_valid(self, form):
        device = matching_device(self.request.user, form.cleaned_data["token"])
        if device is None:
            form.add_error("token", _("Kode salah atau sudah dipakai. Tunggu kode berikutnya."))
            return self.form_invalid(form)
        otp_login(self.request, device)
        if isinstance(device, RecoveryCodeDevice):
            messages.warning(
                self.request,
                _(
                    "Anda masuk dengan kode cadangan; sisa %(count)s kode. Buat kode baru di "
                    "halaman Verifikasi dua langkah."
                )
                % {"count": device.remaining()},
            )
        return redirect(safe_next(self.request))
