"""English beside Indonesian: /en/ shows English text where it exists and the Indonesian text
otherwise (marked lang="id"), with English prices and dates; SEO alternates per language; the
curators' "needs translation" report."""

import datetime
import json
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.rich_text import RichText

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    MaterialFactory,
    ProductCertificateFactory,
    ProductPageFactory,
    RegionFactory,
    UserFactory,
    VendorPageFactory,
)
from catalog.ownership import ensure_curator_group, grant_vendor_ownership
from catalog.translation import has_text, missing_english, translated
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    # LocaleMiddleware leaves the request's language active in this thread: back to
    # Indonesian, so that `page.url` in the test is the Indonesian URL again.
    translation.activate("id")
    return response


def jsonld(page, schema_type):
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == schema_type:
            return data
    raise AssertionError(f"no {schema_type}")


@pytest.fixture
def categories():
    kerajinan = CategoryFactory(name="Kerajinan", slug="kerajinan", name_en="Crafts")
    return {
        "kerajinan": kerajinan,
        # A subcategory without English: its name stays Indonesian on /en/.
        "rotan": CategoryFactory(name="Rotan", slug="rotan", parent=kerajinan),
        "topeng": CategoryFactory(name="Topeng", slug="topeng", parent=kerajinan, name_en="Masks"),
    }


@pytest.fixture
def vendor():
    return VendorPageFactory(
        title="Rotan Tegalwangi",
        slug="rotan-tegalwangi",
        region=RegionFactory(name="Kabupaten Cirebon", slug="kabupaten-cirebon"),
        story="<p>Anyaman rotan sejak 1990.</p>",
        monthly_capacity="200 kursi",
    )


@pytest.fixture
def indonesian_only(vendor, categories):
    """A product with no English text at all."""
    return ProductPageFactory(
        parent=vendor,
        title="Kursi Teras Rotan",
        slug="kursi-teras-rotan",
        category=categories["rotan"],
        summary="Kursi rotan alami untuk teras.",
        description=[("paragraph", RichText("<p>Dianyam tangan dari rotan alam.</p>"))],
        price=150_000,
    )


@pytest.fixture
def translated_product(vendor, categories):
    return ProductPageFactory(
        parent=vendor,
        title="Topeng Panji Kayu",
        slug="topeng-panji-kayu",
        category=categories["topeng"],
        summary="Topeng Panji ukir tangan.",
        description=[("paragraph", RichText("<p>Diukir dari kayu jaran.</p>"))],
        title_en="Panji Mask of Jaran Wood",
        summary_en="A hand-carved Panji mask.",
        listing_summary_en="A hand-carved Panji mask.",
        description_en=[("paragraph", RichText("<p>Carved from light jaran wood.</p>"))],
        price=1_250_000,
    )


# --- the generic helper ----------------------------------------------------------------------


class TestTranslatedHelper:
    def test_indonesian_reader_gets_the_source(self, translated_product):
        result = translated(translated_product, "title", language="id")
        assert (result.value, result.language, result.fallback) == (
            "Topeng Panji Kayu",
            "id",
            False,
        )

    def test_english_reader_gets_english_when_written(self, translated_product):
        result = translated(translated_product, "title", language="en")
        assert (result.value, result.language, result.fallback) == (
            "Panji Mask of Jaran Wood",
            "en",
            False,
        )

    def test_english_reader_falls_back_to_indonesian(self, indonesian_only):
        result = translated(indonesian_only, "title", language="en")
        assert (result.value, result.language, result.fallback) == ("Kursi Teras Rotan", "id", True)

    def test_active_language_decides(self, translated_product):
        with translation.override("en"):
            assert translated(translated_product, "summary").value == "A hand-carved Panji mask."
        with translation.override("id"):
            assert translated(translated_product, "summary").value == "Topeng Panji ukir tangan."

    def test_works_for_any_object_with_or_without_a_twin(self):
        class Exhibition:
            title = "Pameran Batik"
            title_en = "Batik Fair"
            theme = "Warisan"  # no theme_en at all

        assert translated(Exhibition(), "title", language="en").value == "Batik Fair"
        theme = translated(Exhibition(), "theme", language="en")
        assert (theme.value, theme.fallback) == ("Warisan", True)

    def test_blank_rich_text_and_empty_streams_count_as_missing(self, indonesian_only):
        assert not has_text("<p> </p>")
        assert not has_text(indonesian_only.description_en)
        assert has_text(indonesian_only.description)
        assert set(missing_english(indonesian_only)) >= {"title", "summary", "description"}

    def test_category_string_follows_the_language(self, categories):
        with translation.override("en"):
            assert str(categories["topeng"]) == "Crafts › Masks"
            assert str(categories["rotan"]) == "Crafts › Rotan"
        assert str(categories["topeng"]) == "Kerajinan › Topeng"


