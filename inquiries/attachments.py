"""Storing an inquiry's attachment without losing the buyer's text or leaving stray files.

Writing the file inside the inquiry's transaction (what a FileField does on save) turned a
read-only or full disk into a 500 that lost what the buyer typed, and left empty or partial
files behind (a full disk left 24 of them). So the upload is handled in three steps:

1. `stage(upload)` writes it under a temporary name (`<final name>.part`) before anything is
   saved. If that fails (read-only or missing folder, disk full), the partial file is removed
   and `AttachmentNotStored` is raised: the view shows the form again with the buyer's text and
   a message saying to send without the file or try later. A file shorter than the upload is
   treated the same way.
2. The inquiry row is saved with the final name; if the transaction fails, `discard()` removes
   the temporary file.
3. After the commit, `move_into_place()` renames it to the final name (one rename on the same
   disk). Should even that fail, the inquiry stays (its text is what matters), the file is
   removed and the row's attachment cleared, and the error is logged.

The storage is the inquiry model's private file storage (`PRIVATE_MEDIA_ROOT`), a local disk.
"""

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .models import Inquiry, attachment_path

logger = logging.getLogger(__name__)
TEMPORARY_SUFFIX = ".part"


class AttachmentNotStored(Exception):
    """The attachment could not be written; nothing was saved."""


def attachment_storage():
    return Inquiry._meta.get_field("attachment").storage


@dataclass
class StagedAttachment:
    storage: object
    temporary: str
    final: str

    def discard(self):
        with contextlib.suppress(OSError):
            self.storage.delete(self.temporary)

    def move_into_place(self, inquiry):
        """After the commit: the temporary file becomes the attachment the row names."""
        try:
            final = Path(self.storage.path(self.final))
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.storage.path(self.temporary), final)
        except OSError as error:
            logger.error(
                "Inquiry %s saved without its attachment (not moved into place): %s",
                inquiry.reference,
                error,
            )
            self.discard()
            Inquiry.objects.filter(pk=inquiry.pk).update(attachment="")


def stage(upload):
    """Write `upload` under a temporary name; a StagedAttachment, or AttachmentNotStored."""
    storage = attachment_storage()
    final = attachment_path(None, upload.name)
    temporary = final + TEMPORARY_SUFFIX
    try:
        upload.seek(0)
        temporary = storage.save(temporary, upload)
        complete = storage.size(temporary) == upload.size
    except OSError as error:
        logger.warning("Inquiry attachment not stored: %s", error)
        StagedAttachment(storage, temporary, final).discard()
        raise AttachmentNotStored(str(error)) from error
    staged = StagedAttachment(storage, temporary, final)
    if not complete:
        logger.warning("Inquiry attachment not stored: the file was written short")
        staged.discard()
        raise AttachmentNotStored("written short")
    return staged
