"""The public site: every page type renders, listings filter and paginate, SEO metadata and
structured data are right, and listings cost a fixed number of queries."""

import datetime
import re
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from catalog.factories import (
    CategoryFactory,
    CertificateTypeFactory,
    ImageFactory,
    ProductCertificateFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage
from showroom.models import StandardPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def get_ok(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} {params}: {response.status_code}"
    return response


def card_titles(response):
    """Titles of the product or IKM cards on a listing, in order."""
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def of_type(blocks, schema_type):
    found = [block for block in blocks if block.get("@type") == schema_type]
    assert len(found) == 1, f"expected one {schema_type}, got {blocks}"
    return found[0]


def published_days_ago(days):
    from django.utils import timezone

    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def regions():
    return (
        RegionFactory(name="Kota Cirebon", slug="kota-cirebon"),
        RegionFactory(name="Kota Cilegon", slug="kota-cilegon"),
    )


@pytest.fixture
def categories():
    batik = CategoryFactory(name="Batik", slug="batik")
    return {
        "batik": batik,
        "batik-tulis": CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik),
        "makanan": CategoryFactory(name="Makanan Olahan", slug="makanan-olahan"),
    }


@pytest.fixture
def vendor(regions):
    return VendorPageFactory(
        title="Batik Ibu Siti",
        slug="batik-ibu-siti",
        region=regions[0],
        owner_names="Ibu Siti Aminah",
        address="Jl. Trusmi Kulon No. 12",
        postal_code="45154",
        whatsapp="0812-3456-7890",
    )


@pytest.fixture
def product(vendor, categories):
    product = ProductPageFactory(
        parent=vendor,
        title="Batik Tulis Mega Mendung",
        slug="batik-tulis-mega-mendung",
        category=categories["batik-tulis"],
        summary="Kain batik tulis motif Mega Mendung, pewarna alam.",
        sku="BT-MM-01",
        price=150_000,
        stock=12,
    )
    ProductGalleryImageFactory(page=product, image=ImageFactory(title="Mega Mendung biru"))
    return product


# --- Every page type renders -----------------------------------------------------------------


class TestEveryPageTypeRenders:
    def test_home_page(self, client, site_tree, product):
        response = get_ok(client, "/")
        html = response.content.decode()
        assert response.templates[0].name == "showroom/home_page.html"
        assert site_tree.home.specific.body[0].value["heading"] in html
        assert product.title in html
        assert "Batik Ibu Siti" in html
        assert "Rp 150.000" in html

    def test_catalog(self, client, site_tree, product):
        response = get_ok(client, "/katalog/")
        assert soup(response).h1.get_text(strip=True) == site_tree.catalog.title
        assert card_titles(response) == [product.title]
        assert "Rp 150.000" in response.content.decode()

    def test_category_sub_url(self, client, product, categories):
        response = get_ok(client, "/katalog/batik-tulis/")
        page = soup(response)
        assert page.h1.get_text(strip=True) == "Batik Tulis"
        assert card_titles(response) == [product.title]
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == "http://testserver/katalog/batik-tulis/"

    def test_unknown_category_is_404(self, client, categories):
        assert client.get("/katalog/tidak-ada/").status_code == 404

    def test_directory(self, client, site_tree, product, vendor):
        response = get_ok(client, "/ikm/")
        assert soup(response).h1.get_text(strip=True) == site_tree.directory.title
        assert card_titles(response) == [vendor.title]
        card = soup(response).select_one(".vendor-card").get_text(" ", strip=True)
        assert "Kota Cirebon" in card
        assert "1 produk" in card

    def test_ikm_profile(self, client, vendor, product):
        response = get_ok(client, vendor.url)
        html = response.content.decode()
        assert soup(response).h1.get_text(strip=True) == "Batik Ibu Siti"
        assert "Ibu Siti Aminah" in html
        assert "Jl. Trusmi Kulon No. 12" in html
        assert card_titles(response) == [product.title]
        link = soup(response).select_one("a.button--whatsapp")["href"]
        assert link == f"/wa/{vendor.pk}/"
        assert client.get(link)["Location"].startswith("https://wa.me/6281234567890?text=")

    def test_product(self, client, product):
        response = get_ok(client, product.url)
        page = soup(response)
        assert page.h1.get_text(strip=True) == product.title
        assert page.select_one(".product__vendor a")["href"] == "/ikm/batik-ibu-siti/"
        assert "Kain batik tulis motif Mega Mendung" in response.content.decode()

    def test_standard_page(self, client, site_tree):
        page = StandardPage(
            title="Cara Memesan",
            slug="cara-memesan",
            body=[
                ("heading", "Langkah pertama"),
                ("paragraph", RichText("<p>Hubungi IKM melalui WhatsApp.</p>")),
            ],
        )
        site_tree.home.add_child(instance=page)
        response = get_ok(client, "/cara-memesan/")
        html = response.content.decode()
        assert "<h1>Cara Memesan</h1>" in html
        assert "<h3>Langkah pertama</h3>" in html
        assert "Hubungi IKM melalui WhatsApp." in html

    def test_search(self, client, product):
        response = get_ok(client, "/cari/", q="batik")
        assert card_titles(response) == [product.title]