# --- browsing in English ---------------------------------------------------------------------


class TestEnglishProductPage:
    def test_without_english_text_the_indonesian_is_marked(self, client, indonesian_only):
        page = soup(get_ok(client, "/en" + indonesian_only.url))
        assert page.html["lang"] == "en"
        h1 = page.find("h1")
        assert h1.get_text(strip=True) == "Kursi Teras Rotan"
        assert h1["lang"] == "id"
        assert page.select_one(".product .lead")["lang"] == "id"
        description = page.select_one(".description")
        assert description["lang"] == "id"
        assert "Dianyam tangan" in description.get_text()
        # The interface itself is English.
        assert page.find(id="description-heading").get_text(strip=True) == "Description"
        # A category without English is marked too; the breadcrumb's last item as well.
        assert page.select_one(".product__category")["lang"] == "id"
        assert page.select(".breadcrumbs li")[-1]["lang"] == "id"

    def test_with_english_text_nothing_is_marked(self, client, translated_product):
        page = soup(get_ok(client, "/en" + translated_product.url))
        h1 = page.find("h1")
        assert h1.get_text(strip=True) == "Panji Mask of Jaran Wood"
        assert not h1.has_attr("lang")
        assert page.select_one(".product .lead").get_text(strip=True) == "A hand-carved Panji mask."
        description = page.select_one(".description")
        assert not description.has_attr("lang")
        assert "Carved from light jaran wood." in description.get_text()
        assert "Diukir" not in description.get_text()
        assert page.select_one(".product__category").get_text(strip=True) == "Crafts › Masks"
        assert not page.select_one(".product__category").has_attr("lang")
        assert page.title.get_text().startswith("Panji Mask of Jaran Wood")
        assert page.find("meta", property="og:title")["content"] == "Panji Mask of Jaran Wood"
        assert page.find("meta", attrs={"name": "description"})["content"] == (
            "A hand-carved Panji mask."
        )
        crumbs = page.select(".breadcrumbs li")
        assert crumbs[-1].get_text(strip=True) == "Panji Mask of Jaran Wood"
        assert not crumbs[-1].has_attr("lang")

    def test_json_ld_is_in_the_readers_language(self, client, translated_product):
        english = soup(get_ok(client, "/en" + translated_product.url))
        product = jsonld(english, "Product")
        assert product["name"] == "Panji Mask of Jaran Wood"
        assert product["description"] == "A hand-carved Panji mask."
        assert product["category"] == "Crafts › Masks"
        crumbs = jsonld(english, "BreadcrumbList")["itemListElement"]
        assert crumbs[-1]["name"] == "Panji Mask of Jaran Wood"
        assert urlparse(crumbs[-1]["item"]).path == "/en" + translated_product.url
        indonesian = jsonld(soup(get_ok(client, translated_product.url)), "Product")
        assert indonesian["name"] == "Topeng Panji Kayu"
        assert indonesian["category"] == "Kerajinan › Topeng"

    def test_indonesian_page_is_unchanged(self, client, translated_product):
        page = soup(get_ok(client, translated_product.url))
        assert page.html["lang"] == "id"
        assert page.find("h1").get_text(strip=True) == "Topeng Panji Kayu"
        assert not page.find("h1").has_attr("lang")
        assert "Carved from" not in page.select_one(".description").get_text()
        assert page.select_one(".price").get_text(" ", strip=True).startswith("Rp 1.250.000")

    def test_prices_and_dates_for_english_readers(self, client, translated_product):
        ProductCertificateFactory(
            page=translated_product,
            certificate_type=CertificateTypeFactory(name="Sertifikat Halal", name_en="Halal"),
            issued_on=datetime.date(2025, 5, 2),
            expires_on=datetime.date(2099, 8, 17),
            verified=True,
        )
        english = soup(get_ok(client, "/en" + translated_product.url))
        assert english.select_one(".price").get_text(" ", strip=True).startswith("Rp 1,250,000")
        dates = english.select_one(".certificate__dates").get_text(" ", strip=True)
        assert dates == "issued 2 May 2025, valid until 17 August 2099"
        assert english.select_one(".certificate strong").get_text(strip=True) == "Halal"
        indonesian = soup(get_ok(client, translated_product.url))
        dates = indonesian.select_one(".certificate__dates").get_text(" ", strip=True)
        assert dates == "terbit 2 Mei 2025, berlaku sampai 17 Agustus 2099"
        assert indonesian.select_one(".certificate strong").get_text() == "Sertifikat Halal"

    def test_materials_in_english_or_marked(self, client, translated_product):
        translated_product.materials.set(
            [
                MaterialFactory(name="Kayu Jaran", slug="kayu-jaran"),
                MaterialFactory(name="Sutra", slug="sutra", name_en="Silk"),
            ]
        )
        translated_product.save()
        page = soup(get_ok(client, "/en" + translated_product.url))
        spans = {s.get_text(): s.get("lang") for s in page.select(".facts dd span")}
        assert spans == {"Kayu Jaran": "id", "Silk": None}


