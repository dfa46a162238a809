"""Builders for the buyers' tests (not a test module): companies with their people, requests,
and small files of each accepted kind, made byte for byte as the real formats begin."""

import datetime
import io
import zipfile
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sourcing.models import BuyerCompany, BuyerMember, SourcingRequest
from sourcing.services.buyers import register_company

PASSWORD = "Baja-Cilegon-2026!"  # noqa: S105 - a test password


def make_company(name, email, *, verified=True, nib=""):
    company, user = register_company(
        name=name,
        nib=nib,
        sector="logam",
        email=email,
        password=PASSWORD,
        contact_name="Budi Santoso",
        address="Jl. Industri No. 1, Cilegon",
    )
    if verified:
        company.status = BuyerCompany.Status.VERIFIED
        company.save()
    return company, user


def make_member(company, email, role=BuyerMember.Role.MEMBER):
    from catalog.factories import UserFactory

    user = UserFactory(username=email, email=email)
    BuyerMember.objects.create(company=company, user=user, role=role)
    return user


def make_request(company, title, *, status=SourcingRequest.Status.DRAFT, **fields):
    values = {
        "description": "Spesifikasi terlampir.",
        "quantity": Decimal("500"),
        "unit": "pcs",
        "quote_deadline": timezone.now() + datetime.timedelta(days=14),
    }
    values.update(fields)
    request_obj = SourcingRequest.objects.create(
        company=company, title=title, status=status, **values
    )
    if status != SourcingRequest.Status.DRAFT:
        request_obj.published_at = timezone.now()
        request_obj.save()
    return request_obj


def xlsx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def upload(kind, name=None):
    contents = {
        "pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
        "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        "jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 32,
        "dwg": b"AC1032" + b"\x00" * 40,
        "dxf": b"  0\nSECTION\n  2\nHEADER\n  0\nENDSEC\n  0\nEOF\n",
        "xlsx": xlsx_bytes(),
        "exe": b"MZ\x90\x00" + b"\x00" * 60,
        "html": b"<html><script>alert(1)</script></html>",
        "zip": _plain_zip(),
    }[kind]
    return SimpleUploadedFile(name or f"gambar.{kind}", contents)


def _plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "bukan xlsx")
    return buffer.getvalue()