# --- The product page ------------------------------------------------------------------------


class TestProductPage:
    def test_price_in_rupiah(self, client, product):
        price = soup(get_ok(client, product.url)).select_one(".product__info .price")
        assert price.get_text(" ", strip=True) == "Rp 150.000 / pcs"

    def test_price_on_request(self, client, vendor, categories):
        product = ProductPageFactory(parent=vendor, price=None, category=categories["makanan"])
        response = get_ok(client, product.url)
        price = soup(response).select_one(".product__info .price").get_text(strip=True)
        assert price == "Harga atas permintaan"

    def test_price_in_english(self, client, product):
        response = get_ok(client, "/en" + product.url)
        assert '<html lang="en">' in response.content.decode()
        assert "Rp 150,000" in response.content.decode()

    def test_whatsapp_link_is_prefilled_with_the_product(self, client, product):
        response = get_ok(client, product.url)
        link = soup(response).select_one(".vendor-mini a.button--whatsapp")["href"]
        assert link == f"/wa/{product.pk}/"  # counted, then redirected to wa.me
        parsed = urlparse(client.get(link)["Location"])
        assert (parsed.scheme, parsed.netloc, parsed.path) == ("https", "wa.me", "/6281234567890")
        text = parse_qs(parsed.query)["text"][0]
        assert product.title in text
        assert "http://testserver/ikm/batik-ibu-siti/batik-tulis-mega-mendung/" in text

    def test_no_whatsapp_link_without_a_number(self, client, categories):
        product = ProductPageFactory(parent=VendorPageFactory(whatsapp=""))
        html = get_ok(client, product.url).content.decode()
        contact = str(BeautifulSoup(html, "html.parser").select_one(".vendor-mini"))
        assert "wa.me" not in contact
        assert "button--whatsapp" not in contact
        # The only WhatsApp link left is the buyer's "share" link, addressed to no number.
        links = re.findall(r'href="(https://wa\.me/[^"]*)"', html)
        assert [link.split("?")[0] for link in links] == ["https://wa.me/"]

    def test_certificate_dates_in_indonesian(self, client, product):
        ProductCertificateFactory(
            page=product,
            certificate_type=CertificateTypeFactory(name="SNI"),
            issued_on=datetime.date(2024, 1, 15),
            expires_on=datetime.date(2099, 8, 17),
        )
        dates = soup(get_ok(client, product.url)).select_one(".certificate__dates")
        assert dates.get_text(strip=True) == (
            "terbit 15 Januari 2024, berlaku sampai 17 Agustus 2099"
        )

    def test_certificate_dates_in_english(self, client, product):
        ProductCertificateFactory(
            page=product,
            issued_on=datetime.date(2024, 1, 15),
            expires_on=datetime.date(2099, 8, 17),
        )
        html = get_ok(client, "/en" + product.url).content.decode()
        assert "15 January 2024" in html
        assert "Januari" not in html

    def test_draft_product_is_404(self, client, vendor):
        draft = ProductPageFactory(parent=vendor, title="Batik Draf", live=False)
        assert client.get(draft.url or f"/ikm/batik-ibu-siti/{draft.slug}/").status_code == 404
        assert client.get(f"/ikm/batik-ibu-siti/{draft.slug}/").status_code == 404

    def test_unpublished_product_is_404(self, client, product):
        url = product.url
        product.unpublish()
        assert client.get(url).status_code == 404


