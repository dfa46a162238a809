"""One image gate (catalog/image_gate.py) on every path an image comes in by.

The paths: the admin's image upload, its multiple uploader and the chooser's upload tab (all
over HTTP), the spreadsheet import with a photo zip (over HTTP) and with a photo folder (the
command), and the demo pictures. Onboarding takes no image and the project has no API.

On each path a decompression bomb (a 10,000 x 10,000 PNG of a few kilobytes) and a PNG
signature followed by HTML are refused with a message, a server error never happens, nothing
is stored, and a real photo still goes through. The import also refuses broken and hostile
zips (a bad checksum, not a zip, entries that unpack to more than the limits) before it
extracts anything.
"""

import io
import json
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection, UploadedFile

from catalog import importer
from catalog.factories import CategoryFactory, RegionFactory
from catalog.image_gate import check_image
from catalog.models import CatalogImage, ImportJob, ProductPage
from catalog.onboarding import onboard_ikm
from demo.accounts import BuildReport
from demo.content import ensure_image

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_THEN_HTML = PNG_SIGNATURE + b"<html><body><script>alert(1)</script></body></html>"


def picture(size=(64, 48), mode="RGB", fmt="PNG"):
    buffer = io.BytesIO()
    Image.new(mode, size, "white" if mode != "1" else 1).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb():
    """100 megapixels in about 12 KB: a 1-bit image of one colour compresses to nothing."""
    content = picture((10_000, 10_000), mode="1")
    assert len(content) < 50_000
    return content


def named(content, name):
    file = io.BytesIO(content)
    file.name = name
    return file


@pytest.fixture
def media_files(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return lambda: sorted(p for p in (tmp_path / "media").rglob("*") if p.is_file())


def assert_nothing_stored(media_files):
    assert not CatalogImage.objects.exists()
    assert not UploadedFile.objects.exists()
    assert not media_files()


# --- The gate itself ---------------------------------------------------------------------------


class TestTheGate:
    def test_a_photo_is_measured_from_its_header(self, tmp_path):
        path = tmp_path / "kain.webp"
        path.write_bytes(picture((30, 20), fmt="WEBP"))
        for source in (path, path.read_bytes(), named(path.read_bytes(), "kain.webp")):
            checked = check_image(source, "kain.webp")
            assert (checked.format, checked.extension, checked.width, checked.height) == (
                "WEBP",
                "webp",
                30,
                20,
            )

    def test_a_file_is_left_at_its_start(self):
        file = named(picture(), "kain.png")
        check_image(file)
        assert file.tell() == 0

    @pytest.mark.parametrize(
        ("content", "name", "code"),
        [
            (PNG_THEN_HTML, "foto.png", "invalid_image"),
            (picture()[:-30], "foto.png", "invalid_image"),  # cut short: verify() finds it
            (picture(fmt="GIF"), "foto.png", "invalid_image"),  # a format we do not take
            (picture(fmt="JPEG"), "foto.png", "invalid_image_known_format"),
            (picture(), "foto.svg", "invalid_image_extension"),
            (picture((20_000, 20_000), mode="1"), "foto.png", "file_too_many_pixels"),
        ],
    )
    def test_refusals_carry_wagtails_codes_and_a_message(self, content, name, code):
        with pytest.raises(ValidationError) as refused:
            check_image(content, name)
        assert refused.value.code == code
        assert refused.value.messages[0]

    def test_the_bomb_is_refused_before_it_is_decoded(self, bomb):
        with pytest.raises(ValidationError) as refused:
            check_image(bomb, "bom.png")
        assert refused.value.code == "file_too_many_pixels"
        assert "10000 × 10000" in refused.value.messages[0]


# --- Wagtail's image forms over HTTP -----------------------------------------------------------


def file_errors(response):
    return response.context["form"].errors.get("file", [])


class TestAdminUpload:
    def post(self, client, content, name):
        return client.post(
            reverse("wagtailimages:add"),
            {"title": "Foto uji", "description": "Foto uji", "file": named(content, name)},
        )

    def test_png_header_then_html_is_refused_with_a_message(self, superuser_client, media_files):
        response = self.post(superuser_client, PNG_THEN_HTML, "foto.png")
        assert response.status_code == 200
        assert "bukan gambar yang dapat dibaca" in " ".join(file_errors(response))
        assert_nothing_stored(media_files)

    def test_the_bomb_is_refused(self, superuser_client, media_files, bomb):
        response = self.post(superuser_client, bomb, "bom.png")
        assert response.status_code == 200
        assert file_errors(response)
        assert_nothing_stored(media_files)

    def test_a_photo_is_accepted(self, superuser_client, media_files):
        response = self.post(superuser_client, picture(fmt="JPEG"), "kain.jpg")
        assert response.status_code == 302
        image = CatalogImage.objects.get()
        assert (image.width, image.height) == (64, 48)

    def test_replacing_the_file_of_an_image_goes_through_the_gate(
        self, superuser_client, media_files
    ):
        self.post(superuser_client, picture(fmt="JPEG"), "kain.jpg")
        image = CatalogImage.objects.get()
        response = superuser_client.post(
            reverse("wagtailimages:edit", args=(image.pk,)),
            {"title": "Foto uji", "description": "Foto uji", "file": named(PNG_THEN_HTML, "b.png")},
        )
        assert response.status_code == 200
        assert file_errors(response)
        image.refresh_from_db()
        assert image.file.name.endswith(".jpg")

    def test_editing_without_a_new_file_keeps_the_image(self, superuser_client, media_files):
        self.post(superuser_client, picture(fmt="JPEG"), "kain.jpg")
        image = CatalogImage.objects.get()
        response = superuser_client.post(
            reverse("wagtailimages:edit", args=(image.pk,)),
            {"title": "Judul baru", "description": "Foto uji"},
        )
        assert response.status_code == 302
        image.refresh_from_db()
        assert image.title == "Judul baru" and image.file.name.endswith(".jpg")


class TestMultipleUpload:
    def post(self, client, content, name):
        response = client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": named(content, name), "title": name},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.status_code == 200
        return json.loads(response.content)

    def test_png_header_then_html_is_refused_with_a_message(self, superuser_client, media_files):
        data = self.post(superuser_client, PNG_THEN_HTML, "foto.png")
        assert data["success"] is False
        assert "bukan gambar yang dapat dibaca" in data["error_message"]
        assert_nothing_stored(media_files)

    def test_the_bomb_is_refused(self, superuser_client, media_files, bomb):
        data = self.post(superuser_client, bomb, "bom.png")
        assert data["success"] is False
        assert data["error_message"]
        assert_nothing_stored(media_files)

    def test_a_photo_is_accepted_and_becomes_an_image_with_its_alt_text(
        self, superuser_client, media_files
    ):
        data = self.post(superuser_client, picture(fmt="WEBP"), "kain.webp")
        # The alt text is required, so the upload waits for it as an UploadedFile.
        assert data["success"] is True
        upload_id = data["uploaded_file_id"]
        prefix = f"uploaded-image-{upload_id}"
        response = superuser_client.post(
            reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload_id,)),
            {
                f"{prefix}-title": "Kain",
                f"{prefix}-description": "Kain batik biru",
                f"{prefix}-collection": Collection.get_first_root_node().pk,
                f"{prefix}-tags": "",
            },
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert json.loads(response.content)["success"] is True
        image = CatalogImage.objects.get()
        assert (image.description, image.width, image.height) == ("Kain batik biru", 64, 48)


