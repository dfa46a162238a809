"""Checking a specification file by its content, never by its name or the browser's word.

Buyers attach drawings and specifications: PDF, PNG/JPEG images, AutoCAD DWG and DXF, Excel
XLSX. Each is recognised by its first bytes (XLSX also by the workbook part inside its ZIP),
so a renamed executable or HTML page is refused whatever its extension. Written here rather
than with python-magic because libmagic is not installed on the project's machines and it
reports DXF as plain text and XLSX as a generic ZIP anyway.
"""

import re
import zipfile

from django.conf import settings

# kind: (extension, content type served back)
KINDS = {
    "pdf": ("pdf", "application/pdf"),
    "png": ("png", "image/png"),
    "jpg": ("jpg", "image/jpeg"),
    "dwg": ("dwg", "image/vnd.dwg"),
    "dxf": ("dxf", "image/vnd.dxf"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
ACCEPT = ".pdf,.png,.jpg,.jpeg,.dwg,.dxf,.xlsx"
_DWG = re.compile(rb"^AC10[0-3]\d")
# An ASCII DXF starts with group code 0 (or 999, a comment) and then SECTION.
_DXF = re.compile(rb"^\s*(999\r?\n[^\n]*\n\s*)?0\r?\nSECTION\r?\n")
_BINARY_DXF = b"AutoCAD Binary DXF\r\n\x1a\x00"


def max_bytes():
    return getattr(settings, "SOURCING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def _is_xlsx(upload):
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def sniff(upload):
    """The kind ('pdf', 'png', 'jpg', 'dwg', 'dxf', 'xlsx') of an uploaded file, or None."""
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if _DWG.match(head):
        return "dwg"
    if head.startswith(_BINARY_DXF) or _DXF.match(head):
        return "dxf"
    if head.startswith(b"PK\x03\x04") and _is_xlsx(upload):
        return "xlsx"
    return None