# --- Pagination ------------------------------------------------------------------------------


class TestPagination:
    @pytest.fixture
    def five_products(self, settings, vendor):
        settings.CATALOG_PAGE_SIZE = 2
        return [
            ProductPageFactory(
                parent=vendor, title=f"Produk {n}", first_published_at=published_days_ago(n)
            )
            for n in range(1, 6)
        ]

    def test_pages(self, client, five_products):
        assert card_titles(get_ok(client, "/katalog/")) == ["Produk 1", "Produk 2"]
        assert card_titles(get_ok(client, "/katalog/", halaman="2")) == ["Produk 3", "Produk 4"]
        assert card_titles(get_ok(client, "/katalog/", halaman="3")) == ["Produk 5"]

    def test_past_the_end_is_the_last_page(self, client, five_products):
        response = get_ok(client, "/katalog/", halaman="999")
        assert card_titles(response) == ["Produk 5"]
        current = soup(response).select_one('.pagination [aria-current="page"]')
        assert current.get_text(strip=True) == "3"

    @pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "2x"])
    def test_invalid_page_numbers_are_404(self, client, five_products, number):
        assert client.get("/katalog/", {"halaman": number}).status_code == 404

    def test_pagination_links_keep_the_filters(self, client, five_products, regions):
        response = get_ok(client, "/katalog/", wilayah="kota-cirebon")
        links = [a["href"] for a in soup(response).select(".pagination a")]
        assert "?wilayah=kota-cirebon&halaman=2" in links

    def test_directory_pages(self, client, settings, regions):
        settings.VENDOR_PAGE_SIZE = 2
        for name in ("IKM A", "IKM B", "IKM C"):
            VendorPageFactory(title=name)
        assert card_titles(get_ok(client, "/ikm/")) == ["IKM A", "IKM B"]
        assert card_titles(get_ok(client, "/ikm/", halaman="999")) == ["IKM C"]
        assert client.get("/ikm/", {"halaman": "abc"}).status_code == 404
        assert client.get("/ikm/", {"halaman": "0"}).status_code == 404


# --- Filters and what is listed --------------------------------------------------------------