class TestChooserUpload:
    def post(self, client, content, name):
        return client.post(
            reverse("wagtailimages_chooser:create"),
            {
                "image-chooser-upload-title": "Foto uji",
                "image-chooser-upload-description": "Foto uji",
                "image-chooser-upload-collection": Collection.get_first_root_node().pk,
                "image-chooser-upload-file": named(content, name),
            },
        )

    def test_png_header_then_html_is_refused_with_a_message(self, superuser_client, media_files):
        response = self.post(superuser_client, PNG_THEN_HTML, "foto.png")
        assert response.status_code == 200
        assert json.loads(response.content)["step"] == "reshow_creation_form"
        assert_nothing_stored(media_files)

    def test_a_photo_is_accepted(self, superuser_client, media_files):
        response = self.post(superuser_client, picture(), "kain.png")
        assert response.status_code == 200
        assert json.loads(response.content)["step"] == "chosen"
        assert CatalogImage.objects.count() == 1


# --- The spreadsheet import --------------------------------------------------------------------

HEADER = ["ikm", "sku", "name", "category", "price", "stock", "image"]


def spreadsheet(image="foto.png"):
    rows = [HEADER, ["Batik Ibu Siti", "BTS-001", "Batik Tulis", "Batik", "450000", "1", image]]
    return "\n".join(",".join(row) for row in rows).encode()


