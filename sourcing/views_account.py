"""Signing up a buyer company, signing in and out on the public site (not the admin)."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from config.proxies import client_ip
from sourcing import rate_limits
from sourcing.access import membership_of
from sourcing.forms_buyers import RegistrationForm
from sourcing.services.buyers import register_company

BACKEND = "django.contrib.auth.backends.ModelBackend"


def noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def register(request):
    """The sign-up form: a pending company, its admin person, and that person signed in."""
    if membership_of(request.user):
        return redirect("sourcing_buyers:home")
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        ip = client_ip(request)
        if rate_limits.registration_refused(ip):
            return noindex(render(request, "sourcing/buyers/rate_limited.html", status=429))
        if form.is_valid():
            data = form.cleaned_data
            try:
                _company, user = register_company(
                    name=data["name"],
                    nib=data["nib"],
                    sector=data["sector"],
                    address=data["address"],
                    region=data["region"],
                    website=data["website"],
                    contact_name=data["contact_name"],
                    job_title=data["job_title"],
                    phone=data["phone"],
                    email=data["email"],
                    password=data["password1"],
                    language=(get_language() or "id")[:2],
                )
            except ValidationError as error:
                form.add_error("email", error)
                status = 400
            else:
                rate_limits.count_registration(ip)
                login(request, user, backend=BACKEND)
                messages.success(
                    request,
                    _(
                        "Pendaftaran diterima. Operator Dinas akan memverifikasi perusahaan "
                        "Anda; sementara itu Anda sudah dapat menyiapkan draf kebutuhan."
                    ),
                )
                return redirect("sourcing_buyers:home")
        else:
            status = 400
    else:
        form = RegistrationForm()
    return noindex(render(request, "sourcing/buyers/register.html", {"form": form}, status=status))


@method_decorator(never_cache, name="dispatch")
class BuyerLoginView(auth_views.LoginView):
    """Django's sign-in (django-axes counts the failures) with the site's look."""

    template_name = "sourcing/buyers/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Buyers to their area; anyone else (an IKM owner reading a request) to the site."""
        if membership_of(self.request.user):
            return reverse("sourcing_buyers:home")
        return reverse("wagtail_serve", args=[""])

    def render_to_response(self, context, **kwargs):
        return noindex(super().render_to_response(context, **kwargs))


class BuyerLogoutView(auth_views.LogoutView):
    """Only a POST signs out (Django's own rule since 5.0)."""

    next_page = reverse_lazy("sourcing_buyers:login")
