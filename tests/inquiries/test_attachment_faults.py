"""An attachment that cannot be stored (issue #15): the buyer's text comes back with a clear
message and the choice to send without the file; no orphan, partial or empty file is left.

The faults are real file-system errors: the private folder's path is a file (what a read-only
or missing mount does to a writer running as root, whom chmod does not stop), and a disk that
fills up after the first bytes (the storage's writer gets ENOSPC from the boundary, the file
system). The storage is swapped on the model field, where the site gets it from.
"""

import errno
from pathlib import Path

import pytest
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.test import Client

from catalog.factories import ProductPageFactory, VendorPageFactory
from inquiries.forms import form_token
from inquiries.models import Inquiry, PrivateStorage

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MESSAGE = "Mohon penawaran 200 lembar batik cap untuk seragam kantor, motif sesuai lampiran."


class DiskFills(File):
    """An upload whose writing fails with ENOSPC after its first bytes reached the disk."""

    def chunks(self, chunk_size=None):
        yield self.file.read(8)
        raise OSError(errno.ENOSPC, "No space left on device")


class FullDiskStorage(PrivateStorage):
    def _save(self, name, content):
        return super()._save(name, DiskFills(content))


@pytest.fixture
def product(site_tree):
    vendor = VendorPageFactory(title="Batik Trusmi Ibu Siti", email="siti@example.test")
    return ProductPageFactory(parent=vendor, title="Kain Batik Cap")


@pytest.fixture
def use_storage(monkeypatch):
    field = Inquiry._meta.get_field("attachment")

    def use(storage):
        monkeypatch.setattr(field, "storage", storage)
        return storage

    return use


def files_under(path):
    return sorted(p for p in Path(path).rglob("*") if p.is_file())


def post(client, product, with_file=True):
    data = {
        "name": "Budi Santoso",
        "email": "budi@example.test",
        "buyer_type": "industry",
        "quantity": "200",
        "message": MESSAGE,
        "consent": "on",
        "website": "",
        "started": form_token(0),
    }
    if with_file:
        data["attachment"] = SimpleUploadedFile("spesifikasi.pdf", PDF_BYTES)
    return client.post(f"/tanya/{product.pk}/", data)


def assert_form_back_with_the_text(response):
    assert response.status_code == 503
    html = response.content.decode()
    assert MESSAGE in html  # the buyer's text is still in the form
    assert "Budi Santoso" in html
    assert "kirim lagi tanpa lampiran" in html
    assert not Inquiry.objects.exists()


def test_folder_that_cannot_be_written(client, product, use_storage, tmp_path):
    blocker = tmp_path / "private"
    blocker.write_text("not a folder")  # read-only, unmounted: the writer gets an OSError
    use_storage(PrivateStorage(location=blocker))
    assert_form_back_with_the_text(post(client, product))
    assert files_under(tmp_path) == [blocker]


def test_full_disk_leaves_no_partial_file(client, product, use_storage, tmp_path):
    use_storage(FullDiskStorage(location=tmp_path))
    assert_form_back_with_the_text(post(client, product))
    assert files_under(tmp_path) == []


def test_the_buyer_can_send_without_the_file(
    client, product, use_storage, tmp_path, django_capture_on_commit_callbacks
):
    use_storage(FullDiskStorage(location=tmp_path))
    assert post(client, product).status_code == 503
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, product, with_file=False)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.message == MESSAGE
    assert not inquiry.attachment


def test_the_file_moves_into_place_after_the_commit(
    client, product, use_storage, tmp_path, django_capture_on_commit_callbacks
):
    use_storage(PrivateStorage(location=tmp_path))
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, product).status_code == 302
    inquiry = Inquiry.objects.get()
    assert files_under(tmp_path) == [tmp_path / inquiry.attachment.name]
    assert (tmp_path / inquiry.attachment.name).read_bytes() == PDF_BYTES


def test_a_failed_transaction_leaves_no_file(product, use_storage, tmp_path):
    use_storage(PrivateStorage(location=tmp_path))

    def refuse_inserts(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT"):
            raise OperationalError("connection lost")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_inserts):
        response = post(Client(raise_request_exception=False), product)
    assert response.status_code == 503  # the database outage page
    assert not Inquiry.objects.exists()
    assert files_under(tmp_path) == []
