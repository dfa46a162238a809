"""The buyer area at /kebutuhan/perusahaan/: the company, its people and its requests.

Every request and file is looked up through sourcing.access, scoped to the signed-in buyer's
company: another company's request answers 404, whether it exists or not. Changes go through
sourcing.services, which check membership again.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sourcing.access import membership_of, requests_of, visible_spec
from sourcing.forms_buyers import (
    CompanyProfileForm,
    MemberForm,
    SourcingRequestForm,
    SpecAttachmentForm,
)
from sourcing.models import BuyerMember, SourcingRequest
from sourcing.services import requests as request_services
from sourcing.services.buyers import add_member


def buyer_required(view):
    """Signed in (else to the sign-in page) and acting for a company (else 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "sourcing_buyers:login")
        membership = membership_of(request.user)
        if membership is None:
            response = render(request, "sourcing/buyers/not_a_buyer.html", status=403)
            response["X-Robots-Tag"] = "noindex"
            return response
        request.buyer = membership
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(wrapper)


def company_admin_only(request):
    if request.buyer.role != BuyerMember.Role.ADMIN:
        raise PermissionDenied


def own_request(request, pk):
    return get_object_or_404(
        requests_of(request.user).select_related("company", "category", "delivery_region"),
        pk=pk,
    )


def error_messages(request, error):
    for message in error.messages:
        messages.error(request, message)


@buyer_required
@require_GET
def home(request):
    company = request.buyer.company
    return render(
        request,
        "sourcing/buyers/home.html",
        {
            "company": company,
            "membership": request.buyer,
            "members": company.members.select_related("user").order_by("user__first_name"),
            "requests": company.requests.order_by("-created_at"),
        },
    )


@buyer_required
@require_http_methods(["GET", "POST"])
def company_edit(request):
    company_admin_only(request)
    company = request.buyer.company
    form = CompanyProfileForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Profil perusahaan disimpan."))
        return redirect("sourcing_buyers:home")
    status = 400 if form.is_bound else 200
    return render(request, "sourcing/buyers/company_form.html", {"form": form}, status=status)


@buyer_required
@require_http_methods(["GET", "POST"])
def member_add(request):
    company_admin_only(request)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_member(request.buyer.company, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("Anggota ditambahkan."))
            return redirect("sourcing_buyers:home")
    status = 400 if form.is_bound else 200
    return render(request, "sourcing/buyers/member_form.html", {"form": form}, status=status)


@buyer_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    form = SourcingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        capabilities = data.pop("capabilities")
        invited = data.pop("invited_vendors")
        request_obj = request_services.create_request(
            request.buyer.company,
            request.user,
            capabilities=capabilities,
            invited_vendors=invited,
            **data,
        )
        messages.success(request, _("Draf kebutuhan disimpan."))
        return redirect("sourcing_buyers:request_detail", pk=request_obj.pk)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "sourcing/buyers/request_form.html",
        {"form": form, "creating": True},
        status=status,
    )


@buyer_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    request_obj = own_request(request, pk)
    if request_obj.status != SourcingRequest.Status.DRAFT:
        messages.error(request, _("Hanya draf yang dapat diubah."))
        return redirect("sourcing_buyers:request_detail", pk=pk)
    form = SourcingRequestForm(request.POST or None, instance=request_obj)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Draf kebutuhan disimpan."))
        return redirect("sourcing_buyers:request_detail", pk=pk)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "sourcing/buyers/request_form.html",
        {"form": form, "request_obj": request_obj},
        status=status,
    )


@buyer_required
@require_GET
def request_detail(request, pk):
    request_obj = own_request(request, pk)
    return render(
        request,
        "sourcing/buyers/request_detail.html",
        {
            "request_obj": request_obj,
            "attachments": request_obj.attachments.order_by("created_at"),
            "attachment_form": SpecAttachmentForm(),
            "problems": request_services.publishing_problems(request_obj)
            if request_obj.status == SourcingRequest.Status.DRAFT
            else [],
            "quote_count": request_obj.quotes.exclude(status="draft").count(),
        },
    )


@buyer_required
@require_POST
def attachment_add(request, pk):
    request_obj = own_request(request, pk)
    form = SpecAttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            request_services.add_attachment(request_obj, form.cleaned_data["file"], request.user)
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Lampiran diunggah."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("sourcing_buyers:request_detail", pk=pk)


@buyer_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    request_obj = own_request(request, pk)
    attachment = get_object_or_404(request_obj.attachments, pk=attachment_pk)
    return _act(request, pk, request_services.remove_attachment, attachment, _("Lampiran dihapus."))


@buyer_required
@require_POST
def request_publish(request, pk):
    done = _("Kebutuhan diterbitkan dan dibuka untuk penawaran IKM.")
    return _act(request, pk, request_services.publish_request, own_request(request, pk), done)


@buyer_required
@require_POST
def request_cancel(request, pk):
    done = _("Kebutuhan dibatalkan.")
    return _act(request, pk, request_services.cancel_request, own_request(request, pk), done)


def _act(request, pk, service, target, done):
    """Run one service action for the signed-in buyer; its refusal or success as a message."""
    try:
        service(target, request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, done)
    return redirect("sourcing_buyers:request_detail", pk=pk)


@never_cache
@require_GET
def spec_download(request, pk):
    """A spec file, to the company's people, operators and IKM that may quote; 404 otherwise."""
    attachment = visible_spec(request.user, pk)
    if attachment is None:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