class TestListings:
    def test_region_filter_narrows_the_catalog(self, client, regions, product):
        cilegon_vendor = VendorPageFactory(title="Emping Cilegon", region=regions[1])
        emping = ProductPageFactory(parent=cilegon_vendor, title="Emping Melinjo")
        assert set(card_titles(get_ok(client, "/katalog/"))) == {product.title, emping.title}
        response = get_ok(client, "/katalog/", wilayah="kota-cilegon")
        assert card_titles(response) == [emping.title]
        assert '<meta name="robots" content="noindex, follow">' in response.content.decode()
        response = get_ok(client, "/katalog/batik/", wilayah="kota-cilegon")
        assert card_titles(response) == []

    def test_region_filter_narrows_the_directory(self, client, regions, vendor):
        VendorPageFactory(title="Emping Cilegon", region=regions[1])
        assert card_titles(get_ok(client, "/ikm/", wilayah="kota-cilegon")) == ["Emping Cilegon"]
        assert card_titles(get_ok(client, "/ikm/", wilayah="kota-cirebon")) == [vendor.title]

    def test_category_page_includes_its_subcategories(self, client, vendor, categories, product):
        top_level = ProductPageFactory(
            parent=vendor, title="Batik Cap Kawung", category=categories["batik"]
        )
        sirup = ProductPageFactory(
            parent=vendor, title="Sirup Pala", category=categories["makanan"]
        )
        batik = card_titles(get_ok(client, "/katalog/batik/"))
        assert set(batik) == {product.title, top_level.title}
        assert card_titles(get_ok(client, "/katalog/batik-tulis/")) == [product.title]
        assert card_titles(get_ok(client, "/katalog/makanan-olahan/")) == [sirup.title]

    def test_draft_product_is_not_listed(self, client, site_tree, vendor, product):
        draft = ProductPageFactory(
            parent=vendor, title="Batik Draf Rahasia", category=product.category, live=False
        )
        for url in ("/", "/katalog/", "/katalog/batik/", "/katalog/batik-tulis/", vendor.url):
            html = get_ok(client, url).content.decode()
            assert product.title in html, url
            assert draft.title not in html, url
        directory = soup(get_ok(client, "/ikm/")).select_one(".vendor-card").get_text(" ")
        assert "1 produk" in directory

    def test_unpublished_ikm_is_not_in_the_directory(self, client, vendor):
        hidden = VendorPageFactory(title="IKM Belum Terbit", live=False)
        assert card_titles(get_ok(client, "/ikm/")) == [vendor.title]
        assert client.get(f"/ikm/{hidden.slug}/").status_code == 404


# --- SEO: structured data, canonical, sharing, sitemap ---------------------------------------


