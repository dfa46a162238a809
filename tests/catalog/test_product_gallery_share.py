"""The product page over HTTP: each photo links to a large WebP rendition (the lightbox's image,
and the no-JavaScript fallback), the share links and Open Graph tags a shared link shows, and
the IKM's shipping facts beside weight and size, in Indonesian and on /en/; owners edit the
shipping facts in the admin."""

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupPagePermission

from catalog.factories import (
    ImageFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    UserFactory,
    VendorPageFactory,
)
from catalog.models import CatalogRendition, VendorPage
from tests.catalog.test_admin import admin_form_data, edit_url, field_errors

pytestmark = pytest.mark.django_db

LARGE = "max-1600x1600|format-webp"


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    translation.activate("id")  # LocaleMiddleware leaves /en/ active in this thread
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def vendor():
    return VendorPageFactory(
        title="Rotan Tegalwangi Jaya",
        ships_from="Cirebon, Jawa Barat",
        couriers="JNE, J&T, SiCepat, kargo laut",
        couriers_en="JNE, J&T, SiCepat, sea freight",
        export_ready=True,
        export_terms="FOB Cirebon, EXW",
        export_note="Minimal satu kontainer 20 kaki.",
    )


@pytest.fixture
def product(vendor):
    product = ProductPageFactory(
        parent=vendor, title="Kursi Teras Rotan", title_en="Rattan Terrace Chair", weight_grams=4200
    )
    sizes = [(2400, 1800), (800, 600), (600, 900)]
    for number, (width, height) in enumerate(sizes, start=1):
        ProductGalleryImageFactory(
            page=product,
            image=ImageFactory(
                title=f"Kursi {number}",
                description=f"Kursi teras rotan, foto {number}",
                file__width=width,
                file__height=height,
            ),
            caption="Tampak samping" if number == 2 else "",
        )
    return product


def rendition_for(url):
    filename = Path(urlparse(url).path).name
    return CatalogRendition.objects.get(file__endswith=filename)


class TestGallery:
    def test_every_photo_links_to_its_large_webp_rendition(self, client, product):
        page = get_soup(client, product.url)
        links = page.select(".product__gallery a[data-gallery-item]")
        photos = list(product.gallery_images.select_related("image"))
        assert len(links) == len(photos) == 3
        for link, item in zip(links, photos, strict=True):
            rendition = rendition_for(link["href"])
            assert rendition.image_id == item.image_id
            assert rendition.filter_spec == LARGE
            assert link["href"].endswith(".webp")
            with rendition.file.open("rb") as file:
                header = file.read(12)
            assert header[:4] == b"RIFF" and header[8:12] == b"WEBP"
            # The lightbox sizes its image before it loads; the photo inside keeps its alt.
            assert (int(link["data-width"]), int(link["data-height"])) == (
                rendition.width,
                rendition.height,
            )
            assert link.img["alt"] == item.image.description
            assert link.get_text(strip=True).startswith("Perbesar foto")

    def test_large_rendition_is_sized_for_screens_not_the_original(self, client, product):
        page = get_soup(client, product.url)
        first, second, third = page.select("a[data-gallery-item]")
        assert (int(first["data-width"]), int(first["data-height"])) == (1600, 1200)
        assert (int(second["data-width"]), int(second["data-height"])) == (800, 600)  # no upscale
        assert (int(third["data-width"]), int(third["data-height"])) == (600, 900)
        assert second["data-caption"] == "Tampak samping"
        assert not first.has_attr("data-caption")

    def test_lightbox_dialog_and_its_script(self, client, product):
        page = get_soup(client, product.url)
        dialog = page.select_one(".product__gallery dialog.lightbox")
        assert dialog is not None and not dialog.has_attr("open")
        buttons = [button.get_text(" ", strip=True) for button in dialog.find_all("button")]
        assert buttons == ["‹ Sebelumnya", "Berikutnya ›", "Tutup"]
        scripts = [script["src"] for script in page.find_all("script", src=True)]
        assert "/static/js/gallery.js" in scripts
        inline = [
            s for s in page.find_all("script", src=False) if s.get("type") != "application/ld+json"
        ]
        assert not inline
        assert not [s for s in page.find_all("script", src=True) if "//" in s["src"]]  # no CDN

    def test_in_english(self, client, product):
        page = get_soup(client, "/en" + product.url)
        link = page.select_one("a[data-gallery-item]")
        assert link.get_text(strip=True).startswith("Enlarge photo")
        assert rendition_for(link["href"]).filter_spec == LARGE
        dialog = page.select_one("dialog.lightbox")
        assert dialog["aria-label"] == "Enlarged product photo"
        assert [b.get_text(" ", strip=True) for b in dialog.find_all("button")] == [
            "‹ Previous",
            "Next ›",
            "Close",
        ]

    def test_a_product_without_photos_has_no_lightbox(self, client, vendor):
        product = ProductPageFactory(parent=vendor)
        page = get_soup(client, product.url)
        assert page.select_one("dialog.lightbox") is None
        assert page.select_one("a[data-gallery-item]") is None

    def test_more_photos_cost_no_more_queries(self, client, count_queries, product, vendor):
        other = ProductPageFactory(parent=vendor, category=product.category)
        ProductGalleryImageFactory(page=other)
        one_photo = count_queries(other.url)
        three_photos = count_queries(product.url)
        assert three_photos == one_photo


