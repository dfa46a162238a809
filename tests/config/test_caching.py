"""Caching: the anonymous page cache (what it keeps, for whom, and what purges it), conditional
GETs, renditions made at publish time, and hashed static files cached for a year."""

import pytest
from django.core.management import call_command
from django.middleware.csrf import get_token
from django.test import Client

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    UserFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage
from pagecache.middleware import response_is_cacheable
from search.models import SynonymSet
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def category():
    return CategoryFactory(name="Batik", slug="batik")


@pytest.fixture
def vendor():
    return VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")


@pytest.fixture
def product(vendor, category):
    return ProductPageFactory(
        parent=vendor, title="Batik Mega Mendung", slug="batik-mega-mendung", category=category
    )


def cache_state(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache"), response.content.decode()


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


PUBLIC_URLS = ["/", "/katalog/", "/katalog/batik/", "/ikm/", "/cari/saran/?q=bat"]


@pytest.mark.usefixtures("page_cache_on")
class TestAnonymousPagesAreCached:
    def test_every_public_page_type_is_served_from_the_cache(self, client, product, vendor):
        for url in [*PUBLIC_URLS, product.url, vendor.url]:
            assert cache_state(client, url)[0] == "miss", url
            state, _html = cache_state(client, url)
            assert state == "hit", url

    def test_a_cached_page_is_the_page(self, client, product):
        first = client.get(product.url)
        second = client.get(product.url)
        assert second["X-Page-Cache"] == "hit"
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert second["Content-Language"] == "id"

    def test_the_product_and_ikm_pages_set_no_cookie_and_carry_no_token(self, client, product):
        response = client.get(product.url)
        assert not response.cookies
        assert b'name="csrfmiddlewaretoken" value=""' in response.content

    def test_english_and_indonesian_are_cached_apart(self, client, product):
        cache_state(client, product.url)
        state, html = cache_state(client, f"/en{product.url}")
        assert state == "miss" and 'lang="en"' in html

    def test_conditional_get_answers_304(self, client, product):
        response = client.get(product.url)
        etag = response["ETag"]
        assert etag
        again = client.get(product.url, headers={"if-none-match": etag})
        assert again.status_code == 304 and again.content == b""
        assert client.get(product.url, headers={"if-none-match": '"other"'}).status_code == 200


@pytest.mark.usefixtures("page_cache_on")
class TestNeverCached:
    def test_logged_in_visitors_get_fresh_pages(self, client, product):
        cache_state(client, product.url)
        login_verified(client, UserFactory(is_superuser=True, is_staff=True))
        for _ in range(2):
            response = client.get(product.url)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
        # ...and what they saw (a userbar, their name) was not stored for the anonymous.
        client.logout()
        assert cache_state(client, product.url)[0] == "hit"

    def test_wagtail_preview(self, client, product):
        login_verified(client, UserFactory(is_superuser=True, is_staff=True))
        response = client.get(f"/admin/pages/{product.pk}/view_draft/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response

    def test_search_results(self, client, product):
        for _ in range(2):
            response = client.get("/cari/", {"q": "batik"})
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
            assert "no-cache" in response["Cache-Control"]

    def test_the_inquiry_form_page_and_posts(self, client, product):
        for _ in range(2):
            response = client.get(f"/tanya/{product.pk}/")
            assert "X-Page-Cache" not in response
        response = client.post(f"/tanya/{product.pk}/", {})
        assert response.status_code == 400 and "X-Page-Cache" not in response
        for _ in range(2):
            assert "X-Page-Cache" not in client.get("/tanya/token/")

    def test_a_request_with_a_session_cookie_bypasses_the_cache(self, client, product):
        cache_state(client, product.url)
        client.cookies["sessionid"] = "whatever"
        assert "X-Page-Cache" not in client.get(product.url)


class TestWhatMayBeStored:
    def ok(self, rf, **headers):
        from django.http import HttpResponse

        response = HttpResponse("<p>page</p>")
        for name, value in headers.items():
            response[name] = value
        return rf.get("/"), response

    def test_a_plain_page_may(self, rf):
        assert response_is_cacheable(*self.ok(rf))

    def test_not_one_that_used_a_csrf_token(self, rf):
        request, response = self.ok(rf)
        get_token(request)
        assert not response_is_cacheable(request, response)

    def test_not_one_that_sets_a_cookie(self, rf):
        request, response = self.ok(rf)
        response.set_cookie("django_language", "en")
        assert not response_is_cacheable(request, response)

    @pytest.mark.parametrize("value", ["private", "no-cache", "no-store", "max-age=0"])
    def test_not_one_that_says_so(self, rf, value):
        assert not response_is_cacheable(*self.ok(rf, **{"Cache-Control": value}))

    def test_not_an_error(self, rf):
        request, response = self.ok(rf)
        response.status_code = 404
        assert not response_is_cacheable(request, response)


@pytest.mark.usefixtures("page_cache_on")
class TestPurge:
    """Every change a public page can show invalidates the cached pages."""

    def assert_purged(self, client, url, change, expect_in=None, expect_not_in=None):
        cache_state(client, url)
        assert cache_state(client, url)[0] == "hit"
        change()
        state, html = cache_state(client, url)
        assert state == "miss"
        if expect_in:
            assert expect_in in html
        if expect_not_in:
            assert expect_not_in not in html

    def test_publishing_a_changed_product(self, client, product, vendor):
        for url in ("/katalog/", vendor.url, product.url, "/"):
            self.assert_purged(
                client,
                url,
                lambda: republish(product, title=f"Batik Baru {ProductPage.objects.count()}"),
                expect_in="Batik Baru",
            )

    def test_publishing_a_new_product(self, client, product, category, vendor):
        def add():
            ProductPageFactory(parent=vendor, title="Topeng Kelana", category=category)

        self.assert_purged(client, "/katalog/", add, expect_in="Topeng Kelana")

    def test_unpublishing(self, client, product):
        self.assert_purged(
            client, "/katalog/", product.unpublish, expect_not_in="Batik Mega Mendung"
        )

    def test_deleting(self, client, product):
        self.assert_purged(client, "/katalog/", product.delete, expect_not_in="Batik Mega Mendung")

    def test_moving(self, client, product):
        other = VendorPageFactory(title="IKM Lain", slug="ikm-lain")

        def move():
            product.move(other, pos="last-child")

        self.assert_purged(client, other.url, move, expect_in="Batik Mega Mendung")

    def test_renaming_an_ikm(self, client, product, vendor):
        self.assert_purged(
            client,
            product.url,
            lambda: republish(vendor, title="Batik Ibu Siti Aminah"),
            expect_in="Batik Ibu Siti Aminah",
        )

    def test_a_taxonomy_snippet(self, client, product, category):
        def rename():
            category.name = "Batik Nusantara"
            category.save()

        self.assert_purged(client, "/katalog/", rename, expect_in="Batik Nusantara")

    def test_a_synonym_set(self, client, product):
        self.assert_purged(client, "/", lambda: SynonymSet.objects.create(terms="rotan, rattan"))

    def test_inquiries_and_clicks_do_not_purge(self, client, product):
        from pagecache.middleware import page_cache
        from pagecache.purge import CLOCK_KEY

        cache_state(client, "/")
        before = page_cache().get(CLOCK_KEY)
        client.get(f"/wa/{product.vendor.pk}/")
        client.get("/cari/", {"q": "batik"})
        assert page_cache().get(CLOCK_KEY) == before
        assert cache_state(client, "/")[0] == "hit"


def test_commit_purge(settings, django_capture_on_commit_callbacks):
    """The site-wide tag is purged again when the transaction that changed a snippet commits.

    (Not a transactional test: its flush would recreate the content types under new ids and
    break the browser tests' serialized rollback later in the session.)"""
    from pagecache.middleware import page_cache
    from pagecache.purge import tag_key

    settings.PAGE_CACHE_SECONDS = 600
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        CategoryFactory(name="Tenun", slug="tenun")
        during = page_cache().get(tag_key("site"))
    assert callbacks
    assert page_cache().get(tag_key("site")) > during


def test_publishing_makes_the_renditions_the_pages_show(product):
    from catalog.renditions import PRODUCT_SPECS
    from printing.document import PHOTO_SPEC  # the printed catalog's photo (printing/signals.py)

    image = ImageFactory()
    ProductGalleryImageFactory(page=product, image=image)
    assert not image.renditions.exists()
    product.save_revision().publish()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == {*PRODUCT_SPECS, PHOTO_SPEC}


def test_hashed_static_files_are_cached_for_a_year(settings, tmp_path):
    """Production storage: collectstatic writes content-hashed names, WhiteNoise serves them
    as immutable for ten years; the pages link the hashed names."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.templatetags.static import static

    url = static("css/site.css")
    assert url != "/static/css/site.css" and url.endswith(".css")
    client = Client()
    assert url in client.get("/ikm/").content.decode()
    response = client.get(url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control and "max-age=315360000" in cache_control
    assert "gzip" in client.get(url, headers={"accept-encoding": "gzip"}).get(
        "Content-Encoding", ""
    )


def test_search_answers_are_cached_until_the_catalog_changes(client, settings, product, vendor):
    """The engine's answers (ids, totals, facet counts) are cached per query and purged with
    the pages: a newly published product shows at once, in listings and in searches."""
    settings.SEARCH_RESULT_CACHE_SECONDS = 600
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/katalog/")
    with CaptureQueriesContext(connection) as first:
        client.get("/katalog/")
    settings.SEARCH_RESULT_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as uncached:
        client.get("/katalog/")
    assert len(first.captured_queries) < len(uncached.captured_queries)

    settings.SEARCH_RESULT_CACHE_SECONDS = 600
    assert "Batik Mega Mendung" in client.get("/cari/", {"q": "batik"}).content.decode()
    ProductPageFactory(parent=vendor, title="Batik Kawung Baru", category=product.category)
    assert "Batik Kawung Baru" in client.get("/katalog/").content.decode()
    assert "Batik Kawung Baru" in client.get("/cari/", {"q": "batik"}).content.decode()