class TestStructuredData:
    def test_product(self, client, product, parse_jsonld):
        blocks = parse_jsonld(get_ok(client, product.url).content.decode())
        data = of_type(blocks, "Product")
        url = "http://testserver/ikm/batik-ibu-siti/batik-tulis-mega-mendung/"
        assert data["@context"] == "https://schema.org"
        assert data["name"] == "Batik Tulis Mega Mendung"
        assert data["url"] == url
        assert data["description"] == "Kain batik tulis motif Mega Mendung, pewarna alam."
        assert data["sku"] == "BT-MM-01"
        assert data["brand"] == {"@type": "Brand", "name": "Batik Ibu Siti"}
        assert data["image"]
        for image in data["image"]:
            assert re.match(r"^https?://testserver/media/.+\.(jpg|jpeg|png|webp)$", image), image
        offer = data["offers"]
        assert offer["@type"] == "Offer"
        assert offer["price"] == "150000"
        assert re.fullmatch(r"\d+", offer["price"])
        assert offer["priceCurrency"] == "IDR"
        assert offer["availability"] == "https://schema.org/InStock"
        assert offer["url"] == url

    @pytest.mark.parametrize(
        ("changes", "availability"),
        [
            ({"stock": 0}, "https://schema.org/OutOfStock"),
            (
                {"availability": "preorder", "stock": None, "lead_time_days": 14},
                "https://schema.org/PreOrder",
            ),
            (
                {"availability": "made_to_order", "stock": None, "lead_time_days": 30},
                "https://schema.org/MadeToOrder",
            ),
        ],
    )
    def test_availability(self, client, vendor, parse_jsonld, changes, availability):
        product = ProductPageFactory(parent=vendor, **changes)
        blocks = parse_jsonld(get_ok(client, product.url).content.decode())
        assert of_type(blocks, "Product")["offers"]["availability"] == availability

    def test_price_on_request_has_no_offer(self, client, vendor, parse_jsonld):
        product = ProductPageFactory(parent=vendor, price=None)
        data = of_type(parse_jsonld(get_ok(client, product.url).content.decode()), "Product")
        assert "offers" not in data
        assert data["name"] == product.title

    def test_breadcrumbs(self, client, product, parse_jsonld):
        blocks = parse_jsonld(get_ok(client, product.url).content.decode())
        items = of_type(blocks, "BreadcrumbList")["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert [item["name"] for item in items] == [
            "Etalase IKM",
            "Direktori IKM",
            "Batik Ibu Siti",
            "Batik Tulis Mega Mendung",
        ]
        assert items[-1]["item"] == "http://testserver/ikm/batik-ibu-siti/batik-tulis-mega-mendung/"
        for item in items:
            assert item["@type"] == "ListItem"
            assert item["item"].startswith("http://testserver/")

    def test_ikm_local_business(self, client, vendor, parse_jsonld):
        blocks = parse_jsonld(get_ok(client, vendor.url).content.decode())
        business = of_type(blocks, "LocalBusiness")
        assert business["name"] == "Batik Ibu Siti"
        assert business["url"] == "http://testserver/ikm/batik-ibu-siti/"
        assert business["telephone"] == "+6281234567890"
        assert business["address"] == {
            "@type": "PostalAddress",
            "streetAddress": "Jl. Trusmi Kulon No. 12",
            "addressLocality": "Kota Cirebon",
            "addressRegion": "Jawa Barat",
            "postalCode": "45154",
            "addressCountry": "ID",
        }
        positions = [i["position"] for i in of_type(blocks, "BreadcrumbList")["itemListElement"]]
        assert positions == [1, 2, 3]

    def test_script_end_tag_in_a_title_is_escaped(self, client, vendor, parse_jsonld):
        title = 'Batik "Mega" </script><script>alert(1)</script> & <b>Co</b>'
        product = ProductPageFactory(parent=vendor, title=title, slug="batik-nakal")
        html = get_ok(client, product.url).content.decode()
        assert "<script>alert(1)" not in html
        blocks = parse_jsonld(html)  # would fail on a block cut short by the </script>
        assert of_type(blocks, "Product")["name"] == title
        assert of_type(blocks, "BreadcrumbList")["itemListElement"][-1]["name"] == title
        scripts = soup(get_ok(client, product.url)).find_all("script")
        injected = [s for s in scripts if "alert(1)" in s.get_text()]
        assert all(s.get("type") == "application/ld+json" for s in injected)

    def test_canonical_and_open_graph(self, client, product):
        page = soup(get_ok(client, product.url))
        url = "http://testserver/ikm/batik-ibu-siti/batik-tulis-mega-mendung/"
        assert page.find("link", rel="canonical")["href"] == url
        assert page.find("meta", property="og:url")["content"] == url
        assert page.find("meta", property="og:title")["content"] == product.title
        og_image = page.find("meta", property="og:image")["content"]
        assert re.match(r"^http://testserver/media/.+\.(jpg|jpeg|png|webp)$", og_image), og_image
        assert page.find("meta", property="og:image:alt")["content"]
        description = page.find("meta", attrs={"name": "description"})
        assert description is None or description["content"]

    def test_open_graph_type(self, client, site_tree, product, vendor):
        def og_type(url):
            return [
                m["content"] for m in soup(get_ok(client, url)).select('meta[property="og:type"]')
            ]

        assert og_type(product.url) == ["product"]
        assert og_type(vendor.url) == ["profile"]
        assert og_type("/katalog/") == ["website"]
        assert og_type("/") == ["website"]

    def test_ikm_cover_is_the_share_image(self, client, vendor):
        vendor.cover_image = ImageFactory(title="Bengkel batik")
        vendor.save()
        page = soup(get_ok(client, vendor.url))
        assert page.find("meta", property="og:image")["content"].startswith(
            "http://testserver/media/"
        )
        assert page.find("link", rel="canonical")["href"] == "http://testserver/ikm/batik-ibu-siti/"


