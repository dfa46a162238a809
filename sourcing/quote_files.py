"""Streaming a private quote attachment to a user already allowed to see its quote."""

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404


def attachment_response(attachment):
    storage = attachment.file.storage
    try:
        handle = storage.open(attachment.file.name, "rb")
    except (FileNotFoundError, SuspiciousFileOperation):
        raise Http404 from None
    extension = attachment.file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"penawaran-{attachment.quote_id}-{attachment.pk}.{extension}",
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