def zip_of(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def with_bad_checksum(content):
    """A stored (uncompressed) zip of `content` with one byte of it changed."""
    archive = bytearray(zip_of({"foto.png": content}, zipfile.ZIP_STORED))
    start = archive.index(content)
    archive[start + len(content) // 2] ^= 0xFF
    return bytes(archive)


@pytest.fixture
def market(site_tree):
    RegionFactory(name="Kabupaten Cirebon")
    CategoryFactory(name="Batik")
    onboard_ikm("Batik Ibu Siti", "Kabupaten Cirebon", publish=True, invite=False)


def import_over_http(client, photos, csv=None):
    return client.post(
        reverse("catalog_import:upload"),
        {
            "file": named(csv or spreadsheet(), "produk.csv"),
            "images": named(photos, "foto.zip"),
            "publish": "on",
            "commit": "1",
        },
    )


def report_errors(response):
    """The errors of a refused import: the background job's (the test settings run it at
    once), or the form's report."""
    if response.status_code == 302:
        job = ImportJob.objects.get()
        assert response.url == reverse("catalog_import:job", args=[job.pk])
        return [tuple(error) for error in job.result["errors"]]
    assert response.status_code == 200
    report = response.context.get("report")
    return [(e.row, e.column, e.message) for e in report.errors] if report else []


def assert_nothing_imported(media_files):
    assert not ProductPage.objects.exists()
    assert_nothing_stored(media_files)


class TestImportZip:
    def test_the_bomb_is_refused_on_its_row(self, superuser_client, market, media_files, bomb):
        response = import_over_http(superuser_client, zip_of({"foto.png": bomb}))
        [(row, column, message)] = report_errors(response)
        assert (row, column) == (2, "image")
        assert "foto.png" in message and "megapiksel" in message
        assert_nothing_imported(media_files)

    def test_png_header_then_html_is_refused_on_its_row(
        self, superuser_client, market, media_files
    ):
        response = import_over_http(superuser_client, zip_of({"foto.png": PNG_THEN_HTML}))
        [(row, column, message)] = report_errors(response)
        assert (row, column) == (2, "image")
        assert "bukan gambar yang dapat dibaca" in message
        assert_nothing_imported(media_files)

    def test_a_bad_checksum_is_refused_on_its_row(self, superuser_client, market, media_files):
        response = import_over_http(superuser_client, with_bad_checksum(picture()))
        [(row, column, message)] = report_errors(response)
        assert (row, column) == (2, "image")
        assert "rusak" in message
        assert_nothing_imported(media_files)

    def test_a_file_that_is_not_a_zip_is_refused(self, superuser_client, market, media_files):
        response = import_over_http(superuser_client, PNG_THEN_HTML)
        assert response.status_code == 200
        assert response.context["form"].errors["images"]
        assert_nothing_imported(media_files)

    def test_an_entry_over_the_byte_limit_is_never_extracted(
        self, settings, superuser_client, market, media_files
    ):
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024 * 1024
        zeros = b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)  # deflates to ~1 KB
        response = import_over_http(superuser_client, zip_of({"foto.png": zeros}))
        [(row, column, message)] = report_errors(response)
        assert (row, column) == (2, "image")
        assert "terlalu besar" in message
        assert_nothing_imported(media_files)

    def test_a_zip_that_unpacks_past_the_limit_is_refused_before_extraction(
        self, superuser_client, market, media_files
    ):
        # Entries each under the per-photo limit, together over the zip's unpacked limit.
        entry = b"\0" * (8 * 1024 * 1024)
        count = importer.MAX_ZIP_UNPACKED_BYTES // len(entry) + 1
        photos = zip_of({f"foto-{n}.png": entry for n in range(count)})
        assert len(photos) < 1024 * 1024
        response = import_over_http(superuser_client, photos)
        assert response.status_code == 200
        assert "terlalu besar setelah dibuka" in " ".join(response.context["form"].errors["images"])
        assert_nothing_imported(media_files)

    def test_a_photo_is_imported(self, superuser_client, market, media_files):
        response = import_over_http(superuser_client, zip_of({"foto.png": picture()}))
        assert response.status_code == 302
        product = ProductPage.objects.get(sku="BTS-001")
        [image] = [item.image for item in product.gallery_images.all()]
        assert (image.width, image.height) == (64, 48)
        assert image.file.name.endswith(".png")


class TestImportFolder:
    def run(self, tmp_path, content, name="foto.png"):
        folder = tmp_path / "foto"
        folder.mkdir()
        (folder / name).write_bytes(content)
        sheet = tmp_path / "produk.csv"
        sheet.write_bytes(spreadsheet(name))
        call_command(
            "import_catalog", str(sheet), "--images", str(folder), "--publish", "--no-progress"
        )

    @pytest.mark.parametrize("content", ["bomb", PNG_THEN_HTML])
    def test_refused_on_its_row(self, request, tmp_path, market, media_files, capsys, content):
        content = request.getfixturevalue("bomb") if content == "bomb" else content
        with pytest.raises(CommandError):
            self.run(tmp_path, content)
        assert re.search(r"row 2, column image: .*foto\.png", capsys.readouterr().err)
        assert_nothing_imported(media_files)

    def test_a_photo_is_imported(self, tmp_path, market, media_files):
        self.run(tmp_path, picture(fmt="JPEG"), "foto.jpg")
        product = ProductPage.objects.get(sku="BTS-001")
        assert product.gallery_images.get().image.width == 64


# --- The demo pictures -------------------------------------------------------------------------


class TestDemoPictures:
    def test_a_drawing_that_is_a_bomb_is_refused(self, site_tree, media_files, bomb):
        collection = Collection.get_first_root_node()
        with pytest.raises(ValidationError):
            ensure_image("Bom", collection, "Bom", lambda: bomb, BuildReport())
        assert_nothing_stored(media_files)

    def test_a_drawing_is_stored_with_its_measured_size(self, site_tree, media_files):
        collection = Collection.get_first_root_node()
        image = ensure_image(
            "Kain", collection, "Kain", lambda: picture((30, 20), fmt="JPEG"), BuildReport()
        )
        assert (image.width, image.height) == (30, 20)
