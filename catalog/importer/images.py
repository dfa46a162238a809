"""Photos for imported rows: from a zip (admin upload) or a folder (command).

Each passes the project's image gate (catalog/image_gate.py: type from the content, byte and
pixel limits before decoding). A zip is refused whole when it is not a zip or would unpack to
more than `MAX_ZIP_UNPACKED_BYTES` (the sizes its directory declares, read before anything is
extracted); an entry that cannot be read (a bad checksum, an unknown compression, a password)
is an error on the row naming it.
"""

import io
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalog.image_gate import check_image

MAX_IMAGES = 1000
# What a photo zip may unpack to, all entries together (the upload itself is at most 50 MB;
# photos hardly compress, so more than this is a zip bomb, not a catalog).
MAX_ZIP_UNPACKED_BYTES = 200 * 1024 * 1024
# What reading a zip or one of its entries raises when the archive is broken or hostile.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


class ImageSource:
    """Image files by name: from a zip (admin upload) or a folder (command)."""

    def __init__(self, zip_bytes=None, folder=None):
        self.files = {}
        self.too_large = set()
        self.folder = Path(folder).resolve() if folder else None
        if zip_bytes:
            try:
                archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
                entries = [i for i in archive.infolist() if not i.is_dir()]
            except ZIP_ERRORS as error:
                raise ValidationError(_("Berkas zip foto tidak dapat dibaca.")) from error
            if len(entries) > MAX_IMAGES:
                raise ValidationError(_("Terlalu banyak berkas di dalam zip."))
            if sum(info.file_size for info in entries) > MAX_ZIP_UNPACKED_BYTES:
                raise ValidationError(
                    _("Isi zip foto terlalu besar setelah dibuka (paling besar %(mb)s MB).")
                    % {"mb": MAX_ZIP_UNPACKED_BYTES // (1024 * 1024)}
                )
            for info in entries:
                key = PurePosixPath(info.filename).name.lower()
                if info.file_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                    self.too_large.add(key)  # reported when a row names it, never extracted
                    continue
                self.files[key] = (info, archive)

    def read(self, name):
        """The bytes of `name`, or raise ValueError with a message for the report."""
        key = PurePosixPath(name.replace("\\", "/")).name.lower()
        if key in self.too_large:
            raise ValueError(_("Foto “%(name)s” terlalu besar.") % {"name": name})
        if key in self.files:
            info, archive = self.files[key]
            try:
                # The entry's declared size (checked above) bounds what this unpacks.
                return archive.read(info)
            except ZIP_ERRORS as error:
                raise ValueError(
                    _("Foto “%(name)s” di dalam zip rusak atau tidak dapat dibuka.")
                    % {"name": name}
                ) from error
        if self.folder is not None:
            path = (self.folder / name).resolve()
            if not path.is_relative_to(self.folder) or not path.is_file():
                raise ValueError(_("Foto “%(name)s” tidak ditemukan.") % {"name": name})
            if path.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                raise ValueError(_("Foto “%(name)s” terlalu besar.") % {"name": name})
            try:
                return path.read_bytes()
            except OSError as error:
                raise ValueError(
                    _("Foto “%(name)s” tidak dapat dibaca.") % {"name": name}
                ) from error
        raise ValueError(_("Foto “%(name)s” tidak ada di dalam zip.") % {"name": name})


def checked_image(data, name):
    """(bytes, width, height, extension) of an image that passes the image gate, or ValueError
    whose message names the file and says why."""
    try:
        image = check_image(data, PurePosixPath(name.replace("\\", "/")).name)
    except ValidationError as error:
        raise ValueError(
            _("“%(name)s”: %(reason)s") % {"name": name, "reason": " ".join(error.messages)}
        ) from error
    return data, image.width, image.height, image.extension
