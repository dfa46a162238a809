"""The one check every image passes before it is stored, whichever way it arrives.

The Wagtail image forms (upload, multiple upload, the chooser's upload, replacing a file; see
catalog/image_forms.py), the spreadsheet importer (zip and folder) and the demo pictures all
call `check_image()`. It reads only what it must, in this order, and refuses with a
translatable message (a `ValidationError` whose codes are Wagtail's own):

1. the byte size, before anything is read (`WAGTAILIMAGES_MAX_UPLOAD_SIZE`);
2. the extension against `WAGTAILIMAGES_EXTENSIONS`, when a file name is known;
3. the header, read lazily by Pillow with only the allowed decoders (no `load()`): anything
   Pillow cannot identify, or identifies as another format, is not an image to us;
4. the format from the content against the extension;
5. width x height x frames against `WAGTAILIMAGES_MAX_IMAGE_PIXELS`, from the header, before a
   single pixel is decoded (Pillow's own decompression-bomb guard counts as too many pixels);
6. `verify()` on the file opened again, which catches broken chunks and checksums.

Any exception from Pillow is a refusal, never a server error.
"""

import io
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Pillow's format name -> the extensions it may carry; the first is the one we store.
# MPO is the JPEG that many phone cameras write (a JPEG with a second, depth picture).
FORMAT_EXTENSIONS = {
    "JPEG": ("jpg", "jpeg"),
    "MPO": ("jpg", "jpeg"),
    "PNG": ("png",),
    "WEBP": ("webp",),
    "AVIF": ("avif",),
}
# The Pillow decoders allowed to read a header (MPO is read by the JPEG decoder).
DECODERS = ("JPEG", "PNG", "WEBP", "AVIF")


@dataclass(frozen=True)
class CheckedImage:
    format: str  # Pillow's name: JPEG, MPO, PNG, WEBP, AVIF
    extension: str  # the extension to store it under: jpg, png, webp, avif
    width: int
    height: int
    frames: int
    size: int  # bytes


def allowed_extensions():
    return [extension.lower() for extension in settings.WAGTAILIMAGES_EXTENSIONS]


def allowed_formats():
    allowed = set(allowed_extensions())
    return {
        name: extensions
        for name, extensions in FORMAT_EXTENSIONS.items()
        if allowed.intersection(extensions)
    }


def formats_text():
    return ", ".join(extension.upper() for extension in allowed_extensions())


def refuse(message, code, **params):
    return ValidationError(message, code=code, params=params)


def _open(source):
    """(a binary file positioned at its start, its byte size, whether we must close it)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        return io.BytesIO(data), len(data), True
    if isinstance(source, str | Path):
        path = Path(source)
        return path.open("rb"), path.stat().st_size, True
    size = getattr(source, "size", None)
    if size is None:
        size = source.seek(0, os.SEEK_END)
    source.seek(0)
    return source, size, False


def _byte_size_limit_error(size):
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    if limit is not None and size > limit:
        return refuse(
            _("Berkas ini terlalu besar (%(size)s); paling besar %(limit)s."),
            "file_too_large",
            size=filesizeformat(size),
            limit=filesizeformat(limit),
        )
    return None


def _pixel_limit_error(width=None, height=None, frames=1):
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    megapixels = f"{limit / 1_000_000:g}" if limit else ""
    if width is None:
        return refuse(
            _("Gambar ini terlalu banyak pikselnya; paling banyak %(limit)s megapiksel."),
            "file_too_many_pixels",
            limit=megapixels,
        )
    if limit is not None and width * height * frames > limit:
        return refuse(
            _(
                "Gambar ini terlalu banyak pikselnya (%(width)s × %(height)s); paling banyak "
                "%(limit)s megapiksel."
            ),
            "file_too_many_pixels",
            width=width,
            height=height,
            limit=megapixels,
        )
    return None


def _unreadable():
    return refuse(
        _("Berkas ini bukan gambar yang dapat dibaca. Gunakan %(formats)s."),
        "invalid_image",
        formats=formats_text(),
    )


def _read_header(file):
    """(format, width, height, frames) from the header only; ValidationError otherwise."""
    decoders = [name for name in DECODERS if name in allowed_formats()]
    try:
        with Image.open(file, formats=decoders) as image:
            return image.format, image.width, image.height, getattr(image, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _pixel_limit_error() from error
    except Exception as error:  # noqa: BLE001 - whatever Pillow raises, the file is unreadable
        raise _unreadable() from error


def _verify(file):
    try:
        with Image.open(file, formats=DECODERS) as image:
            image.verify()
    except Exception as error:  # noqa: BLE001
        raise _unreadable() from error


def check_image(source, name=None):
    """The verified facts of an image, or ValidationError saying why it is refused.

    `source` is the image's bytes, a path, or a binary file (an uploaded file: it is left at
    its start). `name` is the file name it came with; when given (or when the file or path
    has one), its extension must be allowed and match the content.
    """
    if name is None:
        name = str(source) if isinstance(source, str | Path) else getattr(source, "name", None)
    extension = os.path.splitext(name or "")[1].lower().lstrip(".") if name else None
    file, size, owned = _open(source)
    try:
        error = _byte_size_limit_error(size)
        if error is not None:
            raise error
        if extension is not None and extension not in allowed_extensions():
            raise refuse(
                _("Jenis berkas “%(name)s” tidak didukung. Gunakan %(formats)s."),
                "invalid_image_extension",
                name=os.path.basename(name),
                formats=formats_text(),
            )
        kind, width, height, frames = _read_header(file)
        extensions = allowed_formats().get(kind)
        if extensions is None:
            raise _unreadable()
        if extension is not None and extension not in extensions:
            raise refuse(
                _("Isi berkas ini gambar %(format)s, tidak cocok dengan ekstensi .%(extension)s."),
                "invalid_image_known_format",
                format=extensions[0].upper(),
                extension=extension,
            )
        error = _pixel_limit_error(width, height, frames)
        if error is not None:
            raise error
        file.seek(0)
        _verify(file)
    finally:
        if owned:
            file.close()
        else:
            file.seek(0)
    return CheckedImage(kind, extensions[0], width, height, frames, size)
