"""A buyer's request through its life: draft, attachments, publish, cancel.

Every function takes the acting user and refuses (PermissionDenied) one who does not act for
the request's company, so the rule holds whatever calls it: the buyer area, the demo data or a
later API. `publish_request` hands the request to matching (sourcing/matching.py) when that
module is installed.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sourcing import spec_files
from sourcing.models import SourcingRequest, SpecAttachment

logger = logging.getLogger(__name__)
MAX_ATTACHMENTS = 10


def check_member(request_obj, user):
    if user is None or not request_obj.company.members.filter(user=user).exists():
        raise PermissionDenied


def check_draft(request_obj):
    if request_obj.status != SourcingRequest.Status.DRAFT:
        raise ValidationError(_("Hanya draf yang dapat diubah."), code="not_draft")


def create_request(company, user, *, capabilities=(), invited_vendors=(), **fields):
    """A new draft of `company`, made by one of its people."""
    if user is None or not company.members.filter(user=user).exists():
        raise PermissionDenied
    request_obj = SourcingRequest(company=company, created_by=user, **fields)
    request_obj.full_clean(exclude=["slug"])
    request_obj.save()
    request_obj.capabilities.set(capabilities)
    request_obj.invited_vendors.set(invited_vendors)
    return request_obj


def publishing_problems(request_obj):
    """Why this request cannot be published now (an empty list when it can)."""
    problems = []
    if request_obj.status != SourcingRequest.Status.DRAFT:
        problems.append(_("Hanya draf yang dapat diterbitkan."))
    if not request_obj.company.is_verified:
        problems.append(
            _(
                "Perusahaan Anda belum diverifikasi operator; "
                "kebutuhan dapat diterbitkan setelahnya."
            )
        )
    if request_obj.quote_deadline <= timezone.now():
        problems.append(_("Batas penawaran sudah lewat; pilih tanggal yang akan datang."))
    if (
        request_obj.visibility == SourcingRequest.Visibility.INVITED
        and not request_obj.invited_vendors.exists()
    ):
        problems.append(_("Kebutuhan khusus undangan memerlukan paling sedikit satu IKM undangan."))
    return problems


def _match(request_obj):
    try:
        from sourcing.matching import match_and_notify
    except ImportError:
        return
    try:
        match_and_notify(request_obj)
    except Exception:  # the request is published; matching can be run again
        logger.exception("Matching failed for request %s", request_obj.pk)


def publish_request(request_obj, user):
    """Open the draft for quotes (status open, published_at now), then match it to IKM."""
    check_member(request_obj, user)
    with transaction.atomic():
        request_obj = SourcingRequest.objects.select_for_update().get(pk=request_obj.pk)
        problems = publishing_problems(request_obj)
        if problems:
            raise ValidationError(problems, code="cannot_publish")
        request_obj.status = SourcingRequest.Status.OPEN
        request_obj.published_at = timezone.now()
        request_obj.save(update_fields=["status", "published_at"])
    _match(request_obj)
    return request_obj


def cancel_request(request_obj, user):
    """Withdraw a draft or an open request (one already awarded or closed stays as it is)."""
    check_member(request_obj, user)
    if request_obj.status not in (SourcingRequest.Status.DRAFT, SourcingRequest.Status.OPEN):
        raise ValidationError(
            _("Kebutuhan yang sudah ditutup atau dimenangkan tidak dapat dibatalkan."),
            code="not_cancellable",
        )
    request_obj.status = SourcingRequest.Status.CANCELLED
    request_obj.closed_at = timezone.now()
    request_obj.save(update_fields=["status", "closed_at"])
    return request_obj


def check_upload(upload):
    """The file's kind from its content; ValidationError for a file too big or of another kind."""
    if upload.size > spec_files.max_bytes():
        raise ValidationError(
            _("Berkas terlalu besar: paling besar %(mb)s MB."),
            params={"mb": spec_files.max_bytes() // (1024 * 1024)},
            code="size",
        )
    kind = spec_files.sniff(upload)
    if kind is None:
        raise ValidationError(
            _("Berkas harus berupa PDF, JPG, PNG, DWG, DXF atau XLSX."), code="file_type"
        )
    return kind


def add_attachment(request_obj, upload, user):
    """Store a spec file (privately, under a random name) on a draft."""
    check_member(request_obj, user)
    check_draft(request_obj)
    if request_obj.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            _("Paling banyak %(count)s lampiran per kebutuhan."),
            params={"count": MAX_ATTACHMENTS},
            code="too_many",
        )
    kind = check_upload(upload)
    extension, content_type = spec_files.KINDS[kind]
    original = (upload.name or f"lampiran.{extension}").rsplit("/", 1)[-1][:200]
    size = upload.size
    upload.name = f"lampiran.{extension}"
    return SpecAttachment.objects.create(
        request=request_obj,
        file=upload,
        original_name=original,
        content_type=content_type,
        size=size,
    )


def remove_attachment(attachment, user):
    check_member(attachment.request, user)
    check_draft(attachment.request)
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