class TestSitemapAndRobots:
    def test_sitemap_lists_live_pages_only(self, client, vendor, product):
        draft = ProductPageFactory(parent=vendor, title="Produk Draf", live=False)
        hidden = VendorPageFactory(title="IKM Belum Terbit", live=False)
        withdrawn = ProductPageFactory(parent=vendor, title="Produk Ditarik")
        withdrawn.unpublish()
        response = get_ok(client, "/sitemap.xml")
        assert response["Content-Type"].startswith("application/xml")
        locations = {urlparse(loc.text).path for loc in soup(response).find_all("loc")}
        assert {"/", "/katalog/", "/ikm/", vendor.url, product.url} <= locations
        assert f"/ikm/batik-ibu-siti/{draft.slug}/" not in locations
        assert f"/ikm/{hidden.slug}/" not in locations
        assert f"/ikm/batik-ibu-siti/{withdrawn.slug}/" not in locations
        assert all(loc.text.startswith("http") for loc in soup(response).find_all("loc"))

    def test_robots_txt_points_to_the_sitemap(self, client):
        response = get_ok(client, "/robots.txt")
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "Sitemap: http://testserver/sitemap.xml" in lines
        assert "Disallow: /admin/" in lines
        # Inquiry forms and the counted WhatsApp redirect are not for crawlers; of the search
        # pages, only a plain search (`?q=<words>` alone) is.
        assert {"Disallow: /cari/", "Disallow: /tanya/", "Disallow: /wa/"} <= set(lines)
        allowed = robots_allowed(lines)
        assert allowed("/cari/?q=batik+tulis")
        assert allowed("/en/cari/?q=rattan+chair")
        for path in (
            "/cari/",
            "/cari/?q=batik&kategori=kain",
            "/cari/?q=batik&halaman=2",
            "/cari/?kategori=kain",
            "/en/cari/?q=batik&urut=price_asc",
            "/tanya/12/",
            "/admin/",
        ):
            assert not allowed(path), path
        assert allowed("/katalog/") and allowed("/ikm/")


def robots_allowed(lines):
    """RFC 9309 matching for `User-agent: *`: the longest matching rule wins, Allow on a tie;
    `*` matches any characters, `$` ends the path. As Google and Lighthouse read robots.txt."""
    import re

    rules = []
    for line in lines:
        kind, _, pattern = line.partition(":")
        if kind in ("Allow", "Disallow") and pattern.strip():
            pattern = pattern.strip()
            regex = re.escape(pattern).replace(r"\*", ".*")
            if regex.endswith(r"\$"):
                regex = regex[:-2] + "$"
            rules.append((len(pattern), kind == "Allow", re.compile(regex)))

    def allowed(path):
        matches = [(length, allow) for length, allow, regex in rules if regex.match(path)]
        return max(matches)[1] if matches else True

    return allowed


class TestLanguages:
    def test_english_catalog(self, client, product):
        response = get_ok(client, "/en/katalog/")
        html = response.content.decode()
        assert '<html lang="en">' in html
        assert card_titles(response) == [product.title]
        assert "Rp 150,000" in html

    def test_indonesian_is_the_default(self, client, product):
        html = get_ok(client, "/katalog/").content.decode()
        assert '<html lang="id">' in html
        alternates = {
            link["hreflang"]: link["href"]
            for link in BeautifulSoup(html, "html.parser").find_all(
                "link", rel="alternate", hreflang=True
            )
        }
        assert alternates == {
            "id": "http://testserver/katalog/",
            "en": "http://testserver/en/katalog/",
            "x-default": "http://testserver/katalog/",
        }


# --- Images ----------------------------------------------------------------------------------


