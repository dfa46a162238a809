"""Image uploads through the Wagtail admin: only real raster images, bounded in bytes and pixels.

Each bad file is posted to the image add view as a superuser (who may upload anything): it is
refused with a message that says why, and no image row nor file is left behind.
"""

import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from catalog.models import CatalogImage

ADD_URL = "wagtailimages:add"


def png_bytes(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client, name, content):
    file = io.BytesIO(content)
    file.name = name
    return client.post(
        reverse(ADD_URL),
        {"title": "Foto uji", "description": "Foto uji untuk pembaca layar", "file": file},
    )


def error_codes(response):
    """The codes of the file field's errors; each error's message must be shown on the page."""
    errors = response.context["form"].errors.as_data().get("file", [])
    html = response.content.decode()
    for error in errors:
        for message in error.messages:
            assert escape(message) in html
    return {error.code for error in errors}


@pytest.fixture
def media_files(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return lambda: sorted(p for p in tmp_path.rglob("*") if p.is_file())


@pytest.mark.django_db
class TestImageUploadLimits:
    def test_a_small_png_is_accepted(self, superuser_client, media_files):
        response = upload(superuser_client, "kain.png", png_bytes())
        assert response.status_code == 302
        assert CatalogImage.objects.filter(title="Foto uji").count() == 1
        assert media_files()

    def test_oversize_file_is_refused(self, settings, superuser_client, media_files):
        # A real PNG header followed by padding: larger than the limit, still an image.
        content = png_bytes() + b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
        response = upload(superuser_client, "besar.png", content)
        assert response.status_code == 200
        assert error_codes(response) == {"file_too_large"}
        assert not CatalogImage.objects.exists()
        assert not media_files()

    def test_more_pixels_than_the_limit_is_refused(self, settings, superuser_client, media_files):
        assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
        # 10,000 x 5,000 = 50 megapixels in a few kilobytes: a small decompression bomb.
        content = png_bytes(size=(10_000, 5_000), mode="1")
        assert len(content) < 100_000
        response = upload(superuser_client, "bom.png", content)
        assert response.status_code == 200
        assert error_codes(response) == {"file_too_many_pixels"}
        assert not CatalogImage.objects.exists()
        assert not media_files()

    def test_a_bomb_past_pillows_own_guard_is_refused(self, superuser_client, media_files):
        content = png_bytes(size=(20_000, 20_000), mode="1")  # 400 megapixels
        response = upload(superuser_client, "bom-besar.png", content)
        assert response.status_code == 200
        assert error_codes(response) & {"invalid_image", "file_too_many_pixels"}
        assert not CatalogImage.objects.exists()
        assert not media_files()

    def test_svg_is_refused(self, superuser_client, media_files):
        svg = (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script></svg>"
        )
        response = upload(superuser_client, "logo.svg", svg)
        assert response.status_code == 200
        assert error_codes(response) & {"invalid_image", "invalid_image_extension"}
        assert not CatalogImage.objects.exists()
        assert not media_files()

    def test_content_that_does_not_match_its_extension_is_refused(
        self, superuser_client, media_files
    ):
        response = upload(superuser_client, "foto.jpg", png_bytes())
        assert response.status_code == 200
        assert error_codes(response) == {"invalid_image_known_format"}
        assert not CatalogImage.objects.exists()
        assert not media_files()

    def test_a_script_named_png_is_refused(self, superuser_client, media_files):
        response = upload(superuser_client, "foto.png", b"<script>alert(1)</script>")
        assert response.status_code == 200
        # Willow reads markup as SVG, then finds that it is not the PNG its name claims.
        assert error_codes(response) & {"invalid_image", "invalid_image_known_format"}
        assert not CatalogImage.objects.exists()
        assert not media_files()


def test_document_extensions_are_an_allow_list_without_active_content(settings):
    allowed = {extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS}
    assert allowed
    assert not allowed & {"html", "htm", "svg", "js", "mjs", "xhtml", "xml", "swf", "exe"}
    assert "svg" not in {extension.lower() for extension in settings.WAGTAILIMAGES_EXTENSIONS}