class TestEnglishListings:
    def test_cards_use_english_titles_and_mark_the_rest(
        self, client, indonesian_only, translated_product
    ):
        page = soup(get_ok(client, "/en/katalog/"))
        cards = {h3.get_text(strip=True): h3.get("lang") for h3 in page.select(".product-card h3")}
        assert cards == {"Kursi Teras Rotan": "id", "Panji Mask of Jaran Wood": None}
        assert "Rp 150,000" in page.get_text()

    def test_category_facets_in_english(self, client, indonesian_only, translated_product):
        page = soup(get_ok(client, "/en/katalog/"))
        links = {
            a.find(string=True, recursive=False).strip(): a.get("lang")
            for a in page.select(".facets a")
            if a.find(string=True, recursive=False)
        }
        assert links["Crafts"] is None
        assert links["Masks"] is None
        assert links["Rotan"] == "id"
        indonesian = soup(get_ok(client, "/katalog/")).select(".facets a")
        assert any(a.get_text().startswith("Kerajinan") for a in indonesian)
        assert not any(a.has_attr("lang") for a in indonesian)

    def test_category_page_in_english(self, client, translated_product):
        page = soup(get_ok(client, "/en/katalog/topeng/"))
        assert page.find("h1").get_text(strip=True) == "Masks"
        assert page.title.get_text().startswith("Masks")
        assert page.find("meta", attrs={"name": "description"})["content"].startswith(
            "Masks products"
        )

    def test_search_snippets_in_english(self, client, indonesian_only, translated_product):
        page = soup(get_ok(client, "/en/cari/?q=kayu"))
        snippet = page.select_one(".card__snippet")
        assert snippet.get_text() == "A hand-carved Panji mask."
        assert not snippet.has_attr("lang")
        page = soup(get_ok(client, "/en/cari/?q=teras"))
        snippet = page.select_one(".card__snippet")
        assert snippet["lang"] == "id"
        assert snippet.find("mark").get_text().lower() == "teras"

    def test_vendor_profile_story_in_english_or_marked(self, client, vendor):
        page = soup(get_ok(client, "/en" + vendor.url))
        assert page.select_one(".story")["lang"] == "id"
        vendor.story_en = "<p>Weaving rattan since 1990.</p>"
        vendor.monthly_capacity_en = "200 chairs"
        vendor.save_revision().publish()
        page = soup(get_ok(client, "/en" + vendor.url))
        assert page.select_one(".story").get_text(strip=True) == "Weaving rattan since 1990."
        assert not page.select_one(".story").has_attr("lang")
        assert "200 chairs" in page.select_one(".facts").get_text()

    def test_autocomplete_in_english(self, client, translated_product):
        data = client.get("/en/cari/saran/", {"q": "topeng"}).json()
        assert [p["title"] for p in data["products"]] == ["Panji Mask of Jaran Wood"]
        data = client.get("/en/cari/saran/", {"q": "mask"}).json()
        assert {"title": "Masks", "slug": "topeng"} in data["categories"]


# --- SEO per language ------------------------------------------------------------------------