class TestSharing:
    def test_whatsapp_link_carries_name_and_url_without_javascript(self, client, product):
        page = get_soup(client, product.url)
        share = page.select_one("[data-share]")
        link = share.select_one("a[data-share-fallback]")
        parsed = urlparse(link["href"])
        assert (parsed.scheme, parsed.netloc, parsed.path) == ("https", "wa.me", "/")
        text = parse_qs(parsed.query)["text"][0]
        assert text == f"Kursi Teras Rotan http://testserver{product.url}"
        assert link.get_text(strip=True) == "Bagikan lewat WhatsApp"
        # The buttons that need JavaScript are hidden until static/js/share.js shows them.
        assert share.select_one("[data-share-native]").has_attr("hidden")
        assert share.select_one("[data-share-copy]").has_attr("hidden")
        assert share.select_one("[data-share-copy]").get_text(strip=True) == "Salin tautan"
        assert share.select_one("[data-share-native]").get_text(strip=True) == "Bagikan"
        assert share["data-share-url"] == f"http://testserver{product.url}"
        status = share.select_one("[data-share-status]")
        assert status["role"] == "status"
        assert "/static/js/share.js" in [s["src"] for s in page.find_all("script", src=True)]

    def test_english_share_text_and_url(self, client, product):
        page = get_soup(client, "/en" + product.url)
        share = page.select_one("[data-share]")
        text = parse_qs(urlparse(share.select_one("a[data-share-fallback]")["href"]).query)
        assert text["text"][0] == f"Rattan Terrace Chair http://testserver/en{product.url}"
        assert share["data-share-copied"] == "Link copied."
        assert share.select_one("[data-share-copy]").get_text(strip=True) == "Copy link"
        assert share.select_one("[data-share-native]").get_text(strip=True) == "Share"

    @pytest.mark.parametrize("prefix", ["", "/en"])
    def test_open_graph_image_of_the_product(self, client, product, prefix):
        page = get_soup(client, prefix + product.url)

        def meta(prop):
            tag = page.find("meta", property=prop) or page.find("meta", attrs={"name": prop})
            assert tag is not None, prop
            return tag["content"]

        main = product.gallery_images.first().image
        image_url = meta("og:image")
        assert image_url.startswith("http://testserver/")
        rendition = rendition_for(image_url)
        assert rendition.image_id == main.pk
        assert rendition.filter_spec == "fill-1200x630"
        assert (int(meta("og:image:width")), int(meta("og:image:height"))) == (1200, 630)
        assert meta("og:image:alt") == main.description
        assert meta("twitter:card") == "summary_large_image"
        assert meta("og:type") == "product"
        assert meta("og:url") == f"http://testserver{prefix}{product.url}"


def facts(page, selector):
    dl = page.select_one(selector)
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in dl.find_all("dt")}