class TestImages:
    @pytest.fixture
    def large_photo_product(self, vendor):
        product = ProductPageFactory(parent=vendor, title="Topeng Kelana")
        image = ImageFactory(title="Topeng Kelana merah", file__width=2000, file__height=1500)
        ProductGalleryImageFactory(page=product, image=image)
        return product

    @staticmethod
    def assert_responsive(img):
        assert img.get("alt")
        assert int(img["width"]) > 0
        assert int(img["height"]) > 0
        assert img["src"].endswith(".webp")
        candidates = [c.strip().split(" ") for c in img["srcset"].split(",")]
        assert all(url.endswith(".webp") and width.endswith("w") for url, width in candidates)
        assert img.get("sizes")
        return candidates

    def test_product_page_photo(self, client, large_photo_product):
        page = soup(get_ok(client, large_photo_product.url))
        img = page.select_one(".product__main-image img")
        candidates = self.assert_responsive(img)
        assert [width for _url, width in candidates] == ["800w", "1600w"]
        assert (img["width"], img["height"]) == ("800", "600")
        assert img["alt"] == "Foto Topeng Kelana merah"

    def test_listing_cards(self, client, large_photo_product):
        page = soup(get_ok(client, "/katalog/"))
        img = page.select_one(".product-card img")
        candidates = self.assert_responsive(img)
        assert [width for _url, width in candidates] == ["480w", "960w"]
        assert (img["width"], img["height"]) == ("480", "360")


# --- Query counts ----------------------------------------------------------------------------


def add_products(vendor, count, category):
    for _ in range(count):
        product = ProductPageFactory(parent=vendor, category=category)
        ProductGalleryImageFactory(page=product)


class TestQueryCountsDoNotGrowWithTheCatalog:
    def test_catalog_listing(self, client, count_queries, vendor, categories):
        other_vendor = VendorPageFactory()
        add_products(vendor, 2, categories["batik-tulis"])
        add_products(other_vendor, 1, categories["makanan"])
        small = {url: count_queries(url) for url in ("/katalog/", "/katalog/batik/", "/")}
        add_products(vendor, 6, categories["batik-tulis"])
        add_products(other_vendor, 6, categories["batik"])
        assert ProductPage.objects.live().count() == 15
        large = {url: count_queries(url) for url in ("/katalog/", "/katalog/batik/", "/")}
        assert len(card_titles(get_ok(client, "/katalog/"))) == 15
        assert len(card_titles(get_ok(client, "/katalog/batik/"))) == 14
        assert small == large

    def test_directory(self, client, count_queries, categories):
        def add_vendors(count):
            for _ in range(count):
                ikm = VendorPageFactory(logo=ImageFactory())
                add_products(ikm, 1, categories["makanan"])

        add_vendors(3)
        small = count_queries("/ikm/")
        add_vendors(12)
        large = count_queries("/ikm/")
        assert len(card_titles(get_ok(client, "/ikm/"))) == 15
        assert small == large

    def test_ikm_page(self, client, count_queries, vendor, categories):
        add_products(vendor, 3, categories["batik-tulis"])
        small = count_queries(vendor.url)
        add_products(vendor, 12, categories["batik-tulis"])
        large = count_queries(vendor.url)
        assert len(card_titles(get_ok(client, vendor.url))) == 15
        assert small == large

    def test_product_page(self, client, count_queries, vendor, categories, product):
        add_products(vendor, 2, product.category)
        small = count_queries(product.url)
        add_products(vendor, 12, product.category)
        large = count_queries(product.url)
        assert small == large


def test_unpublishing_an_ikm_takes_its_products_off_the_site(client):
    from catalog.factories import ProductPageFactory, VendorPageFactory

    vendor = VendorPageFactory(title="IKM Tutup Sementara")
    product = ProductPageFactory(parent=vendor, title="Sirup Tutup Sementara")
    other = ProductPageFactory(title="Sirup Tetap Buka")
    assert client.get(product.url).status_code == 200
    vendor.unpublish()
    product.refresh_from_db()
    assert product.live  # the product itself stays published...
    assert client.get(product.url).status_code == 404  # ...but buyers no longer reach it
    listing = client.get("/katalog/").content.decode()
    assert "Sirup Tutup Sementara" not in listing and "Sirup Tetap Buka" in listing
    found = client.get("/cari/", {"q": "sirup"}).content.decode()
    assert "Sirup Tutup Sementara" not in found and "Sirup Tetap Buka" in found
    sitemap = client.get("/sitemap.xml").content.decode()
    assert product.url not in sitemap and other.url in sitemap
    vendor.save_revision().publish()
    assert client.get(product.url).status_code == 200