class TestSeoPerLanguage:
    def alternates(self, page):
        return {
            link["hreflang"]: link["href"]
            for link in page.find_all("link", rel="alternate", hreflang=True)
        }

    @pytest.mark.parametrize("prefix", ["", "/en"])
    def test_hreflang_on_every_public_page(
        self, client, site_tree, vendor, translated_product, prefix
    ):
        for path in (
            "/",
            "/katalog/",
            "/katalog/topeng/",
            "/ikm/",
            vendor.url,
            translated_product.url,
        ):
            page = soup(get_ok(client, prefix + path))
            assert self.alternates(page) == {
                "id": "http://testserver" + path,
                "en": "http://testserver/en" + path,
                "x-default": "http://testserver" + path,
            }, path

    def test_canonical_stays_per_language(self, client, translated_product):
        english = soup(get_ok(client, "/en" + translated_product.url))
        assert english.find("link", rel="canonical")["href"] == (
            "http://testserver/en" + translated_product.url
        )
        assert english.find("meta", property="og:url")["content"] == (
            "http://testserver/en" + translated_product.url
        )
        indonesian = soup(get_ok(client, translated_product.url))
        assert indonesian.find("link", rel="canonical")["href"] == (
            "http://testserver" + translated_product.url
        )

    def test_open_graph_locale(self, client, translated_product):
        english = soup(get_ok(client, "/en" + translated_product.url))
        assert english.find("meta", property="og:locale")["content"] == "en_US"
        assert english.find("meta", property="og:locale:alternate")["content"] == "id_ID"
        indonesian = soup(get_ok(client, translated_product.url))
        assert indonesian.find("meta", property="og:locale")["content"] == "id_ID"
        assert indonesian.find("meta", property="og:locale:alternate")["content"] == "en_US"

    def test_sitemap_lists_both_languages_with_alternates(self, client, translated_product):
        namespaces = {
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml",
        }
        response = get_ok(client, "/sitemap.xml")
        root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
        urls = {u.find("s:loc", namespaces).text: u for u in root.findall("s:url", namespaces)}
        indonesian = "http://testserver" + translated_product.url
        english = "http://testserver/en" + translated_product.url
        assert indonesian in urls and english in urls
        assert "http://testserver/" in urls and "http://testserver/en/" in urls
        for location in (indonesian, english):
            links = {
                link.get("hreflang"): link.get("href")
                for link in urls[location].findall("x:link", namespaces)
                if link.get("rel") == "alternate"
            }
            assert links == {"id": indonesian, "en": english, "x-default": indonesian}
        assert all(location.startswith("http://testserver/") for location in urls)
        assert not [location for location in urls if "/en/en/" in location]
        # Every page once per language.
        assert len([u for u in urls if u.startswith("http://testserver/en/")]) == len(urls) / 2


# --- the curators' "needs translation" report -----------------------------------------------

REPORT = "/admin/perlu-terjemahan/"


def counts(response):
    return {
        span["data-kind"]: int(span.get_text())
        for span in soup(response).select(".needs-translation-count")
    }


def row_names(response):
    return [
        row.find("td").get_text(" ", strip=True)
        for row in soup(response).select("table.needs-translation tbody tr")
    ]


@pytest.fixture
def owner(vendor):
    user = UserFactory(username="pemilik.rotan")
    grant_vendor_ownership(vendor, [user])
    return user