class TestShippingFacts:
    def test_on_the_product_page_beside_weight(self, client, product):
        page = get_soup(client, product.url)
        rows = facts(page, "aside .facts")
        labels = list(rows)
        assert labels.index("Dikirim dari") == labels.index("Berat") + 1
        assert rows["Dikirim dari"].get_text(strip=True) == "Cirebon, Jawa Barat"
        assert rows["Kurir"].get_text(strip=True) == "JNE, J&T, SiCepat, kargo laut"
        export = rows["Ekspor"].get_text(" ", strip=True)
        assert export == "FOB Cirebon, EXW Minimal satu kontainer 20 kaki."

    def test_on_the_ikm_page(self, client, vendor):
        page = get_soup(client, vendor.url)
        rows = facts(page, "aside .facts")
        assert rows["Dikirim dari"].get_text(strip=True) == "Cirebon, Jawa Barat"
        assert rows["Kurir"].get_text(strip=True) == "JNE, J&T, SiCepat, kargo laut"
        assert rows["Ekspor"].get_text(" ", strip=True).startswith("FOB Cirebon, EXW")

    def test_in_english_with_fallback_marked(self, client, product, vendor):
        page = get_soup(client, "/en" + product.url)
        rows = facts(page, "aside .facts")
        assert rows["Ships from"].get_text(strip=True) == "Cirebon, Jawa Barat"
        assert rows["Courier"].get_text(strip=True) == "JNE, J&T, SiCepat, sea freight"
        assert not rows["Courier"].has_attr("lang")
        note = rows["Export"].select_one(".facts__note")
        assert note.get_text(strip=True) == "Minimal satu kontainer 20 kaki."
        assert note["lang"] == "id"  # no English note written: the Indonesian one, marked
        page = get_soup(client, "/en" + vendor.url)
        assert "Ships from" in facts(page, "aside .facts")

    def test_an_ikm_that_does_not_export_shows_no_export_row(self, client):
        vendor = VendorPageFactory(ships_from="Cilegon, Banten", couriers="JNE")
        product = ProductPageFactory(parent=vendor)
        rows = facts(get_soup(client, product.url), "aside .facts")
        assert rows["Dikirim dari"].get_text(strip=True) == "Cilegon, Banten"
        assert "Ekspor" not in rows

    def test_an_exporter_without_terms_invites_the_question(self, client):
        vendor = VendorPageFactory(export_ready=True)
        rows = facts(get_soup(client, vendor.url), "aside .facts")
        assert rows["Ekspor"].get_text(strip=True) == "Ya, tanyakan syaratnya"
        assert "Dikirim dari" not in rows and "Kurir" not in rows


def ikm_owner(vendor):
    group = Group.objects.create(name=f"Pemilik {vendor.title}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for permission_type in ("add", "change"):
        GroupPagePermission.objects.create(
            group=group, page=vendor, permission_type=permission_type
        )
    user = UserFactory()
    user.groups.add(group)
    return user


class TestOwnerEditsShippingFacts:
    FIELDS = ("ships_from", "couriers", "couriers_en", "export_terms", "export_note")

    def test_owner_sets_them_in_the_admin(self, client, verified_login):
        vendor = VendorPageFactory(title="Batik Paoman Ayu")
        verified_login(client, ikm_owner(vendor))
        response = client.get(edit_url(vendor))
        html = response.content.decode()
        for field in (*self.FIELDS, "export_note_en", "export_ready"):
            assert f'name="{field}"' in html, field
        assert "Pengiriman &amp; ekspor" in html
        data = admin_form_data(
            response,
            ships_from="Indramayu, Jawa Barat",
            couriers="JNE, Pos Indonesia",
            couriers_en="JNE, Pos Indonesia",
            export_ready="on",
            export_terms="FOB Cirebon",
            export_note="Dokumen ekspor diurus IKM.",
        )
        response = client.post(edit_url(vendor), data)
        assert response.status_code == 302
        draft = VendorPage.objects.get(pk=vendor.pk).get_latest_revision_as_object()
        assert (draft.ships_from, draft.couriers, draft.export_terms) == (
            "Indramayu, Jawa Barat",
            "JNE, Pos Indonesia",
            "FOB Cirebon",
        )
        assert draft.export_ready is True

    def test_export_terms_need_an_exporting_ikm(self, client, verified_login):
        vendor = VendorPageFactory(export_ready=False)
        verified_login(client, ikm_owner(vendor))
        data = admin_form_data(client.get(edit_url(vendor)), export_terms="FOB Cirebon")
        data.pop("export_ready", None)
        response = client.post(edit_url(vendor), data)
        assert response.status_code == 200
        assert field_errors(response, "export_terms") == [
            "Centang 'siap ekspor' atau kosongkan isian ini."
        ]
        assert not VendorPage.objects.get(pk=vendor.pk).export_terms