class TestNeedsTranslationReport:
    def test_curator_sees_every_kind_with_counts(
        self, client, site_tree, vendor, indonesian_only, translated_product, categories
    ):
        other = VendorPageFactory(title="Sirup Bidadari", story="")
        ProductPageFactory(parent=other, title="Sirup Pala", category=categories["topeng"])
        ProductPageFactory(  # drafts do not count
            parent=other, title="Sirup Draf", live=False, category=categories["topeng"]
        )
        curator = UserFactory(username="kurator")
        ensure_curator_group([curator])
        login_verified(client, curator)
        response = get_ok(client, REPORT)
        # Products without English: Kursi Teras Rotan and Sirup Pala; IKM with an untranslated
        # story: Rotan Tegalwangi; categories without an English name: Rotan.
        # (The showroom's kinds, exhibitions and venues, are tested in tests/showroom.)
        assert counts(response) == {
            "produk": 2,
            "ikm": 1,
            "kategori": 1,
            "pameran": 0,
            "showroom": 0,
        }
        assert sorted(row_names(response)) == ["Kursi Teras Rotan", "Sirup Pala"]
        missing = soup(response).select("table.needs-translation tbody tr td")[-1].get_text()
        assert missing
        assert row_names(get_ok(client, REPORT + "?jenis=kategori")) == ["Kerajinan › Rotan"]
        assert row_names(get_ok(client, REPORT + "?jenis=ikm")) == ["Rotan Tegalwangi"]
        edit = soup(response).select_one("table.needs-translation tbody a")["href"]
        assert edit.startswith("/admin/pages/")

    def test_translating_takes_an_item_off_the_list(
        self, client, site_tree, indonesian_only, superuser
    ):
        login_verified(client, superuser)
        assert counts(get_ok(client, REPORT))["produk"] == 1
        indonesian_only.title_en = "Rattan Terrace Chair"
        indonesian_only.summary_en = "A natural rattan chair for the terrace."
        indonesian_only.save_revision().publish()
        assert counts(get_ok(client, REPORT))["produk"] == 0

    def test_owner_sees_only_their_own_ikm_and_no_categories(
        self, client, site_tree, owner, indonesian_only, categories
    ):
        other = VendorPageFactory(title="IKM Lain", story="<p>Cerita</p>")
        ProductPageFactory(parent=other, title="Produk IKM Lain", category=categories["rotan"])
        client.force_login(owner)
        response = get_ok(client, REPORT)
        assert counts(response) == {"produk": 1, "ikm": 1}
        assert row_names(response) == ["Kursi Teras Rotan"]
        assert "Produk IKM Lain" not in response.content.decode()
        # Asking for categories shows their own products instead, never the categories.
        response = get_ok(client, REPORT + "?jenis=kategori")
        assert row_names(response) == ["Kursi Teras Rotan"]
        assert row_names(get_ok(client, REPORT + "?jenis=ikm")) == ["Rotan Tegalwangi"]

    def test_anonymous_and_non_staff_are_refused(self, client, site_tree):
        response = client.get(REPORT)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
        client.force_login(UserFactory(username="pembeli"))
        response = client.get(REPORT)
        assert response.status_code in (302, 403)
        assert not Group.objects.filter(user__username="pembeli").exists()

    def test_bad_parameters_do_not_break_it(self, client, site_tree, superuser):
        login_verified(client, superuser)
        for query in ("?jenis=<script>", "?p=abc", "?p=999999", "?jenis=produk&p=-1"):
            assert client.get(REPORT + query).status_code == 200, query

    def test_english_panels_are_in_the_editor(self, client, site_tree, owner, indonesian_only):
        client.force_login(owner)
        html = get_ok(client, f"/admin/pages/{indonesian_only.pk}/edit/").content.decode()
        for name in ("title_en", "summary_en", "listing_summary_en"):
            assert f'name="{name}"' in html, name
        assert 'id="description_en' in html


def edit_form(client, page, **changes):
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    data.update(
        nested_form_data({"description": streamfield([]), "description_en": streamfield([])})
    )
    for key, value in changes.items():
        data[key] = value
    return data


class TestOwnersWriteEnglish:
    def test_owner_adds_english_to_their_own_product(
        self, client, site_tree, owner, indonesian_only
    ):
        client.force_login(owner)
        data = edit_form(
            client,
            indonesian_only,
            title_en="Rattan Terrace Chair",
            summary_en="A natural rattan chair for the terrace.",
        )
        response = client.post(f"/admin/pages/{indonesian_only.pk}/edit/", data)
        assert response.status_code == 302, response.content.decode()[:300]
        assert response["Location"] == f"/admin/pages/{indonesian_only.pk}/edit/"
        indonesian_only.refresh_from_db()
        draft = indonesian_only.get_latest_revision_as_object()
        assert draft.title_en == "Rattan Terrace Chair"
        assert draft.summary_en == "A natural rattan chair for the terrace."
        assert draft.title == "Kursi Teras Rotan"

    def test_owner_cannot_write_english_on_another_ikm(self, client, site_tree, owner, categories):
        other = ProductPageFactory(
            parent=VendorPageFactory(title="IKM Lain"),
            title="Produk Lain",
            category=categories["rotan"],
        )
        revisions = other.revisions.count()
        client.force_login(owner)
        assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
        response = client.post(
            f"/admin/pages/{other.pk}/edit/", {"title": "Produk Lain", "title_en": "Hacked"}
        )
        assert response.status_code in (302, 403)
        other.refresh_from_db()
        assert other.title_en == ""
        assert other.revisions.count() == revisions
